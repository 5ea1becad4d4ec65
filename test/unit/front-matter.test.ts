import { toString } from 'mdast-util-to-string';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { consolidate } from '../../src/consolidate/index.js';
import { parseGfm } from '../../src/markdown/parse.js';
import { render } from '../../src/render/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { readFrontMatter } from '../../src/typeset/front-matter.js';
import { parseMarkdown } from '../../src/typeset/markdown.js';
import { bundledTemplates, checked, WORKSHOP } from './helpers.js';
import { HOSTILE as BODY_HOSTILE } from './render-helpers.js';

// The hostile texts the body is tested with (render.test.ts), and the ones the issue found.
const HOSTILE = [...BODY_HOSTILE, 'Border <script>alert(1)</script> workshop', 'Ministry of *Interior*', 'Ends with #'];

/** Renders the report with `text` in every front-matter field the notes fill; returns its front matter. */
function frontMatterWith(text: string): { yaml: Record<string, unknown>; markdown: string } {
  const q = JSON.stringify(text);
  const workshop = WORKSHOP
    .replace('title: Border Security Workshop', `title: ${q}\nsubtitle: ${q}\nshort_title: ${q}\nlocation: { city: ${q}, country: MAR }`)
    .replace('    name: UNOCT Programme Office', `    name: ${q}`);
  const result = render(consolidate(checked({ workshop }), countryTable()), bundledTemplates(), ['report']);
  const markdown = result.documents[0]!.markdown;
  const yaml = parse(markdown.slice(4, markdown.indexOf('\n---\n'))) as Record<string, unknown>;
  return { yaml, markdown };
}

/** What pandoc shows of a front-matter string: its text, read as Markdown. */
const shown = (value: string) => toString(parseGfm(value));

describe('front matter as pandoc reads it', () => {
  it.each(HOSTILE)('%s: every value shows exactly the text of the notes', (text) => {
    const { yaml } = frontMatterWith(text);
    for (const key of ['title', 'subtitle', 'short_title']) expect(shown(String(yaml[key])), key).toBe(text);
    expect(shown(String(yaml.place))).toBe(`${text}, Morocco`);
    expect((yaml.organizers as string[]).map(shown)).toContain(text);
    // Nothing pandoc would turn into markup: no HTML, link, emphasis or heading node.
    for (const value of [yaml.title, yaml.subtitle, yaml.short_title]) {
      const tree = parseGfm(String(value));
      const kinds = new Set<string>();
      const walk = (node: { type: string; children?: unknown[] }) => { kinds.add(node.type); node.children?.forEach((child) => walk(child as { type: string })); };
      walk(tree as unknown as { type: string });
      expect([...kinds].filter((kind) => !['root', 'paragraph', 'text'].includes(kind))).toEqual([]);
    }
  });

  it.each(HOSTILE)('%s: the PDF cover still gets the plain text', (text) => {
    const { markdown } = frontMatterWith(text);
    const front = readFrontMatter(parseMarkdown(markdown));
    expect(front.title).toBe(text.trim());
    expect(front.subtitle).toBe(text.trim());
    expect(front.organizers).toContain(text.trim());
  });
});
