import { GLYPH_WIDTHS } from './glyph-widths.js';
import type { ReferenceDocument } from './reference.js';
import { STYLE, tableTextSize } from './styles.js';

/**
 * How wide a table's text is, in twips, for sharing out its columns (table.ts): `word`, the room a
 * word needs on one line, cell margins aside (a column gets at least its longest word's); `cell`,
 * what a cell's text asks for, in proportion to the others. Bold throughout (the header row is), so
 * a word of a body cell has room too.
 */
export interface TableTextWidth {
  word(text: string): number;
  cell(text: string): number;
}

/** Twips a character of table text takes in the first estimate (Source Sans 3 at the default theme's table size, 9.5 pt)… */
const CHAR = 112;
/** …and the room it leaves (its error). */
const ESTIMATE_SLACK = 80;
/**
 * Twips of room beyond a word's measured width, for the applications' rounding: at exactly its width
 * LibreOffice broke "mmmmmm" (977 twips in Source Sans 3 Bold) over two lines; 5 was enough.
 */
const ROUNDING = 10;

/** A reference's "Table text" that gives no size anywhere is counted as 12 pt, more than Word's default (10 pt). */
const UNKNOWN_SIZE = 24;

/**
 * The widths for the fonts a table is shown in:
 * - without a reference document, Source Sans 3, embedded: a word gets the first estimate (112 twips
 *   a character, and 80 of slack: every table of the example keeps its widths) or its width in
 *   Source Sans 3 Bold at the table size, whichever is wider (a word of wide letters, "mmmmmm",
 *   "WWWWW", broke in its cell);
 * - with one, its fonts, which the DOCX does not embed and a reader's machine may replace by its
 *   own: a word is as wide as in the widest of the common fonts, glyph by glyph (DejaVu Sans and
 *   Serif, Arial, Times New Roman and Courier New, as the Liberation fonts, all bold; see
 *   scripts/table-glyph-widths.mjs), at the size of the reference's own "Table text" style, or of
 *   the report's (the theme's), which the DOCX adds when it has none. Estimated for Source Sans 3,
 *   "Women" and "Men" broke mid-word in LibreOffice's DejaVu Serif.
 */
export function tableTextWidth(fontSize: number, reference?: Pick<ReferenceDocument, 'styleIds' | 'tableTextSize'>): TableTextWidth {
  if (reference) {
    const size = reference.styleIds.has(STYLE.tableText) ? (reference.tableTextSize ?? UNKNOWN_SIZE) : tableTextSize(fontSize);
    const wide = (text: string) => measured(text, size, WIDE, 1000) + ROUNDING;
    return { word: wide, cell: wide };
  }
  const size = tableTextSize(fontSize);
  const estimate = (text: string) => text.length * CHAR + ESTIMATE_SLACK;
  return {
    word: (text) => Math.max(estimate(text), measured(text, size, BODY, (CHAR * 1000) / (size * 10)) + ROUNDING),
    cell: estimate,
  };
}

/** Glyph widths by code point, in thousandths of an em. */
const BODY = new Map<number, number>();
const WIDE = new Map<number, number>();
for (const [first, body, wide] of GLYPH_WIDTHS) {
  body.forEach((width, i) => width > 0 && BODY.set(first + i, width));
  wide.forEach((width, i) => width > 0 && WIDE.set(first + i, width));
}

/** Twips of `text` at `size` half-points, a character the table does not have counted as `unknown` thousandths of an em. */
function measured(text: string, size: number, widths: ReadonlyMap<number, number>, unknown: number): number {
  let em = 0;
  for (const char of text) em += widths.get(char.codePointAt(0)!) ?? unknown;
  // Thousandths of an em at `size` half-points: twips are twentieths of a point.
  return Math.ceil((em * size * 10) / 1000);
}
