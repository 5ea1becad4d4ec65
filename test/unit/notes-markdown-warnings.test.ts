import { describe, expect, it } from 'vitest';
import { droppedLinks, isKeptLink, unusedDefinitions } from '../../src/markdown/links.js';
import { safeMarkdown } from '../../src/render/safe-markdown.js';
import { load } from '../../src/load/index.js';
import { validate } from '../../src/validate/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/run-cli.js';

const MINIMAL = path.join(ROOT, 'test/fixtures/minimal');
const read = (file: string) => ({ path: file, text: readFileSync(path.join(MINIMAL, file), 'utf8') });

/** minimal/ with `edit` applied to its first session's text and a follow-up report or translation added. */
function problems(edit: (session: string) => string, extra: { followUps?: Array<{ path: string; text: string }>; translations?: Array<{ path: string; text: string }> } = {}) {
  const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
  const sources = {
    workshop: read('workshop.yaml'),
    sessions: [{ ...first!, text: edit(first!.text) }, ...rest],
    countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)),
    followUps: extra.followUps ?? [],
    translations: extra.translations ?? [],
    assets: [],
  };
  return validate(load(sources).project, countryTable()).diagnostics.filter((d) => d.code === 'link-not-kept');
}

const SUMMARY = '  Delegations reviewed how traveller data supports screening at land borders.';

describe('links of the notes that the documents do not keep (link-not-kept)', () => {
  it('are what safeMarkdown prints as their words, no more and no less', () => {
    const text = 'See [the report](#recommendations), [a file](annex.pdf), [UNOCT](https://www.un.org/counterterrorism), <mailto:a@b.org>, [ref][x] and [site][y].\n\n[x]: javascript:alert(1)\n[y]: https://iom.int';
    expect(droppedLinks(text).map((link) => [link.words, link.url])).toEqual([['the report', '#recommendations'], ['a file', 'annex.pdf'], ['ref', 'javascript:alert(1)']]);
    const printed = safeMarkdown(text);
    expect(printed).toContain('See the report, a file, [UNOCT](https://www.un.org/counterterrorism)');
    expect(printed).toContain('ref and [site](https://iom.int)');
    expect(['https://x', 'HTTP://x', 'mailto:a@b'].every(isKeptLink)).toBe(true);
    expect(['#x', 'x.md', 'ftp://x', 'www.x.org', ''].some(isKeptLink)).toBe(false);
  });

  it('the first definition of a label is the one, in the check and in the documents', () => {
    const text = '[site][y]\n\n[y]: annex.pdf\n[y]: https://iom.int';
    expect(droppedLinks(text).map((link) => link.url)).toEqual(['annex.pdf']);
    expect(safeMarkdown(text)).not.toContain('https://iom.int');
  });

  it('are warned at the link, with a hint for each kind of address', () => {
    const found = problems((session) => session.replace(SUMMARY, `${SUMMARY}\n  See [below](#recommendations), [IOM](iom.int), [mail](focal@iom.int), [x](ftp://x.org) and [annex](annex.pdf).`));
    expect(found.map((d) => [d.severity, d.location?.start.line, d.location?.start.column, d.actual])).toEqual([
      ['warning', 12, 7, '#recommendations'], ['warning', 12, 34, 'iom.int'], ['warning', 12, 50, 'focal@iom.int'], ['warning', 12, 73, 'ftp://x.org'], ['warning', 12, 94, 'annex.pdf'],
    ]);
    expect(found.map((d) => d.hint)).toEqual([
      expect.stringContaining('name the part in words'),
      'Write the whole address: https://iom.int.',
      'Write it as an e-mail address: mailto:focal@iom.int.',
      expect.stringContaining('Only https:, http: and mailto: addresses are kept'),
      expect.stringContaining('put the file online'),
    ]);
    expect(found[0]!.message).toContain('print “below” without it, and “#recommendations” is lost');
  });

  it('a reference\'s hint quotes the definition that gives its address; a scheme-relative address gets https:', () => {
    const found = problems((session) => session.replace(SUMMARY, `${SUMMARY} See [UNODC][r1] and [UN](//www.un.org).\n\n  [r1]: www.unodc.org`));
    expect(found.map((d) => d.hint)).toEqual(['Its address is given by “[r1]: www.unodc.org”. Write the whole address: https://www.unodc.org.', 'Write the whole address: https://www.un.org.']);
    // A file whose extension looks like a country's domain (.md) is a file; a web address of a PDF, an address.
    const files = problems((session) => session.replace(SUMMARY, `${SUMMARY} See [l'annexe](annexe.md) and [the report](www.un.org/report.pdf).`));
    expect(files.map((d) => d.hint)).toEqual([expect.stringContaining('put the file online'), 'Write the whole address: https://www.un.org/report.pdf.']);
  });

  it('a definition no link of its text uses is warned at the definition: it prints nothing (an empty bullet, a lost address)', () => {
    const found = problems((session) => session.replace(SUMMARY, `${SUMMARY}\n\n  [1]: https://example.org/x.pdf "Draft of June 2022"\n\n  See [the guide][g].\n\n  [g]: https://www.osce.org/guide\n  [g]: https://www.osce.org/other`));
    expect(found.map((d) => [d.location?.start.line, d.location?.start.column, d.actual])).toEqual([[13, 3, 'https://example.org/x.pdf'], [18, 3, 'https://www.osce.org/other']]);
    expect(found[0]!.message).toBe('This line defines the link “[1]” but no link of the text uses it: a definition prints nothing, so the documents leave it out, and “https://example.org/x.pdf” with it.');
    expect(found[0]!.hint).toContain('e.g. [words](https://example.org/x.pdf), or refer to it as [1] in the text');
    // What the warning says of the documents.
    expect(safeMarkdown('[OSCE border guide]: https://www.osce.org/x')).toBe('');
    expect(unusedDefinitions('[OSCE border guide]: https://www.osce.org/x').map((d) => d.label)).toEqual(['OSCE border guide']);
    expect(unusedDefinitions('![logo][l] and [l]\n\n[l]: https://x.org/l.png')).toEqual([]);
  });

  it('the same link twice in a text is warned at each place', () => {
    const found = problems((session) => session.replace(SUMMARY, `${SUMMARY}\n  [a](#x) then\n  [a](#x).`));
    expect(found.map((d) => d.location?.start.line)).toEqual([12, 13]);
  });

  it('in a follow-up note and a translation too; never in a plain text, nor for kept links', () => {
    const followUp = { path: 'follow-up/2022-11-15.yaml', text: 'date: 2022-11-15\nreported_by: unoct-rabat\nupdates:\n  - action: connectivity-assessment\n    status: done\n    note: Done, see [the minutes](minutes.docx).\n' };
    const translation = { path: 'translations/fr/sessions/a.yaml', text: 'summary:\n  source: "0000abcd"\n  text: "Voir [le rapport](#x)."\n' };
    const found = problems((session) => session.replace('title: Traveller screening', 'title: "Traveller [screening](#x)"').replace(SUMMARY, `${SUMMARY} See [IOM](https://iom.int).`), { followUps: [followUp], translations: [translation] });
    expect(found.map((d) => `${d.location?.file}:${d.location?.start.line}:${d.location?.start.column}`)).toEqual(['follow-up/2022-11-15.yaml:6:21', 'translations/fr/sessions/a.yaml:3:15']);
  });
});

