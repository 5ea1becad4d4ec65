import type { Image, ImageReference, Nodes } from 'mdast';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textSpanToLocation } from '../diagnostics/location.js';
import { imageFileReader, type ImageFile } from '../load/image-files.js';
import { frontMatterText } from '../markdown/front-matter-text.js';
import { escapeMarkdown } from '../render/escape.js';
import { frontMatterFromYaml } from '../typeset/front-matter.js';
import { parseMarkdown } from '../typeset/markdown.js';
import { splitAtHeadings } from '../typeset/markdown-sections.js';
import { imageProblem } from '../validate/images.js';
import { showsImage } from './writers/images.js';

/** An image a document named and the report cannot show, now its alt text. */
export interface LeftOutImage {
  /** Its path as the document named it; a reference's label (`![alt][label]`). */
  src: string;
  reference: boolean;
  /** Where its alt text stands in the document that leaves it out (offsets). */
  start: number;
  end: number;
}

/** The length below which a section is joined to the next when looking for images: a document's images are in a few of its sections. */
const SECTION = 1024;

/**
 * A rendered document with each image the report cannot show in its place as its alt text, plain
 * text (Markdown-escaped, so it reads as written): one `shows` refuses (a web address, a path out of
 * the project, a file not there, not PNG or JPEG, damaged, over the limits) and every image written
 * as a reference (`![alt][label]`). The rest of the text is left as it was, byte for byte. Done to
 * the Markdown every writer is given, so the Markdown shows no broken image and the PDF, the DOCX
 * and the HTML pages the same text in the same place. Pure.
 */
export function leaveOutImages(markdown: string, shows: (src: string) => boolean): { markdown: string; leftOut: LeftOutImage[] } {
  if (!markdown.includes('![')) return { markdown, leftOut: [] };
  const found: Array<{ node: Image | ImageReference; start: number; end: number }> = [];
  const walk = (node: Nodes, offset: number): void => {
    if (node.type === 'image' || node.type === 'imageReference') {
      const start = node.position?.start.offset;
      const end = node.position?.end.offset;
      if (start !== undefined && end !== undefined && (node.type === 'imageReference' || !shows(node.url))) found.push({ node, start: offset + start, end: offset + end });
      return;
    }
    if ('children' in node) for (const child of node.children) walk(child, offset);
  };
  // Only the sections that hold an image are parsed (each parses as in the whole document, see splitAtHeadings).
  for (const section of splitAtHeadings(markdown, SECTION)) {
    const text = markdown.slice(section.offset, section.end);
    if (text.includes('![')) walk(parseMarkdown(text), section.offset);
  }
  if (found.length === 0) return { markdown, leftOut: [] };
  const leftOut: LeftOutImage[] = [];
  let out = '';
  let at = 0;
  for (const { node, start, end } of found.sort((a, b) => a.start - b.start)) {
    // Only where the tree points at the image's own `![`: anything else is left as it is.
    if (start < at || !markdown.startsWith('![', start)) continue;
    out += markdown.slice(at, start);
    const alt = joined(out, escapeMarkdown(node.alt ?? ''), markdown.slice(end));
    leftOut.push({ src: node.type === 'image' ? node.url : (node.label ?? node.identifier), reference: node.type === 'imageReference', start: out.length, end: out.length + alt.length });
    out += alt;
    at = end;
  }
  return { markdown: out + markdown.slice(at), leftOut };
}

/**
 * A rendered document without the `logo:` line of its front matter when the report cannot show that
 * image (`shows`, as for leaveOutImages): the Markdown named a file the build does not publish, and
 * the PDF and the DOCX covers showed no logo. `at`: where the line was. A logo written over several
 * lines is left as it is. Pure.
 */
