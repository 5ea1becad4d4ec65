import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/consolidate/index.js';
import { render, templateProblems } from '../../src/render/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { bundledTemplates, checked, session, WORKSHOP } from './helpers.js';
import { DOCUMENTS, expectIntact, expectPlainTextSafe, HOSTILE, mdProject, renderAll, sessionOne } from './render-helpers.js';
import { all, headings, ofType, parseMarkdown, toString } from './markdown-tree.js';





describe('plain text is shown exactly as written', () => {
  it.each(HOSTILE)('%s', (h) => expectPlainTextSafe(h));
});


describe('(md) text cannot break the document around it', () => {
  it('closes an unclosed code fence inside the summary', () => {
    const report = mdProject('Before.\n\n```js\nnot closed\n## Not a heading');
    expectIntact(report);
    const code = ofType({ type: 'root', children: sessionOne(report).nodes }, 'code');
    expect(code.map((c) => c.value)).toEqual(['not closed\n## Not a heading']);
  });

  it('closes an unclosed code fence inside a key point', () => {
    const report = mdProject('Summary.', 'Point:\n\n~~~\nopen');
    expectIntact(report);
    expect(ofType(report, 'code').map((c) => c.value)).toEqual(['open']);
  });

  it('demotes headings to level 4 or deeper', () => {
    const report = mdProject('# Top\n\n## Second\n\n###### Six\n\nSetext\n===');
    expectIntact(report);
    const inside = ofType({ type: 'root', children: sessionOne(report).nodes }, 'heading')
      .map((h) => [h.depth, toString(h)])
      .filter(([, text]) => text !== 'Key points');
    expect(inside).toEqual([[4, 'Top'], [5, 'Second'], [6, 'Six'], [4, 'Setext']]);
  });

  it('shows raw HTML as text', () => {
    const report = mdProject('<div>raw</div>');
    expectIntact(report);
    expect(ofType(report, 'html').every((n) => n.value.startsWith('<!-- wr:chart '))).toBe(true);
    expect(sessionOne(report).nodes.map((n) => toString(n))).toContain('<div>raw</div>');
  });

  it('shows inline HTML as text', () => {
    const report = mdProject('Some <b onclick="x()">bold</b> text.');
    expectIntact(report);
    expect(ofType(report, 'html').every((n) => n.value.startsWith('<!-- wr:chart '))).toBe(true);
    expect(sessionOne(report).nodes.map((n) => toString(n))).toContain('Some <b onclick="x()">bold</b> text.');
  });

  it('drops javascript: links but keeps their text, and keeps https links', () => {
    const report = mdProject('See [x](javascript:alert(1)) and [ok](https://example.org) and [ref][r].\n\n[r]: javascript:void(0)');
    expectIntact(report);
    const links = ofType({ type: 'root', children: sessionOne(report).nodes }, 'link');
    expect(links.map((l) => [l.url, toString(l)])).toEqual([['https://example.org', 'ok']]);
    expect(sessionOne(report).nodes.map((n) => toString(n))).toContain('See x and ok and ref.');
    expect(ofType(report, 'definition')).toEqual([]);
  });

  it('keeps an unterminated list or quote from swallowing the next session', () => {
    const report = mdProject('- item one\n- item two\n\n> quoted\ncontinued');
    expectIntact(report);
  });
});

