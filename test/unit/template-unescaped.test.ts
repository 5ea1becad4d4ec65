import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/build/templates.js';
import { consolidate } from '../../src/consolidate/index.js';
import { render, templateProblems } from '../../src/render/index.js';
import { unescapedProblems } from '../../src/render/unescaped-check.js';
import { countryTable } from '../../src/reference/countries.js';
import { bundledTemplates, checked, session, WORKSHOP } from './helpers.js';
import { ROOT } from '../helpers/run-cli.js';

const TITLE = 'Q&A | *draft* <script>x</script> Regional Workshop';
const SUMMARY = 'The **chair** opened; see [the site](https://example.org).';
const model = consolidate(checked({
  workshop: WORKSHOP.replace(/^title: .*$/m, `title: "${TITLE}"`),
  sessions: { 'sessions/a.yaml': session({ title: '"Opening & welcome"' }).replace('summary: Something was discussed.', `summary: "${SUMMARY}"`) },
}), countryTable());

const own = (text: string) => ({ text, displayPath: 'templates/report.md.hbs', overridden: true });

/** The report rendered with `text` as its template. */
function report(text: string): string {
  const templates = bundledTemplates();
  templates.set('report.md.hbs', own(text));
  const { documents, diagnostics } = render(model, templates, ['report']);
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return documents[0]!.markdown;
}

describe('{{{…}}} and {{&…}} print as {{…}} does (the notes\' text is escaped wherever a template puts it)', () => {
  it('a plain text: escaped for Markdown as with two braces (it was printed as it is: *draft* in italics, the <script> tag as HTML)', () => {
    const two = report('Raw: {{workshop.title}}\n');
    expect(two).toBe('Raw: Q&A \\| \\*draft\\* \\<script\\>x\\</script\\> Regional Workshop\n');
    for (const text of ['Raw: {{{workshop.title}}}\n', 'Raw: {{&workshop.title}}\n', 'Raw: {{{ workshop.title }}}\n']) expect(report(text), text).toBe(two);
    // Inside a block and through a helper that gives a plain text, too.
    expect(report('{{#each sessions}}{{{title}}}{{/each}}\n')).toBe(report('{{#each sessions}}{{title}}{{/each}}\n'));
    expect(report('{{{lookup workshop "title"}}}\n')).toBe(two.replace('Raw: ', ''));
    // Two braces never escaped “&” where it starts no entity: Q&A stays Q&A.
    expect(two).toContain('Q&A ');
  });

  it('an (md) field and a helper\'s Markdown print as they do with two braces: their Markdown is kept', () => {
    const two = report('{{#each sessions}}{{summary}}|{{cell summary}}{{/each}}\n');
    expect(two).toContain('The **chair** opened; see [the site](https://example.org).');
    expect(report('{{#each sessions}}{{{summary}}}|{{{cell summary}}}{{/each}}\n')).toBe(two);
  });

  it('a part of the data printed through three braces stops the build as with two (it was “[object Object]”)', () => {
    const templates = bundledTemplates();
    templates.set('report.md.hbs', own('x\n\n{{{lookup workshop "dates"}}}\n'));
    const { documents, diagnostics } = render(model, templates, ['report']);
    expect(documents).toEqual([]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'template-runtime', location: { file: 'templates/report.md.hbs', start: { line: 1, column: 1 } } });
    expect(diagnostics[0]!.message).toBe('A {{…}} in this template prints a part of the data with fields (start, end), not a text: the report would show “[object Object]”.');
  });
});

