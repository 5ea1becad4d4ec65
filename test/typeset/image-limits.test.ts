import fc from 'fast-check';
import { deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { LIMITS } from '../../src/limits.js';
import { imagePixels, readImageHeader, sniffImage } from '../../src/typeset/images.js';
import { typeset } from '../../src/typeset/index.js';
import { imageLoader } from '../../src/typeset/layout/load-image.js';
import { input } from './helpers.js';
import { chunk, makeJpegHeader, makePng } from './png.js';

// --- Synthetic files: headers written by hand, so a 40-megapixel image costs a few bytes. ---

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function ihdr(width: number, height: number, bits = 8, colorType = 2): Buffer {
  const data = Buffer.alloc(13);
  data.writeUInt32BE(width, 0);
  data.writeUInt32BE(height, 4);
  data.set([bits, colorType, 0, 0, 0], 8);
  return chunk('IHDR', data);
}

/** A PNG whose IHDR claims width × height, with a token IDAT that does not hold that many pixels. */
function pngClaiming(width: number, height: number): Uint8Array {
  return Buffer.concat([SIGNATURE, ihdr(width, height), chunk('IDAT', deflateSync(Buffer.alloc(4))), chunk('IEND', new Uint8Array())]);
}

/**
 * A genuinely valid 1-bit greyscale PNG (all white): 8000 × 5001 is 5 MB of scanlines that deflate to a
 * few kilobytes, the shape of the "small file, huge image".
 */
function greyPng(width: number, height: number): Uint8Array {
  const row = Buffer.alloc(1 + Math.ceil(width / 8), 0xff);
  row[0] = 0;
  const raw = Buffer.alloc(row.length * height);
  for (let y = 0; y < height; y++) row.copy(raw, y * row.length);
  return Buffer.concat([SIGNATURE, ihdr(width, height, 1, 0), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', new Uint8Array())]);
}

const AT_LIMIT = { width: 8000, height: 5000 }; // 40,000,000 pixels
const PAST_LIMIT = { width: 8000, height: 5001 }; // 40,008,000 pixels

const md = (src: string): string => `---\ntitle: Images\n---\n\nText.\n\n![Alt text](${src})\n`;

function load(files: Record<string, Uint8Array>): (src: string) => Uint8Array | undefined {
  return (src) => files[src];
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('pixel size from the header', () => {
  it('reads the PNG IHDR and the JPEG SOFn without decoding', () => {
    expect(AT_LIMIT.width * AT_LIMIT.height).toBe(LIMITS.imagePixels);
    expect(readImageHeader(pngClaiming(AT_LIMIT.width, AT_LIMIT.height))).toEqual({ kind: 'image', info: { format: 'png', ...AT_LIMIT, alpha: false } });
    expect(readImageHeader(makeJpegHeader(AT_LIMIT.width, AT_LIMIT.height))).toEqual({ kind: 'image', info: { format: 'jpeg', ...AT_LIMIT, alpha: false } });
    expect(imagePixels(AT_LIMIT)).toBe(LIMITS.imagePixels);
    expect(imagePixels(PAST_LIMIT)).toBeGreaterThan(LIMITS.imagePixels);
    expect(imagePixels({ width: 0xffffffff, height: 0xffffffff })).toBeGreaterThan(LIMITS.imagePixels);
  });

  it('walks JPEG segments: fill bytes, standalone markers, and DHT/JPG/DAC (C4, C8, CC) are not frame headers', () => {
    const frame = (marker: number, width: number, height: number): number[] => [0xff, marker, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 0x03, 0x01, 0x11, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01];
    // Segments shaped like a frame header but with marker C4, C8, CC claim 9000 × 9000; the real SOF2 says 640 × 480.
    const bytes = Uint8Array.from([
      0xff, 0xd8,
      0xff, 0xe1, 0x00, 0x06, 0xff, 0xc0, 0x7f, 0xff, // APP1 whose payload looks like an SOF0 marker
      ...frame(0xc4, 9000, 9000),
      ...frame(0xc8, 9000, 9000),
      ...frame(0xcc, 9000, 9000),
      0xff, 0xff, 0xff, // fill bytes
      0xff, 0xd0, // RST0, standalone
      ...frame(0xc2, 640, 480),
      0xff, 0xd9,
    ]);
    expect(sniffImage(bytes)).toEqual({ format: 'jpeg', width: 640, height: 480, alpha: false });
    for (const sof of [0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]) {
      expect(sniffImage(Uint8Array.from([0xff, 0xd8, ...frame(sof, 300, 200), 0xff, 0xd9])), sof.toString(16)).toMatchObject({ width: 300, height: 200 });
    }
  });

  it('calls a header without IHDR or SOF damaged, and anything else unknown', () => {
    expect(readImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xd9]))).toEqual({ kind: 'damaged', format: 'jpeg' });
    // Scan data before any frame header.
    expect(readImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 1, 2, 3, 0xff, 0xd9]))).toEqual({ kind: 'damaged', format: 'jpeg' });
    // A segment length below 2, which would never advance.
    expect(readImageHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0xff, 0xc0]))).toEqual({ kind: 'damaged', format: 'jpeg' });
    expect(readImageHeader(Buffer.concat([SIGNATURE, chunk('IDAT', new Uint8Array(13))]))).toEqual({ kind: 'damaged', format: 'png' });
    expect(readImageHeader(pngClaiming(0, 10))).toEqual({ kind: 'damaged', format: 'png' });
    expect(readImageHeader(pngClaiming(0x80000000, 1))).toEqual({ kind: 'damaged', format: 'png' });
    expect(readImageHeader(Buffer.from('GIF89a', 'latin1'))).toEqual({ kind: 'unknown' });
    expect(readImageHeader(new Uint8Array())).toEqual({ kind: 'unknown' });
  });

  it('refuses a PNG with a second IHDR (pdfkit would take the size from the last one)', () => {
    const small = Buffer.from(makePng(10, 10, 2));
    const sneaky = Buffer.concat([small.subarray(0, 33), ihdr(20000, 20000), small.subarray(33)]);
    expect(readImageHeader(sneaky)).toEqual({ kind: 'damaged', format: 'png' });
  });
});

