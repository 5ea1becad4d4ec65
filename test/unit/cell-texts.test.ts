import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { safeMarkdownInline } from '../../src/render/safe-markdown.js';
import { countryTable } from '../../src/reference/countries.js';
import { validate } from '../../src/validate/index.js';
import { ROOT } from '../helpers/run-cli.js';

const MINIMAL = path.join(ROOT, 'test/fixtures/minimal');
const read = (file: string) => ({ path: file, text: readFileSync(path.join(MINIMAL, file), 'utf8') });
const TEXT = '    text: Connect remote land border posts to national and international watchlists so that officers can screen every traveller against current records.';

/** cell-text warnings of minimal/ with its first recommendation's text replaced by `text` (a block scalar's lines). */
function cellTexts(lines: string[]) {
  const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
  expect(first!.text).toContain(TEXT);
  const edited = first!.text.replace(TEXT, `    text: |\n${lines.map((line) => (line ? `      ${line}` : '')).join('\n')}`);
  const sources = { workshop: read('workshop.yaml'), sessions: [{ ...first!, text: edited }, ...rest], countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [], assets: [] };
  return validate(load(sources).project, countryTable()).diagnostics.filter((d) => d.code === 'cell-text');
}

describe('a recommendation\'s or action\'s text, printed in a table cell (cell-text)', () => {
  it('a footnote is warned at its mark, and the cell prints its words in brackets there, where it printed “[^cell-r]” and ran the note into the text', () => {
    const found = cellTexts(['Connect border posts[^r] to watchlists.', '', '[^r]: Remote ones first.']);
    expect(found.map((d) => [d.severity, d.location?.start.line, d.location?.start.column])).toEqual([['warning', 24, 27]]);
    expect(found[0]!.message).toBe('A recommendation\'s text is printed in a table cell, which cannot hold a footnote: the note is printed in brackets after the word it marks.');
    expect(safeMarkdownInline('Connect border posts[^r] to watchlists.\n\n[^r]: Remote *ones* first.')).toBe('Connect border posts (Remote *ones* first.) to watchlists.');
  });

  it('a list or a second paragraph is warned where it begins: the cell runs them together', () => {
    expect(cellTexts(['Connect border posts:', '', '- to watchlists;', '- to each other.']).map((d) => [d.location?.start.line, d.message])).toEqual([[26, 'A recommendation\'s text is printed in a table cell, on one line: a list in it runs into the text around it.']]);
    expect(cellTexts(['Connect border posts.', '', 'Train their officers.']).map((d) => [d.location?.start.line, d.message])).toEqual([[26, 'A recommendation\'s text is printed in a table cell, on one line: its 2 paragraphs run together.']]);
  });

  it('one paragraph, over several lines, is no warning', () => {
    expect(cellTexts(['Connect border posts', 'to watchlists.'])).toEqual([]);
  });
});