describe('bullets pasted from a word processor (pasted-bullet)', () => {
  it('two or more lines beginning with • are one warning, at the first, since the documents print them as one paragraph', () => {
    const all = (edit: (session: string) => string) => {
      const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
      const sources = { workshop: read('workshop.yaml'), sessions: [{ ...first!, text: edit(first!.text) }, ...rest], countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [], assets: [] };
      return validate(load(sources).project, countryTable()).diagnostics.filter((d) => d.code === 'pasted-bullet');
    };
    const found = all((session) => session.replace(SUMMARY, `${SUMMARY}\n  • First point pasted from Word\n  • Second point pasted from Word`));
    expect(found.map((d) => [d.severity, d.location?.start.line, d.location?.start.column])).toEqual([['warning', 12, 3]]);
    expect(found[0]!.message).toBe('2 lines of this text begin with “•”, which Markdown does not read as a list: the documents print them as one paragraph, bullets and all.');
    expect(found[0]!.hint).toContain('Begin each item with “- ”');
    // What the warning says of the documents.
    expect(safeMarkdown('• First point\n• Second point')).toBe('• First point\n• Second point');
    // One line with a bullet prints as written; a Markdown list is a list.
    expect(all((session) => session.replace(SUMMARY, `${SUMMARY}\n  • Only one.`))).toEqual([]);
    expect(all((session) => session.replace(SUMMARY, `${SUMMARY}\n\n  - First\n  - Second`))).toEqual([]);
    // In a code block they are printed as written; paragraphs apart stay apart: no warning.
    expect(all((session) => session.replace(SUMMARY, `${SUMMARY}\n\n  \`\`\`\n  • First\n  • Second\n  \`\`\``))).toEqual([]);
    expect(all((session) => session.replace(SUMMARY, `${SUMMARY}\n\n      • First\n      • Second`))).toEqual([]);
    expect(all((session) => session.replace(SUMMARY, `${SUMMARY}\n\n  • First\n\n  • Second`))).toEqual([]);
    // Word's own bullet, which shows as nothing, is named.
    const word = all((session) => session.replace(SUMMARY, `${SUMMARY}\n  \uF0B7\tFirst\n  \uF0B7\tSecond`));
    expect(word[0]!.message).toContain('begin with Word’s bullet (U+F0B7), which');
  });
});

