import { Paragraph } from 'docx';
import { ChartRun } from 'docx/charts';
import type { Table } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { chartData } from '../markdown/chart.js';
import { chartAlternative } from '../i18n/chart-alternative.js';
import type { DocxContext } from './context.js';
import { BODY_FONT, STYLE } from './styles.js';

const COLORS = ['1F4E79', '8FB0CF', 'C9D8E7'];

/** The characters of a category label LibreOffice and Word put on one line beside the bars, at most. */
const LABEL_LINE_CHARS = 20;

/**
 * The participation chart as a native Word chart (horizontal stacked bars, one per row of the table
 * the directive precedes but its totals row): Word and LibreOffice draw it from the values written
 * in the file, an editor can restyle it, and the table stays beside it with the numbers.
 * Undefined when the table has nothing to draw, as in the PDF.
 */
export function chartParagraphs(table: Table, columns: readonly string[], ctx: DocxContext): Paragraph[] {
  const chart = chartData(table, columns, toString);
  if (!chart) return [];
  const alt = chartAlternative(ctx.language, chart.series, chart.rows);
  ctx.text.push(alt);
  const width = Math.min(ctx.widthPx, 620);
  // Each bar as tall as its longest label wraps (about 20 characters a line at 9 pt beside the bars):
  // LibreOffice leaves out every other label that would overlap the next ("Entités des Nations Unies
  // et organisations internationales" on three lines hid Ghana's and Niger's).
  const lines = Math.max(1, ...chart.rows.map((row) => Math.ceil(row.label.length / LABEL_LINE_CHARS)));
  const height = Math.min(520, 70 + chart.rows.length * Math.max(34, 14 * lines + 12));
  return [new Paragraph({
    style: STYLE.caption,
    keepNext: true,
    children: [new ChartRun({
      type: 'bar',
      stacking: 'stacked',
      overlap: 100,
      gapWidth: 60,
      // Bars from top to bottom in the table's order.
      categories: chart.rows.map((row) => row.label),
      categoryAxis: { reverseOrder: true, font: { size: 9 } },
      valueAxis: { visible: false, gridlines: false },
      // Each bar's value on it, white on the dark first series, as the PDF writes them.
      series: chart.series.map((name, i) => ({
        name,
        values: chart.rows.map((row) => row.values[i] ?? 0),
        color: i === 0 ? ctx.accent : COLORS[i % COLORS.length]!,
        dataLabels: { value: true, position: 'center' as const, font: { size: 8, color: i === 0 ? 'FFFFFF' : '1A1A1A' } },
      })),
      legend: { position: 'top' },
      chartArea: { border: 'none' },
      font: { name: BODY_FONT },
      transformation: { width, height },
      altText: { name: 'Participation chart', description: alt, title: alt },
    })],
  })];
}
