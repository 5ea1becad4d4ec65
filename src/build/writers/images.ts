import path from 'node:path';
import type { ImageFile } from '../../load/image-files.js';
import { inspectImage } from '../../typeset/layout/load-image.js';
import type { OutputFile } from '../publish.js';
import { IMAGE_FORMATS } from '../output-formats.js';

/**
 * The images a format's documents show, copied beside them in the edition's folder (`prefix`) at the
 * path the notes name them by (`assets/x.png`), read as the PDF reads them (inside the project,
 * within the limits). One the PDF would refuse was reported by validate, and is not copied: the
 * documents show its alt text (HTML), or name a file the reader will not find (Markdown). Made for
 * the Markdown and the HTML alike, which publish the same images at the same paths.
 */
export function imageFiles(images: Iterable<string>, prefix: string, read: (src: string) => ImageFile): OutputFile[] {
  const files = new Map<string, OutputFile>();
  for (const image of [...new Set(images)].sort()) {
    // Published by its plain name (`./assets/x.png`, `assets//x.png`: `assets/x.png`), where the link still finds it.
    const name = path.posix.normalize(image);
    if (files.has(name) || name === '.' || name.startsWith('../') || name.includes('\\')) continue;
    const bytes = read(image);
    if (bytes instanceof Uint8Array && inspectImage(bytes, false).ok) files.set(name, { path: `${prefix}${name}`, content: bytes, shared: true, formats: IMAGE_FORMATS });
  }
  return [...files.values()];
}
