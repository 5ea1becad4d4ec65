import type { Root, Table, TableRow } from 'mdast';
import { shiftPositions } from './tree-positions.js';

/** A top-level GFM table in a section: [offset, end) includes the last row's line ending. */
export interface TablePiece {
  offset: number;
  end: number;
  /** 1-based line of the header row in the section. */
  line: number;
}

const DELIMITER = /^\|(?:[ \t]*:?-+:?[ \t]*\|)+[ \t]*$/;
const isBlank = (line: string) => /^[ \t]*$/.test(line);

/**
 * Tables that can be parsed on their own, row by row: a header row starting with `|` at the start of
 * a line after a blank line, a delimiter row, then rows that all start with `|`, ended by a blank line
 * or the end of the section (a line without a pipe would continue the table, so such a table is left
 * to the whole parse). The blank line before means every open block has ended, as for headings.
 */
export function tablesIn(text: string, from: number): TablePiece[] {
  if (!text.includes('\n|')) return [];
  const starts: number[] = [];
  for (let i = 0; i < text.length; ) {
    starts.push(i);
    const nl = text.indexOf('\n', i);
    if (nl === -1) break;
    i = nl + 1;
  }
  const lineAt = (k: number) => {
    const end = k + 1 < starts.length ? starts[k + 1]! - 1 : text.length - (text.endsWith('\n') ? 1 : 0);
    return text.slice(starts[k], end);
  };
  const tables: TablePiece[] = [];
  for (let k = 1; k + 2 < starts.length; k++) {
    if (starts[k]! < from || text.charCodeAt(starts[k]!) !== 124 || !isBlank(lineAt(k - 1)) || !DELIMITER.test(lineAt(k + 1))) continue;
    let j = k + 2;
    while (j < starts.length && text.charCodeAt(starts[j]!) === 124) j++;
    if (j < starts.length && !isBlank(lineAt(j))) {
      k = j;
      continue;
    }
    if (j > k + 2) tables.push({ offset: starts[k]!, end: j < starts.length ? starts[j]! : text.length, line: k + 1 });
    k = j;
  }
  return tables;
}

interface KnownTable {
  header: TableRow;
  align: Table['align'];
  rows: Map<string, TableRow>;
}

/** Rows already parsed, by header and delimiter row, then by the row's text; shared by documents on a thread. */
const known = new Map<string, KnownTable>();
let knownRows = 0;
const MAX_ROWS = 20_000;

/** `node` with its positions moved so it starts on `line`, at `offset` (in place). */
function moveTo<T extends { position?: Root['position'] }>(node: T, line: number, offset: number): T {
  const start = node.position!.start;
  shiftPositions(node, line - start.line, offset - (start.offset ?? 0));
  return node;
}

/**
 * A table's tree with each row parsed at most once per thread: rows are independent of one another
 * (each is one line of inline content; the caller only gets here for documents without definitions,
 * which could give a row's references a meaning), so a row seen before under the same header is copied, and
 * only new rows are parsed, together, as one table. This is what makes the country briefs cheap: most
 * of their recommendation rows are the same in every brief. Positions are relative to `text`.
 * Undefined when `text` does not parse as one table with a row per line (the caller parses it whole).
 */
export function parseTable(text: string, parse: (markdown: string) => Root, maxRows = MAX_ROWS): Table | undefined {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const [head, delimiter] = lines as [string, string];
  const key = `${head}\n${delimiter}`;
  // A long watch session or a very large build starts afresh now and then rather than grow for ever.
  if (knownRows > maxRows) {
    known.clear();
    knownRows = 0;
  }
  let table = known.get(key);
  const fresh = new Map<string, TableRow>();
  const missing = [...new Set(lines.slice(2).filter((row) => !table?.rows.has(row)))];
  if (!table || missing.length > 0) {
    const tree = parse([head, delimiter, ...missing].join('\n'));
    const node = tree.children[0];
    if (tree.children.length !== 1 || node?.type !== 'table' || node.children.length !== missing.length + 1) return undefined;
    if (!known.has(key)) known.set(key, { header: node.children[0]!, align: node.align ?? null, rows: new Map() });
    table = known.get(key)!;
    missing.forEach((row, i) => {
      table!.rows.set(row, node.children[i + 1]!);
      fresh.set(row, node.children[i + 1]!);
    });
    knownRows += missing.length;
  }
  const rows: TableRow[] = [];
  let offset = 0;
  lines.forEach((line, i) => {
    if (i !== 1) {
      const cached = i === 0 ? table!.header : table!.rows.get(line)!;
      // A row parsed just now goes into this tree as it is (once); a known one is copied. Handing out
      // the cached object once is safe because nothing downstream changes a tree (layout only reads
      // it) and moveTo moves positions from wherever they are now.
      const own = i > 1 && fresh.get(line) === cached;
      if (own) fresh.delete(line);
      rows.push(moveTo(own ? cached : structuredClone(cached), i + 1, offset));
    }
    offset += line.length + 1;
  });
  return {
    type: 'table',
    align: table.align ? [...table.align] : table.align,
    children: rows,
    position: { start: { ...rows[0]!.position!.start }, end: { ...rows[rows.length - 1]!.position!.end } },
  };
}
