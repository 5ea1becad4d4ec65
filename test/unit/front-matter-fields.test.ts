/**
 * Issue #15, item 4: front-matter values are Markdown to pandoc. Every value the templates write
 * into the front matter, in every document and both report languages, is read back as pandoc reads
 * it (YAML, then each string through the Markdown parser) and must show exactly the notes' text; the
 * PDF typesetter's reading of the same front matter must give that text too.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { consolidate } from '../../src/consolidate/index.js';
import { markDocument } from '../../src/editions/index.js';
import { frenchSpacing } from '../../src/i18n/index.js';
import { parseGfm } from '../../src/markdown/parse.js';
import { render } from '../../src/render/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { readFrontMatter } from '../../src/typeset/front-matter.js';
import { parseMarkdown } from '../../src/typeset/markdown.js';
import { bundledTemplates, checked, WORKSHOP } from './helpers.js';
import { HOSTILE as BODY_HOSTILE } from './render-helpers.js';

// The body's hostile texts, and the issue's own examples.
const HOSTILE = [
  ...BODY_HOSTILE,
  'Border <script>alert(1)</script> workshop',
  'Ministry of *Interior*',
  '# Subtitle that starts a heading',
  '[x](javascript:alert(1))',
  'Ends with #',
  '+ plus',
  '= setext',
  '2) list',
  '<https://example.org>',
  'https://example.org/autolink',
  // GFM reads no escape inside a literal autolink: these showed backslashes before `https\\://`.
  'See https://example.org/a_b*c* or HTTP://x.org/[1]',
  'www.example.org/x_y_ and (www.example.org/*)',
  'mail a_b@example.org_',
  // pandoc's own inline syntax: math, superscript, citations.
  'costs $5 to $10, x^2^ and $y$, (@cite) @key',
  'x[^1] footnote',
  'Quotes: « hello » ; ok ? yes !',
  'a\\',
];

const J = JSON.stringify;
/** Fixed, so a run is repeatable; FC_SEED tries others. */
const SEED = Number(process.env.FC_SEED ?? 20221115);
type Language = 'en' | 'fr';

/** The notes with `text` in every plain-text field that reaches the front matter. */
function notes(text: string, language: Language) {
  const workshop = WORKSHOP
    // Replacer functions: a `$&` in the text must not be read as a replacement pattern.
    .replace('title: Border Security Workshop', () => [
      `title: ${J(text)}`,
      `subtitle: ${J(text)}`,
      `short_title: ${J(text)}`,
      `language: ${language}`,
      `location: { city: ${J(text)}, country: MAR }`,
      'partners:',
      `  - { id: host, name: ${J(text)} }`,
      `  - { id: donor, name: Donor Agency, acronym: ${J(text)} }`,
    ].join('\n'))
    .replace('    name: UNOCT Programme Office', () => `    name: ${J(text)}`);
  return checked({ workshop });
}

/** Every document of the default set, rendered with `text` everywhere; then marked as an edition would be. */
function documents(text: string, language: Language): Array<{ file: string; markdown: string }> {
  const result = render(consolidate(notes(text, language), countryTable()), bundledTemplates(), ['report', 'recommendations', 'country-briefs']);
  expect(result.diagnostics).toEqual([]);
  return result.documents.map((d) => ({ file: d.file, markdown: markDocument(d.markdown, text) }));
}

function frontMatter(markdown: string): Record<string, unknown> {
  expect(markdown.startsWith('---\n')).toBe(true);
  return parseYaml(markdown.slice(4, markdown.indexOf('\n---\n'))) as Record<string, unknown>;
}

/** Every string of the front matter, with its key (`organizers[1]`). */
function strings(yaml: Record<string, unknown>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(yaml)) {
    if (typeof value === 'string') out.push([key, value]);
    else if (Array.isArray(value)) value.forEach((item, i) => typeof item === 'string' && out.push([`${key}[${i}]`, item]));
  }
  return out;
}

/** What pandoc shows of a front-matter string: its text, read as Markdown. */
const shown = (value: string) => toString(parseGfm(value));

/**
 * The kinds of Markdown node a value makes: plain text is a paragraph of text, nothing else. (A bare
 * `https://…` is text to pandoc, a link to GFM showing the same text: GFM's literal autolinks,
 * as in the body, are not counted.)
 */
function kinds(value: string): string[] {
  const found = new Set<string>();
  const walk = (node: Nodes) => {
    const literal = node.type === 'link' && /^(https?:|mailto:)/i.test(node.url) && node.url.endsWith(toString(node));
    if (literal) return;
    found.add(node.type);
    if ('children' in node) for (const child of node.children) walk(child as Nodes);
  };
  walk(parseGfm(value));
  return [...found].filter((kind) => kind !== 'root' && kind !== 'paragraph' && kind !== 'text');
}

/** The text each front-matter value must show: the notes' text, with the report language's typography. */
function expected(text: string, language: Language) {
  const t = (s: string) => (language === 'fr' ? frenchSpacing(s) : s).trim();
  const country = language === 'fr' ? 'Maroc' : 'Morocco';
  return {
    title: t(text), subtitle: t(text), short_title: t(text), place: t(`${text}, ${country}`), classification: text.trim(),
    organizers: ['United Nations Counter-Terrorism Centre (UNCCT)', t(text)],
    partners: [t(text), t(`Donor Agency (${text})`)],
  };
}

