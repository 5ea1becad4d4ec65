import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseGfm } from '../../src/markdown/parse.js';
import { plain, plainWords } from '../../src/programme/exports.js';

const SEED = 23;
// Words and punctuation an action has, things that make a line Markdown, and line breaks (soft, hard, a paragraph's end).
const pieces = ['Hold', 'état', 'posts', '50%', 'L’état', '"quoted"', '(a)', 'e.g.', 'ok?', '«', '»', '-', '--', '1.', '2)', '+', '=', '>', ' ', '\u00a0', ',', ';', ':', '@x', 'www.un.org', 'http://un.org', '*', '_', '#', '&amp;', '`x`', '[a](b)', 'e\u0301', '~~x~~', '<b>', '\\*', '\n', '\n\n', '  \n', '\\\n', '\r\n', '|'];
const text = fc.tuple(fc.constantFrom('', ' ', '    '), fc.array(fc.constantFrom(...pieces), { minLength: 0, maxLength: 10 }), fc.constantFrom('', ' ', '\n'))
  .map(([lead, parts, end]) => lead + parts.join(' ') + end);

describe('plain (the text of an action in actions.csv and actions.ics)', () => {
  it('gives what parsing the Markdown gives, also where it skips the parser, and always one line', () => {
    fc.assert(fc.property(text, (t) => {
      const words = plain(t);
      expect(words).toBe(plainWords(parseGfm(t)));
      expect(words).not.toMatch(/[\r\n]/);
    }), { numRuns: 3000, seed: SEED });
  });

  it('gives a text wrapped over lines, paragraphs and list items as words on one line, a space between each', () => {
    // A `|` block wrapped over two lines: its line break split the action's row in actions.csv.
    expect(plain('Organiser une deuxième mission conjointe\naux postes frontières du nord.\n')).toBe('Organiser une deuxième mission conjointe aux postes frontières du nord.');
    // List items ran together (`item oneitem two`) and paragraphs kept their blank line.
    expect(plain('Préparer le **rapport** et le publier sur [le site](https://un.org/sahel).\n\nIl couvrira :\n\n- item one\n- item two\n')).toBe('Préparer le rapport et le publier sur le site (https://un.org/sahel). Il couvrira : item one item two');
    // A hard line break (two spaces, or a backslash, at the line's end) ran its words together.
    expect(plain('Hold the workshop  \nin Niamey')).toBe('Hold the workshop in Niamey');
    expect(plain('Hold the workshop\\\r\nin Niamey')).toBe('Hold the workshop in Niamey');
    expect(plain('# Plan\n\n| Post | Date |\n|---|---|\n| Assamaka | May |\n\n    code\n    more')).toBe('Plan Post Date Assamaka May code more');
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