describe('the pixel limit in the typesetter', () => {
  it('passes an image of exactly the limit to the later checks', () => {
    const diagnostics: Diagnostic[] = [];
    const loader = imageLoader(load({ 'at.png': pngClaiming(AT_LIMIT.width, AT_LIMIT.height), 'at.jpg': makeJpegHeader(AT_LIMIT.width, AT_LIMIT.height) }), false, diagnostics);
    // The JPEG is only a header, which is all the typesetter reads (pdfkit embeds JPEG data as it is).
    expect(loader('at.jpg', undefined)).toMatchObject(AT_LIMIT);
    expect(diagnostics).toEqual([]);
    // The PNG passes the pixel check and is then found not to hold 40 million pixels of data.
    expect(loader('at.png', undefined)).toBeUndefined();
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'image', message: 'The PNG file is damaged and is left out.' })]);
  });

  it('embeds a valid PNG and a JPEG of exactly the limit', async () => {
    // The same spy that shows refused images never reach pdfkit sees these two.
    const image = vi.spyOn(PDFDocument.prototype, 'image');
    const files = { 'at.png': greyPng(AT_LIMIT.width, AT_LIMIT.height), 'at.jpg': makeJpegHeader(AT_LIMIT.width, AT_LIMIT.height) };
    for (const src of Object.keys(files)) {
      const out = await typeset(input(md(src), { loadImage: load(files) }));
      expect(out.diagnostics, src).toEqual([]);
      const raw = Buffer.from(out.pdf).toString('latin1');
      expect(raw).toMatch(/\/Subtype \/Image/);
      expect(raw).toMatch(/\/Width 8000/);
      expect(raw).toMatch(/\/Height 5000/);
    }
    expect(image).toHaveBeenCalledTimes(2);
  });

  it('refuses a PNG or JPEG one row past the limit before pdfkit sees it, with size, limit and hint', async () => {
    const image = vi.spyOn(PDFDocument.prototype, 'image');
    const files = {
      'past.png': greyPng(PAST_LIMIT.width, PAST_LIMIT.height),
      'claims.png': pngClaiming(PAST_LIMIT.width, PAST_LIMIT.height),
      'past.jpg': makeJpegHeader(PAST_LIMIT.width, PAST_LIMIT.height),
      'huge.png': pngClaiming(20000, 20000),
    };
    for (const src of Object.keys(files)) {
      const out = await typeset(input(md(src), { loadImage: load(files) }));
      expect(out.diagnostics, src).toHaveLength(1);
      const [d] = out.diagnostics;
      expect(d).toMatchObject({ code: 'image', severity: 'warning', stage: 'typeset', actual: src, location: { file: 'report.md', start: { line: 7, column: 1 } } });
      expect(d?.message).toContain('40,000,000 pixels');
      expect(d?.hint).toMatch(/scale the image down/i);
      expect(d?.hint).toContain('4000 × 4000');
      expect(Buffer.from(out.pdf).toString('latin1'), src).not.toMatch(/\/Subtype \/Image/);
    }
    expect(image).not.toHaveBeenCalled();
    const out = await typeset(input(md('past.jpg'), { loadImage: load(files) }));
    expect(out.diagnostics[0]?.message).toBe('The image is 8,000 × 5,001 = 40,008,000 pixels; images are limited to 40,000,000 pixels. It is left out.');
  });

  it('refuses a logo past the limit the same way', async () => {
    const image = vi.spyOn(PDFDocument.prototype, 'image');
    const files = { 'logo.jpg': makeJpegHeader(PAST_LIMIT.width, PAST_LIMIT.height) };
    const out = await typeset(input('---\ntitle: Logo\nlogo: logo.jpg\n---\n\nText.\n', { loadImage: load(files) }));
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'image', actual: 'logo.jpg', message: expect.stringContaining('40,008,000 pixels') })]);
    expect(image).not.toHaveBeenCalled();
  });

  it('honours smaller caps given to the loader', () => {
    const diagnostics: Diagnostic[] = [];
    const loader = imageLoader(load({ 'a.png': makePng(101, 100, 2) }), false, diagnostics, { bytes: LIMITS.imageBytes, pixels: 10_000 });
    expect(loader('a.png', undefined)).toBeUndefined();
    expect(diagnostics[0]?.message).toContain('101 × 100 = 10,100 pixels');
  });
});

