import path from 'node:path';
import type { ImageFile } from '../../load/image-files.js';
import { imageUrlRefusal } from '../../markdown/images.js';
import { inspectImage } from '../../typeset/layout/load-image.js';
import type { OutputFile } from '../publish.js';
import { IMAGE_FORMATS } from '../output-formats.js';

/**
 * Whether the report shows the image a document names by `src`, judged as the PDF judges it: a path
 * inside the project (see imageUrlRefusal), a file there, PNG or JPEG, sound, within the limits. One
 * it does not show is left out of every format, its alt text in its place (see leaveOutImages).
 */
export function showsImage(read: (src: string) => ImageFile): (src: string) => boolean {
  return (src) => {
    if (imageUrlRefusal(src) !== undefined) return false;
    const bytes = read(src);
    return bytes instanceof Uint8Array && inspectImage(bytes, false).ok;
  };
}

/**
 * The images a format's documents show, copied beside them in the edition's folder (`prefix`) at the
 * path the notes name them by (`assets/x.png`), read as the PDF reads them (inside the project,
 * within the limits). One the PDF would refuse is not in the documents (the build left it out, see
 * leaveOutImages), and is not copied. Made for the Markdown and the HTML alike, which publish the
 * same images at the same paths.
 */
export function imageFiles(images: Iterable<string>, prefix: string, read: (src: string) => ImageFile): OutputFile[] {
  const files = new Map<string, OutputFile>();
  const shows = showsImage(read);
  for (const image of [...new Set(images)].sort()) {
    // Published by its plain name (`./assets/x.png`, `assets//x.png`: `assets/x.png`), where the link still finds it.
    const name = path.posix.normalize(image);
    if (files.has(name) || name === '.' || name.startsWith('../') || name.includes('\\')) continue;
    const bytes = read(image);
    if (bytes instanceof Uint8Array && shows(image)) files.set(name, { path: `${prefix}${name}`, content: bytes, shared: true, formats: IMAGE_FORMATS });
  }
  return [...files.values()];
}
