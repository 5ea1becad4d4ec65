import type { Element, ElementContent } from 'hast';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { chartData } from '../markdown/chart.js';

const BAR = 18;
const GAP = 8;
const LABEL = 220;
const WIDTH = 640;
const COLORS = ['#1f4e79', '#8fb0cf', '#c9d8e7'];

/**
 * The participation chart as inline SVG: horizontal stacked bars, one per table row but the totals
 * row (its label is bold), read from the table the templates write after the chart directive, as
 * the PDF draws it. The table stays beside it: the chart has a text alternative, the table the numbers.
 */
export function stackedBars(table: Table, columns: readonly string[]): Element | undefined {
  const chart = chartData(table, columns, toString);
  if (!chart) return undefined;
  const series = chart.series.map((name) => ({ name }));
  const data = chart.rows;
  const max = Math.max(1, ...data.map((d) => d.values.reduce((a, b) => a + b, 0)));
  const scale = (WIDTH - LABEL - 40) / max;
  const height = (data.length + 1) * (BAR + GAP) + GAP;
  const alt = `Stacked bar chart of ${series.map((s) => s.name).join(' and ')} for ${data.map((d) => d.label).join(', ')}: ${data.map((d) => `${d.label} ${d.values.join(' and ')}`).join('; ')}.`;
  const shapes: ElementContent[] = [el('title', { id: 'chart-title' }, [txt(alt)])];
  series.forEach((s, i) => {
    const x = LABEL + i * 110;
    shapes.push(el('rect', { x: String(x), y: String(GAP), width: '12', height: '12', fill: COLORS[i % COLORS.length]! }), el('text', { x: String(x + 18), y: String(GAP + 11) }, [txt(s.name)]));
  });
  data.forEach((d, r) => {
    const y = GAP + (r + 1) * (BAR + GAP);
    shapes.push(el('text', { x: String(LABEL - 8), y: String(y + BAR * 0.7), 'text-anchor': 'end' }, [txt(d.label)]));
    let x = LABEL;
    d.values.forEach((value, i) => {
      const w = Math.round(value * scale * 10) / 10;
      if (w > 0) shapes.push(el('rect', { x: String(x), y: String(y), width: String(w), height: String(BAR), fill: COLORS[i % COLORS.length]! }));
      x += w;
    });
    shapes.push(el('text', { x: String(Math.round((x + 6) * 10) / 10), y: String(y + BAR * 0.7) }, [txt(String(d.values.reduce((a, b) => a + b, 0)))]));
  });
  return el('figure', { class: 'chart' }, [el('svg', { xmlns: 'http://www.w3.org/2000/svg', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-labelledby': 'chart-title' }, shapes)]);
}

function el(tagName: string, properties: Record<string, string>, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

function txt(value: string): ElementContent {
  return { type: 'text', value };
}
