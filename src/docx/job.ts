import type { Language } from '../notes/types.js';
import { resolveTheme, type ResolvedTheme } from '../typeset/theme.js';
import type { CoverLabels } from './cover.js';
import { docxDocument } from './document.js';
import { embeddedFonts } from './fonts.js';
import { docxImageLoader } from './images.js';
import type { ReferenceDocument } from './reference.js';

/** What a thread needs to make a build's DOCX files: plain data, so a worker thread can receive it. */
export interface DocxJob {
  documents: Array<{ file: string; markdown: string }>;
  projectDir: string;
  theme: ResolvedTheme;
  language: Language;
  labels: CoverLabels & { page: string; contents: string };
  /** Created and modified date of the core properties, in milliseconds since 1970. */
  date: number;
  reference?: Omit<ReferenceDocument, 'styleIds'> & { styleIds: string[] };
}

export interface DocxOutput {
  file: string;
  bytes: Uint8Array;
  /** What a reader sees, for the leak guard. */
  text: string;
}

/** Makes the job's documents one after another, in order. */
export async function runDocxJob(job: DocxJob): Promise<DocxOutput[]> {
  const { reference } = job;
  const settings = {
    theme: job.theme,
    language: job.language,
    labels: job.labels,
    date: new Date(job.date),
    fonts: await embeddedFonts(),
    loadImage: docxImageLoader(job.projectDir),
    ...(reference ? { reference: { ...reference, styleIds: new Set(reference.styleIds) } } : {}),
  };
  const out: DocxOutput[] = [];
  for (const doc of job.documents) {
    const made = await docxDocument(doc.markdown, doc.file, settings);
    out.push({ file: doc.file.replace(/\.md$/, '.docx'), bytes: made.bytes, text: made.text });
  }
  return out;
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
  });
}
