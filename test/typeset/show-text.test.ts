import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { parsedFont } from '../../src/typeset/measure.js';
import { eachWord, registerShaper, shapeWord } from '../../src/typeset/shaping.js';
import { showText } from '../../src/typeset/show-text.js';
import { fonts } from './helpers.js';

// Kerning pairs, accents, combining marks (HarfBuzz composes e + U+0301 into é where the font has é;
// x + U+0301 keeps the mark, placed by a glyph offset), non-breaking spaces, tabs, a line ending in a
// space and an empty run. (A run never holds a line break: line breaking ends the line there.)
const RUNS = ['AVATAR To Ty Wa', 'x', 'Sécurité des frontières — cœur', 'e\u0301 n\u0303 x\u0301 q\u0323 combining', '10\u00a0000 and 9\u202f%', 'tab\there ', '', 'ﬁ ligature office'];

type PdfkitFont = { font: fontkit.Font; layoutCache?: Record<string, unknown> };

/**
 * The whole file, uncompressed, with the runs drawn by `draw` in the regular and bold fonts. pdfkit's
 * layout cache answers with our shaped words, so its text() and our showText write the same glyphs
 * and what is compared is how they are written.
 */
async function pdf(draw: (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => void): Promise<string> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))));
  doc.registerFont('regular', parsedFont(fonts.regular) as unknown as Buffer);
  doc.registerFont('bold', parsedFont(fonts.bold) as unknown as Buffer);
  doc.addPage({ margin: 0 });
  RUNS.forEach((text, i) => {
    doc.font(i % 2 ? 'bold' : 'regular').fontSize(9 + i * 0.37);
    const font = (doc as unknown as { _font: PdfkitFont })._font;
    font.layoutCache = new Proxy({}, { get: (_, word) => shapeWord(font.font, String(word)) });
    draw(doc, text, 72.123456789, 100 + i * 17.5);
  });
  doc.end();
  return done;
}

describe('showText', () => {
  it('writes byte for byte what pdfkit’s text() writes for an already placed run', async () => {
    const ours = await pdf((doc, text, x, y) => showText(doc, text, x, y));
    const theirs = await pdf((doc, text, x, y) => void doc.text(text, x, y, { lineBreak: false, baseline: 'alphabetic' }));
    expect(ours).toContain('] TJ');
    expect(ours).toContain('/F2 ');
    expect(ours).toContain('/F3 ');
    // The run with marks moves the text matrix for the offset glyph and back.
    expect(shapeWord(parsedFont(fonts.bold), 'x\u0301 ').positions.some((p) => p.xOffset !== 0 || p.yOffset !== 0)).toBe(true);
    expect(ours).toEqual(theirs);
  });
});

describe('shapeWord (HarfBuzz)', () => {
  // pdfkit would shape with fontkit's own OpenType engine; HarfBuzz must give these fonts' Latin text
  // the same glyphs, kerning and ligatures, so switching shapers changed no PDF. (Decomposed accents
  // differ, for the better: HarfBuzz uses the font's precomposed ñ where fontkit stacks n and a tilde.
  // Notes are NFC-normalised when loaded, so they rarely reach the typesetter.)
  it.each(['regular', 'bold', 'italic', 'boldItalic'] as const)('shapes %s text as fontkit does', (key) => {
    const ours = parsedFont(fonts[key]);
    const theirs = fontkit.create(Buffer.from(fonts[key]));
    const scale = 1000 / theirs.unitsPerEm;
    for (const run of [...RUNS.filter((text) => !text.includes('\u0301') && !text.includes('\u0303')), 'Tanger-Med “quoted” affluent ﬄ 1½ Ménaka Sûreté AWAY']) {
      eachWord(run, (word) => {
        const expected = (theirs as unknown as { layout(text: string): { glyphs: fontkit.Glyph[]; positions: Record<string, number>[] } }).layout(word);
        const shaped = shapeWord(ours, word);
        expect(shaped.glyphs.map((g) => g.id), word).toEqual(expected.glyphs.map((g) => g.id));
        expect(shaped.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]), word).toEqual(expected.positions.map((p) => [p['xAdvance']! * scale, p['xOffset']! * scale, p['yOffset']! * scale]));
      });
    }
  });

  it('gives a ligature the text of its cluster and every other glyph its own code point (Source Sans 3 has ff, not ffi)', () => {
    const run = shapeWord(parsedFont(fonts.regular), 'office ');
    expect(run.glyphs.map((g) => String.fromCodePoint(...g.codePoints))).toEqual(['o', 'ff', 'i', 'c', 'e', ' ']);
  });

  it('gives a combining mark its own code point, also as a variant no code point maps to', () => {
    // Over a capital, Source Sans 3 draws the tilde with tildecomb.case, which the cmap does not list:
    // it must still extract as U+0303, the same in every document.
    const run = shapeWord(parsedFont(fonts.regular), 'Q\u0303 ');
    expect(run.glyphs.map((g) => String.fromCodePoint(...g.codePoints))).toEqual(['Q', '\u0303', ' ']);
  });

  it('keeps fontkit’s shaper for bytes HarfBuzz does not read as fontkit does, rather than drawing missing glyphs', () => {
    for (const other of [fonts.mono, new Uint8Array(1024)]) {
      const font = fontkit.create(Buffer.from(fonts.regular));
      registerShaper(font, other);
      const expected = (fontkit.create(Buffer.from(fonts.regular)) as unknown as { layout(text: string): { glyphs: fontkit.Glyph[] } }).layout('AVATAR office ');
      expect(shapeWord(font, 'AVATAR office ').glyphs.map((g) => g.id)).toEqual(expected.glyphs.map((g) => g.id));
    }
  });

  it('shapes with HarfBuzz a font whose cmap lists a code point without a glyph (U+FFFF in Liberation Sans)', () => {
    const liberation = new Uint8Array(readFileSync(new URL('../../node_modules/pdfjs-dist/standard_fonts/LiberationSans-Regular.ttf', import.meta.url)));
    // HarfBuzz draws n + U+0303 with the font's ñ (one glyph); fontkit's shaper would stack two.
    expect(shapeWord(parsedFont(liberation), 'n\u0303').glyphs).toHaveLength(1);
    expect(shapeWord(parsedFont(fonts.regular), 'n\u0303').glyphs).toHaveLength(1);
  });
});