describe('helpers, on a value the data does not give', () => {
  it('print nothing, or a dash for a number, as the optional field is absent; too few values is an error', async () => {
    const { helpers, HelperArgumentError } = await import('../../src/render/helpers.js');
    const h = helpers('en');
    const options = { hash: {}, loc: { start: { line: 3, column: 4 } } };
    expect([h.num!(undefined, options), h.percent!(null, options), h.addressee!(undefined, options), h.addressees!(undefined, options), h.countryIn!(undefined, options), h.dateRange!(undefined, options), h.join!(undefined, options), h.dayMonth!(undefined, options)]).toEqual(['—', '—', '', '', '', '', '', '']);
    expect(h.sortBy!(undefined, 'name', options)).toEqual([]);
    expect(h.num!(1234, options)).toBe('1,234');
    expect(h.join!(['a', 'b', 'c'], options)).toBe('a, b and c');
    expect(h.countryIn!({ code: 'MLI', name: 'Mali' }, options)).toBe('in Mali');
    // A name left in the notes' language (a FallbackText, see prepareModel) is a country's name too, and an addressee's keeps its language.
    const { FallbackText } = await import('../../src/render/safe-values.js');
    expect(String(h.countryThe!({ code: 'MLI', name: new FallbackText('Mali', 'en') }, options))).toBe('Mali');
    const short = new FallbackText('OIM', 'fr');
    expect(h.addressee!({ kind: 'organization', short }, options)).toBe(short);
    // A title over two lines is one line in its heading: its slug is that heading's id (the link went to “…nationalede-…”).
    expect(h.slug!('Session 2: La stratégie nationale\n  de gestion ', options)).toBe('session-2-la-stratégie-nationale-de-gestion');
    // And compares as its text: `(eq workshop.short_title "…")` of a workshop shown in its own language.
    expect([h.eq!(new FallbackText('Atelier', 'fr'), 'Atelier', options), h.ne!('Atelier', new FallbackText('Atelier', 'fr'), options)]).toEqual([true, false]);
    const error = (() => {
      try {
        h.plural!(2, 'action', options);
      } catch (thrown) {
        return thrown;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(HelperArgumentError);
    // Located at the call Handlebars gives (its options' place).
    expect((error as InstanceType<typeof HelperArgumentError>).loc).toEqual(options.loc);
  });
});

describe('{{t}} with values', () => {
  it('gives each set of values its own text, however often it is asked (labels are kept by their values)', async () => {
    const { helpers } = await import('../../src/render/helpers.js');
    const h = helpers('en');
    const t = (values: Record<string, unknown>) => h.t!('session_number', { hash: values });
    expect([t({ number: 1 }), t({ number: 2 }), t({ number: 1 }), t({ number: '2' }), t({ number: 12 })]).toEqual(['Session 1', 'Session 2', 'Session 1', 'Session 2', 'Session 12']);
    // The singular is chosen by the number, kept apart from the plural.
    const count = (value: unknown) => h.t!('participants_count', { hash: { count: value } });
    expect([count(1), count(3), count('1'), count(3)]).toEqual(['1 participant', '3 participants', '1 participant', '3 participants']);
    // A value that is not a plain string or number (a text of the notes) is not kept: each is its own.
    const texts = [{ toString: () => 'A' }, { toString: () => 'B' }];
    expect(texts.map((value) => t({ number: value }))).toEqual(['Session A', 'Session B']);
    // Two values whose texts would run together are two keys.
    const pair = (a: string, b: string) => h.t!('page_of', { hash: { page: a, pages: b } });
    expect([pair('1', '23'), pair('12', '3')]).toEqual(['Page 1 of 23', 'Page 12 of 3']);
  });
});

describe('(md) text in a table cell', () => {
  it('stays in its one cell, whatever blocks it contains', () => {
    const hostile = 'First | line\n\n| a | b |\n| - | - |\n| c | d |\n\n# Heading\n\n[x](javascript:alert(1)) [ok](https://example.org)\n\n```\nfence';
    const a = session({ title: 'First', extra: `country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\nrecommendations:\n  - text: ${JSON.stringify(hostile)}\n    theme: kst\n  - text: Second recommendation.\n    theme: kst` });
    const report = renderAll(checked({ sessions: { 'sessions/a.yaml': a } })).report;
    const recommendations = ofType(report, 'table').find((table) => toString(table.children[0]!).startsWith('No.'))!;
    const cells = recommendations.children.map((row) => row.children.length);
    expect(cells).toEqual([5, 5, 5]);
    const cell = recommendations.children[1]!.children[1]!;
    expect(toString(cell)).toBe('First | line a b c d Heading x ok fence');
    expect(ofType(cell, 'link').map((l) => l.url)).toEqual(['https://example.org']);
    expect(toString(recommendations.children[2]!.children[1]!)).toBe('Second recommendation.');
    expect(headings(report)).toContainEqual({ depth: 1, text: 'Follow-up action plan' });
  });
});

describe('template diagnostics', () => {
  const model = consolidate(checked(), countryTable());

  it('reports an unknown name in strict mode at the name, 1-based line and column', () => {
    const templates = bundledTemplates();
    templates.set('report.md.hbs', { text: '# Title\n\nBy {{sesion.title}}\n', displayPath: 'templates/report.md.hbs', overridden: true });
    const result = render(model, templates, ['report']);
    expect(result.documents).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({
      code: 'template-unknown-name', severity: 'error', stage: 'render',
      location: { file: 'templates/report.md.hbs', start: { line: 3, column: 6 } },
    });
    // Handlebars itself blames "title" ("title" not defined in undefined): the missing name is sesion.
    expect(result.diagnostics[0]!.message).toContain('“sesion”');
    expect(result.diagnostics[0]!.message).not.toContain('“title”');
  });

  it('a word given to a helper that is no field (`(eq priority high)`) is told to be quoted if it is a value; a field of a block ({{#each recomendations}}) is not', () => {
    const templates = bundledTemplates();
    templates.set('report.md.hbs', { text: '{{#each recommendations}}{{#if (eq priority high)}}{{label}}{{/if}}{{/each}}\n{{#each zzz}}{{/each}}\n', displayPath: 'templates/report.md.hbs', overridden: true });
    const result = render(model, templates, ['report']);
    const [value, block] = result.diagnostics;
    expect(value).toMatchObject({ code: 'template-unknown-name', location: { start: { line: 1, column: 45 } } });
    expect(value!.hint).toBe('If “high” is a value to compare with, not a field, put it in quotes: "high". Run `workshop-report context` to see every field the templates receive.');
    expect(block).toMatchObject({ code: 'template-unknown-name', location: { start: { line: 2 } } });
    expect(block!.hint).not.toContain('quotes');
  });

  it('lists the fields a part of the data has when one of it is unknown ({{owner.label}}); the top\'s, which are many, are left to `context`', () => {
    const templates = bundledTemplates();
    templates.set('report.md.hbs', { text: '{{#each actions}}{{owner.label}}{{/each}}\n{{sesion}}\n', displayPath: 'templates/report.md.hbs', overridden: true });
    const result = render(model, templates, ['report']);
    const [owner, top] = result.diagnostics;
    expect(owner!.hint).toMatch(/^“owner” has (id|kind|name|short)(, (id|kind|name|short)){3}\. Run `workshop-report context`/);
    expect(top!.hint).not.toContain(' has ');
  });

  it('reports a template syntax error at its line, and renders nothing', () => {
    const templates = bundledTemplates();
    templates.set('report.md.hbs', { text: 'a\nb {{title}\nc\n', displayPath: 'templates/report.md.hbs', overridden: true });
    const result = render(model, templates, ['report', 'recommendations']);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'template-syntax', severity: 'error', location: { file: 'templates/report.md.hbs', start: { line: 2 } } });
    expect(result.documents).toEqual([]);
  });

  it('reports a syntax error in a partial at the partial', () => {
    const templates = bundledTemplates();
    templates.set('partials/person.md.hbs', { text: '{{name}}\n{{#if title}}, {{title}}\n', displayPath: 'templates/partials/person.md.hbs', overridden: true });
    const [diagnostic] = render(model, templates, ['report']).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'template-syntax', location: { file: 'templates/partials/person.md.hbs' } });
  });

  it('reports a custom document whose template does not exist', () => {
    const result = render(model, bundledTemplates(), [{ name: 'press', template: 'press.md.hbs' }]);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['template-missing']);
    expect(result.documents).toEqual([]);
  });

  it('writes one custom document per country with per: country', () => {
    const templates = bundledTemplates();
    templates.set('press.md.hbs', { text: 'Brief for {{brief.country.name}}\n', displayPath: 'templates/press.md.hbs', overridden: true });
    const result = render(model, templates, [{ name: 'press', template: 'press.md.hbs', per: 'country' }]);
    expect(result.diagnostics).toEqual([]);
    expect(result.documents.map((d) => [d.file, d.markdown])).toEqual([
      ['press/MLI.md', 'Brief for Mali\n'],
      ['press/NER.md', 'Brief for Niger\n'],
    ]);
  });

  it('renders the bundled templates for every default document without diagnostics', () => {
    const result = render(model, bundledTemplates(), [...DOCUMENTS]);
    expect(result.diagnostics).toEqual([]);
    expect(result.documents.map((d) => d.file)).toEqual(['report.md', 'recommendations.md', 'countries/MLI.md', 'countries/NER.md']);
    for (const d of result.documents) expect(all(parseMarkdown(d.markdown)).length).toBeGreaterThan(1);
  });
});

