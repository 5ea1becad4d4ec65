import { isMap, isPair, isScalar, isSeq, type Node } from 'yaml';

/**
 * Where each value of a notes file is written, flattened: yaml's Document costs memory, and a tree
 * of small objects costs time to pass between worker threads; a typed array and one string cost
 * neither. Pre-order encoding, one header per node:
 *   [kind, start, end, count, length]  kind: 0 scalar, 1 mapping, 2 list, 3 empty; length: ints in
 *   the whole subtree, to skip it. A mapping's entries follow as [keyStart, keyEnd, keyIndex, node…],
 *   a list's items as [node…].
 */
export interface PositionIndex {
  ints: Int32Array;
  /** The mappings' keys in pre-order, joined by NUL. */
  keys: string;
}

const SCALAR = 0;
const MAP = 1;
const SEQ = 2;
const EMPTY = 3;
const HEADER = 5;
const KEY_SEPARATOR = '\u0000';

/** Records the composed document's positions. */
export function indexPositions(root: Node | null): PositionIndex {
  const ints: number[] = [];
  const keys: string[] = [];
  const visit = (node: Node | null): void => {
    const at = ints.length;
    if (!node?.range) {
      ints.push(EMPTY, 0, 0, 0, HEADER);
      return;
    }
    const [start, end] = node.range;
    if (isMap(node)) {
      const pairs = node.items.filter(isPair);
      ints.push(MAP, start, end, pairs.length, 0);
      for (const pair of pairs) {
        const key = pair.key as Node | null;
        ints.push(key?.range?.[0] ?? start, key?.range?.[1] ?? start, keys.length);
        // A key whose name is left out (`: 2025-03-11`) is the empty key of the data, not “null”.
        keys.push(isScalar(key) ? (key.value === null ? '' : String(key.value).replaceAll(KEY_SEPARATOR, '')) : KEY_SEPARATOR);
        visit(pair.value as Node | null);
      }
    } else if (isSeq(node)) {
      ints.push(SEQ, start, end, node.items.length, 0);
      for (const item of node.items) visit(item as Node | null);
    } else {
      ints.push(SCALAR, start, end, 0, HEADER);
      return;
    }
    ints[at + 4] = ints.length - at;
  };
  visit(root);
  return { ints: Int32Array.from(ints), keys: keys.join(KEY_SEPARATOR) };
}

/** A node of the index: its position in `ints`, or undefined for nothing. */
export type PositionRef = number;

const splitKeys = new WeakMap<PositionIndex, string[]>();

function keysOf(index: PositionIndex): string[] {
  let keys = splitKeys.get(index);
  if (!keys) splitKeys.set(index, (keys = index.keys.split(KEY_SEPARATOR)));
  return keys;
}

/** The node's [start, end), or undefined for an empty value. */
export function rangeOf(index: PositionIndex, node: PositionRef): [number, number] | undefined {
  return index.ints[node] === EMPTY ? undefined : [index.ints[node + 1]!, index.ints[node + 2]!];
}

/** The child at a key (mappings) or an item number (lists), with the key's range. */
export function childOf(index: PositionIndex, node: PositionRef, segment: string | number): { node: PositionRef; key?: [number, number] } | undefined {
  const { ints } = index;
  const kind = ints[node];
  const count = ints[node + 3]!;
  let at = node + HEADER;
  if (kind === MAP) {
    const keys = keysOf(index);
    const wanted = String(segment);
    for (let i = 0; i < count; i++) {
      if (keys[ints[at + 2]!] === wanted) return { node: at + 3, key: [ints[at]!, ints[at + 1]!] };
      at += 3 + ints[at + 3 + 4]!;
    }
    return undefined;
  }
  if (kind === SEQ && typeof segment === 'number' && segment >= 0 && segment < count) {
    for (let i = 0; i < segment; i++) at += ints[at + 4]!;
    return { node: at };
  }
  return undefined;
}

/** The range of a mapping's first key, if the node is a non-empty mapping. */
export function firstKeyOf(index: PositionIndex, node: PositionRef): [number, number] | undefined {
  const { ints } = index;
  if (ints[node] !== MAP || ints[node + 3] === 0) return undefined;
  return [ints[node + HEADER]!, ints[node + HEADER + 1]!];
}

/** 0-based offsets → 1-based line and column, by binary search over the offsets where lines start. */
export function linePosition(lineStarts: ArrayLike<number>, offset: number): { line: number; column: number } {
  let low = 0;
  let high = lineStarts.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (lineStarts[mid]! <= offset) low = mid + 1;
    else high = mid;
  }
  const start = low === 0 ? 0 : lineStarts[low - 1]!;
  return { line: Math.max(low, 1), column: offset - start + 1 };
}