describe('damaged headers and the byte limit', () => {
  it('gives a truncated header its own message', async () => {
    const files = { 'cut.png': Buffer.from(makePng(10, 10, 2)).subarray(0, 20), 'cut.jpg': makeJpegHeader(640, 480).subarray(0, 24) };
    for (const [src, what] of [['cut.png', 'IHDR'], ['cut.jpg', 'SOF']] as const) {
      const out = await typeset(input(md(src), { loadImage: load(files) }));
      expect(out.diagnostics, src).toEqual([expect.objectContaining({ code: 'image', severity: 'warning', actual: src, hint: 'Export the image again.' })]);
      expect(out.diagnostics[0]?.message).toContain(what);
      expect(out.diagnostics[0]?.message).toContain('truncated');
    }
  });

  it('refuses bytes over the cap even when the caller hands them over', () => {
    const diagnostics: Diagnostic[] = [];
    const big = Buffer.concat([Buffer.from(makePng(10, 10, 2)), Buffer.alloc(1.5 * 1024 * 1024)]);
    const loader = imageLoader(load({ 'big.png': big }), false, diagnostics, { bytes: 1024 * 1024, pixels: LIMITS.imagePixels });
    expect(loader('big.png', undefined)).toBeUndefined();
    expect(diagnostics).toEqual([
      expect.objectContaining({ code: 'image', actual: 'big.png', message: `The image file is 1.5 MiB (${big.length.toLocaleString('en-US')} bytes); images are limited to 1 MiB (1,048,576 bytes). It is left out.` }),
    ]);
  });

  it('says which refusal the caller made: not found, outside the project, too large', () => {
    const diagnostics: Diagnostic[] = [];
    const refusing = (src: string) => (src === 'out.png' ? { refused: 'outside-project' as const } : src === 'huge.png' ? { refused: 'too-large' as const, bytes: 12 * 1024 * 1024 } : undefined);
    const loader = imageLoader(refusing, false, diagnostics);
    for (const src of ['nowhere.png', 'out.png', 'huge.png']) expect(loader(src, undefined)).toBeUndefined();
    expect(diagnostics.map((d) => d.message)).toEqual([
      'The image file was not found.',
      'The image is outside the project folder and is left out.',
      'The image file is 12 MiB (12,582,912 bytes); images are limited to 10 MiB (10,485,760 bytes). It is left out.',
    ]);
  });
});

