import * as fontkit from 'fontkit';

/**
 * Damage fontkit does not survive, found by reading the font's tables before fontkit does: a
 * damaged byte in a theme font (a bad download, a flaky disk) either stopped the build on an
 * internal error or aborted Node itself, beyond any catch (a cmap range fontkit lists one code point
 * at a time, 169 million of them: "Fatal JavaScript invalid size error"). Undefined when these
 * tables are sound, or when the bytes are not a TrueType/OpenType font at all (fontkit says so).
 *
 * Checked: each table inside the file; each cmap subtable inside the cmap table, and the ranges of
 * formats 12 and 13 within Unicode; each glyph's place in `loca` inside the `glyf` table.
 */
export function fontTableProblem(bytes: Uint8Array): string | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.byteLength < 12) return undefined;
  const version = view.getUint32(0);
  if (version !== 0x00010000 && version !== 0x74727565 /* true */ && version !== 0x4f54544f /* OTTO */) return undefined;
  const count = view.getUint16(4);
  if (12 + count * 16 > bytes.byteLength) return 'its table directory runs past the end of the file';
  const tables = new Map<string, { offset: number; length: number }>();
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(...bytes.subarray(at, at + 4));
    tables.set(tag, { offset: view.getUint32(at + 8), length: view.getUint32(at + 12) });
  }
  for (const tag of ['cmap', 'head', 'maxp', 'loca', 'glyf']) {
    const table = tables.get(tag);
    if (table && table.offset + table.length > bytes.byteLength) return `its ${tag} table runs past the end of the file`;
  }
  return cmapProblem(view, tables.get('cmap')) ?? locaProblem(view, tables);
}

function cmapProblem(view: DataView, cmap: { offset: number; length: number } | undefined): string | undefined {
  if (!cmap || cmap.length < 4) return undefined;
  const end = cmap.offset + cmap.length;
  const subtables = view.getUint16(cmap.offset + 2);
  if (cmap.offset + 4 + subtables * 8 > end) return 'its cmap table lists more subtables than it holds';
  for (let i = 0; i < subtables; i++) {
    const start = cmap.offset + view.getUint32(cmap.offset + 4 + i * 8 + 4);
    if (start + 2 > end) return 'a cmap subtable starts past the end of the cmap table';
    const format = view.getUint16(start);
    if (format !== 12 && format !== 13) continue;
    if (start + 16 > end) return `its cmap subtable of format ${format} runs past the end of the cmap table`;
    const groups = view.getUint32(start + 12);
    if (start + 16 + groups * 12 > end) return `its cmap subtable of format ${format} lists more ranges than it holds`;
    for (let g = 0; g < groups; g++) {
      const first = view.getUint32(start + 16 + g * 12);
      const last = view.getUint32(start + 16 + g * 12 + 4);
      if (first > last || last > 0x10ffff) return `its cmap maps a range of characters outside Unicode (${hex(first)}–${hex(last)})`;
    }
  }
  return undefined;
}

function locaProblem(view: DataView, tables: Map<string, { offset: number; length: number }>): string | undefined {
  const [head, maxp, loca, glyf] = ['head', 'maxp', 'loca', 'glyf'].map((tag) => tables.get(tag));
  if (!head || !maxp || !loca || !glyf || head.length < 54 || maxp.length < 6) return undefined;
  const long = view.getInt16(head.offset + 50) === 1;
  const glyphs = view.getUint16(maxp.offset + 4);
  const size = long ? 4 : 2;
  if ((glyphs + 1) * size > loca.length) return 'its loca table is shorter than its number of glyphs';
  for (let i = 0; i <= glyphs; i++) {
    const offset = long ? view.getUint32(loca.offset + i * 4) : view.getUint16(loca.offset + i * 2) * 2;
    if (offset > glyf.length) return `its loca table places glyph ${i} past the end of its glyf table`;
  }
  return undefined;
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * Whether fontkit, on its own, can read and subset every glyph of the font, as the PDF does with
 * the glyphs the notes use: the message of what fails, else undefined. A fresh parse of the bytes,
 * so nothing of it touches the typesetter's copy; slow (about a second for 2,000 glyphs), so run
 * only once a build has failed, to tell a damaged font from a bug in workshop-report.
 */
export function fontGlyphProblem(bytes: Uint8Array): string | undefined {
  try {
    const font = fontkit.create(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)) as unknown as FontkitInternals;
    const subset = font.createSubset();
    for (let id = 0; id < font.numGlyphs; id++) {
      const glyph = font.getGlyph(id);
      void glyph.advanceWidth;
      void glyph.path;
      subset.includeGlyph(id);
    }
    subset.encode();
    // Shaping reads the GSUB and GPOS tables: every character the font has, in lines of 200.
    const characters = font.characterSet.filter((cp) => cp > 0x20 && cp <= 0x10ffff);
    for (let i = 0; i < characters.length; i += 200) font.layout(String.fromCodePoint(...characters.slice(i, i + 200)));
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** Parts of fontkit the check uses that the typesetter does not (see fontkit.d.ts). */
interface FontkitInternals extends Pick<fontkit.Font, 'characterSet' | 'layout'> {
  numGlyphs: number;
  getGlyph(id: number): fontkit.Glyph & { path: unknown };
  createSubset(): { includeGlyph(id: number): number; encode(): Uint8Array };
}
