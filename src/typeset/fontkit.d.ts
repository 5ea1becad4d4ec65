// Minimal typing for the parts of fontkit 2 the typesetter uses (the package ships no types).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
    codePoints: number[];
  }
  export interface Font {
    unitsPerEm: number;
    ascent: number;
    descent: number;
    capHeight: number;
    postscriptName: string;
    characterSet: number[];
    hasGlyphForCodePoint(codePoint: number): boolean;
    glyphForCodePoint(codePoint: number): Glyph;
    /** The glyph with this id; `codePoints` counts only when the glyph is first made. */
    getGlyph(id: number, codePoints?: number[]): Glyph;
    layout(text: string): { glyphs: Glyph[]; positions: Array<{ xAdvance: number; yAdvance: number; xOffset: number; yOffset: number }> };
  }
  export function create(buffer: Uint8Array): Font;
}
