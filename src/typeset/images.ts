import { inflateSync } from 'node:zlib';

/** What the typesetter needs to know about an image file before handing it to pdfkit. */
export interface ImageInfo {
  format: 'png' | 'jpeg';
  width: number;
  height: number;
  /** PNG with an alpha channel or a tRNS chunk (not allowed in PDF/A without flattening). */
  alpha: boolean;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function u32(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) * 0x1000000 + ((b[at + 1] ?? 0) << 16) + ((b[at + 2] ?? 0) << 8) + (b[at + 3] ?? 0)) >>> 0;
}

function u16(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) + (b[at + 1] ?? 0);
}

function sniffPng(b: Uint8Array): ImageInfo | undefined {
  if (b.length < 33 || u32(b, 12) !== 0x49484452) return undefined;
  const colorType = b[25] ?? 0;
  let alpha = colorType === 4 || colorType === 6;
  // Walk the chunks up to the image data looking for transparency.
  for (let at = 8; at + 8 <= b.length; ) {
    const len = u32(b, at);
    const type = String.fromCharCode(b[at + 4] ?? 0, b[at + 5] ?? 0, b[at + 6] ?? 0, b[at + 7] ?? 0);
    if (type === 'tRNS') alpha = true;
    if (type === 'IDAT' || type === 'IEND') break;
    at += 12 + len;
  }
  const width = u32(b, 16);
  const height = u32(b, 20);
  if (width === 0 || height === 0) return undefined;
  return { format: 'png', width, height, alpha };
}

function sniffJpeg(b: Uint8Array): ImageInfo | undefined {
  for (let at = 2; at + 9 < b.length; ) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2;
      continue;
    }
    // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      const height = u16(b, at + 5);
      const width = u16(b, at + 7);
      return width > 0 && height > 0 ? { format: 'jpeg', width, height, alpha: false } : undefined;
    }
    at += 2 + u16(b, at + 2);
  }
  return undefined;
}

/** Recognises PNG and JPEG by their magic bytes; anything else (or a truncated header) is undefined. */
export function sniffImage(b: Uint8Array): ImageInfo | undefined {
  if (PNG_SIGNATURE.every((v, i) => b[i] === v)) return sniffPng(b);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return sniffJpeg(b);
  return undefined;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * Whether pdfkit can embed this PNG: a valid colour type and bit depth and image data that inflates to
 * the expected size. pdfkit decodes some PNGs asynchronously and a damaged one would crash the process.
 */
export function pngIsSound(b: Uint8Array): boolean {
  const bits = b[24] ?? 0;
  const channels = CHANNELS[b[25] ?? -1];
  if (!channels || ![1, 2, 4, 8, 16].includes(bits) || (b[28] ?? 0) > 1) return false;
  const parts: Uint8Array[] = [];
  for (let at = 8; at + 8 <= b.length; ) {
    const len = u32(b, at);
    const type = String.fromCharCode(b[at + 4] ?? 0, b[at + 5] ?? 0, b[at + 6] ?? 0, b[at + 7] ?? 0);
    if (at + 12 + len > b.length) return false;
    if (type === 'IDAT') parts.push(b.subarray(at + 8, at + 8 + len));
    if (type === 'IEND') break;
    at += 12 + len;
  }
  try {
    const raw = inflateSync(Buffer.concat(parts));
    const width = u32(b, 16);
    const height = u32(b, 20);
    if (b[28] === 1) return raw.length > 0;
    return raw.length === height * (1 + Math.ceil((width * channels * bits) / 8));
  } catch {
    return false;
  }
}
