import type { Diagnostic, Location } from '../../diagnostics/diagnostic.js';
import { LIMITS } from '../../limits.js';
import { imageUrlRefusal, refusedImage } from '../../markdown/images.js';
import { imagePixels, pngIsSound, readImageHeader } from '../images.js';
import type { ImageRefusal, TypesetInput } from '../types.js';
import type { LoadedImage } from './context.js';

function imageDiagnostic(severity: Diagnostic['severity'], message: string, at: Location | undefined, actual?: string, hint?: string): Diagnostic {
  return {
    code: 'image',
    severity,
    stage: 'typeset',
    message,
    ...(at ? { location: at } : {}),
    ...(actual ? { actual } : {}),
    ...(hint ? { hint } : {}),
  };
}

/** 40000000 → '40,000,000' (no locale data involved, so messages are the same everywhere). */
const count = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
const mebibytes = (n: number): string => `${Number((n / 1024 / 1024).toFixed(1))} MiB`;

/** Sizes near the cap in bytes, so 10 MiB + 1 byte does not read as "10 MiB, limited to 10 MiB". */
const tooLarge = (size: number, cap: number): string =>
  `The image file is ${mebibytes(size)} (${count(size)} bytes); images are limited to ${mebibytes(cap)} (${count(cap)} bytes). It is left out.`;

/** Caps the loader checks; the defaults are LIMITS, tests may pass smaller ones. */
export interface ImageCaps {
  bytes: number;
  pixels: number;
}

/** What is wrong with an image, or the image: the same judgement for `validate` and for the typesetter. */
export type ImageVerdict =
  | { ok: true; data: Uint8Array; width: number; height: number }
  | { ok: false; severity: Diagnostic['severity']; message: string; hint: string };

/**
 * PNG/JPEG only, checked by magic bytes, capped in bytes and in pixels (read from the PNG IHDR or the
 * JPEG SOFn header, before anything is decoded or handed to pdfkit). Pure.
 */
export function inspectImage(data: Uint8Array | ImageRefusal | undefined, pdfA: boolean, caps: ImageCaps = { bytes: LIMITS.imageBytes, pixels: LIMITS.imagePixels }): ImageVerdict {
  const problem = (message: string, hint: string, severity: Diagnostic['severity'] = 'warning'): ImageVerdict => ({ ok: false, severity, message, hint });
  if (!data) return problem('The image file was not found.', 'Check the path: it is relative to the project folder.');
  if (!(data instanceof Uint8Array)) {
    return data.refused === 'too-large'
      ? problem(tooLarge(data.bytes ?? 0, caps.bytes), 'Save the image at a smaller size or with more compression.')
      : problem('The image is outside the project folder and is left out.', 'Copy the image into the project (e.g. its assets/ folder) and refer to it there.');
  }
  if (data.length > caps.bytes) return problem(tooLarge(data.length, caps.bytes), 'Save the image at a smaller size or with more compression.');
  const header = readImageHeader(data);
  if (header.kind === 'unknown') return problem('The image is not a PNG or JPEG file and is left out.', 'Convert it to PNG or JPEG.');
  if (header.kind === 'damaged') {
    const what = header.format === 'png' ? 'PNG file has no valid IHDR header' : 'JPEG file has no valid frame header (SOF)';
    return problem(`The ${what}: it is truncated or damaged and is left out.`, 'Export the image again.');
  }
  const info = header.info;
  const pixels = imagePixels(info);
  if (pixels > caps.pixels) {
    return problem(`The image is ${count(info.width)} × ${count(info.height)} = ${count(pixels)} pixels; images are limited to ${count(caps.pixels)} pixels. It is left out.`,
      'Scale the image down: at most 4000 × 4000 pixels is plenty for print.');
  }
  if (info.format === 'png' && !pngIsSound(data)) return problem('The PNG file is damaged and is left out.', 'Export the image again.');
  if (pdfA && info.alpha) return problem('The image has transparency, which PDF/A does not allow.', 'Save the image without an alpha channel (flatten it onto white).', 'error');
  return { ok: true, data, width: info.width, height: info.height };
}

/** Wraps the caller's loader: every refusal of `inspectImage` becomes an 'image' diagnostic. */
export function imageLoader(
  load: TypesetInput['loadImage'],
  pdfA: boolean,
  diagnostics: Diagnostic[],
  caps: ImageCaps = { bytes: LIMITS.imageBytes, pixels: LIMITS.imagePixels },
): (src: string, at: Location | undefined) => LoadedImage | undefined {
  return (src, at) => {
    // A web address, another URL, an absolute path or one through "..": never read, said as validate says it (it said "not found").
    const refused = imageUrlRefusal(src);
    if (refused) {
      const { message, hint } = refusedImage(src, refused);
      diagnostics.push(imageDiagnostic('warning', message, at, src, hint));
      return undefined;
    }
    const verdict = inspectImage(load?.(src), pdfA, caps);
    if (verdict.ok) return { data: verdict.data, width: verdict.width, height: verdict.height };
    diagnostics.push(imageDiagnostic(verdict.severity, verdict.message, at, src, verdict.hint));
    return undefined;
  };
}
