import { imageFileReader } from '../load/image-files.js';
import { inspectImage } from '../typeset/layout/load-image.js';
import type { DocxImage } from './context.js';

/**
 * Images read and judged as the PDF reads them (inside the project, PNG or JPEG, within the limits);
 * one the PDF would refuse was reported by validate, and the document shows its alt text.
 */
export function docxImageLoader(projectDir: string): (src: string) => DocxImage | undefined {
  const read = imageFileReader(projectDir);
  return (src) => {
    const verdict = inspectImage(read(src), false);
    if (!verdict.ok) return undefined;
    const png = verdict.data[0] === 0x89 && verdict.data[1] === 0x50;
    return { data: verdict.data, type: png ? 'png' : 'jpg', width: verdict.width, height: verdict.height };
  };
}
