import { closest, distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, for "did you mean". */
export function suggest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const list = [...candidates].filter((candidate) => candidate !== word);
  if (list.length === 0 || word.length === 0) return undefined;
  // The same but for case first (`FR` is fr, although en is as many edits away).
  const same = list.find((candidate) => candidate.toLowerCase() === word.toLowerCase());
  if (same !== undefined) return same;
  const best = closest(word, list);
  const limit = maxDistance ?? Math.max(2, Math.floor(word.length / 3));
  return distance(word.toLowerCase(), best.toLowerCase()) <= limit ? best : undefined;
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const best = suggest(word, candidates);
  return best === undefined ? undefined : `Did you mean “${best}”?`;
}

/** Whether a key written may be `wanted` mistyped: the same but for case, one letter, or two letters swapped (`di`, `actoin`). */
export function mayBeKey(written: string, wanted: string): boolean {
  const key = written.toLowerCase();
  if (distance(key, wanted) <= 1) return true;
  return key.length === wanted.length && [...key].sort().join('') === [...wanted].sort().join('') && [...key].filter((c, i) => c !== wanted[i]).length === 2;
}
