import path from 'node:path';
import type { Image, PhrasingContent } from 'mdast';

/**
 * Why the report cannot show an image the Markdown names by `url`, or undefined when it can: only
 * a path inside the project is read (no scheme such as http:, not absolute, no ".." segment).
 */
export type ImageUrlRefusal = 'remote' | 'url' | 'absolute' | 'dot-dot';

export function imageUrlRefusal(url: string): ImageUrlRefusal | undefined {
  if (/^https?:/i.test(url)) return 'remote';
  // C:\Users\me\photo.jpg: a Windows path, not a URL whose scheme is “C:”.
  if (/^[a-z]:[\\/]/i.test(url)) return 'absolute';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'url';
  if (url.startsWith('/') || url.startsWith('\\')) return 'absolute';
  if (url.split(/[/\\]/).includes('..')) return 'dot-dot';
  return undefined;
}

/** An image the report keeps: a path inside the project (no scheme, not absolute, no ".."); others become their alt text. */
export function isSafeImage(url: string): boolean {
  return imageUrlRefusal(url) === undefined;
}

/**
 * What to say of an image the report never reads (a warning, as for a missing file: the document
 * is still made, with the image's alt text in its place).
 */
export function refusedImage(src: string, refused: ImageUrlRefusal | 'reference'): { message: string; hint: string } {
  // The file's own name, for the hint's example (`photo.png` of `http://example.org/photo.png?size=2`).
  const name = src.replace(/[?#].*$/, '').split(/[/\\]/).filter(Boolean).pop() ?? '';
  const example = `assets/${/\.(png|jpe?g)$/i.test(name) ? name : 'photo.png'}`;
  const leftOut = 'it is left out (the documents show its alt text)';
  switch (refused) {
    case 'reference':
      return {
        message: `The image is written as a reference (![…][${src}]), which the report does not show: ${leftOut}.`,
        hint: 'Write the image with its path in place, e.g. ![Group photo](assets/photo.png).',
      };
    case 'remote':
      return {
        message: `The image is a web address, and images come only from files inside the project: ${leftOut}.`,
        hint: `Download the image into the project's assets/ folder and write its path, e.g. ![…](${example}).`,
      };
    case 'url':
      return {
        message: `The image is named by a URL (“${src.slice(0, src.indexOf(':') + 1)}”), not by a path inside the project: ${leftOut}.`,
        hint: `Save the image in the project's assets/ folder and write its path, e.g. ![…](${example}).`,
      };
    case 'absolute':
      return {
        message: `The image path is absolute, and images come only from inside the project folder: ${leftOut}.`,
        hint: `Copy the image into the project's assets/ folder and write its path from the project folder, e.g. ![…](${example}).`,
      };
    case 'dot-dot':
      return {
        message: path.posix.normalize(src.replace(/\\/g, '/')).startsWith('../')
          ? `The image path leads outside the project folder, and images come only from inside it: ${leftOut}.`
          : `The image path goes through “..”, which image paths may not: ${leftOut}.`,
        hint: `Copy the image into the project's assets/ folder if it is not there, and write its path from the project folder down, e.g. ![…](${example}).`,
      };
  }
}

/**
 * An image's size fitted into a box, as every writer fits a block image: its own size (never
 * enlarged), no wider than `box.width` and no higher than `box.height`, its proportions kept. In the
 * units given (the PDF's points, the DOCX's pixels). Pure.
 */
export function fitImage(image: { width: number; height: number }, box: { width: number; height: number }): { width: number; height: number } {
  const scale = Math.min(1, box.width / image.width, box.height / image.height);
  return { width: image.width * scale, height: image.height * scale };
}

/** An image taken out of a paragraph, with the address of the link around it (a logo linking to its site). */
export interface LinkedImage {
  image: Image;
  url?: string;
}

/**
 * A paragraph's images, taken out (inside links and emphasis too, in reading order), and its text
 * without them: empty when nothing but white space is left (“Photo:” stays). Every writer shows a
 * paragraph this way, its text then each image as a block of its own, centred, its title as a
 * caption: a line cannot hold a photo. Pure.
 */
export function takeImages(nodes: readonly PhrasingContent[]): { text: PhrasingContent[]; images: LinkedImage[] } {
  const images: LinkedImage[] = [];
  const text = withoutImages(nodes, images);
  return { text: text.every(blank) ? [] : text, images };
}

/** (Where an image was, the spaces either side of it are one: “Photo: and more.”, “text”.) */
function withoutImages(nodes: readonly PhrasingContent[], images: LinkedImage[], url?: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let cut = false;
  for (const node of nodes) {
    if (node.type === 'image') {
      images.push(url === undefined ? { image: node } : { image: node, url });
      cut = true;
      continue;
    }
    const before = out[out.length - 1];
    if (cut && node.type === 'text' && (before === undefined || (before.type === 'text' && /\s$/.test(before.value)))) out.push({ ...node, value: node.value.trimStart() });
    else if ('children' in node) out.push({ ...node, children: withoutImages(node.children as PhrasingContent[], images, node.type === 'link' ? node.url : url) } as PhrasingContent);
    else out.push(node);
    cut = false;
  }
  const last = out[out.length - 1];
  if (cut && last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.trimEnd() };
  return out;
}

/** White space, or a link or emphasis holding nothing else (an image's, once the image is taken out). */
function blank(node: PhrasingContent): boolean {
  if (node.type === 'text') return node.value.trim() === '';
  return 'children' in node && (node.children as PhrasingContent[]).every(blank);
}
