import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import { docxSettings } from './settings.js';
import { docxDocument } from '../../src/docx/document.js';
import { imageSize } from '../../src/docx/inline.js';
import { readReference } from '../../src/docx/reference.js';
import { columnWidths } from '../../src/docx/table.js';
import { tableTextWidth } from '../../src/docx/table-text.js';
import { parseMarkdown } from '../../src/typeset/markdown.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import { makePng } from '../typeset/png.js';
import { elements, readDocx, wordText } from './read-docx.js';

/** EMU per pixel (96 to the inch) and per twip. */
const EMU_PX = 9525;
const EMU_TWIP = 635;

const settings = docxSettings;

/** The text area of a built document's (last) section, in EMU: its page less its margins. */
function textArea(document: unknown): { width: number; height: number } {
  const size = elements(document, 'w:pgSz').at(-1)!;
  const margins = elements(document, 'w:pgMar').at(-1)!;
  const n = (node: Record<string, unknown>, key: string) => Number(node[`@_w:${key}`]);
  return {
    width: (n(size, 'w') - n(margins, 'left') - n(margins, 'right')) * EMU_TWIP,
    height: (n(size, 'h') - n(margins, 'top') - n(margins, 'bottom')) * EMU_TWIP,
  };
}

const tall = makePng(300, 2000, 2);
const markdown = '---\ntitle: "A tall chart"\n---\n\n# Introduction\n\n![A tall chart](tall.png)\n\nText after.\n';
const loadImage = () => ({ data: tall, type: 'png' as const, width: 300, height: 2000 });

