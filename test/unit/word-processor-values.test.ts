import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { validate } from '../../src/validate/index.js';
import { datesMeant } from '../../src/validate/suggest.js';
import { parseAsOf } from '../../src/build/pipeline.js';
import { countryTable } from '../../src/reference/countries.js';
import { ROOT } from '../helpers/run-cli.js';

const MINIMAL = path.join(ROOT, 'test/fixtures/minimal');
const read = (file: string) => ({ path: file, text: readFileSync(path.join(MINIMAL, file), 'utf8') });

/** The diagnostics of minimal/ with `edit` applied to its first session. */
function diagnostics(edit: (session: string) => string) {
  const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
  const sources = { workshop: read('workshop.yaml'), sessions: [{ ...first!, text: edit(first!.text) }, ...rest], countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [], assets: [] };
  return validate(load(sources).project, countryTable()).diagnostics;
}

describe('values as a word processor writes them', () => {
  it('an id or a value in typographic quotes is told to drop them (the hint explained the form of an id)', () => {
    const found = diagnostics((s) => s.replace('    owner: unoct-rabat', '    owner: “unoct-rabat”').replace('    priority: high', '    priority: ‘high’'));
    expect(found.map((d) => [d.code, d.location?.start.line, d.message])).toEqual([
      ['enum', 27, '‘high’ is not a valid recommendations[1].priority.'],
      ['invalid-value', 30, '“unoct-rabat” is not a valid actions[1].owner.'],
    ]);
    expect(found[1]!.hint).toBe('Its quotes are typographic (“ ”, as a word processor writes them), which YAML keeps as part of the value: write unoct-rabat without them, or in straight quotes ("unoct-rabat").');
    // Quotes around a value that is wrong inside them too: the hint for that value, not the quotes.
    expect(diagnostics((s) => s.replace('    owner: unoct-rabat', '    owner: “unoct rabat”'))[0]!.hint).not.toContain('typographic');
  });

  it('a date or a country_notes key in typographic quotes, and an organization written as free text with them or a space, are told so', () => {
    const found = diagnostics((s) => s.replace('date: 2022-05-09', 'date: “2022-05-09”').replace('  MLI:\n    needs:', '  “MLI”:\n    needs:').replace('    organization: unoct-rabat', '    organization: ‘unoct-rabat’'));
    expect(found.map((d) => [d.code, d.message])).toEqual(expect.arrayContaining([
      ['invalid-date', '“2022-05-09” is not a valid date.'],
      ['invalid-value', '“MLI” is not a valid key in country_notes.'],
      ['organization-typo', '‘unoct-rabat’ is in typographic quotes, so it is not the organization id “unoct-rabat”.'],
    ]));
    expect(found.find((d) => d.code === 'invalid-date')!.hint).toBe('Its quotes are typographic (“ ”, as a word processor writes them), which YAML keeps as part of the value: write 2022-05-09 without them, or in straight quotes ("2022-05-09").');
    expect(found.find((d) => d.code === 'organization-typo')!.hint).toMatch(/^Its quotes are typographic \(‘ ’\), which YAML keeps as part of the text: write unoct-rabat without them\./);
    const spaced = diagnostics((s) => s.replace('    organization: unoct-rabat', '    organization: "unoct-rabat "')).find((d) => d.code === 'organization-typo')!;
    expect(spaced.message).toBe('“unoct-rabat ” has a space around it, so it is not the organization id “unoct-rabat”.');
    expect(spaced.hint).toMatch(/^Write it without the space: “unoct-rabat”\./);
    // A zero-width space: the message quoted what looked like the id itself.
    const hidden = diagnostics((s) => s.replace('    organization: unoct-rabat', '    organization: unoct\u200b-rabat')).find((d) => d.code === 'organization-typo')!;
    expect(hidden.message).toBe('“unoct\u200b-rabat” holds a character that does not show, so it is not the organization id “unoct-rabat”.');
    expect(hidden.hint).toMatch(/^It holds a zero-width space \(U\+200B\), a character that cannot be told apart here: write “unoct-rabat”, typed again\. /);
  });

  it('list items begun with an en dash are told to begin each with “-”, each on its own line (the hint wrote them as one line)', () => {
    const found = diagnostics((s) => s.replace('key_points:\n  - Screening depends on timely access to watchlists.', 'key_points:\n  – First point\n  – Second point'));
    expect(found.map((d) => [d.code, d.location?.start.line, d.location?.start.column])).toEqual([['type', 13, 3]]);
    expect(found[0]!.message).toContain('its lines begin with “–” (an en dash, U+2013');
    expect(found[0]!.hint).toBe('A list item starts with “- ” (a dash and a space): replace the “–” at the start of each line with “-”, each item on its own line: “- First point” and “- Second point”.');
    // One item on the key's line; a text with a dash inside it is not one.
    expect(diagnostics((s) => s.replace('  - Screening depends on timely access to watchlists.', '  • Screening')).filter((d) => d.code === 'type')[0]!.hint).toMatch(/replace the “•” at the start of the line with “-”, each item on its own line: “- Screening”\.$/);
  });

  it('a list item in typographic quotes with a “: ” in it is told that they are no YAML quotes (the hint quoted them with the text)', () => {
    const found = diagnostics((s) => s.replace('  - Screening depends on timely access to watchlists.', '  - “Screening: it depends on access”'));
    expect(found.map((d) => [d.code, d.location?.start.line])).toEqual([['colon-in-text', 13]]);
    expect(found[0]!.hint).toBe('Its quotes are typographic (“ ”, as a word processor writes them), which YAML does not read as quotes and the reports would print: write it in straight quotes, "Screening: it depends on access"; to print the typographic quotes too, "“Screening: it depends on access”".');
  });

  it('an id YAML reads as a number is told to quote it (the hint described ids)', () => {
    const found = diagnostics((s) => s.replace('  - id: border-data', '  - id: 2022'));
    expect(found[0]).toMatchObject({ code: 'type', message: '“recommendations[1].id” must be text, not a number (2022).', hint: 'YAML reads 2022 as a number: put it in quotes to make it text, id: "2022".' });
  });

  it('a date without its zeros, or day first, is told the day meant', () => {
    for (const [written, meant] of [['2022-9-30', '2022-09-30'], ['30/09/2022', '2022-09-30'], ['30.9.2022', '2022-09-30']] as const) {
      const found = diagnostics((s) => s.replace('    due: 2022-09-30', `    due: ${written}`));
      expect(found.map((d) => d.code), written).toEqual(['invalid-date']);
      expect(found[0]!.hint, written).toBe(`Did you mean ${meant}? Write dates as YYYY-MM-DD, and check that the day exists (e.g. 2022-05-09).`);
    }
    // Month first, year first with slashes: clear too. Where the numbers allow both readings, both.
    expect(datesMeant('12/31/2025')).toEqual(['2025-12-31']);
    expect(datesMeant('2025/03/31')).toEqual(['2025-03-31']);
    expect(datesMeant('03/04/2025')).toEqual(['2025-04-03', '2025-03-04']);
    expect(datesMeant('05/05/2025')).toEqual(['2025-05-05']);
    const both = diagnostics((s) => s.replace('    due: 2022-09-30', '    due: 03/04/2022'));
    expect(both[0]!.hint).toBe('Did you mean 2022-04-03 or 2022-03-04? The day and the month can be read either way. Write dates as YYYY-MM-DD, and check that the day exists (e.g. 2022-05-09).');
    // No guess for a day that does not exist, nor for a date already right.
    expect(datesMeant('2022-02-30')).toEqual([]);
    expect(datesMeant('31/02/2022')).toEqual([]);
    expect(datesMeant('2022-09-30')).toEqual([]);
    // Year first with the day and the month swapped: the one reading that is a day.
    expect(datesMeant('2022-13-01')).toEqual(['2022-01-13']);
    expect(datesMeant('2022-30-12')).toEqual(['2022-12-30']);
    expect(datesMeant('2023-3-4')).toEqual(['2023-03-04']);
    expect(() => parseAsOf('2023-6-30')).toThrow(expect.objectContaining({ hint: 'Did you mean --as-of 2023-06-30?' }));
    expect(() => parseAsOf('06/30/2023')).toThrow(expect.objectContaining({ hint: 'Did you mean --as-of 2023-06-30?' }));
  });

  it('a date written without its dashes (20220930), which YAML reads as a number, is told the day meant, where it was told to quote the number, which made it an invalid date with no guess', () => {
    const found = diagnostics((s) => s.replace('    due: 2022-09-30', '    due: 20220930'));
    expect(found).toMatchObject([{ code: 'invalid-date', message: '“actions[1].due” must be a date written YYYY-MM-DD, not the number 20220930.', hint: 'Did you mean 2022-09-30? Write dates as YYYY-MM-DD.' }]);
    const quoted = diagnostics((s) => s.replace('    due: 2022-09-30', '    due: "20220930"'));
    expect(quoted[0]!.hint).toBe('Did you mean 2022-09-30? Write dates as YYYY-MM-DD, and check that the day exists (e.g. 2022-05-09).');
    expect(datesMeant('20220230')).toEqual([]);
    expect(() => parseAsOf('20230630')).toThrow(expect.objectContaining({ hint: 'Did you mean --as-of 2023-06-30?' }));
  });

  it('--as-of pasted with en dashes, or with spaces around it, is told what to type (it got “For example --as-of 2023-05-15.”)', () => {
    expect(() => parseAsOf('2023\u201306\u201330')).toThrow(expect.objectContaining({ hint: 'It holds an en dash (U+2013), a character that cannot be told apart here: write “2023-06-30”, typed again.' }));
    expect(() => parseAsOf(' 2023-06-30')).toThrow(expect.objectContaining({ hint: 'Write it without the spaces around it: --as-of 2023-06-30.' }));
    expect(() => parseAsOf('2023 06 30')).toThrow(expect.objectContaining({ hint: 'For example --as-of 2023-05-15.' }));
  });
});
