import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findSimilarPairs, findSimilarTexts, jaccard, NEAR_DUPLICATE_THRESHOLD, shingles } from '../../src/validate/near-duplicates.js';

const sorted = (set: ReadonlySet<string>) => [...set].sort();

/** The O(n²) definition: every pair whose Jaccard similarity reaches the threshold. */
function bruteForce(sets: ReadonlyArray<ReadonlySet<string>>, threshold = NEAR_DUPLICATE_THRESHOLD) {
  const pairs: Array<{ a: number; b: number; similarity: number }> = [];
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const similarity = jaccard(sets[a]!, sets[b]!);
      if (similarity >= threshold) pairs.push({ a, b, similarity });
    }
  }
  return pairs;
}

/** A deterministic pseudo-random generator, so the complexity guard is reproducible. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

describe('shingles', () => {
  it('makes word 3-shingles', () => {
    expect(sorted(shingles('The quick brown fox jumps'))).toEqual(['brown fox jumps', 'quick brown fox', 'the quick brown']);
  });

  it('makes one shingle of all the words of a text shorter than three words', () => {
    expect(sorted(shingles('Border posts'))).toEqual(['border posts']);
    expect(sorted(shingles('Border'))).toEqual(['border']);
    expect(shingles('').size).toBe(0);
    expect(shingles('... !!! ?').size).toBe(0);
  });

  it('counts a repeated shingle once', () => {
    expect(sorted(shingles('a b c a b c'))).toEqual(['a b c', 'b c a', 'c a b']);
  });

  it('applies NFKC: ligatures, full-width and compatibility characters', () => {
    expect(shingles('ﬁnd Ｂｏｒｄｅｒ posts ²')).toEqual(shingles('find Border posts 2'));
  });

  it('folds case', () => {
    expect(shingles('CONNECT Border POSTS')).toEqual(shingles('connect border posts'));
    expect(shingles('ÉTAT ÉCOLE ÎLE')).toEqual(shingles('état école île'));
  });

  it('removes Markdown markup', () => {
    const plain = shingles('connect border posts to watchlists');
    expect(shingles('**connect** _border_ `posts` to [watchlists](https://example.org)')).toEqual(plain);
    expect(shingles('# connect border posts to watchlists')).toEqual(plain);
    expect(shingles('> connect *border* posts __to__ watchlists')).toEqual(plain);
    expect(shingles('connect ![border](x.png) posts to <https://example.org> watchlists')).toEqual(shingles('connect border posts to https example org watchlists'));
  });

  it('removes punctuation, splitting words it joins', () => {
    expect(shingles('Connect, border; posts: to «watchlists»!')).toEqual(shingles('connect border posts to watchlists'));
    expect(shingles('cross-border movement now')).toEqual(shingles('cross border movement now'));
  });

  it('keeps letters, digits and non-punctuation symbols', () => {
    expect(sorted(shingles('resolution 2396 (2017) + 5$'))).toEqual(['2017 + 5$', '2396 2017 +', 'resolution 2396 2017']);
  });
});

describe('jaccard', () => {
  it('is |A ∩ B| / |A ∪ B|', () => {
    expect(jaccard(new Set(['a', 'b', 'c']), new Set(['b', 'c', 'd']))).toBe(0.5);
    expect(jaccard(new Set(['a', 'b', 'c', 'd', 'e']), new Set(['a', 'b', 'c', 'd']))).toBe(0.8);
    expect(jaccard(new Set(['a']), new Set(['a']))).toBe(1);
    expect(jaccard(new Set(['a']), new Set(['b']))).toBe(0);
  });

  it('is 0 for two empty sets and for one empty set', () => {
    expect(jaccard(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set(), new Set(['a']))).toBe(0);
  });

  it('is symmetric', () => {
    const a = new Set(['x', 'y', 'z']);
    const b = new Set(['y', 'z', 'w', 'v']);
    expect(jaccard(a, b)).toBe(jaccard(b, a));
  });
});

describe('findSimilarPairs', () => {
  it('finds near-duplicates by FORMAT.md’s definition (≥ 0.8)', () => {
    const base = 'connect remote land border posts to national and international watchlists now';
    const sets = [base, `**${base.toUpperCase()}**!`, 'something completely different from the rest here', base.replace('now', 'today')].map(shingles);
    expect(findSimilarPairs(sets).map(({ a, b }) => [a, b])).toEqual([[0, 1], [0, 3], [1, 3]]);
    expect(findSimilarPairs(sets)[0]!.similarity).toBe(1);
  });

  it('includes a pair exactly at the threshold and excludes one just below', () => {
    const five = new Set(['a', 'b', 'c', 'd', 'e']);
    expect(findSimilarPairs([five, new Set(['a', 'b', 'c', 'd'])]).map((p) => p.similarity)).toEqual([0.8]);
    expect(findSimilarPairs([five, new Set(['a', 'b', 'c', 'd', 'x'])])).toEqual([]);
  });

  it('ignores empty texts', () => {
    expect(findSimilarPairs([new Set(), new Set(), new Set(['a'])])).toEqual([]);
  });

  it('finds the same pairs with findSimilarTexts (numbered shingles) as in shingles, punctuation-only and short texts included', () => {
    const vocabulary = ['border', 'post', 'Post', 'watchlist', 'data', '*data*', 'police', '—', '!'];
    const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 9 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 14 }), (texts) => {
        expect(findSimilarTexts(texts)).toEqual(findSimilarPairs(texts.map(shingles)));
      }),
      { numRuns: 300, seed: 20220510 },
    );
  });

  it('finds the same pairs with findSimilarTexts as in shingles among many different shingles (near-copies with a word changed)', () => {
    // Hundreds of words, texts and their near-copies: tens of thousands of shingles, so the numbered
    // shingles' table holds many that land on the same slot.
    const word = fc.integer({ min: 0, max: 400 }).map((n) => `w${n.toString(36)}`);
    const text = fc.array(word, { minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.nat(), word), { minLength: 1, maxLength: 120 }), (drafts) => {
        const texts = drafts.flatMap(([words, at, other]) => [words.join(' '), words.map((w, i) => (i === at % words.length ? other : w)).join(' ')]);
        const pairs = findSimilarTexts(texts);
        expect(pairs).toEqual(findSimilarPairs(texts.map(shingles)));
      }),
      { numRuns: 40, seed: 20220511 },
    );
  });

  it('returns exactly the pairs the O(n²) definition finds (random small vocabularies)', () => {
    const vocabulary = ['border', 'post', 'watchlist', 'data', 'police'];
    const text = fc.array(fc.constantFrom(...vocabulary), { minLength: 0, maxLength: 9 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 14 }), (texts) => {
        const sets = texts.map(shingles);
        expect(findSimilarPairs(sets)).toEqual(bruteForce(sets));
      }),
      { numRuns: 300, seed: 20220509 },
    );
  });

  it('returns exactly the brute-force pairs for other thresholds too', () => {
    const token = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g');
    fc.assert(
      fc.property(fc.array(fc.uniqueArray(token, { maxLength: 7 }), { maxLength: 12 }), fc.constantFrom(0.5, 0.6, 0.75, 0.8, 0.9, 1), (lists, threshold) => {
        const sets = lists.map((list) => new Set(list));
        expect(findSimilarPairs(sets, threshold)).toEqual(bruteForce(sets, threshold));
      }),
      { numRuns: 300, seed: 42 },
    );
  });

  it('compares far fewer than n²/2 pairs for 2,000 distinct texts', () => {
    const next = random(7);
    const vocabulary = Array.from({ length: 3000 }, (_, i) => `w${i.toString(36)}`);
    const texts = Array.from({ length: 2000 }, () => Array.from({ length: 12 + Math.floor(next() * 20) }, () => vocabulary[Math.floor(next() * vocabulary.length)]).join(' '));
    // A few real near-duplicates among them must still be found.
    texts[1500] = `${texts[10]}`.toUpperCase();
    texts[1999] = `${texts[20]}!`;
    const sets = texts.map(shingles);
    const stats = { comparisons: 0 };
    const pairs = findSimilarPairs(sets, NEAR_DUPLICATE_THRESHOLD, stats);
    expect(pairs.map(({ a, b }) => [a, b])).toEqual([[10, 1500], [20, 1999]]);
    expect(stats.comparisons).toBeLessThan(2000 * 1999 / 2 / 100);
  });

  it('compares far fewer than n²/2 pairs even when all texts share common words', () => {
    const next = random(11);
    const common = 'the member states should';
    const texts = Array.from({ length: 2000 }, (_, i) => `${common} ${Array.from({ length: 15 }, () => `w${Math.floor(next() * 5000)}`).join(' ')} ${i}`);
    const stats = { comparisons: 0 };
    expect(findSimilarPairs(texts.map(shingles), NEAR_DUPLICATE_THRESHOLD, stats)).toEqual([]);
    expect(stats.comparisons).toBeLessThan(2000 * 1999 / 2 / 100);
  });
});
