/** Builders and checks shared by render.test.ts and known-bugs.test.ts. */
import GithubSlugger from 'github-slugger';
import type { Root } from 'mdast';
import { expect } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { consolidate } from '../../src/consolidate/index.js';
import { render } from '../../src/render/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { bundledTemplates, checked, session, WORKSHOP } from './helpers.js';
import { headings, ofType, parseMarkdown, rows, shape, toString } from './markdown-tree.js';

const J = JSON.stringify;
const BOTH = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';
export const DOCUMENTS = ['report', 'recommendations', 'country-briefs'] as const;

/** A project where one plain-text value `h` is used as every kind of plain text the templates place. */
export function plainTextProject(h: string) {
  const workshop = WORKSHOP
    .replace('title: Border Security Workshop', `title: ${J(h)}`)
    .replace('    title: Known or suspected terrorists', `    title: ${J(h)}`)
    + `  - group: ${J(h)}\n    total: 2\n`;
  const a = session({ title: J(h), extra: `${BOTH}\nchairs:\n  - name: ${J(h)}\nspeakers:\n  - name: ${J(h)}\n    topic: ${J(h)}\nrecommendations:\n  - text: Do it.\n    theme: kst\n    addressed_to: [MLI]` });
  return checked({ workshop, sessions: { 'sessions/a.yaml': a }, countries: { 'countries/MLI.yaml': `country: MLI\ninstitutions:\n  - ${J(h)}\n` } });
}

export function renderAll(project: ReturnType<typeof checked>) {
  const result = render(consolidate(project, countryTable()), bundledTemplates(), [...DOCUMENTS]);
  expect(result.diagnostics).toEqual([]);
  const doc = (file: string) => {
    const found = result.documents.find((d) => d.file === file);
    if (!found) throw new Error(`no ${file}`);
    return parseMarkdown(found.markdown);
  };
  return { report: doc('report.md'), brief: doc('countries/MLI.md'), recommendations: doc('recommendations.md') };
}

let benignRender: ReturnType<typeof renderAll> | undefined;

/** Every check of plain-text safety for one value `h`, against the same project with a harmless value. */
export function expectPlainTextSafe(h: string): void {
  benignRender ??= renderAll(plainTextProject('Plain words'));
  const benign = benignRender;
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

  // Front matter, as pandoc shows it (its strings are Markdown).
  const front = parseYaml(ofType(report, 'yaml')[0]!.value) as Record<string, string>;
  expect({ title: toString(parseMarkdown(front.title!)), short_title: toString(parseMarkdown(front.short_title!)) }).toEqual({ title: h.trim(), short_title: h.trim() });

  // No html node but the chart directive, no link but the document's own anchors.
  expect(ofType(report, 'html').every((n) => n.value.startsWith('<!-- wr:chart '))).toBe(true);
  for (const link of ofType(report, 'link')) expect(link.url).toMatch(/^#/);
  for (const link of ofType(brief, 'link')) expect(link.url).toMatch(/^\.\.\/report\.md(#|$)/);

  // The programme links to the session heading by the slug GitHub gives it.
  const programmeLink = ofType(ofType(report, 'table').at(-1)!, 'link')[0]!;
  expect(programmeLink.url).toBe(`#${new GithubSlugger().slug(`Session 1: ${h}`)}`);
}

/** Session 1 has the hostile (md) summary; session 2 follows and must still be a level-2 heading. */
export function mdProject(summary: string, keyPoint = 'A point.') {
  const a = session({ title: 'First', order: 1, extra: `${BOTH}\nkey_points:\n  - ${J(keyPoint)}` }).replace('summary: Something was discussed.', `summary: ${J(summary)}`);
  const b = session({ title: 'Second', order: 2 });
  return renderAll(checked({ sessions: { 'sessions/a.yaml': a, 'sessions/b.yaml': b } })).report;
}

/** The nodes between the heading `Session 1: First` and the next level ≤ 2 heading. */
export function sessionOne(report: Root) {
  const start = report.children.findIndex((n) => n.type === 'heading' && toString(n) === 'Session 1: First');
  const end = report.children.findIndex((n, i) => i > start && n.type === 'heading' && n.depth <= 2);
  return { start, end, nodes: report.children.slice(start + 1, end) };
}

/** The heading after session 1 is still `## Session 2: Second`. */
export function expectIntact(report: Root): void {
  const { end } = sessionOne(report);
  const next = report.children[end];
  expect(next?.type).toBe('heading');
  expect(next && toString(next)).toBe('Session 2: Second');
  expect(next && next.type === 'heading' && next.depth).toBe(2);
}

/** Plain texts that would be markup, HTML or a script if they were not escaped. */
export const HOSTILE = [
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
