import type { Diagnostic, Location } from '../../diagnostics/diagnostic.js';
import { LIMITS } from '../../limits.js';
import { imagePixels, pngIsSound, readImageHeader } from '../images.js';
import type { TypesetInput } from '../types.js';
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

/**
 * Wraps the caller's loader: PNG/JPEG only, checked by magic bytes, capped in bytes and in pixels
 * (read from the PNG IHDR or the JPEG SOFn header, before anything is decoded or handed to pdfkit);
 * every refusal becomes an 'image' diagnostic.
 */
export function imageLoader(
  load: TypesetInput['loadImage'],
  pdfA: boolean,
  diagnostics: Diagnostic[],
  caps: ImageCaps = { bytes: LIMITS.imageBytes, pixels: LIMITS.imagePixels },
): (src: string, at: Location | undefined) => LoadedImage | undefined {
  return (src, at) => {
    const data = load?.(src);
    if (!data) {
      diagnostics.push(imageDiagnostic('warning', 'The image file was not found.', at, src, 'Check the path: it is relative to the project folder.'));
      return undefined;
    }
    if (!(data instanceof Uint8Array)) {
      diagnostics.push(data.refused === 'too-large'
        ? imageDiagnostic('warning', tooLarge(data.bytes ?? 0, caps.bytes), at, src, 'Save the image at a smaller size or with more compression.')
        : imageDiagnostic('warning', 'The image is outside the project folder and is left out.', at, src, 'Copy the image into the project (e.g. its assets/ folder) and refer to it there.'));
      return undefined;
    }
    if (data.length > caps.bytes) {
      diagnostics.push(
        imageDiagnostic('warning', tooLarge(data.length, caps.bytes), at, src, 'Save the image at a smaller size or with more compression.'),
      );
      return undefined;
    }
    const header = readImageHeader(data);
    if (header.kind === 'unknown') {
      diagnostics.push(imageDiagnostic('warning', 'The image is not a PNG or JPEG file and is left out.', at, src, 'Convert it to PNG or JPEG.'));
      return undefined;
    }
    if (header.kind === 'damaged') {
      const what = header.format === 'png' ? 'PNG file has no valid IHDR header' : 'JPEG file has no valid frame header (SOF)';
      diagnostics.push(imageDiagnostic('warning', `The ${what}: it is truncated or damaged and is left out.`, at, src, 'Export the image again.'));
      return undefined;
    }
    const info = header.info;
    const pixels = imagePixels(info);
    if (pixels > caps.pixels) {
      diagnostics.push(
        imageDiagnostic(
          'warning',
          `The image is ${count(info.width)} × ${count(info.height)} = ${count(pixels)} pixels; images are limited to ${count(caps.pixels)} pixels. It is left out.`,
          at,
          src,
          'Scale the image down: at most 4000 × 4000 pixels is plenty for print.',
        ),
      );
      return undefined;
    }
    if (info.format === 'png' && !pngIsSound(data)) {
      diagnostics.push(imageDiagnostic('warning', 'The PNG file is damaged and is left out.', at, src, 'Export the image again.'));
      return undefined;
    }
    if (pdfA && info.alpha) {
      diagnostics.push(
        imageDiagnostic('error', 'The image has transparency, which PDF/A does not allow.', at, src, 'Save the image without an alpha channel (flatten it onto white).'),
      );
      return undefined;
    }
    return { data, width: info.width, height: info.height };
  };
}
