import type { Nodes, Table } from 'mdast';

/** `<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->`, written by the templates before a table. */
export function parseChartDirective(html: string): { columns: string[]; keepTable: boolean } | undefined {
  const m = /^<!--\s*wr:chart\s+stacked-bars\b([\s\S]*?)-->\s*$/.exec(html.trim());
  if (!m) return undefined;
  const attrs = new Map<string, string>();
  for (const a of (m[1] ?? '').matchAll(/([a-z-]+)="([^"]*)"/g)) attrs.set(a[1] ?? '', a[2] ?? '');
  const columns = (attrs.get('columns') ?? '').split(',').map((c) => c.trim()).filter(Boolean);
  return columns.length > 0 ? { columns, keepTable: attrs.get('table') !== 'drop' } : undefined;
}

/** One bar of a stacked-bar chart: a table row's label and the values of the chart's columns. */
export interface ChartRow {
  label: string;
  values: number[];
  row: Table['children'][number];
}

/**
 * What a chart directive draws from the table after it, the same for the PDF and the HTML: the
 * named columns that the header has (the first column is the labels), one bar per row but the
 * totals row (its label all bold: as a bar it would dwarf the others). Undefined: nothing to draw.
 */
export function chartData(table: Table, columns: readonly string[], text: (node: Nodes) => string): { series: string[]; rows: ChartRow[] } | undefined {
  const [head, ...all] = table.children;
  const rows = all.filter((r) => {
    const label = (r.children[0]?.children ?? []).filter((c) => !(c.type === 'text' && c.value.trim() === ''));
    return !(label.length === 1 && label[0]?.type === 'strong');
  });
  if (!head || rows.length === 0) return undefined;
  const names = head.children.map((c) => text(c).trim());
  const series = columns.map((name) => ({ name, index: names.indexOf(name) })).filter((s) => s.index > 0);
  if (series.length === 0) return undefined;
  const cell = (row: Table['children'][number], index: number) => text(row.children[index] ?? { type: 'text', value: '' });
  return {
    series: series.map((s) => s.name),
    rows: rows.map((row) => ({ label: cell(row, 0), values: series.map((s) => toNumber(cell(row, s.index))), row })),
  };
}

function toNumber(text: string): number {
  const n = Number.parseFloat(text.replace(/[\s\u00a0\u202f,]/g, '').replace(/[^0-9.+-]/g, ''));
  return Number.isFinite(n) && n > 0 ? n : 0;
}
