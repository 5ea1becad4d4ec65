import { isMap, isPair, isScalar, isSeq, type Node, type Pair } from 'yaml';
import type { Location } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import type { ParsedFile } from './source.js';

export type DataPath = ReadonlyArray<string | number>;

/** Which part of the node at a path to point at: FORMAT.md puts each kind of problem at a different one. */
export type Part = 'value' | 'key' | 'mapping-start';

/**
 * Finds where the value at `path` is written. Falls back to the nearest ancestor that exists,
 * so a diagnostic always has a position.
 */
export function locate(file: ParsedFile, path: DataPath, part: Part = 'value'): Location {
  let node: Node | null = file.doc.contents as Node | null;
  let pair: Pair | undefined;
  for (const segment of path) {
    const next = child(node, segment);
    if (!next) break;
    ({ node, pair } = next);
  }
  const range = pick(node, pair, part);
  return spanToLocation(file.source.path, file.lineCounter, range[0], range[1]);
}

function child(node: Node | null, segment: string | number): { node: Node | null; pair?: Pair } | undefined {
  if (isMap(node)) {
    const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(segment));
    return pair ? { node: (pair.value as Node | null) ?? null, pair: pair as Pair } : undefined;
  }
  if (isSeq(node) && typeof segment === 'number') {
    const item = node.items[segment];
    return item === undefined ? undefined : { node: item as Node };
  }
  return undefined;
}

function pick(node: Node | null, pair: Pair | undefined, part: Part): [number, number] {
  const key = pair?.key as Node | undefined;
  if (part === 'key' && key?.range) return [key.range[0], key.range[1]];
  if (part === 'mapping-start' && node?.range) {
    // Point at the first line of the mapping: its first key, not the whole block.
    const first = isMap(node) ? node.items[0] : undefined;
    const firstKey = first && isPair(first) ? (first.key as Node | null) : null;
    if (firstKey?.range) return [firstKey.range[0], firstKey.range[1]];
    return [node.range[0], node.range[0]];
  }
  if (node?.range) return [node.range[0], node.range[1]];
  if (key?.range) return [key.range[0], key.range[1]];
  return [0, 0];
}
