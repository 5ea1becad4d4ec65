import { describe, expect, it } from 'vitest';
import type { TextBox } from '../../src/typeset/layout/boxes.js';
import { docxDocument } from '../../src/docx/document.js';
import { input } from '../typeset/helpers.js';
import { layout } from '../typeset/layout-helpers.js';
import { docxSettings } from './settings.js';
import { elements, readDocx } from './read-docx.js';

type Node = Record<string, unknown>;
const attr = (node: Node | undefined, name: string) => node?.[`@_${name}`] as string | undefined;
const one = (node: unknown, name: string) => elements(node, name)[0];

/** A session summary's nested lists (Markdown), every depth of both kinds, and lists that start past 1. */
const LISTS = `1. First
   - nested bullet
     1. deep numbered
     2. deep again
        - fourth level
2. Second

- Top bullet
  - second bullet
    - third bullet
      - fourth bullet
        - fifth bullet

Between the lists.

3. Starts at three

   7. nested, at seven (a list that interrupts no paragraph may start past 1)
      - bullet in it
`;

const markdown = `---\ntitle: "Lists"\n---\n\n# Summary\n\n${LISTS}`;

/** The markers the PDF's typesetter prints, in order: the text of its list labels (Lbl). */
function pdfMarkers(): string[] {
  const result = layout(input(markdown));
  const labels = new Set(result.struct.filter((node) => node.type === 'Lbl').map((node) => node.id));
  return result.pages.flatMap((page) => page.boxes.filter((box): box is TextBox => box.kind === 'text' && box.sid !== undefined && labels.has(box.sid)).map((box) => box.text));
}

/** A number as a Word number format writes it (those Word has for lists; the DOCX should use only decimal). */
function formatted(n: number, format: string): string {
  switch (format) {
    case 'decimal':
      return String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + n);
    case 'upperLetter':
      return String.fromCharCode(64 + n);
    case 'lowerRoman':
    case 'upperRoman': {
      const roman = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'][n] ?? `?${n}`;
      return format === 'upperRoman' ? roman.toUpperCase() : roman;
    }
    default:
      return `?${format}`;
  }
}

/**
 * The marker Word shows before each numbered paragraph, in order, worked out from word/numbering.xml
 * as Word counts: each w:num counts its levels from their start (its startOverride, else the level's
 * w:start), a level's count starting again after a higher level of the same list, and each level's
 * w:lvlText, `%1.`…, filled in with the counts in their levels' w:numFmt (a bullet's is its text).
 */
function wordMarkers(bytes: Uint8Array): string[] {
  const { xml } = readDocx(bytes);
  const numbering = xml('word/numbering.xml');
  const abstracts = new Map(elements(numbering, 'w:abstractNum').map((a) => [attr(a, 'w:abstractNumId')!, new Map(elements(a, 'w:lvl').map((l) => [Number(attr(l, 'w:ilvl')), l]))]));
  const nums = new Map(
    elements(numbering, 'w:num').map((n) => [
      attr(n, 'w:numId')!,
      {
        levels: abstracts.get(attr(one(n, 'w:abstractNumId'), 'w:val')!)!,
        starts: new Map(elements(n, 'w:lvlOverride').map((o) => [Number(attr(o, 'w:ilvl')), Number(attr(one(o, 'w:startOverride'), 'w:val'))])),
      },
    ]),
  );
  const counts = new Map<string, number[]>();
  const markers: string[] = [];
  for (const paragraph of elements(xml('word/document.xml'), 'w:p')) {
    const numPr = one(paragraph['w:pPr'], 'w:numPr');
    if (!numPr) continue;
    const numId = attr(one(numPr, 'w:numId'), 'w:val')!;
    const ilvl = Number(attr(one(numPr, 'w:ilvl'), 'w:val'));
    const num = nums.get(numId)!;
    const count = counts.get(numId) ?? [];
    const startOf = (level: number) => num.starts.get(level) ?? Number(attr(one(num.levels.get(level), 'w:start'), 'w:val') ?? 1);
    count[ilvl] = count[ilvl] === undefined ? startOf(ilvl) : count[ilvl]! + 1;
    count.length = ilvl + 1;
    counts.set(numId, count);
    const level = num.levels.get(ilvl)!;
    const text = attr(one(level, 'w:lvlText'), 'w:val')!;
    const format = attr(one(level, 'w:numFmt'), 'w:val')!;
    markers.push(format === 'bullet' ? text : text.replace(/%(\d)/g, (_, k: string) => {
      const at = Number(k) - 1;
      return formatted(count[at] ?? startOf(at), attr(one(num.levels.get(at), 'w:numFmt'), 'w:val')!);
    }));
  }
  return markers;
}

describe('DOCX: list markers as the PDF prints them, at every level', async () => {
  const built = await docxDocument(markdown, 'lists.md', await docxSettings());

  it('numbers every level 1., 2., … and bullets •, –, •, … (a third level was i., a second-level bullet ◦)', () => {
    expect(wordMarkers(built.bytes)).toEqual(['1.', '–', '1.', '2.', '•', '2.', '•', '–', '•', '•', '–', '3.', '7.', '•']);
  });

  it('shows what the typesetter draws in the PDF, marker for marker', () => {
    const pdf = pdfMarkers();
    expect(pdf).toHaveLength(14);
    expect(wordMarkers(built.bytes)).toEqual(pdf);
  });

  it('defines every Word level of every list in decimal or as a bullet, never in letters or roman numerals', () => {
    const numbering = readDocx(built.bytes).xml('word/numbering.xml');
    const used = new Set(elements(numbering, 'w:num').map((n) => attr(one(n, 'w:abstractNumId'), 'w:val')));
    const levels = elements(numbering, 'w:abstractNum').filter((a) => used.has(attr(a, 'w:abstractNumId'))).flatMap((a) => elements(a, 'w:lvl'));
    expect(levels.length).toBeGreaterThanOrEqual(3 * 9);
    for (const level of levels) expect(['decimal', 'bullet']).toContain(attr(one(level, 'w:numFmt'), 'w:val'));
  });
});
