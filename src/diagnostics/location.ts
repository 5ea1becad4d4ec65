import { linePosition } from '../load/positions.js';
import type { Location, Position } from './diagnostic.js';

/** Converts 0-based offsets into a Location once, at the edge of the core. `lineStarts` begins with 0. */
export function spanToLocation(file: string, lineStarts: ArrayLike<number>, start: number, end: number): Location {
  return { file, start: position(lineStarts, start), end: position(lineStarts, Math.max(start, end)) };
}

function position(lineStarts: ArrayLike<number>, offset: number): Position {
  return { ...linePosition(lineStarts, offset), offset };
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