describe('template-unescaped: a warning at each {{{…}}} of a project\'s template, without data', () => {
  it('at the braces, 1-based, with the {{…}} to write', () => {
    const found = unescapedProblems(own('# Title\n\nRaw: {{{workshop.title}}} and {{&workshop.subtitle}}\n{{#each sessions}}\n  {{~{ title }~}}\n{{/each}}\n'));
    expect(found.map((d) => [d.code, d.severity, d.location!.file, d.location!.start.line, d.location!.start.column, d.location!.end.column])).toEqual([
      ['template-unescaped', 'warning', 'templates/report.md.hbs', 3, 6, 26],
      ['template-unescaped', 'warning', 'templates/report.md.hbs', 3, 31, 53],
      ['template-unescaped', 'warning', 'templates/report.md.hbs', 5, 3, 18],
    ]);
    expect(found[0]!.message).toBe('{{{workshop.title}}} prints as {{workshop.title}} does: three braces do not switch off the escaping in these templates, so a text of the notes shows exactly as written (its “*”, “|” and “<” as typed, not as Markdown).');
    expect(found[0]!.hint).toBe('Write {{workshop.title}}: two braces leave an “&” as it is (Q&A), and an (md) field keeps its bold, lists and links. To format a value, write the Markdown around it in the template: **{{workshop.title}}**.');
    expect(found[1]!.message).toMatch(/^\{\{&workshop\.subtitle\}\} prints as \{\{workshop\.subtitle\}\} does: a “&” after the braces does not/);
    expect(found[2]!.hint).toMatch(/^Write \{\{~title~\}\}: /);
    // Offsets, so they sort among the template's other warnings by place.
    expect(found[0]!.location!.start.offset).toBe('# Title\n\nRaw: '.length);
  });

  it('the shipped templates have none; the rule is in the README\'s table, and so is template-missing', async () => {
    const shipped = await loadTemplates();
    expect(shipped.size).toBeGreaterThan(5);
    for (const file of shipped.values()) expect(unescapedProblems(file), file.displayPath).toEqual([]);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    expect(readme).toMatch(/^\| `template-unescaped` \| warning \|/m);
    expect(readme).toMatch(/^\| `template-missing` \| error \|/m);
  });

  it('nothing for two braces, a comment, a raw block or an escaped mustache; nothing said for a template that does not parse (its syntax error is)', () => {
    expect(unescapedProblems(own('{{workshop.title}} {{!-- {{{x}}} --}} {{! {{{y}}} }} \\{{{z}}} {{{{raw}}}} {{{w}}} {{{{/raw}}}}\n'))).toEqual([]);
    expect(unescapedProblems(own('{{{workshop.title}}\n'))).toEqual([]);
  });
});

describe('braces not matched: said as such, at the opening (it was “Template syntax error near “}}”” with a generic hint)', () => {
  const problems = (text: string) => {
    const templates = bundledTemplates();
    templates.set('report.md.hbs', own(text));
    return templateProblems(templates, [{ name: 'report', template: 'report.md.hbs', path: 'report' }], 'en');
  };

  it('three opening, two closing, in a heading', () => {
    const [found, ...rest] = problems('x\n\n# {{{workshop.title}}\n\n{{t "introduction"}}\n');
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ code: 'template-syntax', severity: 'error', location: { file: 'templates/report.md.hbs', start: { line: 3, column: 3 } } });
    expect(found!.message).toBe('“{{{workshop.title}}” opens with three braces and closes with two.');
    expect(found!.hint).toBe('Write {{workshop.title}}: two braces on each side. (Three braces would print as two do: a text of the notes is escaped for Markdown all the same.)');
  });

  it('two opening, three closing, a block\'s and a {{&…}} too', () => {
    expect(problems('# {{workshop.title}}}\n')[0]).toMatchObject({ code: 'template-syntax', message: '“{{workshop.title}}}” opens with two braces and closes with three.', hint: 'Write {{workshop.title}}: two braces on each side.', location: { start: { line: 1, column: 3 } } });
    expect(problems('a\n{{#if workshop.subtitle}}}x{{/if}}\n')[0]).toMatchObject({ message: '“{{#if workshop.subtitle}}}” opens with two braces and closes with three.', hint: 'Write {{#if workshop.subtitle}}: two braces on each side.', location: { start: { line: 2, column: 1 } } });
    expect(problems('{{&workshop.title}}}\n')[0]).toMatchObject({ hint: 'Write {{workshop.title}}: two braces on each side.', location: { start: { line: 1, column: 1 } } });
  });
});
