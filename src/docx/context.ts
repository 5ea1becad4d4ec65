import type { Language } from '../notes/types.js';
import type { FootnoteDefinition } from 'mdast';
import type GithubSlugger from 'github-slugger';
import type { Lists } from './lists.js';
import type { TableTextWidth } from './table-text.js';

/** An image as the writer embeds it: PNG or JPEG bytes and its size in pixels. */
export interface DocxImage {
  data: Uint8Array;
  type: 'png' | 'jpg';
  width: number;
  height: number;
}

/** What converting one document's tree needs and gathers. */
export interface DocxContext {
  /** `w:lang` of every run (`fr-FR`). */
  lang: string;
  /** The document's language (its front matter's, else the edition's): the chart's text alternative. */
  language: Language;
  /** The theme's accent colour without `#`. */
  accent: string;
  /** Text width in pixels (96 per inch), the widest an image or the chart is drawn. */
  widthPx: number;
  /** Text height in pixels (96 per inch): the page's less its top and bottom margins; an image is at most 80% of it, as in the PDF. */
  heightPx: number;
  /** Text width in twentieths of a point, for table columns. */
  widthTwips: number;
  /** How wide table text is in the fonts the tables are shown in, for their columns. */
  tableText: TableTextWidth;
  /** Footnote numbers by their Markdown identifier, in order of first reference. */
  footnotes: Map<string, number>;
  footnoteDefinitions: Map<string, FootnoteDefinition>;
  /** The notes cited more than once: their first citation is bookmarked, the later ones refer to it (NOTEREF). */
  citedAgain: ReadonlySet<string>;
  /** The document's headings' anchors, as GitHub makes them (the Markdown's links use them). */
  slugger: GithubSlugger;
  lists: Lists;
  /** What a reader sees, paragraph by paragraph: the leak guard reads it. */
  text: string[];
  loadImage: (src: string) => DocxImage | undefined;
  /** A level-1 heading starts a page, as in the PDF (not with a reference document: its house style decides). */
  chapterBreaks: boolean;
  /** How many block quotes the content is in (0 or absent: none): its paragraphs take the Quote style, each level indented further. */
  quote?: number;
  /** Left indents in twips: one level of block quote (the Quote style's), and a code block (the Source Code style's). */
  indents: { quote: number; code: number };
  /** Right after a table: the next paragraph takes some space before it. */
  spaceBefore?: boolean;
}

/** The left indent, in twips, of the block quotes the content is in (0 outside any). */
export function quoteIndent(ctx: DocxContext): number {
  // Quotes nested deeper than the page is wide (30 levels) stay within half of it: a table there had a negative width, and the build stopped.
  return Math.min((ctx.quote ?? 0) * ctx.indents.quote, Math.floor(ctx.widthTwips / 2));
}
