import fc from 'fast-check';
import type { Root } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { parseMarkdown, SectionParses } from '../../src/typeset/markdown.js';
import { splitAtHeadings } from '../../src/typeset/markdown-sections.js';
import { parseTable, tablesIn } from '../../src/typeset/markdown-tables.js';
import { liftRawHtml } from '../../src/markdown/raw-html.js';

/** The reference: the whole document through micromark at once, a template's HTML lifted to its words (see liftRawHtml). */
const whole = (markdown: string): Root => {
  const tree = fromMarkdown(markdown, { extensions: [gfm(), frontmatter(['yaml'])], mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])] });
  liftRawHtml(tree);
  return tree;
};

// Blocks that end right before a heading in every way they can: lists tight and loose, nested, with
// trailing blank lines and spaces, quotes with lazy lines, tables, HTML blocks, setext headings,
// indented code, one-line comments (the chart directive), hard breaks, autolinks.
const para = fc.constantFrom('Plain text.', 'Text with **bold** and *it*\nover two lines.', 'A line with a hard break  \nand more.', 'See https://example.org and www.un.org.', '`code` ~~gone~~ done.', 'Ends with a hash #');
const block = fc.oneof(
  para,
  fc.constantFrom(
    '- one\n- two',
    '- one\n\n- two',
    '- one\n  - nested\n\n  more of one',
    '1. first\n2. second\n   continued',
    '- item\n\n   \n',
    '> quote\nlazy line',
    '> quote\n>\n> - in a list',
    '| a | b |\n| --- | :-: |\n| 1 | 2 |',
    '| No. | Text |\n| :-- | --: |\n| **R1** | [7](#s-7) and `code \\| pipe` |\n| **R2** | *one* |\n| **R1** | [7](#s-7) and `code \\| pipe` |',
    '| No. | Text |\n| :-- | --: |\n| **R2** | *one* |\n| R3 | more cells | than | the header |\n| R4 |',
    '| a | b |\n| --- | --- |\n| 1 | 2 |\nno pipe: still the table',
    '| not | a table |\n| --- |\n| 1 | 2 |',
    '<div>\nhtml block\n</div>',
    '<!-- wr:chart stacked-bars columns="Women,Men" -->',
    'Setext\n======',
    '    indented code\n\n    more code',
    '---',
    '* * *',
    '- [ ] task\n- [x] done',
  ),
  fc.tuple(fc.integer({ min: 1, max: 6 }), para).map(([level, text]) => `${'#'.repeat(level)} ${text.split('\n')[0]}`),
  fc.constantFrom('#hashtag is not a heading', '####### seven is not a heading', '#'),
);
const separator = fc.constantFrom('\n\n', '\n\n\n', '\n \t\n', '\n');
const doc = fc
  .tuple(fc.boolean(), fc.array(fc.tuple(block, separator), { minLength: 1, maxLength: 25 }))
  .map(([front, blocks]) => `${front ? '---\ntitle: T\n\n# a YAML comment after a blank line\n---\n\n' : ''}${blocks.map(([b, s]) => b + s).join('')}`);

describe('parsing a document section by section', () => {
  it('gives exactly the tree of the whole document, positions included', () => {
    fc.assert(
      fc.property(doc, (markdown) => {
        expect(parseMarkdown(markdown, { minSection: 1 })).toEqual(whole(markdown));
      }),
      { numRuns: 300 },
    );
  });

  it('cuts before headings that follow a blank line, and never inside the front matter', () => {
    const markdown = '---\ntitle: T\n\n# comment\n---\n\nIntro\n\n# One\ntext\n# Two (no blank line before)\n\n## Three\n';
    const cuts = splitAtHeadings(markdown, 1).map((s) => markdown.slice(s.offset, s.end).split('\n')[0]);
    expect(cuts).toEqual(['---', '# One', '## Three']);
    expect(splitAtHeadings(markdown, 1).map((s) => s.line)).toEqual([1, 9, 13]);
  });

  it.each([
    ['a link definition', '[un]: https://un.org'],
    ['a footnote definition', '[^1]: A note.'],
    ['fenced code', '```\ncode\n\n# not a heading\n```'],
    ['a comment over several lines', '<!--\n\n# not a heading\n-->'],
    ['a <pre> block', '<pre>\n\n# not a heading\n</pre>'],
    ['carriage returns', 'Windows\r\nline'],
  ])('keeps a document with %s whole', (_, text) => {
    const markdown = `# A\n\n${text}\n\n# B\n\nbody\n\n# C\n`;
    expect(splitAtHeadings(markdown, 1)).toEqual([{ offset: 0, end: markdown.length, line: 1, body: markdown.length }]);
    expect(parseMarkdown(markdown, { minSection: 1 })).toEqual(whole(markdown));
  });

  // Found by review: each gave a different tree before the checks looked past a line's start.
  it.each([
    ['an unclosed fence in a list item', '- ```\n  code\n\n# H\n'],
    ['an empty unclosed fence in a list item', '- ```\n\n# H\n'],
    ['a fence in a nested list item', '- a\n  - b\n    ```\n    code\n\n# Next\n'],
    ['an unclosed fence in a list item before a table', '- ```\n\n| a |\n| - |\n| 1 |\n'],
    ['an unclosed comment in a list item', '- <!--\n  x\n\n# H\n'],
    ['a <pre> in a list item', '- <pre>\n  x\n\n# H\n'],
    ['a definition whose label has an escaped ]', '[a\\]b]\n\n# H\n\n[a\\]b]: /u\n'],
    ['a definition whose label has a line break', '[foo\nbar]\n\n# H\n\n[foo\nbar]: /u\n'],
    ['a footnote whose label has an escaped ]', '[^a\\]b]\n\n# H\n\n[^a\\]b]: note\n'],
    ['a footnote used in a table row', 'x\n\n| a |\n| - |\n| [^a\\]b] |\n\n[^a\\]b]: n\n'],
    ['a byte order mark', '\uFEFFa\n\n# H\n\ntext\n'],
    ['a byte order mark before a table', '\uFEFFa\n\n| a |\n| - |\n| 1 |\n'],
    ['a byte order mark before front matter', '\uFEFF---\ntitle: x\n\n# c\n---\n\n# H\n\ntext\n'],
    ['indented code in a list item', '- a\n\n      code\n\n# H\n'],
  ])('gives the whole tree for %s', (_, markdown) => {
    expect(parseMarkdown(markdown, { minSection: 1 })).toEqual(whole(markdown));
    expect(parseMarkdown(markdown)).toEqual(whole(markdown));
  });

  it('joins short sections, so a small document is one parse', () => {
    const markdown = '# A\n\ntext\n\n# B\n\ntext\n';
    expect(splitAtHeadings(markdown)).toHaveLength(1);
    expect(splitAtHeadings(markdown, 1)).toHaveLength(2);
  });
});

