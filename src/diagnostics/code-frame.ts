import { createRequire } from 'node:module';
import { visible } from '../characters.js';
import type { Location } from './diagnostic.js';
import type { Style } from './reporter.js';

/**
 * string-width, loaded the first time a frame is drawn: loading it makes an Intl.Segmenter and its
 * Unicode-property expressions, 40–50 ms that every command paid on start-up, also the many runs
 * with nothing to report (a programme's `validate` with a warm cache took 0.05 s less without it).
 */
let width: ((text: string) => number) | undefined;
function stringWidth(text: string): number {
  width ??= (createRequire(import.meta.url)('string-width') as typeof import('string-width')).default;
  return width(text);
}

const CONTEXT_LINES = 1;
const MAX_WIDTH = 100;

/** A file's lines as code frames show them; split once per file when many problems point into it. */
export function sourceLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** The offending line with a line before it, a gutter, `>` on the line and carets under the span. */
export function codeFrame(text: string | readonly string[], location: Location, style: Style): string {
  const lines = typeof text === 'string' ? sourceLines(text) : text;
  const { line, column } = location.start;
  const first = Math.max(1, line - CONTEXT_LINES);
  const gutter = String(line).length;
  const out: string[] = [];
  for (let n = first; n <= Math.min(line, lines.length); n++) {
    const raw = (lines[n - 1] ?? '').replace(/\t/g, ' ');
    const { shown, shift } = trim(raw, n === line ? column : 1);
    const mark = n === line ? style.error('>') : ' ';
    // A control character, a bidirectional override… is shown as `<U+001B>`: printed as it is, it
    // rang, recoloured the terminal or reversed the line.
    out.push(`${mark} ${style.dim(`${String(n).padStart(gutter)} |`)} ${visible(shown)}`);
    if (n === line) {
      const endColumn = location.end.line === line ? location.end.column : raw.length + 1;
      // Columns count UTF-16 units; the carets go under what a terminal shows (a CJK character is two
      // cells, a combining accent none, a control character its code).
      const lead = stringWidth(visible(shown.slice(0, Math.max(0, column - 1 - shift))));
      const width = Math.max(1, Math.min(stringWidth(visible(raw.slice(column - 1, Math.max(column - 1, endColumn - 1)))), MAX_WIDTH));
      out.push(`  ${style.dim(`${' '.repeat(gutter)} |`)} ${' '.repeat(lead)}${style.error('^'.repeat(width))}`);
    }
  }
  return out.join('\n');
}

/** Long lines are cut around the column so the caret stays on screen. */
function trim(line: string, column: number): { shown: string; shift: number } {
  if (line.length <= MAX_WIDTH) return { shown: line, shift: 0 };
  const start = Math.max(0, Math.min(column - 1 - MAX_WIDTH / 2, line.length - MAX_WIDTH));
  const end = start + MAX_WIDTH;
  return { shown: `${start > 0 ? '…' : ''}${line.slice(start, end)}${end < line.length ? '…' : ''}`, shift: start - (start > 0 ? 1 : 0) };
}
