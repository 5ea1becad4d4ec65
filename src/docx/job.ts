import type { Root } from 'mdast';
import type { Language } from '../notes/types.js';
import { parseMarkdown } from '../typeset/markdown.js';
import { resolveTheme, type ResolvedTheme } from '../typeset/theme.js';
import type { HeadingPages } from '../typeset/types.js';
import type { CoverLabels } from './cover.js';
import { prepareDocx, type DocxSettings } from './document.js';
import { embeddedFonts } from './fonts.js';
import { docxImageLoader } from './images.js';
import type { ReferenceDocument } from './reference.js';

/** What a thread needs to make a build's DOCX files: plain data, so a worker thread can receive it. */
export interface DocxJob {
  /**
   * `share`: the thread posts the document's parsed tree back (see docx-worker.ts), for the main
   * thread's typesetter; `edition`: the rank of its edition in the build, whose first are parsed first.
   */
  documents: Array<{ file: string; markdown: string; share?: boolean; edition?: number }>;
  projectDir: string;
  theme: ResolvedTheme;
  language: Language;
  labels: CoverLabels & { page: string; contents: string };
  /** The same words in every language, for a document whose front matter names another (`lang: fr`). */
  labelsByLanguage?: Partial<Record<Language, CoverLabels & { page: string; contents: string }>>;
  /** Created and modified date of the core properties, in milliseconds since 1970. */
  date: number;
  reference?: Omit<ReferenceDocument, 'styleIds'> & { styleIds: string[] };
  /** Each document's contents get page numbers, which `pagesOf` gives (the typesetter's layout, on the main thread). */
  numbered: boolean;
}

/** Where a document's headings fall, once the main thread has laid it out; undefined when it will not. */
export type PagesOf = (file: string) => Promise<HeadingPages | undefined>;

export interface DocxOutput {
  file: string;
  bytes: Uint8Array;
  /** What a reader sees, for the leak guard. */
  text: string;
}

/**
 * Makes the job's documents one after another, in order (the library's counters number them so), and
 * gives each as a promise of its file: one is zipped once its page numbers are known, while the
 * thread goes on with the next, so that it never waits for the typesetter. `parsed`: the documents'
 * trees, by index, when the caller has parsed them already.
 */
export async function startDocxJob(job: DocxJob, pagesOf?: PagesOf, parsed?: ReadonlyArray<Root | undefined>): Promise<Array<Promise<DocxOutput>>> {
  const { reference } = job;
  const settings: DocxSettings = {
    theme: job.theme,
    language: job.language,
    labels: job.labels,
    ...(job.labelsByLanguage ? { labelsByLanguage: job.labelsByLanguage } : {}),
    date: new Date(job.date),
    fonts: await embeddedFonts(),
    loadImage: docxImageLoader(job.projectDir),
    ...(reference ? { reference: { ...reference, styleIds: new Set(reference.styleIds) } } : {}),
  };
  return job.documents.map((doc, index) => {
    const prepared = prepareDocx(parsed?.[index] ?? parseMarkdown(doc.markdown), doc.file, settings, job.numbered);
    const pages = job.numbered && pagesOf ? pagesOf(doc.file) : Promise.resolve(undefined);
    return pages.then((known) => ({ file: doc.file.replace(/\.md$/, '.docx'), bytes: prepared.finish(known), text: prepared.text }));
  });
}

/** The job's documents, in order (see startDocxJob). */
export async function runDocxJob(job: DocxJob, pagesOf?: PagesOf): Promise<DocxOutput[]> {
  return Promise.all(await startDocxJob(job, pagesOf));
}

/**
 * Loads the library and compresses the embedded fonts once, by packing an empty document, while the
 * main thread still renders the Markdown. It has no bookmark or drawing, so the numbers of the
 * documents made after it are those of a thread that did not warm up.
 */
export async function warmUpDocx(): Promise<void> {
  await runDocxJob({
    documents: [{ file: 'warm-up.md', markdown: '' }],
    projectDir: '.',
    theme: resolveTheme(undefined),
    language: 'en',
    labels: { page: '', contents: '', organizedBy: '', withSupportOf: '' },
    date: 0,
    numbered: false,
  });
}
