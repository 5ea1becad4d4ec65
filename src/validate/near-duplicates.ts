import type { Nodes } from 'mdast';
import { parseGfm } from '../markdown/parse.js';
import { isPlainText } from '../markdown/plain.js';
import { memoize1 } from '../markdown/memo.js';

/** FORMAT.md's threshold: Jaccard similarity of word 3-shingles at or above this is a near-duplicate. */
export const NEAR_DUPLICATE_THRESHOLD = 0.8;
const EPSILON = 1e-9;

/**
 * The set of word 3-shingles of a (md) text: NFKC, case-folded, Markdown markup and punctuation
 * removed. A text of fewer than three words is one shingle of all its words.
 */
export function shingles(markdown: string): Set<string> {
  return wordShingles(normalizedWords(markdown));
}

/** The word 3-shingles of normalized words (see `shingles`). */
function wordShingles(words: readonly string[]): Set<string> {
  if (words.length < 3) return new Set(words.length ? [words.join(' ')] : []);
  const result = new Set<string>();
  // join() makes a flat string where a template literal makes a rope (a V8 cons string): interning
  // L's shingles in findSimilarPairs took 0.41 s of CPU as ropes, 0.16 s flat (profiled; same warnings).
  for (let i = 0; i + 3 <= words.length; i++) result.add([words[i], words[i + 1], words[i + 2]].join(' '));
  return result;
}

/**
 * The words of a (md) text as FORMAT.md compares texts: NFKC, case-folded, without Markdown markup or
 * punctuation. Remembered: a programme's roll-up compares the recommendations its workshops' checks
 * compared already (the same texts, on the thread that checked them). Read-only: callers share the arrays.
 */
export const normalizedWords = memoize1((markdown: string): readonly string[] => {
  const normalized = markdown.normalize('NFKC');
  return textWords(isPlainText(normalized) ? normalized : plainText(parseGfm(normalized)));
});

