import type { Root } from 'mdast';
import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import type { Format, Language, WorkshopNotes } from '../notes/types.js';
import type { HeadingPagesBook } from './heading-pages.js';
import type { OutputFile } from './publish.js';
import type { BuiltSite } from './sites.js';

/** What every writer is given besides the documents: the project and the caller's settings. */
export interface WriterContext {
  projectDir: string;
  /** What the writers read of the notes: the report settings (theme, reference document) and the last day (the files' dates). */
  workshop: Pick<WorkshopNotes, 'dates' | 'report'>;
  language: Language;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** A PDF theme file (--pdf-theme); wins over report.pdf_theme. */
  pdfTheme?: string;
  /** Archival PDF/A-2a, whatever the theme says. */
  pdfA?: boolean;
  signal?: AbortSignal;
  /** The edition's folder inside the output folder (`public/`), '' for a project without editions. */
  folder?: string;
  /**
   * With several languages: this edition's sites in the others, with their documents (the HTML's
   * language switch links each page to the same page there). Never another edition's sites.
   */
  otherLanguages?: readonly BuiltSite[];
  /** Called as documents are written (a PDF takes a while). */
  onDocument?: (file: string, index: number, total: number) => void;
  /** With the docx format: where each document's headings fall, for the DOCX contents (one book per edition). */
  headingPages?: HeadingPagesBook;
  /**
   * A document's Markdown as another thread parses it (the DOCX's), once it has come, or undefined:
   * this thread's typesetter uses it instead of parsing the same Markdown again. Present when a
   * writer on this thread will ask (see pipeline.ts): the DOCX writer shares its trees only then.
   */
  parsedTree?: ParsedTree;
}

/** What a writer takes of a document: its file (relative to the output folder, `countries/MLI.md`) and its Markdown. */
export interface WriterDocument {
  file: string;
  markdown: string;
}

/** The tree of `markdown` (document `file`) parsed on another thread, or undefined: then parse it here. Asked once per document. */
export type ParsedTree = (file: string, markdown: string) => Promise<Root | undefined>;

export interface WriterResult {
  files: OutputFile[];
  /** Located in the generated Markdown (by document file) or in a settings file of the writer's. */
  diagnostics: Diagnostic[];
  /** Texts for code frames, by the file names the diagnostics use. */
  sources: Map<string, string>;
  /** What a reader sees of each file, by its path, when it is not the file itself (a PDF's drawn text). */
  texts?: Map<string, string>;
  /** The texts are plain text, not Markdown (the leak guard reads them as they are, without parsing them). */
  plainTexts?: boolean;
}

/** What a leak guard reads of a writer's files: the text it drew (plain or Markdown), else the file's own text. */
export function visibleTexts(written: WriterResult): Array<{ file: string; text: string; plain?: boolean }> {
  return written.files.map((file) => {
    const text = written.texts?.get(file.path);
    return text === undefined ? { file: file.path, text: typeof file.content === 'string' ? file.content : '' } : { file: file.path, text, plain: written.plainTexts === true };
  });
}

/**
 * A writer's result that lacks the file of a document it was given (`countries/MLI.md` → `countries/MLI.pdf`)
 * and says no error: a bug, as an error thrown; else undefined. Published, such a build left the
 * format out without a word, removing the last build's files of it, and exited 0 (a warning of the
 * --pdf-theme file once made every PDF so). A build asked for a format writes its documents or fails.
 */
export function unmadeDocuments(format: Format, documents: Iterable<string>, written: WriterResult): Error | undefined {
  if (hasErrors(written.diagnostics)) return undefined;
  const made = new Set(written.files.map((file) => file.path));
  const missing = [...documents].map((file) => file.replace(/\.md$/, `.${format}`)).filter((file) => !made.has(file));
  if (missing.length === 0) return undefined;
  const listed = missing.length > 3 ? `${missing.slice(0, 3).join(', ')} and ${missing.length - 3} more` : missing.join(', ');
  return new Error(`The ${format} writer said no error, yet made no ${listed}: the build stops rather than publish without ${missing.length === 1 ? 'it' : 'them'}.`);
}

/**
 * One output format. Every writer takes the same rendered documents, in the same order, so formats
 * cannot disagree on content; what each makes of them is its own.
 */
export interface Writer {
  format: Format;
  /**
   * Its results are taken once every edition is written, not before the next edition is rendered:
   * a writer working on a thread of its own (DOCX) goes on meanwhile. Its files come after the others.
   */
  deferred?: boolean;
  /** Told how much Markdown has been rendered so far, to start slow work (worker threads) early. */
  rendered?(chars: number): void;
  /**
   * Given each document as soon as it is rendered (and has passed the leak guard), to start on it
   * while the rest is rendered (DOCX, on a thread of its own); write() still gets them all.
   */
  document?(document: WriterDocument, context: WriterContext): void;
  write(documents: readonly WriterDocument[], context: WriterContext): Promise<WriterResult>;
  /**
   * The files of the output folder as a whole, once every edition of every language is written (the
   * HTML's entry page, listing the sites), given every site the build made and the notes' language.
   */
  outputIndex?(sites: readonly BuiltSite[], language: Language): Promise<OutputFile[]>;
  /** A tree this writer's thread parses (see WriterContext.parsedTree), or undefined. */
  parsedTree?: ParsedTree;
  /** Releases what the writer holds (threads) unless it is kept for the next build. */
  close?(): Promise<void>;
}