describe('headers of every length', () => {
  const whole = {
    png: Buffer.from(makePng(30, 20, 6)),
    jpeg: Buffer.from(makeJpegHeader(640, 480)),
    grey: Buffer.from(greyPng(64, 64)),
  };

  it('never throws on a truncated header and refuses it with one diagnostic', () => {
    for (const [name, bytes] of Object.entries(whole)) {
      for (let n = 0; n < bytes.length; n++) {
        const cut = bytes.subarray(0, n);
        expect(() => readImageHeader(cut), `${name} ${n}`).not.toThrow();
        const header = readImageHeader(cut);
        const magic = name === 'jpeg' ? 3 : 8;
        const headerEnd = name === 'jpeg' ? 39 : 33; // end of the SOF0 segment / of the IHDR chunk
        expect(header.kind, `${name} ${n}`).toBe(n < magic ? 'unknown' : n < headerEnd ? 'damaged' : 'image');
        const diagnostics: Diagnostic[] = [];
        const loaded = imageLoader(() => cut, true, diagnostics)('x', undefined);
        // A PNG cut anywhere is refused (its data no longer inflates); the JPEG header is enough for the typesetter.
        if (name !== 'jpeg' || n < headerEnd) {
          expect(loaded, `${name} ${n}`).toBeUndefined();
          expect(diagnostics, `${name} ${n}`).toHaveLength(1);
        }
      }
    }
  });

  it('never throws on arbitrary bytes after the magic, nor on a corrupted header', () => {
    const magic = fc.constantFrom(whole.png.subarray(0, 8), whole.jpeg.subarray(0, 3), whole.png.subarray(0, 16), whole.jpeg.subarray(0, 22));
    fc.assert(
      fc.property(magic, fc.uint8Array({ maxLength: 80 }), (head, tail) => {
        const bytes = Buffer.concat([head, tail]);
        const header = readImageHeader(bytes);
        expect(['image', 'damaged']).toContain(header.kind);
        if (header.kind === 'image') expect(header.info.width * header.info.height).toBeGreaterThan(0);
        const diagnostics: Diagnostic[] = [];
        imageLoader(() => bytes, false, diagnostics)('x', undefined);
        expect(diagnostics.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.constantFrom(whole.png, whole.jpeg, whole.grey), fc.nat(), fc.integer({ min: 0, max: 255 }), (file, at, value) => {
        const bytes = Buffer.from(file);
        bytes[at % bytes.length] = value;
        expect(() => readImageHeader(bytes)).not.toThrow();
        const diagnostics: Diagnostic[] = [];
        expect(() => imageLoader(() => bytes, false, diagnostics)('x', undefined)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });
});
