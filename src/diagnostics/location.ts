import type { LineCounter } from 'yaml';
import type { Location, Position } from './diagnostic.js';

/** Converts 0-based offsets into a Location once, at the edge of the core. */
export function spanToLocation(file: string, lineCounter: LineCounter, start: number, end: number): Location {
  return { file, start: position(lineCounter, start), end: position(lineCounter, Math.max(start, end)) };
}

function position(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col, offset };
}

/** Location of a span in plain text (no LineCounter at hand). */
export function textSpanToLocation(file: string, text: string, start: number, end: number): Location {
  return { file, start: textPosition(text, start), end: textPosition(text, end) };
}

function textPosition(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line += 1;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1, offset };
}
