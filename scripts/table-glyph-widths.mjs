// Writes src/docx/glyph-widths.ts: the bold advance widths the DOCX sizes table columns by (see
// src/docx/table-text.ts), in thousandths of an em, for the characters of Latin text (Basic Latin,
// Latin-1, Latin Extended-A, the common punctuation):
// - body: Source Sans 3 Bold, the font the DOCX embeds without a reference document (from the package's TTF);
// - wide: the widest of the fonts a house style (report.docx_reference) or a reader's machine commonly
//   sets tables in, glyph by glyph: DejaVu Sans Bold and DejaVu Serif Bold (LibreOffice's defaults where
//   the Liberation fonts are not installed; about as wide as Verdana), Helvetica, Times and Courier Bold
//   (pdfkit's metrics, which Arial, Liberation Sans, Times New Roman, Liberation Serif, Courier New and
//   Liberation Mono share) and Source Sans 3 Bold.
// Run it again (`node scripts/table-glyph-widths.mjs`) only to change the fonts or the characters; it
// needs the DejaVu fonts (Debian: fonts-dejavu-core) in /usr/share/fonts/truetype/dejavu/.
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const sans = join(dirname(require.resolve('source-sans/package.json')), 'TTF');
const DEJAVU = '/usr/share/fonts/truetype/dejavu';

/** The characters measured: [first, last] code points. */
const RANGES = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x2010, 0x2030],
  [0x20ac, 0x20ac],
  [0x2122, 0x2122],
];

/** A TrueType font's advance width of a code point, in thousandths of an em, or undefined when it has no glyph for it. */
function trueType(file) {
  const font = fontkit.create(readFileSync(file));
  return (cp) => {
    const glyph = font.glyphForCodePoint(cp);
    return glyph.id === 0 ? undefined : (glyph.advanceWidth * 1000) / font.unitsPerEm;
  };
}

/** A standard PDF font's width (pdfkit's AFM metrics, WinAnsi characters only). */
function standard(name) {
  const doc = new PDFDocument();
  doc.font(name).fontSize(1000);
  return (cp) => {
    const width = doc.widthOfString(String.fromCodePoint(cp));
    return width > 0 ? width : undefined;
  };
}

const body = trueType(join(sans, 'SourceSans3-Bold.ttf'));
const others = [
  trueType(join(DEJAVU, 'DejaVuSans-Bold.ttf')),
  trueType(join(DEJAVU, 'DejaVuSerif-Bold.ttf')),
  standard('Helvetica-Bold'),
  standard('Times-Bold'),
  standard('Courier-Bold'),
  body,
];

const rows = RANGES.map(([first, last]) => {
  const cps = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const bodyWidths = cps.map((cp) => Math.ceil(body(cp) ?? 0));
  const wideWidths = cps.map((cp) => Math.ceil(Math.max(0, ...others.map((measure) => measure(cp) ?? 0))));
  return `  [0x${first.toString(16)}, [${bodyWidths.join(', ')}], [${wideWidths.join(', ')}]],`;
});

const out = `// Written by scripts/table-glyph-widths.mjs: do not edit by hand.

/**
 * Bold advance widths in thousandths of an em, by code point from \`first\`: \`body\`, Source Sans 3 Bold's
 * (the DOCX's own font); \`wide\`, the widest of DejaVu Sans and Serif Bold, Helvetica, Times and Courier
 * Bold (Arial, Times New Roman, Courier New, the Liberation fonts) and Source Sans 3 Bold, glyph by glyph.
 * 0: the font has no glyph for it.
 */
export const GLYPH_WIDTHS: ReadonlyArray<readonly [first: number, body: readonly number[], wide: readonly number[]]> = [
${rows.join('\n')}
];
`;
writeFileSync(new URL('../src/docx/glyph-widths.ts', import.meta.url), out);
