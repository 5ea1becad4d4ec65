import type { Element, ElementContent } from 'hast';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { chartData } from '../markdown/chart.js';
import { chartAlternative } from '../i18n/chart-alternative.js';
import type { Language } from '../notes/types.js';

const BAR = 18;
const GAP = 8;
const WIDTH = 640;
/** Room for the row labels: as wide as the longest needs (about 7 px a character at the chart's 13 px), within these bounds. */
const LABEL_MIN = 120;
const LABEL_MAX = 300;
const CHAR = 7;
const COLORS = ['#1f4e79', '#8fb0cf', '#c9d8e7'];

/**
 * The participation chart as inline SVG: horizontal stacked bars, one per table row but the totals
 * row (its label is bold), read from the table the templates write after the chart directive, as
 * the PDF draws it. The table stays beside it: the chart has a text alternative, the table the numbers.
 */
export function stackedBars(table: Table, columns: readonly string[], language: Language): Element | undefined {
  const chart = chartData(table, columns, toString);
  if (!chart) return undefined;
  const series = chart.series.map((name) => ({ name }));
  const data = chart.rows;
  const max = Math.max(1, ...data.map((d) => d.values.reduce((a, b) => a + b, 0)));
  // Labels never run off the left edge: the column grows with them, and a longer one is shortened
  // with an ellipsis (the text alternative and the table beside the chart keep it whole).
  const LABEL = Math.min(LABEL_MAX, Math.max(LABEL_MIN, Math.max(...data.map((d) => d.label.length)) * CHAR + 16));
  const fit = Math.floor((LABEL - 16) / CHAR);
  const shown = (label: string) => (label.length <= fit ? label : `${label.slice(0, fit - 1).trimEnd()}…`);
  const scale = (WIDTH - LABEL - 40) / max;
  const height = (data.length + 1) * (BAR + GAP) + GAP;
  const alt = chartAlternative(language, chart.series, data);
  const shapes: ElementContent[] = [el('title', { id: 'chart-title' }, [txt(alt)])];
  series.forEach((s, i) => {
    const x = LABEL + i * 110;
    shapes.push(el('rect', { x: String(x), y: String(GAP), width: '12', height: '12', fill: COLORS[i % COLORS.length]! }), el('text', { x: String(x + 18), y: String(GAP + 11) }, [txt(s.name)]));
  });
  data.forEach((d, r) => {
    const y = GAP + (r + 1) * (BAR + GAP);
    shapes.push(el('text', { x: String(LABEL - 8), y: String(y + BAR * 0.7), 'text-anchor': 'end' }, [txt(shown(d.label))]));
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
