import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { check, session, where } from './helpers.js';

const BOTH = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';
const recs = (...items: string[]) => `${BOTH}\nrecommendations:\n${items.join('')}`;
const rec = (id: string, fields = '') => `  - id: ${id}\n    text: Recommendation ${id} says something of its own about ${id}.\n    theme: kst\n${fields}`;

describe('recovery: what a mistake leaves out', () => {
  it('a syntax error inside one list item leaves out that item only', () => {
    const text = session({ extra: recs(rec('r1'), '  - id: r2\n    text: Note: a colon and a space end a key\n    theme: kst\n', rec('r3')) });
    const parsed = parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');
    const data = parsed.file.data as { recommendations: Array<{ id: string }>; title: string };
    expect(data.title).toBe('A session');
    // A hole where r2 was: r3 keeps its number (item 3) for every message about it.
    expect(data.recommendations.flatMap((r) => r.id)).toEqual(['r1', 'r3']);
    expect(Object.keys(data.recommendations)).toEqual(['0', '2']);
    expect(parsed.file.damage).toEqual({ containers: [['recommendations']], ids: ['r2'] });
  });

  it('a syntax error in a top-level entry leaves out that entry, and the keys it may have swallowed are not asked for', () => {
    const result = check({ sessions: { 'sessions/a.yaml': `title: "unclosed\ndate: 2022-05-09\ntype: plenary\nsummary: x\n${BOTH}\n` } });
    expect(result.diagnostics.map(where)).toEqual(['yaml-syntax sessions/a.yaml:1:8']);
  });

  it('a schema error in one item leaves the other items checked, at their own lines (list numbers kept)', () => {
    const result = check({ sessions: { 'sessions/a.yaml': session({ extra: recs(rec('r1', '    priority: urgent\n    theme_: x\n'), rec('r2', '    addressed_to: [GHA]\n')) }) } });
    // r1's two mistakes are reported; r2 (item 2 of the file) is checked where it is written.
    expect(result.diagnostics.map(where)).toEqual(['unknown-key sessions/a.yaml:15:5', 'enum sessions/a.yaml:14:15', 'not-beneficiary sessions/a.yaml:19:20']);
  });

  it('an item left out for a missing key is not reported again by the rules, and its id still counts', () => {
    const result = check({ sessions: {
      'sessions/a.yaml': session({ extra: `${recs('  - id: r1\n    text: No theme here.\n', rec('r2'))}actions:\n  - text: Follow up.\n    owner: uncct\n    recommendations: [r1, r2, r9]\n` }),
    } });
    expect(result.diagnostics.map(where)).toEqual(['required sessions/a.yaml:11:5', 'unknown-recommendation sessions/a.yaml:19:31']);
  });

  it('a key removed from a nested mapping that required it takes the mapping out, with nothing more reported', () => {
    const result = check({ workshop: undefined, sessions: { 'sessions/a.yaml': session({ extra: `${BOTH}\nrapporteur:\n  name: 42\n` }) } });
    expect(result.diagnostics.map(where)).toEqual(['type sessions/a.yaml:11:9']);
  });
});
