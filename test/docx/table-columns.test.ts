import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { Table } from 'mdast';
import { afterAll, describe, expect, it } from 'vitest';
import { docxDocument } from '../../src/docx/document.js';
import { readReference } from '../../src/docx/reference.js';
import { styleRunSize } from '../../src/docx/reference-run-size.js';
import { columnWidths } from '../../src/docx/table.js';
import { tableTextWidth } from '../../src/docx/table-text.js';
import { parseMarkdown } from '../../src/typeset/markdown.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import { openPdf } from '../typeset/read-pdf.js';
import { docxSettings } from './settings.js';

/** The participation table as the report writes it, and one of short words of wide letters beside a long text. */
const PARTICIPATION = `| Country or group | Participants | Women | Men | Women (%) |
| :-- | --: | --: | --: | --: |
| Mali | 5 | 2 | 3 | 40% |
| UN and international organizations | 6 | 3 | 3 | 50% |
`;
const WIDE = `| Remarks | Mmmm | WWWW | Hommes | Femmes | Total |
| :-- | :-- | :-- | :-- | :-- | --: |
| ${'A long remark that wraps over several lines of its own column. '.repeat(4)} | mm | ww | 3 | 4 | 7 |
`;
const HEADERS = ['Country or group Participants Women Men Women (%)', 'Remarks Mmmm WWWW Hommes Femmes Total'];
const markdown = `---\ntitle: "Tables"\n---\n\n# Tables\n\n${PARTICIPATION}\nBetween the tables.\n\n${WIDE}`;

const work = mkdtempSync(path.join(tmpdir(), 'docx-columns-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const profile = `-env:UserInstallation=file://${path.join(work, 'lo-profile')}`;

function soffice(args: string[]): void {
  const run = spawnSync('soffice', [profile, '--headless', ...args], { encoding: 'utf8', timeout: 120_000 });
  expect(run.error, 'soffice must be installed (.ci/run installs libreoffice-writer-nogui)').toBeUndefined();
  expect(run.status, run.stderr).toBe(0);
}

/**
 * House styles as a tester makes them: a text file converted by LibreOffice (its default fonts,
 * DejaVu Serif or Liberation Serif, 12 pt), and the same with a "Table text" style of its own,
 * 12 pt in a font it may not have (Verdana), for which LibreOffice puts one of its own.
 */
function houseStyles(): { plain: string; ownTableText: string } {
  mkdirSync(path.join(work, 'assets'), { recursive: true });
  writeFileSync(path.join(work, 'house.txt'), 'House style\n');
  soffice(['--convert-to', 'docx', '--outdir', path.join(work, 'assets'), path.join(work, 'house.txt')]);
  const plain = path.join('assets', 'house.docx');
  const parts = unzipSync(new Uint8Array(readFileSync(path.join(work, plain))));
  const style = '<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table text"/><w:basedOn w:val="Normal"/><w:rPr><w:rFonts w:ascii="Verdana" w:hAnsi="Verdana"/><w:sz w:val="24"/><w:szCs w:val="24"/></w:rPr></w:style>';
  parts['word/styles.xml'] = strToU8(strFromU8(parts['word/styles.xml']!).replace('</w:styles>', `${style}</w:styles>`));
  const ownTableText = path.join('assets', 'house-table-text.docx');
  writeFileSync(path.join(work, ownTableText), zipSync(parts));
  return { plain, ownTableText };
}

/** LibreOffice's PDF of each DOCX: its lines of text, the items at one height joined left to right. */
async function laidOut(files: Record<string, Uint8Array>): Promise<Record<string, string[]>> {
  const names = Object.entries(files).map(([name, bytes]) => {
    writeFileSync(path.join(work, `${name}.docx`), bytes);
    return path.join(work, `${name}.docx`);
  });
  soffice(['--convert-to', 'pdf', '--outdir', path.join(work, 'pdf'), ...names]);
  const out: Record<string, string[]> = {};
  for (const name of Object.keys(files)) {
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(work, 'pdf', `${name}.pdf`))));
    const lines: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      const rows = new Map<number, Array<{ x: number; str: string }>>();
      for (const item of content.items) {
        if (!('str' in item) || !item.str.trim()) continue;
        const y = Math.round(item.transform[5] as number);
        rows.set(y, [...(rows.get(y) ?? []), { x: item.transform[4] as number, str: item.str.trim() }]);
      }
      for (const [, row] of [...rows].sort((a, b) => b[0] - a[0])) lines.push(row.sort((a, b) => a.x - b.x).map((i) => i.str).join(' ').replace(/\s+/g, ' '));
    }
    await pdf.destroy();
    out[name] = lines;
  }
  return out;
}

