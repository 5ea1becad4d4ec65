import path from 'node:path';
import type { Image } from 'mdast';
import { imageFileReader, type ImageFile } from '../../load/image-files.js';
import { isSafeImage } from '../../markdown/images.js';
import { parseGfm } from '../../markdown/parse.js';
import { frontMatterFromYaml } from '../../typeset/front-matter.js';
import { frontMatterText } from '../../markdown/front-matter-text.js';
import type { OutputFile } from '../publish.js';
import type { Writer, WriterDocument, WriterResult } from '../writer.js';
import { imageFiles } from './images.js';

/**
 * The Markdown documents as rendered: the reference every other format is made from. The images
 * they show, and the logo their front matter names, are published with them, as the HTML's are (at `assets/x.png` in the edition's folder),
 * and a document one folder down (`countries/MLI.md`) names them from where it is (`../assets/x.png`).
 * One writer per build: each image is published once per edition.
 */
export function markdownWriter(): Writer {
  const published = new Set<string>();
  const readers = new Map<string, (src: string) => ImageFile>();
  return {
    format: 'md',
    write: async (documents, context) => {
      const files: OutputFile[] = [];
      const prefix = context.folder ?? '';
      const images: string[] = [];
      for (const doc of documents) {
        const { markdown, shown } = withImagesFrom(doc, prefix);
        files.push({ path: doc.file, content: markdown });
        for (const image of shown) if (!published.has(`${prefix}${path.posix.normalize(image)}`)) images.push(image);
      }
      if (images.length > 0) {
        let read = readers.get(context.projectDir);
        if (!read) readers.set(context.projectDir, (read = imageFileReader(context.projectDir)));
        for (const image of images) published.add(`${prefix}${path.posix.normalize(image)}`);
        files.push(...imageFiles(images, prefix, read));
      }
      return { files, diagnostics: [], sources: new Map() } satisfies WriterResult;
    },
  };
}

/**
 * A document's Markdown with each image it shows (a path inside the project, see isSafeImage) named
 * from the document's folder inside the edition's, and those paths as the notes write them.
 */
function withImagesFrom(doc: WriterDocument, prefix: string): { markdown: string; shown: string[] } {
  const logo = frontMatterLogo(doc.markdown);
  if (!logo && !doc.markdown.includes('![')) return { markdown: doc.markdown, shown: [] };
  const root = '../'.repeat(doc.file.slice(prefix.length).split('/').length - 1);
  const shown: string[] = [];
  const inserts: number[] = [];
  if (logo) {
    shown.push(logo.src);
    if (root !== '') inserts.push(logo.at);
  }
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'image') {
      const image = node as Image;
      if (!isSafeImage(image.url)) return;
      shown.push(image.url);
      const start = image.position?.start.offset;
      const at = start === undefined ? undefined : destinationStart(doc.markdown, start);
      if (root !== '' && at !== undefined) inserts.push(at);
      return;
    }
    for (const child of node.children ?? []) walk(child as { type: string; children?: unknown[] });
  };
  if (doc.markdown.includes('![')) walk(parseGfm(doc.markdown));
  let markdown = doc.markdown;
  for (const at of inserts.sort((a, b) => b - a)) markdown = `${markdown.slice(0, at)}${root}${markdown.slice(at)}`;
  return { markdown, shown };
}

/**
 * The logo the front matter names (`logo: "assets/logo.png"`, for the cover; pandoc templates read
 * it too), when it is a path inside the project: published with the documents like their images,
 * and named from a document's folder. `at`: where its value begins on that line (inside the quotes).
 */
function frontMatterLogo(markdown: string): { src: string; at: number } | undefined {
  const front = frontMatterText(markdown);
  const line = front && /^logo: *"?/m.exec(front.yaml);
  if (!front || !line) return undefined;
  const src = frontMatterFromYaml(front.yaml).logo;
  return src !== undefined && isSafeImage(src) ? { src, at: front.start + line.index + line[0].length } : undefined;
}

/**
 * Where the destination of the inline image starting at `start` (`![alt](dest "title")`) begins:
 * after the alt text's closing bracket (nested brackets and escapes skipped), `(`, blanks and an
 * opening `<`. Undefined if the text is not shaped so (then the link is left as it is).
 */
function destinationStart(text: string, start: number): number | undefined {
  if (!text.startsWith('![', start)) return undefined;
  let depth = 1;
  let i = start + 2;
  for (; i < text.length && depth > 0; i++) {
    const c = text[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']') depth--;
  }
  if (depth !== 0 || text[i] !== '(') return undefined;
  i++;
  while (i < text.length && /[ \t\r\n]/.test(text[i]!)) i++;
  if (text[i] === '<') i++;
  return i < text.length && text[i] !== ')' ? i : undefined;
}
