import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editionGuard, findLeaks, leakedTexts, type RestrictedText } from '../../src/editions/index.js';
import { textsIn } from '../../src/editions/text-search.js';
import { normalizedWords } from '../../src/validate/near-duplicates.js';

const at = { file: 'sessions/a.yaml', start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 2, offset: 1 } };
const restricted = (source: string): RestrictedText => ({ words: normalizedWords(source).join(' '), source, location: at });

describe('leak guard: finding restricted texts in Markdown documents', () => {
  it('finds a copied text whose Markdown puts an address or markup between its words', () => {
    const text = restricted('See [the national plan](https://example.org/plan-2022) for **Tes**sit and the northern posts.');
    const document = `# Annex\n\nA template copied this:\n\n${text.source}\n`;
    expect(findLeaks([{ file: 'public/report.md', text: document }], [text], editionGuard('public'))).toHaveLength(1);
  });

  it('finds a text retyped with other markup, and not one whose words are only in a link address', () => {
    const text = restricted('Connectivity at the remote border post of Tessit has been down.');
    expect(leakedTexts([{ file: 'a.md', text: '| Connectivity at the *remote* border post of Tessit | has been down |\n' }], [text])).toEqual([]);
    expect(leakedTexts([{ file: 'a.md', text: 'Connectivity at the *remote* border\npost of **Tessit** has been down.\n' }], [text])).toHaveLength(1);
    expect(leakedTexts([{ file: 'a.md', text: '[link](https://x.org/connectivity-at-the-remote-border-post-of-tessit-has-been-down)\n' }], [text])).toEqual([]);
  });

  it('agrees with reading every document whole (words between spaces), for texts among random words', () => {
    const vocabulary = ['border', 'post', 'tessit', 'data', 'police', 'api', 'pnr', 'niger', 'mali', 'été'];
    const sentence = fc.array(fc.constantFrom(...vocabulary), { minLength: 5, maxLength: 9 }).map((words) => words.join(' '));
    fc.assert(fc.property(fc.array(sentence, { minLength: 1, maxLength: 6 }), fc.array(fc.oneof(sentence, fc.constantFrom(...vocabulary)), { maxLength: 30 }), (sources, pieces) => {
      const texts = [...new Set(sources)].map(restricted);
      const document = pieces.join(pieces.length % 2 ? ' ' : '\n\n');
      const words = ` ${normalizedWords(document).join(' ')} `;
      const expected = texts.filter((text) => words.includes(` ${text.words} `));
      expect(leakedTexts([{ file: 'a.md', text: document }], texts).map(({ text }) => text)).toEqual(expected);
    }), { numRuns: 300 });
  });
});

describe('textsIn: restricted texts a public item also holds', () => {
  it('finds a text inside a longer string of a nested value, and not one split across two strings', () => {
    const text = restricted('Training for border police in the north.');
    expect(textsIn({ sessions: [{ summary: 'They asked for training for border police in the north, again.' }] }, [text]).has(text)).toBe(true);
    expect(textsIn({ sessions: [{ a: 'Training for border police', b: 'in the north.' }] }, [text]).size).toBe(0);
    expect(textsIn(new Map([['x', ['**Training** for border police in the north']]]), [text]).has(text)).toBe(true);
  });
});