describe('a session\'s themes', () => {
  const report = (extra?: string) => render(consolidate(checked({ sessions: { 'sessions/a.yaml': session(extra ? { extra } : {}) } }), countryTable()), bundledTemplates(), [...DOCUMENTS]).documents.find((d) => d.file === 'report.md')!.markdown;

  it('are printed under its heading, by their titles, in the order written (they were printed by no document)', () => {
    expect(report('themes: [ibm, kst]')).toContain('\n**Themes:** Integrated border management; Known or suspected terrorists\n');
    expect(report('themes: [kst]')).toContain('\n**Theme:** Known or suspected terrorists\n');
  });

  it('leave no line when the session gives none', () => {
    expect(report()).not.toMatch(/\*\*Themes?:\*\*/);
  });
});

describe('the partners', () => {
  const report = (partners: string) => render(consolidate(checked({ workshop: WORKSHOP.replace('countries:\n', `${partners}countries:\n`) }), countryTable()), bundledTemplates(), [...DOCUMENTS]).documents.find((d) => d.file === 'report.md')!.markdown;

  it('are listed under Participation with their role (it was printed by no document), by name alone without one', () => {
    const markdown = report('partners:\n  - { id: morocco, name: Kingdom of Morocco, role: host }\n  - { id: iom, name: International Organization for Migration, acronym: IOM }\n');
    expect(markdown).toContain('\n**Partners**\n\n- Kingdom of Morocco — host\n- International Organization for Migration (IOM)\n\n# Sessions\n');
  });

  it('leave no list when the workshop has none', () => {
    expect(report('')).not.toContain('**Partners**');
  });
});

