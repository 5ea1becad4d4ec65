import type { Table } from 'mdast';
import type { Box, TextStyle } from './boxes.js';
import { type BlockContext, RULE_COLOR, tint } from './context.js';
import type { Slice } from './flow.js';
import { chartData } from '../../markdown/chart.js';
import { chartAlternative } from '../../i18n/chart-alternative.js';
import { plainText } from './inline.js';
import { textBoxes, textLines } from './paragraph.js';

/** Horizontal stacked bars, one per table row (label = first column), with a legend; vector graphics only. */
export function layoutChart(node: Table, columns: string[], ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const size = fs * 0.85;
  const chart = chartData(node, columns, plainText);
  if (!chart) return [];
  const series = chart.series.map((name) => ({ name }));
  const colors = series.map((_, i) => (i === 0 ? ctx.theme.accentColor : tint(ctx.theme.accentColor, Math.min(0.85, 0.35 + 0.2 * i))));
  const data = chart.rows.map((r) => ({ label: ctx.inline.glyphs.check(r.label, 'regular', r.row.position?.start), values: r.values }));
  const sid = ctx.struct.add('Figure', ctx.parentSid, {
    alt: chartAlternative(ctx.language, chart.series, data),
  });
  const text: TextStyle = { font: 'regular', size, color: ctx.color };
  const labelW = Math.min(ctx.width * 0.32, Math.max(...data.map((d) => ctx.m.width('regular', d.label, size))) + fs * 0.5);
  const totalW = ctx.m.width('bold', String(Math.max(...data.map((d) => d.values.reduce((a, b) => a + b, 0)))), size) + fs;
  const barX = ctx.x + labelW + fs * 0.5;
  const barMax = ctx.x + ctx.width - totalW - barX;
  const maxTotal = Math.max(1, ...data.map((d) => d.values.reduce((a, b) => a + b, 0)));
  const legend: Box[] = [];
  let lx = barX;
  series.forEach((s, i) => {
    legend.push({ kind: 'rect', x: lx, y: fs * 0.35, width: size, height: size, fill: colors[i] ?? '#000000', sid });
    const w = ctx.m.width('regular', s.name, size);
    legend.push(...textBoxes([{ text: s.name, style: text }], 0, { x: lx + size * 1.5, width: w + 1, size, sid }, ctx.m).boxes);
    lx += size * 1.5 + w + fs * 1.2;
  });
  const slices: Slice[] = [{ height: fs * 1.8, spaceBefore: fs * 0.9, boxes: legend, keepWithNext: 1 }];
  data.forEach((d, r) => {
    const lab = textLines([{ text: d.label, style: text }], { x: ctx.x, width: labelW, size }, ctx.m);
    const rowH = Math.max(fs * 1.7, lab.height + fs * 0.4);
    const barH = fs * 1.1;
    const barY = (rowH - barH) / 2;
    const boxes: Box[] = textBoxes([{ text: d.label, style: text }], (rowH - lab.height) / 2, { x: ctx.x, width: labelW, size, align: 'right', sid }, ctx.m).boxes;
    let x = barX;
    d.values.forEach((v, i) => {
      const w = (v / maxTotal) * barMax;
      if (w <= 0) return;
      boxes.push({ kind: 'rect', x, y: barY, width: w, height: barH, fill: colors[i] ?? '#000000', sid });
      const label = String(v);
      const lw = ctx.m.width('regular', label, size * 0.9);
      if (lw + fs * 0.4 < w) {
        const color = i === 0 ? '#FFFFFF' : ctx.color;
        boxes.push(...textBoxes([{ text: label, style: { ...text, size: size * 0.9, color } }], barY + (barH - size * 1.2) / 2, { x, width: w, size: size * 0.9, leading: 1.2, align: 'center', sid }, ctx.m).boxes);
      }
      x += w;
    });
    const total = String(d.values.reduce((a, b) => a + b, 0));
    boxes.push(...textBoxes([{ text: total, style: { ...text, font: 'bold' } }], (rowH - size * 1.4) / 2, { x: x + fs * 0.4, width: totalW, size, sid }, ctx.m).boxes);
    boxes.push({ kind: 'line', x1: barX, y1: 0, x2: barX, y2: rowH, color: RULE_COLOR, width: 0.75 });
    slices.push({ height: rowH, spaceBefore: 0, boxes, ...(r < data.length - 1 ? { keepWithNext: 1 } : {}) });
  });
  return slices;
}
