import { isMap, isScalar, isSeq, Scalar, type Node, type Pair } from 'yaml';
import type { DataPath } from './locate.js';

/**
 * What a file lost to mistakes that keep part of it from being read: the containers (mappings,
 * lists) that had an entry removed, and the ids written in what was removed. Later stages stay
 * quiet about what these may explain (a missing key, a reference to a removed id) instead of
 * reporting errors that are only the consequence of the first one.
 */
export interface Damage {
  /** Data paths of the containers that lost an entry; `[]` is the whole file. */
  containers: DataPath[];
  /** `id:` values written inside removed entries. */
  ids: string[];
}

export const NO_DAMAGE: Damage = Object.freeze({ containers: [], ids: [] }) as Damage;

/** What a removed list item becomes in the syntax tree: its slot is kept, so later items keep their numbers. */
const REMOVED = Object.freeze({});

/** Turns the removed items of the composed data into holes (`forEach` skips them; indexes stay the file's). */
export function punchHoles(value: unknown): unknown {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      if (item === REMOVED) delete value[i];
      else punchHoles(item);
    });
  } else if (value !== null && typeof value === 'object') Object.values(value).forEach(punchHoles);
  return value;
}

/** One removable part of the syntax tree: a top-level entry of the file, or an item of a list. */
interface Cut {
  container: DataPath;
  remove(): void;
  range: [number, number];
}

/**
 * Removes from the document every part that holds one of the offsets (where a syntax error or a
 * forbidden construct is): the item of the outermost list around it, else the top-level entry.
 * Recovery at that size keeps the rest of the file while what the mistake garbled is dropped whole.
 * Returns what was removed, or undefined when an offset lies outside every entry (nothing is kept).
 */
export function removeDamaged(root: Node | null, offsets: readonly number[], text: string): Damage | undefined {
  if (offsets.length === 0) return NO_DAMAGE;
  if (!isMap(root)) return undefined;
  const cuts = new Map<string, Cut>();
  let outside = false;
  for (const offset of offsets) {
    const cut = cutAt(root, nearestWritten(root, offset, text));
    if (cut) cuts.set(`${cut.range[0]}:${cut.range[1]}`, cut);
    else outside = true;
  }
  // A mistake outside every entry (a second document, a tag on the whole file): nothing is safe to keep.
  if (outside) return undefined;
  const containers: DataPath[] = [];
  const ids: string[] = [];
  // Remove from the end so earlier list indexes stay valid.
  const end = root.range?.[1] ?? text.length;
  for (const cut of [...cuts.values()].sort((a, b) => b.range[0] - a.range[0])) {
    cut.remove();
    containers.push(cut.container);
    // A mistake in the last entry (an unclosed quote, say) may have swallowed keys meant to follow it.
    if (cut.range[1] >= end && cut.container.length > 0) containers.push([]);
    ids.push(...idsWritten(text.slice(cut.range[0], cut.range[1])));
  }
  // The parser may stop reading before the end (a tab at the start of a line ends the mapping there):
  // what follows is lost too, with the ids written in it.
  const tail = text.slice(end);
  if (/^[ \t]*[^\s#]/m.test(tail)) {
    if (!containers.some((container) => container.length === 0)) containers.push([]);
    ids.push(...idsWritten(tail));
  }
  return { containers, ids };
}

/**
 * An offset in the blank between two entries (a tab before a list dash, say) is taken to be in the
 * entry it touches: the next one if only blanks lie between, else the previous one.
 */
function nearestWritten(root: Node & { items: Pair[] }, offset: number, text: string): number {
  if (root.items.some((pair) => contains(pairRange(pair), offset))) return offset;
  const ranges = root.items.map(pairRange).filter((range): range is [number, number] => range !== undefined);
  const next = ranges.find(([start]) => start > offset);
  if (next && /^\s*$/.test(text.slice(offset, next[0]))) return next[0];
  const previous = ranges.filter(([, end]) => end <= offset).pop();
  if (previous && previous[1] > previous[0] && /^\s*$/.test(text.slice(previous[1], offset))) return previous[1] - 1;
  return offset;
}

function cutAt(root: Node & { items: Pair[] }, offset: number): Cut | undefined {
  const index = root.items.findIndex((pair) => contains(pairRange(pair), offset));
  if (index === -1) return undefined;
  const pair = root.items[index]!;
  const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
  const listItem = key === undefined ? undefined : outermostItem(pair.value as Node | null, offset, [key]);
  return listItem ?? { container: [], range: pairRange(pair)!, remove: () => root.items.splice(root.items.indexOf(pair), 1) };
}

/** The item of the first list met on the way down to the offset. */
function outermostItem(node: Node | null, offset: number, path: Array<string | number>): Cut | undefined {
  if (isSeq(node)) {
    const items = node.items as Array<Node | null>;
    const index = items.findIndex((item) => contains(item?.range ?? undefined, offset));
    if (index === -1) return undefined;
    const item = items[index]!;
    return { container: path, range: [item.range![0], item.range![2]], remove: () => void (items[items.indexOf(item)] = new Scalar(REMOVED)) };
  }
  if (isMap(node)) {
    const pair = node.items.find((p) => contains(pairRange(p), offset));
    if (!pair || !isScalar(pair.key)) return undefined;
    return outermostItem(pair.value as Node | null, offset, [...path, String(pair.key.value)]);
  }
  return undefined;
}

function pairRange(pair: Pair): [number, number] | undefined {
  const key = pair.key as Node | null;
  const value = pair.value as Node | null;
  const start = key?.range?.[0] ?? value?.range?.[0];
  const end = value?.range?.[2] ?? key?.range?.[2];
  return start === undefined || end === undefined ? undefined : [start, end];
}

function contains(range: readonly number[] | undefined, offset: number): boolean {
  if (!range) return false;
  const start = range[0]!;
  const end = range[2] ?? range[1]!;
  return offset >= start && (offset < end || (offset === end && start === end));
}

/** `id: x` (block or flow style) in the text of a removed part or an unreadable file. */
export function idsWritten(text: string): string[] {
  return [...text.matchAll(/(?:^|[\s{,-])id\s*:\s*["']?([^\s"',{}[\]#]+)/g)].map((match) => match[1]!);
}

/** Whether `path` is one of the containers that lost an entry. */
export function isDamaged(damage: Damage, path: DataPath): boolean {
  return damage.containers.some((container) => container.length === path.length && container.every((segment, i) => segment === path[i]));
}
