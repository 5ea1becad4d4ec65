import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { showText } from '../../src/typeset/show-text.js';
import { fonts } from './helpers.js';

// Kerning pairs, accents, a combining mark (a glyph offset), non-breaking spaces, tabs, a line
// ending in a space and an empty run. (A run never holds a line break: line breaking ends the line there.)
const RUNS = ['AVATAR To Ty Wa', 'x', 'Sécurité des frontières — cœur', 'e\u0301 n\u0303 combining', '10\u00a0000 and 9\u202f%', 'tab\there ', '', 'ﬁ ligature office'];

/** The whole file, uncompressed, with the runs drawn by `draw` in the regular and bold fonts. */
async function pdf(draw: (doc: PDFKit.PDFDocument, text: string, x: number, y: number) => void): Promise<string> {
  const doc = new PDFDocument({ compress: false, autoFirstPage: false, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<string>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks).toString('latin1'))));
  doc.registerFont('regular', Buffer.from(fonts.regular));
  doc.registerFont('bold', Buffer.from(fonts.bold));
  doc.addPage({ margin: 0 });
  RUNS.forEach((text, i) => {
    doc.font(i % 2 ? 'bold' : 'regular').fontSize(9 + i * 0.37);
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
    expect(ours).toEqual(theirs);
  });
});
