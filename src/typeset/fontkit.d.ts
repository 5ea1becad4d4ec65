// Minimal typing for the parts of fontkit 2 the typesetter uses (the package ships no types).
declare module 'fontkit' {
  export interface Glyph {
    id: number;
    advanceWidth: number;
  }
  export interface GlyphRun {
    readonly advanceWidth: number;
    glyphs: Glyph[];
    positions: Record<string, number>[];
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
    layout(text: string): GlyphRun;
  }
  export function create(buffer: Uint8Array): Font;
}
