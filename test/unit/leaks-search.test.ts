import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editionGuard, findLeaks, leakedTexts, type RestrictedText } from '../../src/editions/index.js';
import { textsIn } from '../../src/editions/text-search.js';
import { normalizedWords } from '../../src/validate/near-duplicates.js';
import { safeMarkdown } from '../../src/render/safe-markdown.js';

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

  it('finds a text as the templates place it: links made inline, references decoded, footnotes renamed, lists renumbered, each paragraph of a fallback in its <span lang>', () => {
    const sources = [
      'We recommend [training for police][1] in all five regions.\n\n[1]: https://example.org',
      'Train the border police officers in all regions[^1] of the country now.\n\n[^1]: Including Niamey.',
      'Steps to take now:\n\n1. Train the border police\n1. Fund the new regional office\n1. Report to the committee',
      'First paragraph of the restricted recommendation here.\n\nSecond paragraph of the same text.',
      'Solar power to extend the [border management system](https://example.org/bmis) to Tillab&eacute;ri posts.',
    ];
    for (const source of sources) {
      const text = restricted(source);
      for (const placed of [safeMarkdown(source, 'recommendations.3.text'), safeMarkdown(source, 'k', 'en')]) {
        const document = `# Report\n\n## Recommendations\n\n${placed}\n\nAfter.\n`;
        const whole = ` ${normalizedWords(document).join(' ')} `.includes(` ${text.words} `);
        expect(leakedTexts([{ file: 'a.md', text: document }], [text]).length > 0, `${source}\n---\n${document}`).toBe(whole);
      }
    }
    // A template's own copy, with a link around some of its words, or an entity for a letter.
    const text = restricted('Solar power and satellite connectivity for remote posts in the Tillabéri region.');
    expect(leakedTexts([{ file: 'a.md', text: 'Solar power and [satellite connectivity](https://example.org/x_(y)) for remote posts in the Tillab&eacute;ri region.\n' }], [text])).toHaveLength(1);
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
    // A public copy with a link, a list number, an entity or inline HTML inside is still a public copy (it was a false leak).
    for (const copy of ['[Training](https://x.org/t) for border police in the north.', '1. Training for border police in the north', 'Training for border police in the &#110;orth', 'Training for <abbr title="x">border police</abbr> in the north']) {
      expect(textsIn({ item: copy }, [text]).has(text), copy).toBe(true);
    }
  });
});