export function leaveOutLogo(markdown: string, shows: (src: string) => boolean): { markdown: string; logo?: { src: string; at: number } } {
  const front = frontMatterText(markdown);
  const line = front && /^logo:.*\n/m.exec(front.yaml);
  if (!front || !line) return { markdown };
  const src = frontMatterFromYaml(front.yaml).logo;
  if (src === undefined || shows(src)) return { markdown };
  const at = front.start + line.index;
  const without = markdown.slice(0, at) + markdown.slice(at + line[0].length);
  if (frontMatterFromYaml(frontMatterText(without)?.yaml ?? '').logo !== undefined) return { markdown };
  return { markdown: without, logo: { src, at } };
}

/**
 * For a programme's documents: each image of a workshop's (md) text becomes its alt text (see
 * leaveOutImages), whatever its file: the programme publishes none of its workshops' images (their
 * paths are their own folders'), and its documents show them as a workshop's report shows an image it
 * leaves out. `left`: each text that had images, with their paths (a reference's label).
 */
export function notesImagesLeaver(): { text: (source: string) => string; left: Map<string, string[]> } {
  const left = new Map<string, string[]>();
  const done = new Map<string, string>();
  const text = (source: string): string => {
    if (!source.includes('![')) return source;
    let shown = done.get(source);
    if (shown === undefined) {
      const result = leaveOutImages(source, () => false);
      if (result.leftOut.length > 0) left.set(source, result.leftOut.map((image) => image.src));
      done.set(source, (shown = result.markdown));
    }
    return shown;
  };
  return { text, left };
}

/**
 * The escaped alt text, as it joins what is before and after it: it does not close a link's text
 * into a link (`[a]` then `(b)`), nor open an image (`Wow!` then `[link](…)`).
 */
function joined(before: string, alt: string, after: string): string {
  let text = alt;
  if (before.endsWith(']') && /^[(:]/.test(text)) text = `\\${text}`;
  if (text.endsWith('!') && !text.endsWith('\\!') && after.startsWith('[')) text = `${text.slice(0, -1)}\\!`;
  return text;
}

/**
 * What each image left out of a generated document is, as `validate` says it of the notes' images
 * (the same words: the build drops those it said already), located at its alt text in `markdown`, the
 * document `file` as published. `read` hands over the bytes. Pure.
 */
export function leftOutImageDiagnostics(file: string, markdown: string, leftOut: readonly LeftOutImage[], read: (src: string) => ImageFile): Diagnostic[] {
  return leftOut.flatMap((image): Diagnostic[] => {
    const problem = imageProblem(image.src, image.reference ? 'reference' : undefined, read);
    return problem ? [{ ...problem, stage: 'render', location: textSpanToLocation(file, markdown, image.start, image.end) }] : [];
  });
}

/**
 * leaveOutImages for a build's documents (`file`, as published), and leaveOutLogo, with what each
 * image left out is (see leftOutImageDiagnostics; a logo at the front matter's first line): each
 * image is judged once, and its bytes are not kept (the writers read those they show).
 */
export function imageLeaver(projectDir: string): (file: string, markdown: string) => { markdown: string; diagnostics: Diagnostic[] } {
  const shown = new Map<string, boolean>();
  const shows = (src: string): boolean => {
    let verdict = shown.get(src);
    if (verdict === undefined) shown.set(src, (verdict = showsImage(imageFileReader(projectDir))(src)));
    return verdict;
  };
  return (file, markdown) => {
    const withoutLogo = leaveOutLogo(markdown, shows);
    const left = leaveOutImages(withoutLogo.markdown, shows);
    // (The front matter is before any image: its place is the same in the document as left.)
    const leftOut = withoutLogo.logo ? [{ src: withoutLogo.logo.src, reference: false, start: 0, end: 3 }, ...left.leftOut] : left.leftOut;
    const diagnostics = leftOut.length === 0 ? [] : leftOutImageDiagnostics(file, left.markdown, leftOut, imageFileReader(projectDir));
    return { markdown: left.markdown, diagnostics };
  };
}