function checkDocuments(text: string, language: Language): void {
  const want = expected(text, language);
  for (const { file, markdown } of documents(text, language)) {
    const yaml = frontMatter(markdown);
    // As pandoc reads it: every string shows its text and makes no markup (no HTML, link, emphasis, heading).
    for (const [key, value] of strings(yaml)) expect(kinds(value), `${file} ${key}: ${J(value)}`).toEqual([]);
    const read = (value: unknown) => shown(String(value)).trim();
    expect({
      title: read(yaml.title), subtitle: read(yaml.subtitle), short_title: read(yaml.short_title), place: read(yaml.place),
      classification: read(yaml.classification),
      organizers: (yaml.organizers as string[]).map(read), partners: (yaml.partners as string[]).map(read),
    }, file).toEqual(want);
    // As the PDF typesetter (and the HTML writer) reads it: the same plain text.
    const front = readFrontMatter(parseMarkdown(markdown));
    expect({
      title: front.title, subtitle: front.subtitle, short_title: front.shortTitle, place: front.place,
      classification: front.classification, organizers: front.organizers, partners: front.partners,
    }, file).toEqual(want);
  }
}

describe('every front-matter value, as pandoc reads it', () => {
  for (const language of ['en', 'fr'] as const) {
    it.each(HOSTILE)(`${language}: %s`, (text) => checkDocuments(text, language));
  }

  it('any text made of Markdown punctuation reads back as itself (property)', () => {
    const alphabet = [...'\\`*_[]()<>|~&#!+-=.:;?«»"\'/$^@ aZ1é', '&amp;', '&#65;', 'javascript:', '<script>', '](', 'https://', 'www.', '@x.org', '\u00a0', '\t'];
    const text = fc.array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: 14 }).map((parts) => parts.join(''))
      .filter((s) => s.trim().length > 0 && /\S/.test(s.replace(/\u00a0/g, '')));
    fc.assert(fc.property(text, fc.constantFrom<Language>('en', 'fr'), (t, language) => { checkDocuments(t, language); }), { numRuns: 150, seed: SEED });
  });

  it('a logo path reads back unchanged, whatever Markdown it looks like', () => {
    const logo = 'assets/un_logo *2022* [v1].png';
    const workshop = `${WORKSHOP}report:\n  logo: ${J(logo)}\n`;
    const result = render(consolidate(checked({ workshop, assets: [logo] }), countryTable()), bundledTemplates(), ['report']);
    const markdown = result.documents[0]!.markdown;
    expect(shown(String(frontMatter(markdown).logo))).toBe(logo);
    expect(readFrontMatter(parseMarkdown(markdown)).logo).toBe(logo);
  });

  it('an (md) field a custom template puts in the front matter is the sanitised Markdown the body shows', () => {
    const summary = 'Opening <script>alert(1)</script> with **bold** and [a link](javascript:alert(1)).\n\nSecond <b>paragraph</b>.';
    const workshop = WORKSHOP.replace('title: Border Security Workshop', () => `title: Border Security Workshop\nsummary: ${J(summary)}`);
    const templates = bundledTemplates();
    templates.set('press.md.hbs', { text: '---\ntitle: {{yaml workshop.title}}\nabstract: {{yaml workshop.summary}}\n---\n{{workshop.summary}}\n', displayPath: 'press.md.hbs', overridden: true });
    const result = render(consolidate(checked({ workshop }), countryTable()), templates, [{ name: 'press', template: 'press.md.hbs' }]);
    expect(result.diagnostics).toEqual([]);
    const markdown = result.documents[0]!.markdown;
    const abstract = String(frontMatter(markdown).abstract);
    const tree = parseGfm(abstract);
    const all: Nodes[] = [];
    const walk = (node: Nodes) => { all.push(node); if ('children' in node) for (const child of node.children) walk(child as Nodes); };
    walk(tree);
    // Markup the notes wrote stays markup; HTML and unsafe links from the notes do not.
    expect(all.filter((n) => n.type === 'html')).toEqual([]);
    expect(all.filter((n) => n.type === 'link')).toEqual([]);
    expect(all.some((n) => n.type === 'strong')).toBe(true);
    const body = parseMarkdown(markdown);
    expect(toString(tree)).toBe(toString({ type: 'root', children: body.children.filter((c) => c.type !== 'yaml') }));
  });

  // The real reader. CI installs it (.ci/run) and must run this; a developer's machine without pandoc
  // skips it (the tests above use the same parser as the typesetter). `-smart`: pandoc's smart
  // punctuation (-- → –, quotes) is typography, not markup.
  const pandoc = (() => {
    try { execFileSync('pandoc', ['--version'], { stdio: 'ignore' }); return true; } catch { return false; }
  })();
  it.skipIf(!pandoc && !process.env.CI).each(HOSTILE)('pandoc itself shows the text: %s', (text) => {
    if (!pandoc) throw new Error('pandoc is not installed: in CI, .ci/run installs it (apt-get install pandoc).');
    const dir = mkdtempSync(join(tmpdir(), 'wr-pandoc-'));
    const template = join(dir, 'meta.txt');
    writeFileSync(template, '$title$\n$subtitle$\n$short_title$\n$place$\n$for(organizers)$$organizers$\n$endfor$$for(partners)$$partners$\n$endfor$$classification$\n');
    const { markdown } = documents(text, 'en')[0]!;
    const out = execFileSync('pandoc', ['-f', 'markdown-smart', '-t', 'plain', '-s', '--wrap=none', `--template=${template}`], { input: markdown }).toString();
    const want = expected(text, 'en');
    // pandoc collapses runs of spaces, as HTML does.
    const squeeze = (s: string) => s.replace(/ {2,}/g, ' ');
    expect(out.split('\n').slice(0, -1)).toEqual([want.title, want.subtitle, want.short_title, want.place, ...want.organizers, ...want.partners, want.classification].map(squeeze));
  });
});
