import type * as fontkit from 'fontkit';
import { eachWord, shapeWord, type ShapedPosition } from './shaping.js';

/** The parts of pdfkit 0.20 that `showText` drives; the version is pinned in package.json. */
interface EmbeddedFont {
  id: string;
  font: fontkit.Font;
  ref(): unknown;
  subset: { includeGlyph(id: number): number };
  widths: number[];
  unicode: number[][];
  scale: number;
}
interface PdfkitInternals {
  _font: EmbeddedFont;
  _fontSize: number;
  page: { height: number; fonts: Record<string, unknown> };
  addContent(data: string): unknown;
}

// pdfkit's number formatting (PDFObject.number), so the content streams are byte for byte pdfkit's.
const num = (n: number): number => Math.round(n * 1e6) / 1e6;

/**
 * One run of text with its left end at (x, baseline), in the current font, size and colour: for a
 * run without line breaks (line breaking never leaves one in a run), the very operators pdfkit's
 * `text(…, { lineBreak: false, baseline: 'alphabetic' })` writes, without the option handling and
 * the two extra measurements of the run that call makes. Layout already placed the run; this only
 * shows it. Kerning and glyph offsets are kept as pdfkit keeps them. A stray '\n' is dropped, as
 * pdfkit's `_fragment` drops it.
 */
export function showText(doc: PDFKit.PDFDocument, text: string, x: number, baseline: number): void {
  if (text.includes('\n')) text = text.replace(/\n/g, '');
  if (text.length === 0) return;
  const d = doc as unknown as PdfkitInternals;
  const font = d._font;
  const page = d.page;
  doc.save();
  doc.transform(1, 0, 0, -1, 0, page.height);
  const y = page.height - baseline;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  d.addContent('BT');
  d.addContent(`1 0 0 1 ${num(x)} ${num(y)} Tm`);
  d.addContent(`/${font.id} ${num(d._fontSize)} Tf`);
  const [encoded, positions] = encode(font, text);
  const scale = d._fontSize / 1000;
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number): void => {
    if (last < cur) {
      const pos = positions[cur - 1]!;
      commands.push(`<${encoded.slice(last, cur).join('')}> ${num(-(pos.xAdvance - pos.advanceWidth))}`);
    }
    last = cur;
  };
  const flush = (i: number): void => {
    addSegment(i);
    if (commands.length > 0) {
      d.addContent(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let cx = x;
  let i = 0;
  for (; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      d.addContent(`1 0 0 1 ${num(cx + pos.xOffset * scale)} ${num(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        d.addContent(`1 0 0 1 ${num(cx)} ${num(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    cx += pos.xAdvance * scale;
  }
  flush(i);
  d.addContent('ET');
  doc.restore();
}

// Subset glyph ids as the 4-digit hex pdfkit writes, made once per id rather than once per glyph shown.
const HEX: string[] = [];

/**
 * pdfkit's EmbeddedFont.encode, word by word, with the words shaped by `shapeWord` (HarfBuzz) rather
 * than by pdfkit's fontkit layout: the same subset ids, widths and ToUnicode entries pdfkit records,
 * pushed onto two arrays instead of concatenated per word.
 */
function encode(font: EmbeddedFont, text: string): [string[], ShapedPosition[]] {
  const encoded: string[] = [];
  const positions: ShapedPosition[] = [];
  eachWord(text, (word) => {
    const run = shapeWord(font.font, word);
    for (let g = 0; g < run.glyphs.length; g++) {
      const glyph = run.glyphs[g]!;
      const gid = font.subset.includeGlyph(glyph.id);
      encoded.push((HEX[gid] ??= `0000${gid.toString(16)}`.slice(-4)));
      if (font.widths[gid] == null) font.widths[gid] = glyph.advanceWidth * font.scale;
      if (font.unicode[gid] == null) font.unicode[gid] = glyph.codePoints;
      positions.push(run.positions[g]!);
    }
  });
  return [encoded, positions];
}
