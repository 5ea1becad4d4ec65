import type * as fontkit from 'fontkit';

/**
 * Words shaped by fontkit, kept in the form pdfkit caches them (`EmbeddedFont.layoutCache`: positions
 * in 1/1000 em, `advanceWidth` on each). Layout measures with these runs and paint hands the same
 * object to pdfkit, so a word is shaped once per process, not once for layout and again per document.
 */
type WordCache = Record<string, fontkit.GlyphRun>;

interface Entry {
  words: WordCache;
  count: number;
}

const MAX_WORDS = 50_000;
const entries = new WeakMap<fontkit.Font, Entry>();

function entry(font: fontkit.Font): Entry {
  let e = entries.get(font);
  // A long-running process (watch mode) starts afresh now and then rather than growing forever.
  if (!e || e.count > MAX_WORDS) {
    e = { words: Object.create(null) as WordCache, count: 0 };
    entries.set(font, e);
  }
  return e;
}

/** The cache object to install as pdfkit's `layoutCache` for this font. */
export function wordCache(font: fontkit.Font): WordCache {
  return entry(font).words;
}

// Same steps as pdfkit 0.20's EmbeddedFont.layoutRun, so the cached runs are interchangeable.
function shapeWord(font: fontkit.Font, word: string): fontkit.GlyphRun {
  const e = entry(font);
  let run = e.words[word];
  if (!run) {
    run = font.layout(word);
    const scale = 1000 / font.unitsPerEm;
    run.positions.forEach((position, i) => {
      for (const key of Object.keys(position)) position[key] = (position[key] ?? 0) * scale;
      position['advanceWidth'] = (run?.glyphs[i]?.advanceWidth ?? 0) * scale;
    });
    e.words[word] = run;
    e.count++;
  }
  return run;
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

/** Shaped advance of `text` in 1/1000 em, split into words exactly as pdfkit splits it. */
export function shapedAdvance(font: fontkit.Font, text: string): number {
  let width = 0;
  eachWord(text, (word) => {
    width += shapeWord(font, word).advanceWidth;
  });
  return width;
}
