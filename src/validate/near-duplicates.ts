import type { Nodes } from 'mdast';
import { parseGfm } from '../markdown/parse.js';
import { isPlainText } from '../markdown/plain.js';

/** FORMAT.md's threshold: Jaccard similarity of word 3-shingles at or above this is a near-duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
const EPSILON = 1e-9;

/**
 * The set of word 3-shingles of a (md) text: NFKC, case-folded, Markdown markup and punctuation
 * removed. A text of fewer than three words is one shingle of all its words.
 */
export function shingles(markdown: string): Set<string> {
  const words = normalizedWords(markdown);
  if (words.length < 3) return new Set(words.length ? [words.join(' ')] : []);
  const result = new Set<string>();
  // join() makes a flat string where a template literal makes a rope (a V8 cons string): interning
  // L's shingles in findSimilarPairs took 0.41 s of CPU as ropes, 0.16 s flat (profiled; same warnings).
  for (let i = 0; i + 3 <= words.length; i++) result.add([words[i], words[i + 1], words[i + 2]].join(' '));
  return result;
}

/** The words of a (md) text as FORMAT.md compares texts: NFKC, case-folded, without Markdown markup or punctuation. */
export function normalizedWords(markdown: string): string[] {
  const normalized = markdown.normalize('NFKC');
  const plain = isPlainText(normalized) ? normalized : plainText(parseGfm(normalized));
  return plain.toLowerCase().replace(/\p{P}+/gu, ' ').split(/\s+/u).filter(Boolean);
}

const PHRASING = new Set(['paragraph', 'heading', 'emphasis', 'strong', 'delete', 'link', 'linkReference', 'tableCell']);

/** The words of a Markdown tree without its markup: inline pieces joined, blocks separated. */
function plainText(node: Nodes): string {
  if ('value' in node && (node.type === 'text' || node.type === 'inlineCode' || node.type === 'code')) return node.value;
  if (node.type === 'break') return ' ';
  if (node.type === 'image') return node.alt ?? '';
  if (!('children' in node)) return '';
  return node.children.map((child) => plainText(child as Nodes)).join(PHRASING.has(node.type) ? '' : ' ');
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/** `jaccard` of two sets given as sorted arrays of distinct integers. */
function sortedJaccard(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      shared += 1;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared);
}

export interface SimilarPair {
  a: number;
  b: number;
  similarity: number;
}

/**
 * All pairs of texts whose similarity reaches the threshold, exactly. Candidates come from an
 * inverted index over each set's rarest shingles (prefix filtering): two sets with Jaccard ≥ t must
 * share one of their first |x| − ⌈t·|x|⌉ + 1 shingles in a global rarity order, so most pairs are
 * never compared. `stats.comparisons` counts the exact checks, for complexity tests.
 */
export function findSimilarPairs(sets: ReadonlyArray<ReadonlySet<string>>, threshold = NEAR_DUPLICATE_THRESHOLD, stats = { comparisons: 0 }): SimilarPair[] {
  // Shingles become integers: first an id each (first-seen order, one map lookup per shingle), then
  // a rank by rarity (rarest first; ties keep first-seen order, which is deterministic).
  const idOf = new Map<string, number>();
  const counts: number[] = [];
  const ids = sets.map((set) => {
    const out = new Int32Array(set.size);
    let k = 0;
    for (const token of set) {
      let id = idOf.get(token);
      if (id === undefined) {
        id = counts.length;
        idOf.set(token, id);
        counts.push(0);
      }
      counts[id]! += 1;
      out[k++] = id;
    }
    return out;
  });
  // Counting sort by frequency (small integers).
  const buckets: number[][] = [];
  for (let id = 0; id < counts.length; id++) (buckets[counts[id]!] ??= []).push(id);
  const rank = new Int32Array(counts.length);
  let next = 0;
  for (const bucket of buckets) if (bucket) for (const id of bucket) rank[id] = next++;
  const ordered = ids.map((set) => {
    for (let k = 0; k < set.length; k++) set[k] = rank[set[k]!]!;
    return set.sort();
  });
  const index = new Map<number, number[]>();
  const pairs: SimilarPair[] = [];
  // Visit sets by size so each set only needs candidates no larger than itself.
  const bySize = sets.map((_, i) => i).sort((x, y) => sets[x]!.size - sets[y]!.size || x - y);
  for (const i of bySize) {
    const tokens = ordered[i]!;
    if (tokens.length === 0) continue;
    // Float products like 0.55 × 100 = 55.00000000000001 must not lose exact matches.
    const minOverlap = Math.ceil(threshold * tokens.length - EPSILON);
    const prefix = tokens.length - minOverlap + 1;
    const candidates = new Set<number>();
    for (let p = 0; p < prefix; p++) {
      const postings = index.get(tokens[p]!);
      if (postings) for (const j of postings) if (sets[j]!.size >= threshold * tokens.length - EPSILON) candidates.add(j);
    }
    for (const j of candidates) {
      stats.comparisons += 1;
      const similarity = sortedJaccard(tokens, ordered[j]!);
      if (similarity >= threshold - EPSILON) pairs.push({ a: Math.min(i, j), b: Math.max(i, j), similarity });
    }
    for (let p = 0; p < prefix; p++) {
      const list = index.get(tokens[p]!);
      if (list) list.push(i);
      else index.set(tokens[p]!, [i]);
    }
  }
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Groups of texts that are the same or near-duplicates of each other (connected through similar
 * pairs), each group as indexes in ascending order; texts alike to no other are in no group. Texts
 * with the same normalized words are collapsed before the pair search, so 3,000 copies of a text
 * cost one set, not 4.5 million pairs: work and memory grow with the texts and the distinct ones.
 */
export function findSimilarGroups(texts: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD, stats = { comparisons: 0 }): number[][] {
  const distinct = new Map<string, number>();
  const keyOf = texts.map((text) => {
    const key = normalizedWords(text).join(' ');
    if (!distinct.has(key)) distinct.set(key, distinct.size);
    return distinct.get(key)!;
  });
  const representatives: string[] = [];
  texts.forEach((text, i) => (representatives[keyOf[i]!] ??= text));
  const parent = representatives.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  for (const { a, b } of findSimilarPairs(representatives.map(shingles), threshold, stats)) parent[find(a)] = find(b);
  const groups = new Map<number, number[]>();
  keyOf.forEach((key, i) => {
    const root = find(key);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].filter((group) => group.length > 1).sort((x, y) => x[0]! - y[0]!);
}
