import type { Table } from 'mdast';
import type { Box, TextStyle } from './boxes.js';
import { type BlockContext, RULE_COLOR, tint } from './context.js';
import type { Slice } from './flow.js';
import { inlineSpans } from './inline.js';
import { type Line, type Span, breakLines, longestWord } from './line-break.js';
import { lineBoxes } from './paragraph.js';
import { fitColumns } from './columns.js';

interface CellLayout {
  lines: Line[];
  heights: number[];
  sid: number;
}

/** A GFM table across the column: fitted widths, wrapped cells, shaded header repeated on each page it continues on. */
export function layoutTable(node: Table, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const size = fs * 0.9;
  const padX = fs * 0.5;
  const padY = fs * 0.35;
  const ncols = Math.max(1, ...node.children.map((r) => r.children.length));
  const head: TextStyle = { font: 'bold', size, color: '#FFFFFF' };
  const body: TextStyle = { font: 'regular', size, color: ctx.color };
  const inline = ctx.inline;
  const spans: Span[][][] = node.children.map((row, r) =>
    Array.from({ length: ncols }, (_, c) => {
      const cell = row.children[c];
      return cell ? inlineSpans(cell.children, r === 0 ? head : body, r === 0 ? { ...inline, linkColor: '#FFFFFF', codeColor: '#FFFFFF' } : inline) : [];
    }),
  );
  const min = new Array<number>(ncols).fill(0);
  const max = new Array<number>(ncols).fill(0);
  spans.forEach((row, r) => {
    row.forEach((cell, c) => {
      const natural = breakLines(cell, Number.POSITIVE_INFINITY, ctx.m, size).reduce((a, l) => Math.max(a, l.width), 0);
      // Short header labels ('Made in') read badly wrapped; they count as unbreakable.
      const unbreakable = r === 0 && natural < ctx.width * 0.15 ? natural : longestWord(cell, ctx.m);
      min[c] = Math.max(min[c] ?? 0, Math.min(unbreakable, ctx.width * 0.25) + 2 * padX);
      max[c] = Math.max(max[c] ?? 0, natural + 2 * padX);
    });
  });
  const widths = fitColumns(min, max, ctx.width);
  const xs = widths.map((_, c) => ctx.x + widths.slice(0, c).reduce((a, b) => a + b, 0));
  const tableSid = ctx.struct.add('Table', ctx.parentSid);
  const slices: Slice[] = [];
  let header: Slice | undefined;
  spans.forEach((row, r) => {
    const trSid = ctx.struct.add('TR', tableSid);
    const cells: CellLayout[] = row.map((cell, c) => {
      const sid = ctx.struct.add(r === 0 ? 'TH' : 'TD', trSid, r === 0 ? { scope: 'Column' } : {});
      const lines = breakLines(cell, (widths[c] ?? 0) - 2 * padX, ctx.m, size);
      return { lines, heights: lines.map((l) => l.size * 1.3), sid };
    });
    const rowSlices = rowToSlices(cells, ctx.capacity - (header?.height ?? 0) - fs * 2);
    for (const s of rowSlices) {
      if (r === 0) s.boxes.unshift({ kind: 'rect', x: ctx.x, y: 0, width: ctx.width, height: s.height, fill: ctx.theme.accentColor });
      else if (r % 2 === 0) s.boxes.unshift({ kind: 'rect', x: ctx.x, y: 0, width: ctx.width, height: s.height, fill: tint(ctx.theme.accentColor, 0.92) });
    }
    const last = rowSlices[rowSlices.length - 1];
    if (last && r > 0) {
      const final = r === spans.length - 1;
      last.boxes.push({ kind: 'line', x1: ctx.x, y1: last.height, x2: ctx.x + ctx.width, y2: last.height, color: final ? ctx.theme.accentColor : RULE_COLOR, width: final ? 0.9 : 0.5 });
    }
    if (r === 0) {
      const h = rowSlices[0];
      if (h) {
        h.spaceBefore = fs * 0.9;
        h.keepWithNext = 1;
        header = { height: h.height, spaceBefore: 0, boxes: h.boxes.map((b) => (b.kind === 'text' ? { ...b, sid: undefined, artifact: true } : b)) as Box[] };
      }
    } else if (header) {
      for (const s of rowSlices) s.repeat = [header];
    }
    slices.push(...rowSlices);
  });
  // A short table is not worth splitting: it moves to the next page whole.
  if (slices.reduce((a, s) => a + s.height, 0) < ctx.capacity / 3) {
    slices.slice(0, -1).forEach((s) => (s.keepWithNext = Math.max(1, s.keepWithNext ?? 0)));
  }
  return slices;

  // A row is one slice; a row taller than the page is cut between lines.
  function rowToSlices(cells: CellLayout[], room: number): Slice[] {
    const total = Math.max(...cells.map((c) => c.heights.reduce((a, b) => a + b, 0))) + 2 * padY;
    const bands: { from: number; to: number }[] = [];
    if (total <= room) bands.push({ from: 0, to: Number.POSITIVE_INFINITY });
    else {
      const n = Math.max(...cells.map((c) => c.lines.length));
      for (let i = 0; i < n; i++) bands.push({ from: i, to: i + 1 });
    }
    return bands.map((band, bi) => {
      const top = bi === 0 ? padY : 0;
      let height = 0;
      const boxes: Box[] = [];
      cells.forEach((cell, c) => {
        let y = top;
        cell.lines.forEach((line, li) => {
          if (li < band.from || li >= band.to) return;
          const lh = cell.heights[li] ?? 0;
          const align = node.align?.[c] ?? 'left';
          boxes.push(...lineBoxes(line, y, lh, { x: (xs[c] ?? 0) + padX, width: (widths[c] ?? 0) - 2 * padX, size, align, sid: cell.sid }, ctx.m));
          y += lh;
        });
        height = Math.max(height, y);
      });
      if (bi === bands.length - 1) height += padY;
      return { height: Math.max(height, padY), spaceBefore: 0, boxes };
    });
  }
}