describe('tidy', () => {
  it('drops spaces at line ends and blank lines at both ends, and keeps at most one blank line in a row', async () => {
    const { tidy } = await import('../../src/render/index.js');
    expect(tidy('\n \n  # Title  \n\t\n\n\n text\t\n\n- a \n- b\n\n \n')).toBe('# Title\n\n text\n\n- a\n- b\n');
    expect(tidy('')).toBe('\n');
    expect(tidy('one')).toBe('one\n');
  });

  it('gives back a tidy document as it is, and only a tidy one: the quick check agrees with the line-by-line pass', async () => {
    const { default: fc } = await import('fast-check');
    const { tidy, isTidy, tidyLines } = await import('../../src/render/tidy.js');
    // Texts of the characters that matter: spaces, tabs, newlines, other white space (trimmed only before the first line), letters.
    const text = fc.array(fc.constantFrom(' ', '\t', '\n', '\n', 'a', '#', '\r', '\u00a0', '\ufeff'), { maxLength: 40 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (markdown) => {
        const lines = tidyLines(markdown);
        expect(tidy(markdown)).toBe(lines);
        // The pass is idempotent, and what it gives is what the check calls tidy (except the empty document's lone newline).
        expect(tidyLines(lines)).toBe(lines);
        if (lines !== '\n') expect(isTidy(lines)).toBe(true);
        if (isTidy(markdown)) expect(lines).toBe(markdown);
      }),
      { numRuns: 5000 },
    );
    expect(isTidy('# Title\n\n- a\n')).toBe(true);
    for (const untidy of ['# Title \n', '# Title\n\n\n- a\n', '\n# Title\n', ' # Title\n', '# Title\n\n', '# Title', '# Title\t\n- a\n']) expect(isTidy(untidy)).toBe(false);
  });
});

describe('(md) text in a table cell', () => {
  it('stays one cell whatever backslashes come before a pipe', async () => {
    const { safeMarkdownInline } = await import('../../src/render/safe-markdown.js');
    const { parseMarkdown } = await import('./markdown-tree.js');
    for (const text of ['a|b *x*', 'a\\|b *x*', 'a\\\\|b *x*', 'a\\\\\\|b *x*', '`a|b` *x*']) {
      const tree = parseMarkdown(`| h |\n| - |\n| ${safeMarkdownInline(text)} |\n`);
      const table = tree.children[0];
      expect(table?.type, text).toBe('table');
      const row = table?.type === 'table' ? table.children[1] : undefined;
      expect(row?.children, text).toHaveLength(1);
    }
  });
});

