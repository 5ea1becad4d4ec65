import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeMarkdown, viaParser } from '../../src/render/safe-markdown.js';

const SEED = 19;
// Words, spacing and punctuation a summary has, and a few things that make a line Markdown.
const pieces = ['Border', 'état', 'posts', '50%', 'L\'état', '"quoted"', '(a)', 'e.g.', 'ok?', '—', '-', '1.', '2)', '+', '=', '>', ' ', '  ', '\t', ',', ';', ':', '@x', 'ﬁ', 'e\u0301', '*', '_', '#'];
const paragraph = fc.tuple(fc.constantFrom('', ' ', '   ', '    ', '\t'), fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }))
  .map(([indent, parts]) => indent + parts.join(' '));
const text = fc.tuple(fc.array(paragraph, { minLength: 1, maxLength: 5 }), fc.constantFrom('', '\n', '\n\n'))
  .map(([paragraphs, end]) => paragraphs.join('\n\n') + end);

describe('safeMarkdown of paragraphs of plain text', () => {
  it('gives what the parser gives, without it', () => {
    fc.assert(fc.property(text, (t) => { expect(safeMarkdown(t)).toBe(viaParser(t, 'x')); }), { numRuns: 2000, seed: SEED });
  });

  it('keeps the paragraphs of a plain summary as they are', () => {
    expect(safeMarkdown('  First paragraph, with “quotes”.\n\nSecond: 50% of posts.\n')).toBe('First paragraph, with “quotes”.\n\nSecond: 50% of posts.');
    // Four spaces or a tab before a paragraph make it code: the parser decides.
    expect(safeMarkdown('Intro.\n\n    code')).toBe(viaParser('Intro.\n\n    code', 'x'));
    expect(safeMarkdown('Intro.\n\n    code')).toContain('```');
  });
});
