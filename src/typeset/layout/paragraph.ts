import type { Metrics } from '../measure.js';
import type { Box } from './boxes.js';
import type { Slice } from './flow.js';
import { type Line, type Span, breakLines, shapeLine } from './line-break.js';

export interface TextBlockOptions {
  x: number;
  width: number;
  size: number;
  leading?: number;
  align?: 'left' | 'center' | 'right';
  sid?: number;
  artifact?: boolean;
}

const CAP_HEIGHT = 0.66;

/** Boxes of one laid-out line whose line box starts at y = top. */
export function lineBoxes(line: Line, top: number, lh: number, o: TextBlockOptions, m: Metrics): Box[] {
  const shaped = shapeLine(line, m);
  const dx = o.align === 'right' ? o.width - shaped.width : o.align === 'center' ? (o.width - shaped.width) / 2 : 0;
  const baseline = top + lh / 2 + (CAP_HEIGHT * line.size) / 2;
  const boxes: Box[] = [];
  for (const f of shaped.frags) {
    if (f.text === '' || f.text === ' ') continue;
    const x = o.x + dx + f.x;
    // Inline code sits on a light tint, like on GitHub (not on dark table headers); the tint stays inside the line box.
    if (f.style.font === 'mono' && f.style.color !== '#FFFFFF') {
      const h = Math.min(lh, f.style.size * 1.45);
      const trailing = f.text.endsWith(' ') ? m.charWidth('mono', 32, f.style.size) : 0;
      const left = Math.max(o.x, x - 1);
      const right = Math.min(o.x + o.width, x + f.width - trailing + 1);
      boxes.push({ kind: 'rect', x: left, y: baseline - f.style.size * 1.05, width: right - left, height: h, fill: '#EEF0F3' });
    }
    boxes.push({
      kind: 'text',
      x,
      y: top,
      width: f.width,
      height: lh,
      baseline: baseline - (f.style.rise ?? 0),
      text: f.text,
      style: f.style,
      ...(o.sid !== undefined ? { sid: o.sid } : {}),
      ...(o.artifact ? { artifact: true } : {}),
    });
    if (f.style.link) boxes.push({ kind: 'link', x, y: top, width: f.width, height: lh, target: f.style.link, text: f.text.trim(), ...(o.sid !== undefined ? { sid: o.sid } : {}) });
    if (f.style.strike) {
      const sy = baseline - f.style.size * 0.28;
      boxes.push({ kind: 'line', x1: x, y1: sy, x2: x + f.width, y2: sy, color: f.style.color, width: f.style.size * 0.06 });
    }
  }
  return boxes;
}

/** One slice per line; the first two and the last two lines of a block stay together (no orphans, no widows). */
export function textSlices(spans: readonly Span[], o: TextBlockOptions, m: Metrics, spaceBefore: number): Slice[] {
  const lines = breakLines(spans, o.width, m, o.size);
  const leading = o.leading ?? 1.4;
  return lines.map((line, i) => {
    const lh = line.size * leading;
    const slice: Slice = { height: lh, spaceBefore: i === 0 ? spaceBefore : 0, boxes: lineBoxes(line, 0, lh, o, m), baseline: lh / 2 + (CAP_HEIGHT * line.size) / 2 };
    if (lines.length > 1 && (i === 0 || i === lines.length - 2)) slice.keepWithNext = 1;
    return slice;
  });
}

/** Lays text into a fixed box (cover, header, table cells): lines and their total height. */
export function textLines(spans: readonly Span[], o: TextBlockOptions, m: Metrics): { lines: Line[]; heights: number[]; height: number } {
  const lines = breakLines(spans, o.width, m, o.size);
  const heights = lines.map((l) => l.size * (o.leading ?? 1.4));
  return { lines, heights, height: heights.reduce((a, b) => a + b, 0) };
}

/** Boxes for text laid into a fixed box at (o.x, top). */
export function textBoxes(spans: readonly Span[], top: number, o: TextBlockOptions, m: Metrics): { boxes: Box[]; height: number } {
  const { lines, heights, height } = textLines(spans, o, m);
  const boxes: Box[] = [];
  let y = top;
  lines.forEach((line, i) => {
    const lh = heights[i] ?? 0;
    boxes.push(...lineBoxes(line, y, lh, o, m));
    y += lh;
  });
  return { boxes, height };
}