describe('the template check is kept by what it reads', () => {
  const jobs = [{ name: 'report', template: 'report.md.hbs', path: 'report' }];
  const withReport = (text: string) => new Map([...bundledTemplates(), ['report.md.hbs', { text, displayPath: 'templates/report.md.hbs', overridden: true }]]);

  it('a template changed since (watch mode) is checked again, and each caller gets its own diagnostics', () => {
    expect(templateProblems(withReport('# {{workshop.title}}\n'), jobs, 'en')).toEqual([]);
    const first = templateProblems(withReport('# {{workshop.titel}}\n'), jobs, 'en');
    expect(first.map((d) => [d.code, d.location?.start.line, d.location?.start.column])).toEqual([['template-unknown-name', 1, 5]]);
    first[0]!.location = undefined;
    first.push(first[0]!);
    const again = templateProblems(withReport('# {{workshop.titel}}\n'), jobs, 'en');
    expect(again).toHaveLength(1);
    expect(again[0]!.location?.file).toBe('templates/report.md.hbs');
    expect(templateProblems(withReport('# {{workshop.title}}\n'), jobs, 'en')).toEqual([]);
  });

  it('a partial named with its folder, as `templates eject` names it ({{> partials/person}}), is said with the name meant', () => {
    const [problem, ...rest] = templateProblems(withReport('{{#each workshop.organizers}}{{> partials/person}}{{/each}}\n'), jobs, 'en');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ code: 'template-missing-partial', message: 'The partial “partials/person” does not exist.', location: { file: 'templates/report.md.hbs', start: { line: 1, column: 30 } } });
    expect(problem?.hint).toBe('Partials live in templates/partials/NAME.md.hbs. Did you mean “person”? A partial is named without its folder: {{> person}}.');
    // Misspelt too, and written as the file's path.
    expect(templateProblems(withReport('{{> templates/partials/persn.md.hbs}}\n'), jobs, 'en')[0]?.hint).toContain('Did you mean “person”? A partial is named without its folder: {{> person}}.');
    // Without the folder, as before.
    expect(templateProblems(withReport('{{> persn}}\n'), jobs, 'en')[0]?.hint).toBe('Partials live in templates/partials/NAME.md.hbs. Did you mean “person”?');
  });

  it('a helper given fewer values than it needs, or a part of the data with fields where it takes a text, is found before rendering, at the call', () => {
    const found = (text: string) => templateProblems(withReport(text), jobs, 'en').map((d) => `${d.location?.start.line}:${d.location?.start.column} ${d.code} ${d.message}`);
    expect(found('{{cell}} {{gt 1}} {{date}}\n')).toEqual([
      '1:1 template-syntax {{cell}} takes a text; this call gives none.',
      '1:10 template-syntax {{gt}} takes two numbers to compare; this call gives one.',
      '1:19 template-syntax {{date}} takes a date, YYYY-MM-DD; this call gives none, and what it is in has no “date” field for it to format.',
    ]);
    expect(found('{{slug workshop.dates}}\n{{indent}}\n{{sortBy sessions "title"}}\n')).toEqual([
      '1:8 template-runtime workshop.dates has fields (start, end): {{slug}} takes a text, not a part of the data with fields.',
      '2:1 template-syntax {{indent}} takes a text, and how many spaces to indent its lines after the first (2 when not given); this call gives none.',
      '3:1 template-runtime {{sortBy sessions "title"}} prints a list (of id, number, title, date, type, …): the report would show “[object Object]”.',
    ]);
    // {{date}} in an item with a date formats it; a helper's text given a field of the data, or a helper's result, is fine.
    expect(found('{{#each sessions}}{{date}}{{cell title}}{{/each}}{{cell (join countries "name")}}{{yaml (concat workshop.title ", " workshop.location.city)}}\n')).toEqual([]);
  });

  it('a stray {{else}} or {{/if}} is said as such, at its {{', () => {
    const found = (text: string) => templateProblems(withReport(text), jobs, 'en').map((d) => `${d.location?.start.line}:${d.location?.start.column} ${d.message}`);
    expect(found('# {{t "introduction"}}\nX {{else}} Y\n')).toEqual(['2:3 {{else}} is outside any {{#if}}, {{#each}} or {{#unless}} block.']);
    expect(found('# {{t "introduction"}}\nX {{/if}} Y\n')).toEqual(['2:3 {{/if}} closes no block: no {{#if …}} is open here.']);
    // Another syntax error is at the token the parser stopped at, not at the caret of Handlebars' cut excerpt.
    expect(found('# {{t "introduction"}}\n{{workshop.title)}}\n')).toEqual(['2:17 Template syntax error near “)”.']);
  });

  it('the same text under another path is reported at that path', () => {
    const at = (displayPath: string) => new Map([...bundledTemplates(), ['report.md.hbs', { text: '{{nope}}\n', displayPath, overridden: true }]]);
    expect(templateProblems(at('a/templates/report.md.hbs'), jobs, 'en')[0]!.location?.file).toBe('a/templates/report.md.hbs');
    expect(templateProblems(at('b/templates/report.md.hbs'), jobs, 'en')[0]!.location?.file).toBe('b/templates/report.md.hbs');
  });
});