describe('DOCX: every table column is at least as wide as its longest word, in the fonts it is shown in', async () => {
  const settings = await docxSettings();
  const { plain, ownTableText } = houseStyles();
  const reference = await readReference(plain, work);
  const withTableText = await readReference(ownTableText, work);

  it('reads the size of a reference\'s own "Table text" style, else leaves it to the theme\'s', () => {
    expect(reference.tableTextSize).toBeUndefined();
    expect(withTableText.tableTextSize).toBe(24);
    // Through the styles it is based on, then the document defaults.
    const styles = {
      'w:styles': {
        'w:docDefaults': { 'w:rPrDefault': { 'w:rPr': { 'w:sz': { 'w:val': '22' } } } },
        'w:style': [
          { 'w:styleId': 'A', 'w:basedOn': { 'w:val': 'B' } },
          { 'w:styleId': 'B', 'w:rPr': { 'w:sz': { 'w:val': '30' } } },
          { 'w:styleId': 'C', 'w:basedOn': { 'w:val': 'C' } },
        ],
      },
    };
    expect(styleRunSize(styles, 'A')).toBe(30);
    expect(styleRunSize(styles, 'C')).toBe(22);
    expect(styleRunSize(styles, 'Missing')).toBe(22);
    expect(styleRunSize({}, 'A')).toBeUndefined();
  });

  it('gives a column more room with a reference, whose fonts are wider than Source Sans 3, and as much without one as before', () => {
    const table = parseMarkdown(PARTICIPATION).children.find((c): c is Table => c.type === 'table')!;
    const theme = resolveTheme(undefined);
    const own = columnWidths(table, 9638, tableTextWidth(theme.fontSize));
    const housed = columnWidths(table, 9638, tableTextWidth(theme.fontSize, reference));
    // Without a reference, the widths of before (112 twips a character and 240 of margins and slack:
    // "Participants" 1584, "Women" 800, "Men" 576; what is left shared by the first and last columns).
    expect(own).toEqual([5208, 1584, 800, 576, 1470]);
    for (const c of [1, 2, 3]) expect(housed[c]!).toBeGreaterThan(own[c]!);
    // A larger "Table text" of the reference's own: larger still.
    const larger = columnWidths(table, 9638, tableTextWidth(theme.fontSize, withTableText));
    for (const c of [1, 2, 3]) expect(larger[c]!).toBeGreaterThan(housed[c]!);
  });

  it('breaks no header word in LibreOffice, with or without a reference document (Wom|en, Me|n with one)', async () => {
    const files = {
      own: (await docxDocument(markdown, 'tables.md', settings)).bytes,
      house: (await docxDocument(markdown, 'tables.md', { ...settings, reference })).bytes,
      tableText: (await docxDocument(markdown, 'tables.md', { ...settings, reference: withTableText })).bytes,
    };
    const lines = await laidOut(files);
    for (const [name, text] of Object.entries(lines)) {
      // A header may wrap between its words ("Women" above "(%)"), never inside one ("Wom" above "en").
      const words = text.join(' ').split(' ');
      const count = (list: string[], word: string) => list.filter((w) => w === word).length;
      for (const word of HEADERS.join(' ').split(' ')) expect(count(words, word), `${name}: ${word} in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(count(HEADERS.join(' ').split(' '), word));
    }
  }, 180_000);
});
