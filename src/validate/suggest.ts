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

/** Whether `iso` (YYYY-MM-DD) is a day of the calendar. */
export function isCalendarDay(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
}

/**
 * The YYYY-MM-DD day a date written otherwise means, when it is clear: `2023-3-31` (no leading
 * zeros), `31/03/2023` or `31.03.2023` (day first, as in French and most of Africa). Else undefined.
 */
export function dateMeant(written: string): string | undefined {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(written);
  const european = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(written);
  const parts = iso ? [iso[1]!, iso[2]!, iso[3]!] : european ? [european[3]!, european[2]!, european[1]!] : undefined;
  if (!parts) return undefined;
  const meant = `${parts[0]}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`;
  return meant !== written && isCalendarDay(meant) ? meant : undefined;
}
