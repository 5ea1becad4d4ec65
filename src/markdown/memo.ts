/**
 * Remembers the results of a pure function of strings. Watch mode renders the same texts again on
 * every change; this makes the second time a lookup. Past `limit` entries it starts afresh, so
 * memory stays bounded whatever the workshop's size.
 */
export function memoize<A extends ReadonlyArray<string | undefined>, R>(fn: (...args: A) => R, limit = 50_000): (...args: A) => R {
  let cache = new Map<string, R>();
  return (...args) => {
    const key = args.join('\u0000');
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as R;
    const value = fn(...args);
    if (cache.size >= limit) cache = new Map();
    cache.set(key, value);
    return value;
  };
}

/** For functions of a document's sections (whole parts of a document, not short field values): fewer of them kept. */
export const SECTION_MEMO_LIMIT = 2_000;
