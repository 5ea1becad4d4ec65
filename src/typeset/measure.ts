import * as fontkit from 'fontkit';
import { fontTableProblem } from './font-check.js';
import { registerShaper, shapedAdvance } from './shaping.js';
import type { FontBytes, FontKey } from './types.js';

/** Text measurement for layout, pure and cached: widths in points for a given size. */
export interface Metrics {
  /** Sum of glyph advances (no kerning): fast, used for line breaking. */
  width(font: FontKey, text: string, size: number): number;
  /** Shaped width (kerning, ligatures) as pdfkit will draw it; used to place runs after the first on a line. */
  shapedWidth(font: FontKey, text: string, size: number): number;
  charWidth(font: FontKey, codePoint: number, size: number): number;
  hasGlyph(font: FontKey, codePoint: number): boolean;
  capHeight(font: FontKey): number;
}

interface FontCache {
  font: fontkit.Font;
  scale: number;
  advances: Map<number, number>;
}

// Parsed fonts are reused across documents that share the same byte arrays.
const parsed = new WeakMap<Uint8Array, FontCache>();

/**
 * Bytes the PDF cannot embed as one font: a web font (fontkit reads WOFF and WOFF2, pdfkit cannot
 * subset them) or anything fontkit cannot read as one TrueType or OpenType font (a text file, a .ttc
 * collection…).
 */
export class FontFormatError extends Error {
  override readonly name = 'FontFormatError';
  constructor(readonly webFont: 'WOFF' | 'WOFF2' | undefined, message: string, options?: { cause?: unknown; damage?: string }) {
    super(message, options);
    this.damage = options?.damage;
  }

  /** What is wrong in a font that looks like one but is damaged (see fontTableProblem). */
  readonly damage: string | undefined;
}

function load(bytes: Uint8Array): FontCache {
  let cache = parsed.get(bytes);
  if (!cache) {
    const signature = String.fromCharCode(...bytes.subarray(0, 4));
    if (signature === 'wOFF' || signature === 'wOF2') {
      const kind = signature === 'wOFF' ? 'WOFF' : 'WOFF2';
      throw new FontFormatError(kind, `a ${kind} web font`);
    }
    // Before fontkit: some damage aborts Node rather than throwing.
    const damage = fontTableProblem(bytes);
    if (damage) throw new FontFormatError(undefined, damage, { damage });
    let font: fontkit.Font;
    try {
      font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      // fontkit remembers the code point a glyph was first asked for, and pdfkit writes that into the
      // ToUnicode map. Creating every glyph now, lowest code point first, makes that independent of
      // which documents were typeset before (space and U+00A0 share a glyph, for instance).
      // Ligature code points (U+FB00–U+FB4F) are left out: their glyphs must come from shaping, so that
      // 'office' maps back to 'ffi' rather than to U+FB03.
      for (const cp of [...font.characterSet].sort((a, b) => a - b)) if (cp < 0xfb00 || cp > 0xfb4f) font.glyphForCodePoint(cp);
    } catch (error) {
      throw new FontFormatError(undefined, error instanceof Error ? error.message : String(error), { cause: error });
    }
    registerShaper(font, bytes);
    cache = { font, scale: 1 / font.unitsPerEm, advances: new Map() };
    parsed.set(bytes, cache);
  }
  return cache;
}

/**
 * The parsed font for these bytes, shared with pdfkit so that neither parsing nor glyph shaping
 * is repeated for every document of a build.
 */
export function parsedFont(bytes: Uint8Array): fontkit.Font {
  return load(bytes).font;
}

export function createMetrics(fonts: FontBytes): Metrics {
  const caches: Record<FontKey, FontCache> = {
    regular: load(fonts.regular),
    bold: load(fonts.bold),
    italic: load(fonts.italic),
    boldItalic: load(fonts.boldItalic),
    mono: load(fonts.mono),
  };
  const advance = (c: FontCache, cp: number): number => {
    let w = c.advances.get(cp);
    if (w === undefined) {
      w = c.font.glyphForCodePoint(cp).advanceWidth * c.scale;
      c.advances.set(cp, w);
    }
    return w;
  };
  return {
    width(font, text, size) {
      const c = caches[font];
      let w = 0;
      for (let i = 0; i < text.length; i++) {
        let cp = text.charCodeAt(i);
        if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
          cp = text.codePointAt(i) ?? cp;
          i++;
        }
        w += advance(c, cp);
      }
      return w * size;
    },
    shapedWidth(font, text, size) {
      return (shapedAdvance(caches[font].font, text) * size) / 1000;
    },
    charWidth(font, cp, size) {
      return advance(caches[font], cp) * size;
    },
    hasGlyph(font, cp) {
      return caches[font].font.hasGlyphForCodePoint(cp);
    },
    capHeight(font) {
      const c = caches[font];
      return c.font.capHeight * c.scale;
    },
  };
}