describe('a (md) text written as a folded block (folded-markdown)', () => {
  const all = (edit: (session: string) => string) => {
    const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
    const sources = { workshop: read('workshop.yaml'), sessions: [{ ...first!, text: edit(first!.text) }, ...rest], countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [], assets: [] };
    return validate(load(sources).project, countryTable()).diagnostics.filter((d) => d.code === 'folded-markdown');
  };
  const summary = (header: string, body: string) => (session: string) => session.replace(`summary: |\n${SUMMARY}`, `summary: ${header}\n${body}`);

  it('a list and paragraphs under “>” are warned at the “>”: YAML joined them into one bullet', () => {
    const found = all(summary('>', '  The group agreed on three priorities:\n\n  - radios for border posts;\n  - joint patrols;\n  - training.\n\n  The chair closed the session.'));
    expect(found.map((d) => [d.severity, d.location?.start.line, d.location?.start.column, d.location?.end.column])).toEqual([['warning', 10, 10, 11]]);
    expect(found[0]!.message).toBe('“>” folds the lines into one paragraph: write “|” to keep the list and paragraphs.');
    // Paragraphs apart only; and with a chomping indicator, the same one after “|”.
    expect(all(summary('>', '  First paragraph.\n\n  Second paragraph.')).length).toBe(1);
    expect(all(summary('>-', '  - radios\n  - patrols'))[0]!.message).toBe('“>-” folds the lines into one paragraph: write “|-” to keep the list and paragraphs.');
    // A list item of a (md) list, too.
    expect(all((session) => session.replace('key_points:\n', 'key_points:\n  - >\n    Two needs:\n\n    - radios;\n    - training.\n')).map((d) => [d.location?.start.line, d.location?.start.column])).toEqual([[13, 5]]);
  });

  it('a “>” over one long paragraph changes nothing and is not warned; nor is “|”, or a plain text', () => {
    expect(all(summary('>', '  The group agreed on three priorities: radios for border posts,\n  joint patrols and training.'))).toEqual([]);
    expect(all(summary('|', '  The group agreed:\n\n  - radios;\n  - training.'))).toEqual([]);
    expect(all(summary('>', '  One paragraph,\n  trailing blank lines.\n\n'))).toEqual([]);
    // A wrapped line that begins with a dash used as one (from the review): one sentence, folded as meant.
    expect(all(summary('>', '  Les délégations venues du Burkina Faso\n  - et du Mali - ont rappelé leurs besoins.'))).toEqual([]);
  });
});

describe('a (md) text that begins with “(md)” (md-marker)', () => {
  const all = (edit: (session: string) => string) => {
    const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
    const sources = { workshop: read('workshop.yaml'), sessions: [{ ...first!, text: edit(first!.text) }, ...rest], countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [], assets: [] };
    return validate(load(sources).project, countryTable()).diagnostics.filter((d) => d.code === 'md-marker');
  };

  it('the marker FORMAT.md writes before a Markdown field is warned at the marker, in a block, a list item and a quoted value', () => {
    expect(all((session) => session.replace(SUMMARY, '  (md) Delegations reviewed the data.')).map((d) => [d.location?.start.line, d.location?.start.column, d.location?.end.column])).toEqual([[11, 3, 7]]);
    expect(all((session) => session.replace('  - Screening depends', '  - "(MD) Screening depends').replace('to watchlists.', 'to watchlists."')).map((d) => [d.location?.start.line, d.location?.start.column])).toEqual([[13, 6]]);
    const found = all((session) => session.replace(SUMMARY, '  (md)\n  Delegations reviewed the data.'));
    expect(found.map((d) => d.message)).toEqual(['This text begins with “(md)”, which the documents print: in FORMAT.md\'s examples, (md) only marks the fields that are Markdown.']);
    expect(found[0]!.hint).toBe('Remove “(md)” and the space after it: this field is Markdown already.');
  });

  it('is not warned elsewhere in a text, nor for a word that begins alike', () => {
    expect(all((session) => session.replace(SUMMARY, '  Delegations reviewed (md) the data.'))).toEqual([]);
    expect(all((session) => session.replace(SUMMARY, '  (mdash) Delegations reviewed the data.'))).toEqual([]);
  });
});

describe('a character reference Markdown prints as “�” (character-reference)', () => {
  const all = (edit: (session: string) => string) => {
    const [first, ...rest] = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
    const sources = { workshop: read('workshop.yaml'), sessions: [{ ...first!, text: edit(first!.text) }, ...rest], countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [], assets: [] };
    return validate(load(sources).project, countryTable()).diagnostics.filter((d) => d.code === 'character-reference');
  };
  const summary = (text: string) => (session: string) => session.replace(SUMMARY, `  ${text}`);

  it('a noncharacter, a control, NUL or half a surrogate pair, once per text, at the first, with the count of the others', () => {
    const found = all(summary('Odd &#xFFFF; here, &#x1b; there, &#0; and &#55296; too.'));
    expect(found.map((d) => [d.location?.start.line, d.location?.start.column, d.location?.end.column])).toEqual([[11, 7, 15]]);
    expect(found[0]!.message).toBe('“&#xFFFF;” names no character a document can show: every format prints it as “�”, as it does 3 more such references in this text.');
    // What the warning says of the documents.
    expect(safeMarkdown('&#xFFFF;')).toBe('\uFFFD');
  });

  it('is not warned for a reference to a character, for “&#xFFFD;” itself, or in a code span, printed as written', () => {
    expect(all(summary('A quote &#x2019; and &#8212; and &#xFFFD; and &amp;.'))).toEqual([]);
    expect(all(summary('Write `&#xFFFF;` to see it.'))).toEqual([]);
  });
});
