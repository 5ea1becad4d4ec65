import type { Root } from 'mdast';
import type { SectionParses } from './markdown.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ResolvedTheme } from './theme.js';
import type { Language } from '../notes/types.js';

/** Font files as bytes, read once by the caller and reused across documents. */
export interface FontBytes {
  regular: Uint8Array;
  bold: Uint8Array;
  italic: Uint8Array;
  boldItalic: Uint8Array;
  mono: Uint8Array;
}

export type FontKey = keyof FontBytes;

/** Words printed by the typesetter, from the caller's message catalogue. */
export interface TypesetLabels {
  /** e.g. 'Page {page} of {pages}' */
  page: string;
  contents: string;
  organizedBy: string;
  withSupportOf: string;
}

/** Why a caller's image loader did not hand over an image. */
export interface ImageRefusal {
  refused: 'outside-project' | 'too-large';
  /** The file's size, for 'too-large'. */
  bytes?: number;
}

export interface TypesetInput {
  markdown: string;
  file: string;
  theme: ResolvedTheme;
  fonts: FontBytes;
  labels: TypesetLabels;
  /** The same words in other languages, for a document whose front matter's `lang` is one of them. */
  labelsByLanguage?: Partial<Record<Language, TypesetLabels>>;
  /** The edition's language, for a document whose front matter names none (English when not given). */
  language?: Language;
  creationDate: Date;
  /** The image's bytes, or why the caller would not read it; undefined means not found. */
  loadImage?: (src: string) => Uint8Array | ImageRefusal | undefined;
  /** `markdown` parsed already (parseMarkdown, on another thread: the DOCX's), instead of parsing it here. */
  root?: Root;
  /** The document's sections as parsed last time (watch mode): unchanged sections are not parsed again. */
  sections?: SectionParses;
  /** Told where the headings fall as soon as the pages are laid out, before they are painted (the DOCX contents). */
  onLayout?: (pages: HeadingPages) => void;
}

/** Where a laid-out document's headings fall: page numbers as printed, the cover being page 1. */
export interface HeadingPages {
  pageCount: number;
  /** Every heading in order, by its anchor (the GitHub slug). */
  headings: Array<{ id: string; page: number }>;
}

export interface TypesetOutput {
  pdf: Uint8Array;
  pages: number;
  diagnostics: Diagnostic[];
  /** The text drawn on the pages, page by page (what a reader or a text extractor finds). */
  text: string;
  headingPages: HeadingPages;
}
