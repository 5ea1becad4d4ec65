import { describe, expect, it } from 'vitest';
import { findSimilarGroups } from '../../src/validate/near-duplicates.js';
import { check, session } from './helpers.js';

const TEXTS = [
  'Establish joint patrols at shared border crossings with neighbouring countries and exchange patrol schedules every month.',
  'Connect remote land border posts to national and international watchlists so that officers can screen every traveller.',
];
const COUNTRIES = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';

/** A programme that copies one template session: each copy has the same two recommendations, ids made unique. */
function copies(count: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 1; i <= count; i++) {
    const recs = TEXTS.map((text, k) => `  - id: r${i}-${k}\n    text: ${text}\n    theme: kst\n`).join('');
    files[`sessions/s${String(i).padStart(4, '0')}.yaml`] = session({ title: `Session ${i}`, extra: `${COUNTRIES}\nrecommendations:\n${recs}` });
  }
  return files;
}

describe('near-duplicates in groups', () => {
  it('collapses identical texts before the pair search: 3,000 copies cost no comparison of copies', () => {
    const stats = { comparisons: 0 };
    const texts = Array.from({ length: 6000 }, (_, i) => TEXTS[i % 2]!);
    const groups = findSimilarGroups(texts, undefined, stats);
    expect(groups.map((group) => group.length)).toEqual([3000, 3000]);
    // Two distinct texts, too unlike each other to be compared at all.
    expect(stats.comparisons).toBeLessThanOrEqual(1);
  });

  it('joins texts that are near-duplicates of each other, directly or through a third', () => {
    const base = 'Train customs officers to recognise forged travel documents at every land crossing of the region';
    const groups = findSimilarGroups([base, 'Unrelated text about something else entirely, with many other words in it', `${base}.`, `${base} too`, 'x']);
    expect(groups).toEqual([[0, 2, 3]]);
  });

  it('reports 3,000 copies as one warning per recommendation, at the first copy that repeats, with ten related places and the count of the rest', () => {
    const { diagnostics } = check({ sessions: copies(3000) });
    const warnings = diagnostics.filter((d) => d.code === 'near-duplicate');
    expect(warnings).toHaveLength(2);
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const [first] = warnings;
    expect(first!.location!.file).toBe('sessions/s0002.yaml');
    expect(first!.message).toBe('This recommendation is nearly the same as 2999 others (in 2999 files).');
    expect(first!.related).toHaveLength(10);
    expect(first!.related![0]!.file).toBe('sessions/s0001.yaml');
    expect(first!.related![9]!.message).toBe('a similar recommendation, and 2989 more');
  });

  it('keeps the two-recommendation message, and stays quiet about copies linked by same_as', () => {
    const two = check({ sessions: copies(2) }).diagnostics.filter((d) => d.code === 'near-duplicate');
    expect(two.map((d) => d.message)).toEqual([`This recommendation is nearly the same (100% similar) as one in sessions/s0001.yaml.`, `This recommendation is nearly the same (100% similar) as one in sessions/s0001.yaml.`]);
    const linked = copies(3);
    for (const name of ['sessions/s0002.yaml', 'sessions/s0003.yaml']) linked[name] = linked[name]!.replace(/id: r(\d)-(\d)\n/g, 'id: r$1-$2\n    same_as: r1-$2\n');
    expect(check({ sessions: linked }).diagnostics.filter((d) => d.code === 'near-duplicate')).toEqual([]);
  });

  it('reports an id used 3,000 times once, not 2,999 times', () => {
    const files = copies(3000);
    for (const name of Object.keys(files)) files[name] = files[name]!.replace(/id: r\d+-0\n/, 'id: same\n');
    const duplicates = check({ sessions: files }).diagnostics.filter((d) => d.code === 'duplicate-id');
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]!.message).toBe('The recommendation id “same” is already used in sessions/s0001.yaml, and 2998 more times after this.');
    expect(duplicates[0]!.related).toHaveLength(10);
  });
});
