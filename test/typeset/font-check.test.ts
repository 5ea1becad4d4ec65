import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontGlyphProblem, fontTableProblem } from '../../src/typeset/font-check.js';
import { FontFormatError, parsedFont } from '../../src/typeset/measure.js';
import { ROOT } from '../helpers/run-cli.js';

const italic = readFileSync(path.join(ROOT, 'node_modules/source-sans/TTF/SourceSans3-It.ttf'));
const otf = readFileSync(path.join(ROOT, 'node_modules/source-sans/OTF/SourceSans3-Regular.otf'));
/** The bundled italic with one byte changed. */
const damaged = (at: number, from: number, to: number): Uint8Array => {
  const bytes = new Uint8Array(italic);
  expect(bytes[at]).toBe(from);
  bytes[at] = to;
  return bytes;
};

describe('a damaged theme font, found before fontkit reads it', () => {
  it('finds nothing wrong in the bundled fonts, TrueType or OpenType (CFF), nor in what is not a font (fontkit says so)', () => {
    expect(fontTableProblem(new Uint8Array(italic))).toBeUndefined();
    expect(fontTableProblem(new Uint8Array(otf))).toBeUndefined();
    expect(fontTableProblem(new TextEncoder().encode('plain text, not a font\n'))).toBeUndefined();
  });

  it('a cmap range beyond Unicode, which fontkit lists one code point at a time (Node aborted: a V8 fatal error)', () => {
    const bytes = damaged(87814, 0x00, 0x23);
    expect(fontTableProblem(bytes)).toBe('its cmap maps a range of characters outside Unicode (U+25B8–U+230025B9)');
    // Refused before fontkit lists the font's characters.
    expect(() => parsedFont(bytes)).toThrow(FontFormatError);
  });

  it('a glyph placed past the end of the glyf table (exit 3: "Offset is outside the bounds of the DataView")', () => {
    const bytes = damaged(276113, 0x00, 0x08);
    expect(fontTableProblem(bytes)).toBe('its loca table places glyph 31 past the end of its glyf table');
    const error = (() => { try { parsedFont(bytes); } catch (e) { return e; } return undefined; })();
    expect(error).toBeInstanceOf(FontFormatError);
    expect((error as FontFormatError).damage).toBe('its loca table places glyph 31 past the end of its glyf table');
  });

  it('a table past the end of the file (a truncated download)', () => {
    expect(fontTableProblem(new Uint8Array(italic).subarray(0, 200_000))).toMatch(/^its (loca|head|maxp) table runs past the end of the file$/);
  });
});

describe('fontGlyphProblem: fontkit alone reading and subsetting every glyph (after a build failed)', () => {
  it('nothing in the bundled fonts; the error where fontkit cannot read a table', () => {
    expect(fontGlyphProblem(new Uint8Array(italic))).toBeUndefined();
    // One byte of GSUB: fontkit's shaper cannot read it (HarfBuzz, which the typesetter shapes with, can).
    expect(fontGlyphProblem(damaged(3614, 0x03, 0xbb))).toBe('Unknown version 56');
  }, 30_000);
});