describe('DOCX: an image is fitted to the text area, its height too, as in the PDF', () => {
  it('imageSize: at its size when it fits, else no wider than the text and no higher than 80% of its height, proportions kept', () => {
    const area = { widthPx: 642, heightPx: 930 };
    expect(imageSize({ width: 200, height: 100 }, area)).toEqual({ width: 200, height: 100 });
    expect(imageSize({ width: 2000, height: 500 }, area)).toEqual({ width: 642, height: 161 });
    // 300 × 2000 (the page was 930 pixels high): 80% of the height, 744, and as narrow in proportion.
    expect(imageSize({ width: 300, height: 2000 }, area)).toEqual({ width: 112, height: 744 });
    // Both too large: the tighter limit wins.
    const both = imageSize({ width: 4000, height: 8000 }, area);
    expect(both.height).toBe(744);
    expect(both.width).toBe(372);
    // A sliver stays at least a pixel.
    expect(imageSize({ width: 10_000, height: 1 }, area)).toEqual({ width: 642, height: 1 });
  });

  it('scales a 300 × 2000 pixel image to fit the A4 page (it ran past the bottom margin, cut off)', async () => {
    const built = await docxDocument(markdown, 'tall.md', { ...(await settings()), loadImage });
    const document = readDocx(built.bytes).xml('word/document.xml');
    const area = textArea(document);
    const [extent] = elements(document, 'wp:extent').map((e) => ({ cx: Number(e['@_cx']), cy: Number(e['@_cy']) }));
    expect(extent).toBeDefined();
    expect(extent!.cy).toBeLessThanOrEqual(area.height * 0.8);
    expect(extent!.cx).toBeLessThanOrEqual(area.width);
    // Scaled, not cropped: the proportions are the image's, and it is as high as the PDF draws it (80% of the text).
    expect(extent!.cx / extent!.cy).toBeCloseTo(300 / 2000, 2);
    expect(extent!.cy).toBe(Math.floor(Math.floor(area.height / EMU_TWIP / 15) * 0.8) * EMU_PX);
    expect(elements(document, 'pic:spPr').length).toBe(1);
  });

  it('fits the page of a reference document (Letter, wide top and bottom margins), not the theme\'s', async () => {
    const house = await docxDocument('---\ntitle: "House"\n---\n\nText.\n', 'house.md', { ...(await settings()), theme: resolveTheme({ page_size: 'Letter', margins: { top: 70, bottom: 70 } }) });
    const dir = mkdtempSync(path.join(tmpdir(), 'wr-docx-fit-'));
    try {
      writeFileSync(path.join(dir, 'house.docx'), house.bytes);
      const reference = await readReference('house.docx', dir);
      const built = await docxDocument(markdown, 'tall.md', { ...(await settings()), reference, loadImage });
      const document = readDocx(built.bytes).xml('word/document.xml');
      const area = textArea(document);
      // Letter less 70 mm at the top and the bottom: about 139 mm of text (A4's 247 mm would let it run off the page).
      expect(area.height).toBeLessThan(140 * 36_000);
      const [extent] = elements(document, 'wp:extent').map((e) => ({ cx: Number(e['@_cx']), cy: Number(e['@_cy']) }));
      expect(extent!.cy).toBeLessThanOrEqual(area.height * 0.8);
      expect(extent!.cx).toBeLessThanOrEqual(area.width);
      expect(extent!.cy).toBeGreaterThan(area.height * 0.78);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

const URL = 'https://www.un.org/counterterrorism/sites/www.un.org.counterterrorism/files/very/long/path/report-final-2022-en.pdf';
const tableMarkdown = `| Item | Explanation | Owner |
| :-- | :-- | :-- |
| Budget | See ${URL} for details. | Finance |
| Logistics | Short. | Admin |
`;

/** Twips a column needs for a word of `n` characters, as columnWidths counts (112 a character, 240 of margins). */
const wordTwips = (n: number) => n * 112 + 240;

/** Table text as the DOCX measures it without a reference document (the default theme). */
const themeText = tableTextWidth(resolveTheme(undefined).fontSize);

describe('DOCX: a table with a word too long for any column (a web address)', () => {
  const table = parseMarkdown(tableMarkdown).children.find((c): c is Table => c.type === 'table')!;

  it('columnWidths: the other columns keep their longest words, the long word is capped at a quarter of the text and breaks in its cell', () => {
    const total = 9638; // A4 less 20 mm margins either side
    const widths = columnWidths(table, total, themeText);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
    expect(widths[0]).toBeGreaterThanOrEqual(wordTwips('Logistics'.length));
    expect(widths[2]).toBeGreaterThanOrEqual(wordTwips('Finance'.length));
    // The text column still gets the most room: its cells are the longest.
    expect(widths[1]).toBeGreaterThan(widths[0]! + widths[2]!);
    // Narrower (in a quote, a narrow page): the same, as long as the short words fit at all.
    const narrow = columnWidths(table, 5000, themeText);
    expect(narrow.reduce((a, b) => a + b, 0)).toBe(5000);
    expect(narrow[0]).toBeGreaterThanOrEqual(wordTwips('Logistics'.length));
    expect(narrow[2]).toBeGreaterThanOrEqual(wordTwips('Finance'.length));
  });

  it('columnWidths: columns whose words cannot all fit still shrink in proportion, adding up to the width', () => {
    const many = parseMarkdown(`| ${Array.from({ length: 8 }, (_, i) => `Column${i}longheader`).join(' | ')} |\n| ${Array(8).fill('--').join(' | ')} |\n`).children.find((c): c is Table => c.type === 'table')!;
    const widths = columnWidths(many, 9638, themeText);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9638);
    for (const w of widths) expect(w).toBeGreaterThan(9638 / 8 - 10);
  });

  it('gives each short column of the Word table at least its longest word (Owner, Finance and Logistics were broken over two lines)', async () => {
    const built = await docxDocument(`---\ntitle: "Table"\n---\n\n${tableMarkdown}`, 'table.md', await settings());
    const document = readDocx(built.bytes).xml('word/document.xml');
    const [wordTable] = elements(document, 'w:tbl');
    expect(wordText(wordTable)).toContain('Logistics');
    const grid = elements(wordTable, 'w:gridCol').map((c) => Number(c['@_w:w']));
    const cells = elements(elements(wordTable, 'w:tr')[1], 'w:tcW').map((c) => Number(c['@_w:w']));
    const total = textArea(document).width / EMU_TWIP;
    for (const widths of [grid, cells]) {
      expect(widths).toHaveLength(3);
      expect(widths.reduce((a, b) => a + b, 0)).toBe(total);
      expect(widths[0]).toBeGreaterThanOrEqual(wordTwips('Logistics'.length));
      expect(widths[2]).toBeGreaterThanOrEqual(wordTwips('Finance'.length));
    }
  });
});
