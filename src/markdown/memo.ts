/**
 * Remembers the results of a pure function of strings. Watch mode renders the same texts again on
 * every change; this makes the second time a lookup. Past `limit` entries it starts afresh, so
 * memory stays bounded whatever the workshop's size.
 */
export function memoize<A extends ReadonlyArray<string | undefined>, R>(fn: (...args: A) => R, limit = 50_000): (...args: A) => R {
  // By the first argument (a text, often long), then the others joined (short): a string keeps its
  // hash once computed, so looking up the same text again costs nothing, where joining it to the
  // others made a new string to hash on every call (a programme of 100 workshops: 0.13 s).
  let cache = new Map<string | undefined, Map<string, R>>();
  let size = 0;
  return (...args) => {
    const first = args[0];
    const rest = args.length > 1 ? args.slice(1).join('\u0000') : '';
    let inner = cache.get(first);
    if (inner) {
      const hit = inner.get(rest);
      if (hit !== undefined || inner.has(rest)) return hit as R;
    }
    const value = fn(...args);
    if (size >= limit) {
      cache = new Map();
      size = 0;
      inner = undefined;
    }
    if (!inner) cache.set(first, (inner = new Map()));
    inner.set(rest, value);
    size++;
    return value;
  };
}

/** For functions of a document's sections (whole parts of a document, not short field values): fewer of them kept. */
export const SECTION_MEMO_LIMIT = 2_000;

/** `memoize` for a function of one string: no arguments array made per call (safeMarkdownInline runs for every table cell of every document). */
export function memoize1<R>(fn: (text: string) => R, limit = 50_000): (text: string) => R {
  let cache = new Map<string, R>();
  return (text) => {
    const hit = cache.get(text);
    if (hit !== undefined || cache.has(text)) return hit as R;
    const value = fn(text);
    if (cache.size >= limit) cache = new Map();
    cache.set(text, value);
    return value;
  };
}