/** The words of a text without markup (NFKC-normalized): lower case, punctuation left out. */
export function textWords(plain: string): string[] {
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

/** What a search did, for complexity tests: exact similarity checks made. */
export interface SearchStats {
  comparisons: number;
}

/**
 * All pairs of texts whose similarity reaches the threshold, exactly. Candidates come from an
 * inverted index over each set's rarest shingles (prefix filtering): two sets with Jaccard ≥ t must
 * share one of their first |x| − ⌈t·|x|⌉ + 1 shingles in a global rarity order, so most pairs are
 * never compared. `stats.comparisons` counts the exact checks, for complexity tests. The answer
 * lists every pair, so it is as long as the number of similar pairs: to group texts, use
 * `findSimilarGroups`, whose work does not grow with the pairs.
 */
export function findSimilarPairs<T>(sets: ReadonlyArray<ReadonlySet<T>>, threshold = NEAR_DUPLICATE_THRESHOLD, stats: SearchStats = { comparisons: 0 }): SimilarPair[] {
  return pairsOf(denseIds(sets), threshold, stats);
}

/**
 * All pairs of (md) texts whose shingles (see `shingles`) are similar: what
 * `findSimilarPairs(texts.map(shingles))` finds, without making a string or a set per shingle when
 * the texts' words allow (see numberedShingles).
 */
export function findSimilarTexts(texts: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD, stats: SearchStats = { comparisons: 0 }): SimilarPair[] {
  const words = texts.map(normalizedWords);
  return pairsOf(numberedShingles(words) ?? denseIds(words.map(wordShingles)), threshold, stats);
}

function pairsOf(shingled: ShingleIds, threshold: number, stats: SearchStats): SimilarPair[] {
  const pairs: SimilarPair[] = [];
  searchSimilar(shingled, threshold, stats, (i, j, similarity) => pairs.push({ a: Math.min(i, j), b: Math.max(i, j), similarity }));
  return pairs.sort((x, y) => x.a - y.a || x.b - y.b);
}

/**
 * Sets of shingles as integers: each shingle an id from 0 to count − 1 (first-seen order: text by
 * text, each text's in its order), each set its distinct ids. Made once for one search, which
 * reorders them in place.
 */
interface ShingleIds {
  sets: Int32Array[];
  count: number;
}

/** Any sets as ShingleIds (one map lookup per shingle). */
function denseIds<T>(sets: ReadonlyArray<ReadonlySet<T>>): ShingleIds {
  const idOf = new Map<T, number>();
  const ids = sets.map((set) => {
    const out = new Int32Array(set.size);
    let k = 0;
    for (const token of set) {
      let id = idOf.get(token);
      if (id === undefined) idOf.set(token, (id = idOf.size));
      out[k++] = id;
    }
    return out;
  });
  return { sets: ids, count: idOf.size };
}

/**
 * The prefix-filtering search shared by pairs and groups: calls `similar` for each similar pair it
 * checks. `joined(i, j)`, when given, lets the caller skip a candidate it already knows is in the
 * same group as the text being looked at (no check is made and `similar` is not called for it).
 * Candidates are checked as they come, so a skip takes effect at once.
 */
function searchSimilar({ sets, count }: ShingleIds, threshold: number, stats: SearchStats, similar: (i: number, j: number, similarity: number) => void, joined?: (i: number, j: number) => boolean): void {
  // Each shingle ranked by rarity (rarest first; ties keep first-seen order, which is deterministic).
  const counts = new Int32Array(count);
  for (const set of sets) for (let k = 0; k < set.length; k++) counts[set[k]!]! += 1;
  // Counting sort by frequency (small integers).
  const buckets: number[][] = [];
  for (let id = 0; id < count; id++) (buckets[counts[id]!] ??= []).push(id);
  const rank = new Int32Array(count);
  let next = 0;
  for (const bucket of buckets) if (bucket) for (const id of bucket) rank[id] = next++;
  const ordered = sets.map((set) => {
    for (let k = 0; k < set.length; k++) set[k] = rank[set[k]!]!;
    return set.sort();
  });
  const index = new Map<number, Postings>();
  // seen[j] === i: j was already a candidate of i (a stamp per set instead of a Set per text).
  const seen = new Int32Array(sets.length).fill(-1);
  // Visit sets by size so each set only needs candidates no larger than itself.
  const bySize = sets.map((_, i) => i).sort((x, y) => sets[x]!.length - sets[y]!.length || x - y);
  for (const i of bySize) {
    const tokens = ordered[i]!;
    if (tokens.length === 0) continue;
    // Float products like 0.55 × 100 = 55.00000000000001 must not lose exact matches.
    const minOverlap = Math.ceil(threshold * tokens.length - EPSILON);
    const minSize = threshold * tokens.length - EPSILON;
    const prefix = tokens.length - minOverlap + 1;
    for (let p = 0; p < prefix; p++) {
      const postings = index.get(tokens[p]!);
      if (!postings) continue;
      const { items } = postings;
      // A list all in one group that i has joined holds nothing new for it.
      if (joined && postings.oneGroup && joined(i, items[0]!)) continue;
      for (const j of items) {
        if (seen[j] === i || ordered[j]!.length < minSize) continue;
        seen[j] = i;
        if (joined?.(i, j)) continue;
        stats.comparisons += 1;
        const similarity = sortedJaccard(tokens, ordered[j]!);
        if (similarity >= threshold - EPSILON) {
          similar(i, j, similarity);
          // i is now in the list's one group: the rest of the list is in it too.
          if (joined && postings.oneGroup) break;
        }
      }
      // Groups only merge, so a list found to be all in one group stays so.
      if (joined && !postings.oneGroup) postings.oneGroup = items.every((j) => joined(i, j));
    }
    for (let p = 0; p < prefix; p++) {
      const postings = index.get(tokens[p]!);
      if (!postings) index.set(tokens[p]!, { items: [i], oneGroup: true });
      else {
        if (postings.oneGroup && !joined?.(i, postings.items[0]!)) postings.oneGroup = false;
        postings.items.push(i);
      }
    }
  }
}

/** Words are numbered from 1 below this; three numbers make one shingle, within 2^51 (exact in a double). */
const WORD_LIMIT = 2 ** 17;

/**
 * The texts' shingles as ShingleIds, made from numbers: each word gets a number (from 1), a shingle
 * of three words is the three numbers in base WORD_LIMIT, and one of fewer words (a short text) has
 * leading zeros, so it differs from every three-word shingle. The same sets as `wordShingles`, one
 * for one (a text without words has none), but a number needs no string made and no string hashed
 * (L's 600,000 shingles, an eighth of its validation). Undefined past WORD_LIMIT distinct words:
 * then strings are used.
 */
function numberedShingles(texts: ReadonlyArray<readonly string[]>): ShingleIds | undefined {
  const numberOf = new Map<string, number>();
  const numbered: Int32Array[] = [];
  let occurrences = 0;
  for (const words of texts) {
    const numbers = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      let n = numberOf.get(words[i]!);
      if (n === undefined) numberOf.set(words[i]!, (n = numberOf.size + 1));
      numbers[i] = n;
    }
    if (numberOf.size >= WORD_LIMIT) return undefined;
    numbered.push(numbers);
    occurrences += numbers.length < 3 ? Math.min(numbers.length, 1) : numbers.length - 2;
  }
  // Each shingle's id from its number, in a table of numbers (open addressing, linear probing)
  // sized for every shingle to be different and at most half full: a Map boxes and hashes a number
  // past 2^31 slowly (P's roll-up, 435,000 shingles of 16,000 texts: 60 → 17 ms). 0 marks an empty
  // slot: a shingle's number is never 0, as words are numbered from 1.
  const slots = 2 ** Math.ceil(Math.log2(2 * occurrences + 2));
  const keys = new Float64Array(slots);
  const idAt = new Int32Array(slots);
  // lastText[id]: the last text the shingle was found in, so that a text lists it once.
  const lastText = new Int32Array(occurrences).fill(-1);
  let count = 0;
  const sets: Int32Array[] = [];
  const found = new Int32Array(occurrences);
  numbered.forEach((numbers, t) => {
    const shingles = numbers.length < 3 ? Math.min(numbers.length, 1) : numbers.length - 2;
    let k = 0;
    for (let i = 0; i < shingles; i++) {
      // A short text's words, leading zeros first.
      const short = numbers.length < 3;
      const a = short ? 0 : numbers[i]!;
      const b = short ? (numbers.length === 2 ? numbers[0]! : 0) : numbers[i + 1]!;
      const c = short ? numbers[numbers.length - 1]! : numbers[i + 2]!;
      const key = (a * WORD_LIMIT + b) * WORD_LIMIT + c;
      let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b) ^ Math.imul(c, 0xc2b2ae35)) & (slots - 1);
      while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & (slots - 1);
      if (keys[slot] === 0) {
        keys[slot] = key;
        idAt[slot] = count++;
      }
      const id = idAt[slot]!;
      if (lastText[id] === t) continue;
      lastText[id] = t;
      found[k++] = id;
    }
    sets.push(found.slice(0, k));
  });
  return { sets, count };
}

