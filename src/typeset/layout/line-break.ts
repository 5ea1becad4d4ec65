import type { Metrics } from '../measure.js';
import type { TextStyle } from './boxes.js';

/** Styled text before line breaking. A '\n' in `text` is a forced line break. */
export interface Span {
  text: string;
  style: TextStyle;
}

export interface Frag {
  text: string;
  style: TextStyle;
  x: number;
  width: number;
}

export interface Line {
  frags: Frag[];
  width: number;
  /** Largest font size on the line, for the line height. */
  size: number;
}

interface Piece {
  frags: { text: string; style: TextStyle; width: number }[];
  width: number;
  space: { style: TextStyle; width: number } | null;
  forced: boolean;
}

// Break opportunities: after a space, a hyphen, a slash or a zero-width space. U+00A0 and U+202F never break.
const BREAK_AFTER = new Set(['-', '/', '\u2010', '\u2013', '\u200b']);

function toPieces(spans: readonly Span[], m: Metrics): Piece[] {
  const pieces: Piece[] = [];
  let cur: Piece = { frags: [], width: 0, space: null, forced: false };
  const finish = (forced: boolean): void => {
    if (cur.frags.length > 0 || cur.space || forced) {
      cur.forced = forced;
      pieces.push(cur);
    }
    cur = { frags: [], width: 0, space: null, forced: false };
  };
  for (const span of spans) {
    const { style, text } = span;
    // The word being read is text[start, i): sliced once, not built a character at a time.
    let start = -1;
    let width = 0;
    const flush = (end: number): void => {
      if (start === -1) return;
      const last = cur.frags[cur.frags.length - 1];
      if (last && last.style === style) {
        last.text += text.slice(start, end);
        last.width += width;
      } else {
        cur.frags.push({ text: text.slice(start, end), style, width });
      }
      start = -1;
      width = 0;
    };
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i)!;
      const size = cp > 0xffff ? 2 : 1;
      if (cp === 10) {
        flush(i);
        finish(true);
      } else if (cp === 32 || cp === 9 || cp === 13) {
        flush(i);
        if (!cur.space) cur.space = { style, width: m.charWidth(style.font, 32, style.size) };
      } else {
        if (cur.space) finish(false);
        if (start === -1) start = i;
        const w = m.charWidth(style.font, cp, style.size);
        width += w;
        cur.width += w;
        if (BREAK_AFTER.has(text[i]!)) {
          flush(i + size);
          finish(false);
        }
      }
      i += size;
    }
    flush(text.length);
  }
  finish(false);
  return pieces;
}

class LineBuilder {
  readonly lines: Line[] = [];
  private frags: Frag[] = [];
  private x = 0;
  private size: number;

  constructor(
    private readonly baseSize: number,
    private readonly m: Metrics,
  ) {
    this.size = baseSize;
  }

  get empty(): boolean {
    return this.frags.length === 0;
  }
  get width(): number {
    return this.x;
  }

  add(text: string, style: TextStyle, width: number): void {
    const last = this.frags[this.frags.length - 1];
    if (last && last.style === style) {
      last.text += text;
      last.width += width;
    } else {
      this.frags.push({ text, style, x: this.x, width });
    }
    this.x += width;
    if (style.size > this.size && !style.rise) this.size = style.size;
  }

  flush(): void {
    const last = this.frags[this.frags.length - 1];
    // A trailing space takes no room at the end of a line.
    if (last && last.text.endsWith(' ')) {
      last.text = last.text.slice(0, -1);
      last.width -= this.m.charWidth(last.style.font, 32, last.style.size);
    }
    this.lines.push({ frags: this.frags, width: this.frags.reduce((a, f) => Math.max(a, f.x + f.width), 0), size: this.size });
    this.frags = [];
    this.x = 0;
    this.size = this.baseSize;
  }
}

/** Greedy line breaking of styled spans into lines no wider than `width` (over-long words are cut by width). */
export function breakLines(spans: readonly Span[], width: number, m: Metrics, baseSize: number): Line[] {
  const out = new LineBuilder(baseSize, m);
  let pendingSpace: Piece['space'] = null;
  for (const piece of toPieces(spans, m)) {
    const spaceW = pendingSpace && !out.empty ? pendingSpace.width : 0;
    if (!out.empty && out.width + spaceW + piece.width > width + 0.01) {
      out.flush();
      pendingSpace = null;
    }
    if (pendingSpace && !out.empty) out.add(' ', pendingSpace.style, pendingSpace.width);
    for (const f of piece.frags) {
      if (out.width + f.width <= width + 0.01) {
        out.add(f.text, f.style, f.width);
        continue;
      }
      // Hard-break a run longer than the line, character by character.
      let chunk = '';
      let chunkW = 0;
      for (const ch of f.text) {
        const w = m.charWidth(f.style.font, ch.codePointAt(0) ?? 63, f.style.size);
        if (out.width + chunkW + w > width + 0.01 && (chunk !== '' || !out.empty)) {
          if (chunk) out.add(chunk, f.style, chunkW);
          out.flush();
          chunk = '';
          chunkW = 0;
        }
        chunk += ch;
        chunkW += w;
      }
      if (chunk) out.add(chunk, f.style, chunkW);
    }
    pendingSpace = piece.space;
    if (piece.forced) {
      out.flush();
      pendingSpace = null;
    }
  }
  if (!out.empty || out.lines.length === 0) out.flush();
  return out.lines;
}

/** Re-places the runs of a line with shaped widths so kerning inside one run does not leave gaps before the next. */
export function shapeLine(line: Line, m: Metrics): Line {
  if (line.frags.length < 2) return line;
  let x = 0;
  const frags = line.frags.map((f) => {
    const width = m.shapedWidth(f.style.font, f.text, f.style.size);
    const out = { ...f, x, width };
    x += width;
    return out;
  });
  return { ...line, frags, width: x };
}

/** Width of the widest unbreakable piece: the narrowest a column can get without cutting words. */
export function longestWord(spans: readonly Span[], m: Metrics): number {
  return toPieces(spans, m).reduce((a, p) => Math.max(a, p.width), 0);
}
