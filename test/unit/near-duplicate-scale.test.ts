/**
 * Rules that compare items work per group, never per pair (issue #15, item 1): thousands of copies
 * of one session cost work that grows with the recommendations and the groups, and give one
 * diagnostic per group. Comparisons are counted, not timed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countryTable } from '../../src/reference/countries.js';
import { RuleContext } from '../../src/validate/context.js';
import { findSimilarGroups, findSimilarPairs, shingles } from '../../src/validate/near-duplicates.js';
import { checkNearDuplicates } from '../../src/validate/rules/near-duplicates.js';
import { check, checked, session, WORKSHOP } from './helpers.js';

const TEXTS = [
  'Establish joint patrols at shared border crossings with neighbouring countries and exchange patrol schedules every month.',
  'Connect remote land border posts to national and international watchlists so that officers can screen every traveller.',
];
const COUNTRIES = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';

/** `count` copies of a template session with the same two recommendations, ids made unique; `vary` may edit each text. */
function copies(count: number, vary: (text: string, copy: number) => string = (text) => text): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const recs = TEXTS.map((text, k) => `  - id: r${i}-${k}\n    text: ${vary(text, i)}\n    theme: kst\n`).join('');
    files[`sessions/s${String(i).padStart(4, '0')}.yaml`] = session({ title: `Session ${i}`, extra: `${COUNTRIES}\nrecommendations:\n${recs}` });
  }
  return files;
}

/** The rule alone, with its comparisons counted, over a project that validates (warnings only). */
function runRule(sessions: Record<string, string>) {
  const ctx = new RuleContext(checked({ sessions }), countryTable());
  const stats = { comparisons: 0 };
  checkNearDuplicates(ctx, stats);
  return { warnings: ctx.diagnostics.filter((d) => d.code === 'near-duplicate'), comparisons: stats.comparisons };
}

/** The definition: connected components of the brute-force similar pairs, groups of two or more. */
function bruteGroups(texts: string[]): number[][] {
  const sets = texts.map(shingles);
  const parent = texts.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let a = 0; a < sets.length; a++) {
    for (let b = a + 1; b < sets.length; b++) {
      const same = findSimilarPairs([sets[a]!, sets[b]!]).length > 0;
      if (same) parent[find(a)] = find(b);
    }
  }
  const groups = new Map<number, number[]>();
  texts.forEach((_, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), i]));
  return [...groups.values()].filter((g) => g.length > 1).sort((x, y) => x[0]! - y[0]!);
}

describe('near-duplicates at scale: groups, not pairs', () => {
  it('3,000 copies of a session: 2 warnings and at most one comparison, through the rule validate runs', () => {
    const { warnings, comparisons } = runRule(copies(3000));
    expect(warnings).toHaveLength(2);
    // Pairwise, these were 2 × 4,498,500 comparisons and as many warnings.
    expect(comparisons).toBeLessThanOrEqual(1);
    expect(warnings[0]!.message).toBe('This recommendation is nearly the same as 2999 others (in 2999 files).');
    expect(warnings[0]!.related).toHaveLength(10);
    expect(warnings[0]!.related!.at(-1)!.message).toBe('a similar recommendation, and 2989 more');
  });

  it('3,000 copies whose texts differ by a word (the copy number): 2 warnings and a linear number of comparisons', () => {
    const { warnings, comparisons } = runRule(copies(3000, (text, i) => `${text} Copy ${i}.`));
    expect(warnings.map((w) => w.message)).toEqual([
      'This recommendation is nearly the same as 2999 others (in 2999 files).',
      'This recommendation is nearly the same as 2999 others (in 2999 files).',
    ]);
    // Each text is checked against its group once it has joined it, not against every member: the
    // pair search alone made 2 × 4,498,500 comparisons here.
    expect(comparisons).toBeLessThan(2 * 6000);
  });

  it('counts the files of a group in one file as one file', () => {
    const recs = [1, 2, 3].map((i) => `  - id: r${i}\n    text: ${TEXTS[0]}\n    theme: kst\n`).join('');
    const { warnings } = runRule({ 'sessions/a.yaml': session({ extra: `${COUNTRIES}\nrecommendations:\n${recs}` }) });
    expect(warnings.map((w) => [w.message, w.location!.start.line, w.related!.length])).toEqual([['This recommendation is nearly the same as 2 others (in 1 file).', 15, 2]]);
  });

  it('texts with no words (only punctuation) are alike to none, as in the pair search', () => {
    expect(findSimilarGroups(['…', '—', '**!**', TEXTS[0]!, TEXTS[0]!.toUpperCase()])).toEqual([[3, 4]]);
  });

  it('finds exactly the groups of the brute-force pairs (random texts with repeats)', () => {
    const word = fc.constantFrom('border', 'post', 'watchlist', 'data', 'police', 'share');
    const text = fc.array(word, { minLength: 0, maxLength: 8 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(text, { maxLength: 16 }), fc.array(fc.nat(15), { maxLength: 6 }), (texts, repeats) => {
        const all = [...texts, ...repeats.filter((r) => r < texts.length).map((r) => texts[r]!.toUpperCase())];
        expect(findSimilarGroups(all)).toEqual(bruteGroups(all));
      }),
      { numRuns: 300, seed: 15 },
    );
  });

  it('joins a chain of texts each alike only to its neighbours into one group', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    // Each text shifts a 30-word window by one: neighbours are alike, the ends are not.
    const texts = Array.from({ length: 10 }, (_, i) => words.slice(i, i + 30).join(' '));
    expect(findSimilarPairs(texts.map(shingles)).some(({ a, b }) => a === 0 && b === 9)).toBe(false);
    expect(findSimilarGroups(texts)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('reports an edition name used five times once, at its second use', () => {
    const editions = Array.from({ length: 5 }, () => '    - { name: public, public: true }').join('\n');
    const workshop = `${WORKSHOP}report:\n  editions:\n${editions}\n`;
    const errors = check({ workshop }).diagnostics.filter((d) => d.code === 'duplicate-id');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toBe('The edition name “public” is already used earlier in this file, and 3 more times after this.');
    expect(errors[0]!.related!.map((r) => r.message)).toEqual(['first use of this name', 'another use', 'another use', 'another use']);
  });

  it('keeps the two-name message for an edition name used twice', () => {
    const workshop = `${WORKSHOP}report:\n  editions:\n    - { name: public, public: true }\n    - { name: public }\n`;
    const errors = check({ workshop }).diagnostics.filter((d) => d.code === 'duplicate-id');
    expect(errors.map((d) => [d.message, d.hint, d.related!.length])).toEqual([['The edition name “public” is already used earlier in this file.', 'Each edition is written to its own folder, named after it: rename one of them.', 1]]);
  });
});
