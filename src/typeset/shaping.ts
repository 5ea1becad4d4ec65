import type * as fontkit from 'fontkit';
import * as hb from 'harfbuzzjs';

/**
 * A shaped word, in the form pdfkit's EmbeddedFont lays out text: glyphs (fontkit's, for their
 * advance and the code points pdfkit writes into ToUnicode) and positions in 1/1000 em, each with the
 * glyph's own `advanceWidth`, so kerning is `xAdvance − advanceWidth`. Layout measures with these runs
 * and `showText` writes them, so a word is shaped once per process, not once for layout and again per
 * document.
 */
export interface ShapedRun {
  glyphs: fontkit.Glyph[];
  positions: ShapedPosition[];
  advanceWidth: number;
}
export interface ShapedPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/**
 * HarfBuzz shapes (the OpenType shaper browsers use; fontkit's own shaper, which pdfkit would use,
 * took 5–10 times as long and was a third of the example's PDF time). fontkit still parses the font
 * for metrics and pdfkit still embeds and subsets it. A font HarfBuzz does not read as fontkit does
 * (harfbuzzjs has no WOFF or WOFF2 support; fontkit has) keeps fontkit's shaper.
 */
interface Shaper {
  harfBuzz: { font: hb.Font; buffer: hb.Buffer } | undefined;
  scale: number;
  words: Map<string, ShapedRun>;
}

const MAX_WORDS = 50_000;
const shapers = new WeakMap<fontkit.Font, Shaper>();

/** Lets `shapeWord` shape with `font`: HarfBuzz reads the same bytes fontkit parsed. Once per parsed font. */
export function registerShaper(font: fontkit.Font, bytes: Uint8Array): void {
  shapers.set(font, { harfBuzz: harfBuzzFor(font, bytes), scale: 1000 / font.unitsPerEm, words: new Map() });
}

/**
 * HarfBuzz's font for these bytes, if it reads them as fontkit does: the same units per em and the
 * same glyph for code points spread over the font's character set. (Given bytes it cannot read,
 * HarfBuzz makes an empty face that would draw every character as the missing glyph.)
 */
function harfBuzzFor(font: fontkit.Font, bytes: Uint8Array): Shaper['harfBuzz'] {
  const face = new hb.Face(new hb.Blob(bytes));
  const hbFont = new hb.Font(face);
  const chars = font.characterSet;
  const step = Math.max(1, Math.floor(chars.length / 64));
  const sample = chars.filter((_, i) => i % step === 0 || i === chars.length - 1);
  // A code point the cmap lists without a glyph (a format-4 range's gap, U+FFFF) is glyph 0 to fontkit, undefined to HarfBuzz.
  const agrees = face.upem === font.unitsPerEm && sample.length > 0 && sample.every((cp) => (hbFont.nominalGlyph(cp) ?? 0) === font.glyphForCodePoint(cp).id);
  if (!agrees) return undefined;
  const buffer = new hb.Buffer();
  // Each character its own cluster (a mark too, not merged with its base) unless a ligature joins
  // characters, so a glyph's code points are its own characters.
  buffer.setClusterLevel(hb.ClusterLevel.MONOTONE_CHARACTERS);
  return { font: hbFont, buffer };
}

function shaperOf(font: fontkit.Font): Shaper {
  const shaper = shapers.get(font);
  if (!shaper) throw new Error('shapeWord: the font was not registered (registerShaper)');
  // A long-running process (watch mode) starts afresh now and then rather than growing forever.
  if (shaper.words.size > MAX_WORDS) shaper.words.clear();
  return shaper;
}

/** One word (as `eachWord` cuts text) shaped with the font's default features, remembered. */
export function shapeWord(font: fontkit.Font, word: string): ShapedRun {
  const shaper = shaperOf(font);
  let run = shaper.words.get(word);
  if (!run) {
    run = shaper.harfBuzz ? shapeWithHarfBuzz(font, shaper.harfBuzz, shaper.scale, word) : shapeWithFontkit(font, shaper.scale, word);
    shaper.words.set(word, run);
  }
  return run;
}

function shapeWithHarfBuzz(font: fontkit.Font, harfBuzz: NonNullable<Shaper['harfBuzz']>, scale: number, word: string): ShapedRun {
  const { buffer } = harfBuzz;
  buffer.clearContents();
  buffer.addText(word);
  buffer.guessSegmentProperties();
  hb.shape(harfBuzz.font, buffer);
  const infos = buffer.getGlyphInfos();
  const glyphs = infos.map(({ codepoint: id, cluster }, i) => glyphFor(font, id, word, cluster, infos, i));
  return scaledRun(glyphs, buffer.getGlyphPositions(), scale);
}

function shapeWithFontkit(font: fontkit.Font, scale: number, word: string): ShapedRun {
  const run = font.layout(word);
  return scaledRun(run.glyphs, run.positions, scale);
}

type RawPosition = Omit<ShapedPosition, 'advanceWidth'>;

// What pdfkit's EmbeddedFont.layoutRun does to fontkit's run: positions from font units to 1/1000 em,
// each with its glyph's own advance.
function scaledRun(glyphs: fontkit.Glyph[], raw: readonly RawPosition[], scale: number): ShapedRun {
  let advanceWidth = 0;
  const positions = raw.map((p, i) => {
    advanceWidth += p.xAdvance * scale;
    return { xAdvance: p.xAdvance * scale, yAdvance: p.yAdvance * scale, xOffset: p.xOffset * scale, yOffset: p.yOffset * scale, advanceWidth: glyphs[i]!.advanceWidth * scale };
  });
  return { glyphs, positions, advanceWidth };
}

/**
 * fontkit's glyph object, which pdfkit reads for the width and the ToUnicode entry. measure.ts made
 * the glyph of every code point beforehand, lowest code point first; a glyph no code point maps to
 * (a ligature, an alternate) is made here with the text of its cluster ('ffi' for the ffi ligature),
 * by the first glyph of the cluster only, so extracted text is not doubled.
 */
function glyphFor(font: fontkit.Font, id: number, word: string, cluster: number, infos: readonly hb.GlyphInfo[], i: number): fontkit.Glyph {
  const firstOfCluster = i === 0 || infos[i - 1]!.cluster !== cluster;
  if (!firstOfCluster) return font.getGlyph(id);
  let end = word.length;
  for (const info of infos) if (info.cluster > cluster && info.cluster < end) end = info.cluster;
  return font.getGlyph(id, [...word.slice(cluster, end)].map((ch) => ch.codePointAt(0)!));
}

/** Calls `f` with each word of `text` as pdfkit's EmbeddedFont.layout splits it: each ends after a space or a tab, the last at the end. */
export function eachWord(text: string, f: (word: string) => void): void {
  let last = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text.charCodeAt(i);
    if ((i === text.length && last < i) || ch === 32 || ch === 9) {
      f(text.slice(last, i + 1));
      last = i + 1;
    }
  }
}

/** Shaped advance of `text` in 1/1000 em, split into words exactly as `showText` splits it. */
export function shapedAdvance(font: fontkit.Font, text: string): number {
  let width = 0;
  eachWord(text, (word) => {
    width += shapeWord(font, word).advanceWidth;
  });
  return width;
}
