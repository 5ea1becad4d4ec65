import { AlignmentType, BorderStyle, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, WidthType } from 'docx';
import type { AlignType, Table as MdTable } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { type DocxContext, quoteIndent } from './context.js';
import { paragraphRuns } from './inline.js';
import { STYLE } from './styles.js';
import type { TableTextWidth } from './table-text.js';

const RULE = { style: BorderStyle.SINGLE, size: 4, color: 'C8CCD0' } as const;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' } as const;

/**
 * A GFM table as a Word table: the header row repeated on every page, rows that do not split across
 * pages, column widths from the content, cells in the "Table text" style, horizontal rules only.
 */
export function wordTable(node: MdTable, ctx: DocxContext): Table {
  // In a block quote, indented with it and narrower by as much.
  const indent = quoteIndent(ctx);
  const width = ctx.widthTwips - indent;
  const widths = columnWidths(node, width, ctx.tableText);
  const align = node.align ?? [];
  const rows = node.children.map((row, r) => new TableRow({
    ...(r === 0 ? { tableHeader: true } : {}),
    cantSplit: true,
    children: widths.map((width, c) => {
      const cell = row.children[c];
      // The header row as the PDF's: white bold text on the accent colour.
      const children = cell ? paragraphRuns(cell.children, ctx, r === 0 ? { bold: true, color: 'FFFFFF' } : {}) : [];
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        ...(r === 0 ? { shading: { type: ShadingType.CLEAR, fill: ctx.accent, color: 'auto' } } : {}),
        children: [new Paragraph({ style: STYLE.tableText, ...alignment(align[c]), children })],
      });
    }),
  }));
  return new Table({
    rows,
    width: { size: width, type: WidthType.DXA },
    ...(indent > 0 ? { indent: { size: indent, type: WidthType.DXA } } : {}),
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    // The cells' margins once for the table (tblCellMar), rather than in every cell.
    margins: { top: 40, bottom: 40, left: CELL_MARGIN, right: CELL_MARGIN },
    borders: { top: RULE, bottom: RULE, insideHorizontal: RULE, left: NONE, right: NONE, insideVertical: NONE },
  });
}

/** A right or centred column's alignment; left is the paragraphs' own. */
function alignment(align: AlignType | undefined) {
  if (align === 'right') return { alignment: AlignmentType.RIGHT };
  if (align === 'center') return { alignment: AlignmentType.CENTER };
  return {};
}

/** Twips of a cell's left and right margins (tblCellMar), each. */
const CELL_MARGIN = 80;

/** The most of the text width a column's longest word claims, as in the PDF: a longer word (a web address) is broken inside its cell. */
const WORD_SHARE = 0.25;

/**
 * Widths in twips that add up to the text width: each column gets at least its longest word, as wide
 * as `text` measures it in the fonts the table is shown in (a number column stays narrow and a header
 * word is never cut), and what is left goes to the columns whose cells are longer than that, in
 * proportion (a long text column wraps). A word wider than a quarter of the text counts as that
 * quarter, as the PDF's table counts it, and breaks inside its cell: a web address of 115
 * characters, wider than the text, had every column shrunk in proportion, and the others' words
 * ("Owner", "Finance") broken over two lines.
 */
export function columnWidths(node: MdTable, total: number, text: TableTextWidth): number[] {
  const count = Math.max(...node.children.map((row) => row.children.length));
  const longest = Math.floor(total * WORD_SHARE);
  // A column is at least two characters wide.
  const narrowest = { word: text.word('00'), cell: text.cell('00') };
  const columns = Array.from({ length: count }, (_, c) => {
    let word = narrowest.word;
    let cell = narrowest.cell;
    for (const row of node.children) {
      const content = row.children[c] ? toString(row.children[c]) : '';
      cell = Math.max(cell, text.cell(content));
      for (const w of content.split(/\s+/)) word = Math.max(word, text.word(w));
    }
    return { min: Math.min(word, longest) + 2 * CELL_MARGIN, wants: Math.max(cell, word) + 2 * CELL_MARGIN };
  });
  const least = columns.reduce((sum, col) => sum + col.min, 0);
  // Too many columns for their longest words: each shrinks in proportion.
  if (least >= total) return fill(columns.map((col) => Math.floor((col.min * total) / least)), total);
  const extra = columns.reduce((sum, col) => sum + (col.wants - col.min), 0);
  const left = total - least;
  return fill(columns.map((col) => Math.floor(col.min + (extra > 0 ? (left * (col.wants - col.min)) / extra : left / count))), total);
}

/** The last column takes what rounding left, so the widths add up to the total. */
function fill(widths: number[], total: number): number[] {
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}
