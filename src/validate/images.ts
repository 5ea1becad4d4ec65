import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { locate, type DataPath, type LoadedProject, type ParsedFile } from '../load/index.js';
import { imageUrlRefusal, refusedImage, type ImageUrlRefusal } from '../markdown/images.js';
import { parseGfm } from '../markdown/parse.js';
import { locateInField, visitMarkdownFields, visitTranslatedMarkdown } from './markdown-fields.js';
import { inspectImage } from '../typeset/layout/load-image.js';
import type { ImageRefusal } from '../typeset/types.js';

/** An image the build would use, with where the notes name it. */
export interface ImageReference {
  src: string;
  file: ParsedFile;
  path: DataPath;
  /** report.logo (a missing logo is `missing-asset`'s to report). */
  logo: boolean;
  /** In a (md) field: the image's Markdown (`![alt](src)`) and how many identical ones precede it in the field. */
  markdown?: { text: string; nth: number };
  /**
   * Named by what the report never reads (a web address, an absolute path, a path with "..") or in
   * a form it does not show (a reference, `![alt][label]`, whose `src` is then its label): shown as its alt text.
   */
  refused?: ImageUrlRefusal | 'reference';
}

/**
 * The logo and every image of a (md) field, in reading order: the notes' files, then their
 * translations (a translation's `text` of a (md) field may show an image of its own). Pure.
 */
export function imageReferences(project: LoadedProject): ImageReference[] {
  const refs: ImageReference[] = [];
  const workshop = project.workshop;
  const logo = (workshop.data as { report?: { logo?: unknown } } | undefined)?.report?.logo;
  if (typeof logo === 'string') refs.push({ src: logo, file: workshop, path: ['report', 'logo'], logo: true });
  const images = (value: string, file: ParsedFile, path: DataPath): void => {
    if (!value.includes('![')) return;
    const seen = new Map<string, number>();
    for (const { src, text, reference } of markdownImages(value)) {
      const nth = seen.get(text) ?? 0;
      seen.set(text, nth + 1);
      const refused = reference ? 'reference' : imageUrlRefusal(src);
      refs.push({ src, file, path, logo: false, markdown: { text, nth }, ...(refused ? { refused } : {}) });
    }
  };
  for (const file of [workshop, ...project.sessions, ...project.countries]) visitMarkdownFields(file.data, (value, path) => images(value, file, path));
  // A translation's `text` of a (md) field may show an image of its own.
  for (const file of project.translations) visitTranslatedMarkdown(file.data, (value, path) => images(value, file, path));
  return refs;
}

/** The path to read for an image the notes name (`./assets/x.png` is `assets/x.png`). */
export function imageSource(src: string): string {
  return src.replace(/^\.\//, '');
}

/**
 * What the typesetter would refuse, found before any build: each problem once per place the notes
 * name the image, located there (the logo at its key). Pure: `read` hands over the bytes.
 */
export function imageDiagnostics(refs: readonly ImageReference[], read: (src: string) => Uint8Array | ImageRefusal | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const ref of refs) {
    if (ref.logo && !ref.refused && read(imageSource(ref.src)) === undefined) continue;
    const problem = imageProblem(ref.src, ref.refused, read);
    if (problem) diagnostics.push({ ...problem, location: locateImage(ref) });
  }
  return diagnostics;
}

/**
 * What is wrong with the image a Markdown text names by `src` (the notes', a template's), as a
 * diagnostic without its place; undefined when the report shows it. `refused`: why it is never
 * read (see imageUrlRefusal, found from `src` when not given). Pure: `read` hands over the bytes.
 */
export function imageProblem(src: string, refused: ImageUrlRefusal | 'reference' | undefined, read: (src: string) => Uint8Array | ImageRefusal | undefined): Omit<Diagnostic, 'location'> | undefined {
  const never = refused ?? imageUrlRefusal(src);
  if (never) return { code: 'image', severity: 'warning', stage: 'validate', ...refusedImage(src, never), actual: src };
  const verdict = inspectImage(read(imageSource(src)), false);
  if (verdict.ok) return undefined;
  return { code: 'image', severity: verdict.severity, stage: 'validate', message: verdict.message, hint: verdict.hint, actual: src };
}

/** The images the build reads: those named by a path inside the project (the others are never read). */
export function readableImages(refs: readonly ImageReference[]): string[] {
  return refs.filter((ref) => !ref.refused).map((ref) => imageSource(ref.src));
}

/**
 * Where the notes first name each image (by its path as written): where the build locates what
 * only it can judge (transparency under PDF/A), as validate locates the rest.
 */
export function imagePlaces(refs: readonly ImageReference[]): Map<string, Location> {
  const places = new Map<string, Location>();
  for (const ref of refs) {
    if (!places.has(ref.src)) places.set(ref.src, locateImage(ref));
    // Also by its Markdown, for a problem of one place (a PDF table cell shows it as text): see imagePlace.
    const key = ref.markdown && imageKey(ref.src, ref.markdown.text);
    if (key !== undefined && !places.has(key)) places.set(key, locateImage(ref));
  }
  return places;
}

/** Where the notes name the image a generated document shows as `text` (`![alt](src)`): the first place they write it so, else the first naming `src`. */
export function imagePlace(places: ReadonlyMap<string, Location>, src: string, text: string | undefined): Location | undefined {
  return (text === undefined ? undefined : places.get(imageKey(src, text))) ?? places.get(src);
}

function imageKey(src: string, text: string): string {
  return `${src}\0${text}`;
}

/** The logo at its key; an image of a (md) field at its own `![alt](src)` inside the field (see locateInField). */
function locateImage(ref: ImageReference): Location {
  return ref.markdown ? locateInField(ref.file, ref.path, ref.markdown.text, ref.markdown.nth) : locate(ref.file, ref.path, ref.logo ? 'key' : 'value');
}

interface MdNode {
  type: string;
  url?: string;
  label?: string | null;
  identifier?: string;
  children?: unknown[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/** The images a Markdown text names (those the report refuses too, see imageUrlRefusal, and references): path (a reference's label) and Markdown. */
function markdownImages(markdown: string): Array<{ src: string; text: string; reference?: true }> {
  const found: Array<{ src: string; text: string; reference?: true }> = [];
  const walk = (node: MdNode): void => {
    const text = () => markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0);
    if (node.type === 'image' && node.url !== undefined) found.push({ src: node.url, text: text() });
    // `![alt][label]` with its `[label]: …` in the same text (without one it is plain text, shown as written).
    if (node.type === 'imageReference') found.push({ src: node.label ?? node.identifier ?? '', text: text(), reference: true });
    for (const child of node.children ?? []) walk(child as MdNode);
  };
  walk(parseGfm(markdown) as unknown as MdNode);
  return found;
}
