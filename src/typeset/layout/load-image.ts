import type { Diagnostic, Location } from '../../diagnostics/diagnostic.js';
import { pngIsSound, sniffImage } from '../images.js';
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

/** Wraps the caller's loader: PNG/JPEG only, checked by magic bytes; every refusal becomes an 'image' diagnostic. */
export function imageLoader(
  load: ((src: string) => Uint8Array | undefined) | undefined,
  pdfA: boolean,
  diagnostics: Diagnostic[],
): (src: string, at: Location | undefined) => LoadedImage | undefined {
  return (src, at) => {
    const data = load?.(src);
    if (!data) {
      diagnostics.push(imageDiagnostic('warning', 'The image file was not found.', at, src));
      return undefined;
    }
    const info = sniffImage(data);
    if (!info) {
      diagnostics.push(imageDiagnostic('warning', 'The image is not a PNG or JPEG file and is left out.', at, src, 'Convert it to PNG or JPEG.'));
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
