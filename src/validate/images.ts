import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type DataPath, type LoadedProject, type ParsedFile } from '../load/index.js';
import { isSafeImage } from '../markdown/images.js';
import { parseGfm } from '../markdown/parse.js';
import { inspectImage } from '../typeset/layout/load-image.js';
import type { ImageRefusal } from '../typeset/types.js';

/** An image the build would use, with where the notes name it. */
export interface ImageReference {
  src: string;
  file: ParsedFile;
  path: DataPath;
  /** report.logo (a missing logo is `missing-asset`'s to report). */
  logo: boolean;
}

/** The keys of the (md) fields (schemas: markdown, markdownList, textItem): only they can show an image. */
const MARKDOWN_KEYS = new Set(['summary', 'key_points', 'objectives', 'initiatives', 'challenges', 'good_practices', 'needs', 'text']);

/** The logo and every image of a (md) field, in reading order. Pure. */
export function imageReferences(project: LoadedProject): ImageReference[] {
  const refs: ImageReference[] = [];
  const workshop = project.workshop;
  const logo = (workshop.data as { report?: { logo?: unknown } } | undefined)?.report?.logo;
  if (typeof logo === 'string') refs.push({ src: logo, file: workshop, path: ['report', 'logo'], logo: true });
  for (const file of [workshop, ...project.sessions, ...project.countries]) {
    // `markdown`: inside a (md) field (a plain text, such as a title, is escaped and shows no image).
    const visit = (value: unknown, path: DataPath, markdown: boolean): void => {
      if (typeof value === 'string') {
        if (markdown && value.includes('![')) for (const src of markdownImages(value)) refs.push({ src, file, path, logo: false });
      } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, [...path, i], markdown));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key], MARKDOWN_KEYS.has(key));
    };
    visit(file.data, [], false);
  }
  return refs;
}

/**
 * What the typesetter would refuse, found before any build: each problem once per place the notes
 * name the image, located there (the logo at its key). Pure: `read` hands over the bytes.
 */
export function imageDiagnostics(refs: readonly ImageReference[], read: (src: string) => Uint8Array | ImageRefusal | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const ref of refs) {
    const data = read(ref.src.replace(/^\.\//, ''));
    if (ref.logo && data === undefined) continue;
    const verdict = inspectImage(data, false);
    if (verdict.ok) continue;
    diagnostics.push({
      code: 'image', severity: verdict.severity, stage: 'validate', message: verdict.message, hint: verdict.hint, actual: ref.src,
      location: locate(ref.file, ref.path, ref.logo ? 'key' : 'value'),
    });
  }
  return diagnostics;
}

/** The paths of the images a Markdown text shows (those the report keeps, see isSafeImage). */
function markdownImages(markdown: string): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }): void => {
    if (node.type === 'image' && node.url !== undefined && isSafeImage(node.url)) found.push(node.url);
    for (const child of node.children ?? []) walk(child as { type: string });
  };
  walk(parseGfm(markdown) as unknown as { type: string });
  return found;
}
