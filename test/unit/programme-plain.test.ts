import fc from 'fast-check';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseGfm } from '../../src/markdown/parse.js';
import { plain } from '../../src/programme/exports.js';

const SEED = 23;
const parsed = (source: string) => parseGfm(source).children.map((node) => toString(node)).join('\n\n');
// Words and punctuation an action has, and things that make a line Markdown.
const pieces = ['Hold', 'état', 'posts', '50%', 'L’état', '"quoted"', '(a)', 'e.g.', 'ok?', '«', '»', '-', '--', '1.', '2)', '+', '=', '>', ' ', '\u00a0', ',', ';', ':', '@x', 'www.un.org', 'http://un.org', '*', '_', '#', '&amp;', '`x`', '[a](b)', 'e\u0301', '~~x~~', '<b>', '\\*'];
const text = fc.tuple(fc.constantFrom('', ' ', '    '), fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 10 }), fc.constantFrom('', ' ', '\n'))
  .map(([lead, parts, end]) => lead + parts.join(' ') + end);

describe('plain (the text of an action in actions.csv and actions.ics)', () => {
  it('gives what parsing the Markdown gives, also where it skips the parser', () => {
    fc.assert(fc.property(text, (t) => { expect(plain(t)).toBe(parsed(t)); }), { numRuns: 3000, seed: SEED });
  });

  it('drops the Markdown of a text that has some', () => {
    // A link keeps its address (the words alone lost it); an address written as such is not repeated.
    expect(plain('Hold the **national** workshop ([report](https://un.org)).')).toBe('Hold the national workshop (report (https://un.org)).');
    expect(plain('Write to [the office](mailto:rabat@un.org) or see <https://un.org>.')).toBe('Write to the office (rabat@un.org) or see https://un.org.');
    expect(plain('A [note](notes.md) stays words.')).toBe('A note stays words.');
    expect(plain('1. First')).toBe('First');
    expect(plain('Sign the MoU with www.un.org')).toBe('Sign the MoU with www.un.org');
  });
});
