import type { ImageFile } from '../../load/image-files.js';
import { inspectImage } from '../../typeset/layout/load-image.js';
import type { OutputFile } from '../publish.js';

/**
 * The images a format's documents show, copied beside them in the edition's folder (`prefix`) at the
 * path the notes name them by (`assets/x.png`), read as the PDF reads them (inside the project,
 * within the limits). One the PDF would refuse was reported by validate, and is not copied: the
 * documents show its alt text (HTML), or name a file the reader will not find (Markdown).
 */
export function imageFiles(images: Iterable<string>, prefix: string, read: (src: string) => ImageFile): OutputFile[] {
  const files: OutputFile[] = [];
  for (const image of [...new Set(images)].sort()) {
    const bytes = read(image);
    if (bytes instanceof Uint8Array && inspectImage(bytes, false).ok) files.push({ path: `${prefix}${image}`, content: bytes, shared: true });
  }
  return files;
}
