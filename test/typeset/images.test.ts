import { describe, expect, it } from 'vitest';
import { sniffImage } from '../../src/typeset/images.js';
import { typeset } from '../../src/typeset/index.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import { input } from './helpers.js';
import { makeJpegHeader, makePng } from './png.js';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { allText, openPdf, type PdfDoc } from './read-pdf.js';

const files: Record<string, Uint8Array> = {
  'rgb.png': makePng(400, 200, 2),
  'rgba.png': makePng(40, 20, 6),
  'photo.jpg': makeJpegHeader(640, 480),
  'anim.gif': Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'),
  // Header of an RGBA PNG followed by image data that does not inflate.
  'damaged.png': Buffer.concat([Buffer.from(makePng(10, 10, 6)).subarray(0, 33), Buffer.from([0, 0, 0, 5, 0x49, 0x44, 0x41, 0x54, 1, 2, 3, 4, 5, 0, 0, 0, 0])]),
  'truncated.jpg': Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9]),
};
const loadImage = (src: string): Uint8Array | undefined => files[src];
const md = (src: string): string => `---\ntitle: Images\nlogo: rgb.png\n---\n\nText.\n\n![Alt text](${src})\n`;

describe('image sniffing', () => {
  it('recognises PNG and JPEG by magic bytes, with size and transparency', () => {
    expect(sniffImage(files['rgb.png'] ?? new Uint8Array())).toEqual({ format: 'png', width: 400, height: 200, alpha: false });
    expect(sniffImage(files['rgba.png'] ?? new Uint8Array())).toMatchObject({ format: 'png', alpha: true });
    expect(sniffImage(files['photo.jpg'] ?? new Uint8Array())).toEqual({ format: 'jpeg', width: 640, height: 480, alpha: false });
    expect(sniffImage(files['anim.gif'] ?? new Uint8Array())).toBeUndefined();
    expect(sniffImage(new Uint8Array([0x89, 0x50]))).toBeUndefined();
  });
});

describe('images in the document', () => {
  it('embeds PNG (with or without alpha) and JPEG without diagnostics', async () => {
    for (const src of ['rgb.png', 'rgba.png', 'photo.jpg']) {
      const out = await typeset(input(md(src), { loadImage }));
      expect(out.diagnostics, src).toEqual([]);
      expect(Buffer.from(out.pdf).toString('latin1')).toMatch(/\/Subtype \/Image/);
    }
  });

  it('warns about an unsupported format or a missing file and still produces the PDF', async () => {
    for (const src of ['anim.gif', 'missing.png', 'damaged.png', 'truncated.jpg']) {
      const out = await typeset(input(md(src), { loadImage }));
      expect(out.diagnostics).toHaveLength(1);
      expect(out.diagnostics[0]).toMatchObject({ code: 'image', severity: 'warning', stage: 'typeset', actual: src, location: { start: { line: 8, column: 1 } } });
      expect((await openPdf(out.pdf)).numPages).toBe(out.pages);
    }
  });
});

/** How many images the PDF paints, on every page. */
async function paintedImages(doc: PdfDoc): Promise<number> {
  let count = 0;
  for (let p = 1; p <= doc.numPages; p++) count += (await (await doc.getPage(p)).getOperatorList()).fnArray.filter((op) => op === OPS.paintImageXObject).length;
  return count;
}

describe('an image inside a paragraph', () => {
  it('is placed as a block after its text (the PDF left it out, showing only its alt text)', async () => {
    const out = await typeset(input('---\ntitle: Images\n---\n\nPhoto: ![Group photo](rgb.png)\n\nNext ![a](photo.jpg) and ![b](rgb.png) end.\n', { loadImage }));
    expect(out.diagnostics).toEqual([]);
    const doc = await openPdf(out.pdf);
    expect(await paintedImages(doc)).toBe(3);
    const text = (await allText(doc)).join(' ');
    expect(text).toContain('Photo:');
    expect(text).toContain('Next and end.');
    // The image shows instead of its alt text (which is its Figure's /Alt).
    expect(text).not.toContain('Group photo');
  });

  it('one that cannot be used is reported at its own ![…](…), and a framed placeholder with its alt text keeps its place', async () => {
    const out = await typeset(input('---\ntitle: Images\n---\n\nPhoto: ![Group photo](missing.png)\n', { loadImage }));
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'image', severity: 'warning', actual: 'missing.png', location: expect.objectContaining({ start: expect.objectContaining({ line: 5, column: 8 }) }) })]);
    const doc = await openPdf(out.pdf);
    expect(await paintedImages(doc)).toBe(0);
    expect((await allText(doc)).join(' ')).toContain('Photo: [Group photo]');
  });
});

describe('an image in a table cell', () => {
  it('is drawn as its alt text, and said so once at its ![…](…): it is not dropped silently', async () => {
    const out = await typeset(input('---\ntitle: Images\n---\n\n| A | B |\n| - | - |\n| 1 | See ![Group photo](rgb.png) |\n', { loadImage }));
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'image', severity: 'warning', actual: 'rgb.png', location: expect.objectContaining({ start: expect.objectContaining({ line: 7, column: 11 }) }) })]);
    expect(out.diagnostics[0]?.message).toBe('The PDF shows this image as its alt text only: it is in a table cell or a heading, where the PDF places no image (the HTML and DOCX show it).');
    const doc = await openPdf(out.pdf);
    expect(await paintedImages(doc)).toBe(0);
    expect((await allText(doc)).join(' ')).toContain('See Group photo');
  });
});

describe('PDF/A', () => {
  const theme = resolveTheme({ pdf_a: true });

  it('writes PDF/A-2a identification and an output intent', async () => {
    const out = await typeset(input(md('rgb.png'), { loadImage, theme }));
    const raw = Buffer.from(out.pdf).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    expect(raw).toContain('/OutputIntents');
    expect(raw).toContain('<xmp:CreateDate>2022-05-20T10:00:00Z</xmp:CreateDate>');
    expect(raw).not.toContain('/ModDate');
    expect(out.diagnostics).toEqual([]);
  });

  it('refuses an image with an alpha channel with an error', async () => {
    const out = await typeset(input(md('rgba.png'), { loadImage, theme }));
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'image', severity: 'error', actual: 'rgba.png' })]);
  });
});
