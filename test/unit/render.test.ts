import GithubSlugger from 'github-slugger';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { consolidate } from '../../src/consolidate/index.js';
import { render } from '../../src/render/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { bundledTemplates, checked, session, WORKSHOP } from './helpers.js';
import { all, headings, ofType, parseMarkdown, rows, shape, toString } from './markdown-tree.js';

const J = JSON.stringify;
const BOTH = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';
const DOCUMENTS = ['report', 'recommendations', 'country-briefs'] as const;

/** A project where one plain-text value `h` is used as every kind of plain text the templates place. */
function plainTextProject(h: string) {
  const workshop = WORKSHOP
    .replace('title: Border Security Workshop', `title: ${J(h)}`)
    .replace('    title: Known or suspected terrorists', `    title: ${J(h)}`)
    + `  - group: ${J(h)}\n    total: 2\n`;
  const a = session({ title: J(h), extra: `${BOTH}\nchairs:\n  - name: ${J(h)}\nspeakers:\n  - name: ${J(h)}\n    topic: ${J(h)}\nrecommendations:\n  - text: Do it.\n    theme: kst\n    addressed_to: [MLI]` });
  return checked({ workshop, sessions: { 'sessions/a.yaml': a }, countries: { 'countries/MLI.yaml': `country: MLI\ninstitutions:\n  - ${J(h)}\n` } });
}

function renderAll(project: ReturnType<typeof checked>) {
  const result = render(consolidate(project, countryTable()), bundledTemplates(), [...DOCUMENTS]);
  expect(result.diagnostics).toEqual([]);
  const doc = (file: string) => {
    const found = result.documents.find((d) => d.file === file);
    if (!found) throw new Error(`no ${file}`);
    return parseMarkdown(found.markdown);
  };
  return { report: doc('report.md'), brief: doc('countries/MLI.md'), recommendations: doc('recommendations.md') };
}

const HOSTILE = [
  'A | B',
  '*bold* and _under_ and __strong__',
  '# Not a heading',
  '<script>alert(1)</script>',
  'Uses `code` spans',
  '[x](javascript:alert(1))',
  'Fish &amp; Chips &#65; &copy;',
  '1. Not a list',
  '- Not a bullet',
  '> Not a quote',
  '***',
  '<!-- a comment -->',
  '~~not struck~~',
  'back\\slash \\* and \\|',
  '[ ] not a task',
  '![img](x.png)',
];

/** Every check of plain-text safety for one value `h`, against the same project with a harmless value. */
export function expectPlainTextSafe(h: string): void {
  const benign = renderAll(plainTextProject('Plain words'));
  const { report, brief, recommendations } = renderAll(plainTextProject(h));

  // The document structure is that of a harmless value: no heading, link, html, list or cell added.
  expect(shape(report)).toEqual(shape(benign.report));
  expect(shape(brief)).toEqual(shape(benign.brief));
  expect(shape(recommendations)).toEqual(shape(benign.recommendations));

  // Headings: session and theme.
  expect(headings(report)).toContainEqual({ depth: 2, text: `Session 1: ${h}` });
  expect(headings(report)).toContainEqual({ depth: 2, text: `1. ${h}` });
  expect(headings(recommendations)).toContainEqual({ depth: 2, text: `1. ${h}` });
  expect(headings(brief)).toContainEqual({ depth: 3, text: `Session 1: ${h}` });

  // Running text, list items, emphasis.
  expect(ofType(report, 'paragraph').map((p) => toString(p))).toContain(`Date: 9 May 2022 · Type: Plenary · Chair: ${h}`);
  const speaker = ofType(report, 'listItem').find((item) => toString(item) === `${h}: ${h}`);
  expect(speaker).toBeDefined();
  expect(ofType(speaker!, 'emphasis').map((e) => toString(e))).toEqual([h]);
  expect(ofType(brief, 'listItem').map((item) => toString(item))).toContain(h);

  // Table cells stay one cell each.
  const tables = ofType(report, 'table').map(rows);
  expect(tables.at(-1)![1]).toEqual([`1. ${h}`, 'Plenary', h]);
  expect(tables[0]!.find((row) => row[0] === h)).toEqual([h, '2', '—', '—', '—']);

  // Front matter.
  expect(parseYaml(ofType(report, 'yaml')[0]!.value)).toMatchObject({ title: h, short_title: h });

  // No html node but the chart directive, no link but the document's own anchors.
  expect(ofType(report, 'html').every((n) => n.value.startsWith('<!-- wr:chart '))).toBe(true);
  for (const link of ofType(report, 'link')) expect(link.url).toMatch(/^#/);
  for (const link of ofType(brief, 'link')) expect(link.url).toMatch(/^\.\.\/report\.md(#|$)/);

  // The programme links to the session heading by the slug GitHub gives it.
  const programmeLink = ofType(ofType(report, 'table').at(-1)!, 'link')[0]!;
  expect(programmeLink.url).toBe(`#${new GithubSlugger().slug(`Session 1: ${h}`)}`);
}

describe('plain text is shown exactly as written', () => {
  it.each(HOSTILE)('%s', (h) => expectPlainTextSafe(h));
});

/** Session 1 has the hostile (md) summary; session 2 follows and must still be a level-2 heading. */
function mdProject(summary: string, keyPoint = 'A point.') {
  const a = session({ title: 'First', order: 1, extra: `${BOTH}\nkey_points:\n  - ${J(keyPoint)}` }).replace('summary: Something was discussed.', `summary: ${J(summary)}`);
  const b = session({ title: 'Second', order: 2 });
  return renderAll(checked({ sessions: { 'sessions/a.yaml': a, 'sessions/b.yaml': b } })).report;
}

/** The nodes between the heading `Session 1: First` and the next level ≤ 2 heading. */
function sessionOne(report: ReturnType<typeof mdProject>) {
  const start = report.children.findIndex((n) => n.type === 'heading' && toString(n) === 'Session 1: First');
  const end = report.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= 2);
  return { start, end, nodes: report.children.slice(start + 1, end) };
}

describe('(md) text cannot break the document around it', () => {
  const expectIntact = (report: ReturnType<typeof mdProject>) => {
    const { end } = sessionOne(report);
    const next = report.children[end];
    expect(next?.type).toBe('heading');
    expect(next && toString(next)).toBe('Session 2: Second');
    expect(next && next.type === 'heading' && next.depth).toBe(2);
  };

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
    expect(result.diagnostics.map((d) => d.code)).toEqual(['template-missing-partial']);
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