describe('watch mode: sections kept from the last version', () => {
  const sessions = Array.from({ length: 6 }, (_, i) => `## Session ${i + 1}\n\n${'Words of the session. '.repeat(20)}\n\n- a point\n- another\n`);
  const v1 = `---\ntitle: Report\n---\n\n# Sessions\n\n${sessions.join('\n')}`;
  const v2 = v1.replace('## Session 3\n\n', '## Session 3\n\nA new paragraph\nover two lines.\n\n');

  it('reuses unchanged sections, moves the later ones, and still gives the whole tree', () => {
    const sections = new SectionParses();
    const first = parseMarkdown(v1, { sections, minSection: 1 });
    expect(first).toEqual(whole(v1));
    const second = parseMarkdown(v2, { sections, minSection: 1 });
    expect(second).toEqual(whole(v2));
    const heading = (tree: Root, text: string) => tree.children.find((n) => n.type === 'heading' && JSON.stringify(n).includes(text));
    // Before the edit: the very same nodes, not parsed again.
    expect(heading(second, 'Session 2')).toBe(heading(first, 'Session 2'));
    // After it: parsed once, copied with positions moved three lines down; the old tree is untouched.
    expect(heading(second, 'Session 5')).not.toBe(heading(first, 'Session 5'));
    expect(heading(second, 'Session 5')!.position!.start.line).toBe(heading(first, 'Session 5')!.position!.start.line + 3);
    expect(first).toEqual(whole(v1));
    // And back again: every section is known.
    expect(parseMarkdown(v1, { sections, minSection: 1 })).toEqual(whole(v1));
  });
});

describe('tables, row by row', () => {
  const head = '| No. | Recommendation | Addressed to |\n| :-- | :-- | :-- |';
  const row = (n: number, to: string) => `| **R${n}** | Strengthen *border* cooperation [${n}](#session-${n}). | ${to} |`;

  it('parses a row seen before under the same header only once per thread', () => {
    const seen: string[] = [];
    const counting = (markdown: string) => (seen.push(markdown), whole(markdown));
    const mali = [head, row(901, 'All'), row(902, 'All'), row(903, 'Mali')].join('\n') + '\n';
    const niger = [head, row(901, 'All'), row(902, 'All'), row(904, 'Niger')].join('\n') + '\n';
    expect(parseTable(mali, counting)).toEqual(whole(mali).children[0]);
    expect(parseTable(niger, counting)).toEqual(whole(niger).children[0]);
    expect(seen).toEqual([mali.trimEnd(), [head, row(904, 'Niger')].join('\n')]);
    expect(parseTable(mali, counting)).toEqual(whole(mali).children[0]);
    expect(seen).toHaveLength(2);
  });

  it('starts afresh once it knows too many rows, and still gives the whole tree', () => {
    const table = (rows: string[]) => [head, ...rows].join('\n') + '\n';
    const many = table(Array.from({ length: 6 }, (_, i) => row(950 + i, 'All')));
    expect(parseTable(many, whole, 3)).toEqual(whole(many).children[0]);
    // One row known from before the limit was passed, one new: the cache is emptied first.
    const mixed = table([row(950, 'All'), row(999, 'Mali')]);
    expect(parseTable(mixed, whole, 3)).toEqual(whole(mixed).children[0]);
  });

  it('finds only tables that start after a blank line and end at one', () => {
    const text = `Intro\n\n${head}\n${row(1, 'All')}\n\nText\n${head}\n${row(2, 'All')}\n\n${head}\n${row(3, 'All')}\nlazy line\n`;
    expect(tablesIn(text, 0).map((t) => text.slice(t.offset, t.end))).toEqual([`${head}\n${row(1, 'All')}\n`]);
    expect(tablesIn(text, 0)[0]!.line).toBe(3);
    // At the end of a section, before the blank line of the cut.
    expect(tablesIn(`## R\n\n${head}\n${row(1, 'All')}\n\n`, 0)).toHaveLength(1);
    expect(tablesIn(`## R\n\n${head}\n${row(1, 'All')}`, 0)).toHaveLength(1);
  });
});
