import type { Location } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import { childOf, firstKeyOf, rangeOf, type PositionIndex, type PositionRef } from './positions.js';
import type { ParsedFile } from './source.js';

export type DataPath = ReadonlyArray<string | number>;

/** Which part of the node at a path to point at: FORMAT.md puts each kind of problem at a different one. */
export type Part = 'value' | 'key' | 'mapping-start';

/**
 * Finds where the value at `path` is written. Falls back to the nearest ancestor that exists,
 * so a diagnostic always has a position.
 */
export function locate(file: ParsedFile, path: DataPath, part: Part = 'value'): Location {
  const index = file.positions;
  let node: PositionRef = 0;
  let key: [number, number] | undefined;
  for (const segment of path) {
    const next: ReturnType<typeof childOf> = childOf(index, node, segment);
    if (!next) break;
    ({ node, key } = next);
  }
  const range = pick(index, node, key, part);
  return spanToLocation(file.source.path, file.lineStarts, range[0], range[1]);
}

function pick(index: PositionIndex, node: PositionRef, key: [number, number] | undefined, part: Part): [number, number] {
  const range = rangeOf(index, node);
  if (part === 'key' && key) return key;
  if (part === 'mapping-start' && range) {
    // Point at the first line of the mapping: its first key, not the whole block.
    return firstKeyOf(index, node) ?? [range[0], range[0]];
  }
  return range ?? key ?? [0, 0];
}