/** The sets that have a shingle in their prefix; `oneGroup`: all known to be in one group (groups search only). */
interface Postings {
  items: number[];
  oneGroup: boolean;
}

/**
 * Groups of texts that are the same or near-duplicates of each other (connected through similar
 * pairs), each group as indexes in ascending order; texts alike to no other are in no group. Texts
 * with the same normalized words are collapsed before the search, so 3,000 copies of a text cost
 * one set, not 4.5 million pairs; and the search joins groups as it goes, never listing pairs and
 * never checking a text against one already in its group, so 3,000 texts that differ by a word
 * cost about 3,000 checks, not 4.5 million. Exact: every similar pair is either checked or already
 * in one group when it would be.
 */
export function findSimilarGroups(all: readonly string[], threshold = NEAR_DUPLICATE_THRESHOLD, stats: SearchStats = { comparisons: 0 }): number[][] {
  const distinct = new Map<string, number>();
  const texts: Array<readonly string[]> = [];
  const keyOf = all.map((text) => {
    const words = normalizedWords(text);
    // A text with no words (only punctuation or markup) is like no other, as in the pair search.
    if (words.length === 0) return -1;
    const key = words.join(' ');
    let k = distinct.get(key);
    if (k === undefined) {
      k = texts.length;
      distinct.set(key, k);
      texts.push(words);
    }
    return k;
  });
  const representatives = numberedShingles(texts) ?? denseIds(texts.map(wordShingles));
  const parent = representatives.sets.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  searchSimilar(representatives, threshold, stats, (a, b) => { parent[find(a)] = find(b); }, (a, b) => find(a) === find(b));
  const groups = new Map<number, number[]>();
  keyOf.forEach((key, i) => {
    if (key < 0) return;
    const root = find(key);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  });
  return [...groups.values()].filter((group) => group.length > 1).sort((x, y) => x[0]! - y[0]!);
}
