import { inflateSync } from 'node:zlib';

/** What the typesetter needs to know about an image file before handing it to pdfkit. */
export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** PNG with an alpha channel or a tRNS chunk (not allowed in PDF/A without flattening). */
  alpha: boolean;
}

/**
 * What the header of an image file says, read without decoding any pixels: an image with its size,
 * not a PNG or JPEG at all (`unknown`), or a PNG/JPEG whose header is truncated or corrupt (no IHDR
 * chunk, no SOF marker, impossible sizes).
 */
export type ImageHeader =
  | { kind: 'image'; info: ImageInfo }
  | { kind: 'unknown' }
  | { kind: 'damaged'; format: 'png' | 'jpeg' };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) * 0x1000000 + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0)) >>> 0;
}

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) + (b[at + 1] ?? 0);
}

function chunkType(b: Uint8Array, at: number): string {
  return String.fromCharCode(b[at] ?? 0, b[at + 1] ?? 0, b[at + 2] ?? 0, b[at + 3] ?? 0);
}

/** Largest PNG width or height the format allows (2^31 − 1). */
const PNG_MAX_SIDE = 0x7fffffff;

function readPng(b: Uint8Array): ImageHeader {
  const damaged: ImageHeader = { kind: 'damaged', format: 'png' };
  // Signature, then IHDR first: length 13, type, width, height, depth, colour type, compression, filter, interlace, CRC.
  if (b.length < 33 || u32(b, 8) !== 13 || chunkType(b, 12) !== 'IHDR') return damaged;
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0 || width > PNG_MAX_SIDE || height > PNG_MAX_SIDE) return damaged;
  const colorType = b[25] ?? 0;
  let alpha = colorType === 4 || colorType === 6;
  // Walk every chunk up to IEND, as pdfkit's decoder (png-js) does: it takes transparency from a tRNS
  // chunk wherever it is, and the size from the last IHDR, so a second IHDR could claim any size.
  for (let at = 33; at + 8 <= b.length; ) {
    const type = chunkType(b, at + 4);
    if (type === 'IHDR') return damaged;
    if (type === 'tRNS') alpha = true;
    if (type === 'IEND') break;
    at += 12 + u32(b, at);
  }
  return { kind: 'image', info: { format: 'png', width, height, alpha } };
}

/** SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC), which share the range. */
function isStartOfFrame(marker: number): boolean {
  return marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
}

/**
 * Walks the JPEG marker segments from SOI to the first SOFn and reads the frame size there. Fill
 * bytes (0xFF runs) and standalone markers (TEM, RST0–7) are skipped; every other segment is
 * skipped by its length. SOS or EOI before a frame header, a segment running past the end of the
 * file, a bad length or stray bytes between segments make the header damaged.
 */
function readJpeg(b: Uint8Array): ImageHeader {
  const damaged: ImageHeader = { kind: 'damaged', format: 'jpeg' };
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) return damaged;
    while (b[at + 1] === 0xff) at++;
    if (at + 1 >= b.length) return damaged;
    const marker = b[at + 1] ?? 0;
    at += 2;
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) continue;
    // A stuffed zero, a second SOI, EOI or the scan itself before any frame header: no size to read.
    if (marker === 0x00 || marker === 0xd8 || marker === 0xd9 || marker === 0xda) return damaged;
    if (at + 2 > b.length) return damaged;
    const length = u16(b, at);
    if (length < 2 || at + length > b.length) return damaged;
    if (isStartOfFrame(marker)) {
      // Lf (2), P (1), Y (2), X (2), Nf (1), then three bytes per component.
      const components = b[at + 7] ?? 0;
      if (length < 8 + 3 * components || components === 0) return damaged;
      const height = u16(b, at + 3);
      const width = u16(b, at + 5);
      // Y = 0 means the height comes later in a DNL marker: pdfkit cannot use that and neither can we.
      if (width === 0 || height === 0) return damaged;
      return { kind: 'image', info: { format: 'jpeg', width, height, alpha: false } };
    }
    at += length;
  }
  return damaged;
}

/**
 * Reads the header of a PNG or JPEG (recognised by magic bytes) without decoding it: format, pixel
 * size and transparency. Never throws, whatever the bytes; the cost is one step per PNG chunk or
 * JPEG segment (each at least 2 bytes long), never per pixel.
 */
export function readImageHeader(b: Uint8Array): ImageHeader {
  if (PNG_SIGNATURE.every((v, i) => b[i] === v)) return readPng(b);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return readJpeg(b);
  return { kind: 'unknown' };
}

/** Recognises PNG and JPEG by their magic bytes; anything else (or a truncated header) is undefined. */
export function sniffImage(b: Uint8Array): ImageInfo | undefined {
  const header = readImageHeader(b);
  return header.kind === 'image' ? header.info : undefined;
}

/** Width × height; above 2^53 the double is rounded, which never matters against a limit of millions. */
export function imagePixels(info: Pick<ImageInfo, 'width' | 'height'>): number {
  return info.width * info.height;
}

/** Bit depths the PNG specification allows for each colour type, and the channels per pixel. */
const PNG_FORMATS: Record<number, { channels: number; depths: readonly number[] }> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Adam7 passes: first column, first row, column step, row step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/** Bytes of filtered scanlines the image data must inflate to (one filter byte per row). */
function pngRawSize(width: number, height: number, bitsPerPixel: number, interlaced: boolean): number {
  const rows = (w: number, h: number): number => (w > 0 && h > 0 ? h * (1 + Math.ceil((w * bitsPerPixel) / 8)) : 0);
  if (!interlaced) return rows(width, height);
  let total = 0;
  for (const [x0, y0, dx, dy] of ADAM7) total += rows(Math.ceil((width - x0) / dx), Math.ceil((height - y0) / dy));
  return total;
}

/**
 * Whether pdfkit can embed this PNG: a valid colour type and bit depth and image data that inflates to
 * the expected size. pdfkit decodes some PNGs asynchronously and a damaged one would crash the process.
 * Inflating stops one byte past the expected size, so a small file cannot expand into gigabytes here;
 * call it only after the pixel limit was checked (the expected size grows with the pixels).
 */
export function pngIsSound(b: Uint8Array): boolean {
  const bits = b[24] ?? 0;
  const format = PNG_FORMATS[b[25] ?? -1];
  if (!format || !format.depths.includes(bits) || b[26] !== 0 || b[27] !== 0 || (b[28] ?? 0) > 1) return false;
  // Every chunk must fit in the file up to IEND: pdfkit's decoder throws without one, and reads a chunk
  // length of 2^31 or more as negative, which would send it backwards.
  const parts: Uint8Array[] = [];
  let ended = false;
  for (let at = 8; at + 8 <= b.length && !ended; ) {
    const len = u32(b, at);
    const type = chunkType(b, at + 4);
    if (at + 12 + len > b.length) return false;
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + len));
    ended = type === 'IEND';
    at += 12 + len;
  }
  if (!ended) return false;
  const expected = pngRawSize(u32(b, 16), u32(b, 20), format.channels * bits, b[28] === 1);
  try {
    return inflateSync(Buffer.concat(parts), { maxOutputLength: expected + 1 }).length === expected;
  } catch {
    return false;
  }
}
