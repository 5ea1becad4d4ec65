import type { Nodes, Table } from 'mdast';
import { suggest } from '../validate/suggest.js';

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

/** The kinds of chart a directive may ask for, and the attributes it takes (with the values of those that have a few). */
export const CHART_KINDS = ['stacked-bars'] as const;
export const CHART_ATTRIBUTES: Readonly<Record<string, readonly string[] | undefined>> = { columns: undefined, table: ['keep', 'drop'] };

/** What the directive takes, as its hints say it. */
const TAKES = 'columns="…" (the header row\'s columns the bars stack, separated by commas) and table="keep" or table="drop"';
const EXAMPLE = '<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->';

/** A problem of a directive's text, at `at` (an offset into the text read) for `length` characters. */
export interface DirectiveProblem {
  at: number;
  length: number;
  message: string;
  hint: string;
}

/** A directive as read: its place in the text, the chart's columns (with the place of their value) and its problems. */
export interface ReadDirective {
  at: number;
  columns: string[];
  /** The place of the value of `columns=`, inside its quotes; absent when it has none. */
  columnsAt?: { at: number; length: number };
  problems: DirectiveProblem[];
}

/**
 * Reads a `<!-- wr:… -->` comment (`text` holds it, from `<!--` to `-->`) as the writers would, and
 * says what they would leave without a word: a directive they do not know (`wr:chrt`), a kind of
 * chart they do not draw (`stacked-bar`), an attribute they do not take (`colums=`, `Columns=`), one
 * not in double quotes, a `table=` other than keep or drop (`hide` kept the table), no columns.
 * `dynamic`: a character standing for what a template computes (`{{t "women"}}`), never judged.
 * Undefined: not a `wr:` directive. Pure.
 */
export function readDirective(text: string, dynamic = '\0'): ReadDirective | undefined {
  const head = /<!--\s*wr:/.exec(text);
  if (!head) return undefined;
  const close = text.indexOf('-->', head.index + head[0].length);
  const bodyStart = head.index + head[0].length;
  const body = text.slice(bodyStart, close === -1 ? text.length : close);
  const known = (word: string) => !word.includes(dynamic);
  const result: ReadDirective = { at: head.index, columns: [], problems: [] };
  const problem = (at: number, length: number, message: string, hint: string) => result.problems.push({ at: bodyStart + at, length: Math.max(length, 1), message, hint });
  const name = /^\S*/.exec(body)![0];
  if (name !== 'chart') {
    if (known(name)) {
      const meant = suggest(name, ['chart']);
      problem(0, name.length, `The directive “wr:${name}” is not one the tool knows: the build would leave it out of every document without a word.`, `${meant ? `Did you mean “wr:${meant}”? ` : ''}The one directive is the chart's: ${EXAMPLE}, before the table.`);
    }
    return result;
  }
  // The words after `wr:chart`: the kind, then name="value" attributes.
  const tokens = [...body.slice(name.length).matchAll(/([^\s="']+)\s*=\s*("([^"]*)"|'[^']*'|[^\s"']*)|("[^"]*"|'[^']*'|\S+)/g)]
    .map((m) => ({ index: m.index + name.length, whole: m[0], key: m[1], written: m[2], quoted: m[3], word: m[4] }));
  const first = tokens[0];
  if (!first || first.word === undefined) {
    problem(0, name.length, 'The chart directive names no kind of chart: the build would draw none, without a word.', `Write the kind after wr:chart: ${EXAMPLE}.`);
  } else if (known(first.word) && !(CHART_KINDS as readonly string[]).includes(first.word)) {
    const meant = suggest(first.word, CHART_KINDS);
    problem(first.index, first.word.length, `The chart directive asks for a “${first.word}” chart, a kind the tool does not draw (it draws ${CHART_KINDS.join(', ')}): the build would leave the chart out of the PDF, the HTML and the DOCX without a word.`, meant ? `Did you mean “${meant}”?` : `Write <!-- wr:chart ${CHART_KINDS[0]} … -->.`);
  }
  const names = Object.keys(CHART_ATTRIBUTES);
  let columns: string | undefined;
  for (const token of tokens.slice(first?.word !== undefined ? 1 : 0)) {
    const { key, written, quoted } = token;
    if (key === undefined || written === undefined) {
      const word = token.word!;
      if (known(word)) problem(token.index, word.length, `The chart directive has “${word}”, which is not an attribute (name="value"): the build would read it as if it were not there.`, `The directive takes ${TAKES}.`);
      continue;
    }
    if (!known(key)) continue;
    if (!Object.hasOwn(CHART_ATTRIBUTES, key)) {
      const meant = suggest(key, names.filter((other) => !tokens.some((t) => t.key === other)));
      problem(token.index, key.length, `The chart directive is given “${key}=”, an attribute it does not take (it takes ${names.join(', ')}): the build would read it as if it were not there.`, `${meant ? `Did you mean “${meant}”? ` : ''}The directive takes ${TAKES}.`);
      continue;
    }
    const valueAt = token.index + token.whole.length - written.length;
    if (tokens.some((other) => other.key === key && other.index > token.index)) {
      problem(token.index, key.length, `The chart directive is given ${key}= twice: the build would read the last one only.`, `Leave one ${key}="…".`);
      continue;
    }
    if (quoted === undefined) {
      if (known(written)) problem(valueAt, written.length, `The chart directive's ${key}= is not in double quotes: the build would read it as if it were not there.`, `Write ${key}="${written.replace(/^'|'$/g, '')}".`);
      continue;
    }
    const values = CHART_ATTRIBUTES[key];
    if (values && known(quoted) && !values.includes(quoted)) {
      const meant = suggest(quoted, values);
      problem(valueAt + 1, quoted.length, `The chart directive is given ${key}="${quoted}", which it does not know (${key} is ${values.map((value) => `"${value}"`).join(' or ')}): the build would keep the table.`, meant ? `Did you mean ${key}="${meant}"?` : 'Write table="keep" (the table after the chart) or table="drop" (the chart in the table\'s place in the PDF and the DOCX; the Markdown and the HTML always show the table).');
    }
    if (key === 'columns') {
      columns = quoted;
      result.columnsAt = { at: bodyStart + valueAt + 1, length: quoted.length };
    }
  }
  result.columns = (columns ?? '').split(',').map((column) => column.trim()).filter(Boolean);
  // (Not after another problem: `colums="…"` is one mistake. Nor when a template computes a name or the value.)
  const computed = tokens.some((t) => !known(t.whole)) && (columns === undefined || !known(columns));
  if (result.columns.length === 0 && result.problems.length === 0 && !computed) {
    const at = result.columnsAt ? result.columnsAt.at - bodyStart : 0;
    problem(at, result.columnsAt ? result.columnsAt.length : name.length, 'The chart directive names no columns to draw: the build would draw no chart, without a word.', 'Write columns="Women,Men": the columns of the header row of the table after it whose values the bars stack, separated by commas.');
  }
  return result;
}

/** The header row of `table`, each cell's text; the columns of `columns` it does not have as values (its first column is the bars' labels). */
export function missingColumns(table: Table, columns: readonly string[], text: (node: Nodes) => string): { header: string[]; missing: string[] } {
  const header = (table.children[0]?.children ?? []).map((cell) => text(cell).trim());
  return { header, missing: columns.filter((column) => header.indexOf(column) <= 0) };
}
