import { describe, expect, it } from 'vitest';
import type { RectBox } from '../../src/typeset/layout/boxes.js';
import { parseChartDirective } from '../../src/markdown/chart.js';
import { resolveLink } from '../../src/typeset/layout/inline.js';
import { input } from './helpers.js';
import { contentTexts, layout } from './layout-helpers.js';

const table = '| Group | Women | Men |\n|---|---|---|\n| States | 15 | 35 |\n| Organizations | 3 | 7 |\n| Civil society | 1 | 3 |\n';
const doc = (body: string): string => `---\ntitle: T\n---\n\n# Body\n\n${body}`;

describe('chart directive', () => {
  it('parses columns and the table option', () => {
    expect(parseChartDirective('<!-- wr:chart stacked-bars columns="Women,Men" table="drop" -->')).toEqual({ columns: ['Women', 'Men'], keepTable: false });
    expect(parseChartDirective('<!-- wr:chart stacked-bars columns="A" -->')).toEqual({ columns: ['A'], keepTable: true });
    expect(parseChartDirective('<!-- just a comment -->')).toBeUndefined();
  });

  it('draws one stacked bar per row, in the accent colour and a tint, with a legend', () => {
    const r = layout(input(doc(`<!-- wr:chart stacked-bars columns="Women,Men" table="drop" -->\n\n${table}`)));
    const page = r.pages[r.pages.length - 1];
    const figure = new Set(r.struct.filter((n) => n.type === 'Figure').map((n) => n.id));
    const rects = (page?.boxes ?? []).filter((b): b is RectBox => b.kind === 'rect' && b.sid !== undefined && figure.has(b.sid));
    expect(rects).toHaveLength(2 + 3 * 2);
    const colors = new Set(rects.map((b) => b.fill));
    expect(colors).toContain('#1F4E79');
    expect(colors.size).toBe(2);
    const words = contentTexts(page?.boxes ?? []).map((b) => b.text);
    expect(words).toEqual(expect.arrayContaining(['Women', 'Men', 'States', 'Civil society', '50']));
    expect(words).not.toContain('Group');
    // The women's segment of the first bar is 15/50 of its length.
    const bars = rects.filter((b) => b.height > 10).sort((a, b) => a.y - b.y || a.x - b.x);
    const [w, m] = [bars[0], bars[1]];
    expect((w?.width ?? 0) / ((w?.width ?? 0) + (m?.width ?? 0))).toBeCloseTo(0.3, 5);
  });

  it('describes the chart in the document\'s language: its front matter\'s, else the edition\'s', () => {
    const chart = `<!-- wr:chart stacked-bars columns="Women,Men" table="drop" -->\n\n${table}`;
    const alt = (markdown: string, language?: 'en' | 'fr') => layout(input(markdown, language ? { language } : {})).struct.find((n) => n.type === 'Figure')?.alt;
    expect(alt(doc(chart))).toBe('Stacked bar chart of Women and Men: States 15 and 35; Organizations 3 and 7; Civil society 1 and 3.');
    expect(alt(doc(chart), 'fr')).toBe('Diagramme à barres empilées (Women et Men)\u202f: States 15 et 35\u202f; Organizations 3 et 7\u202f; Civil society 1 et 3.');
    expect(alt(`---\ntitle: T\nlang: fr-CA\n---\n\n# Body\n\n${chart}`, 'en')).toMatch(/^Diagramme à barres empilées/);
  });

  it('leaves the bold totals row out of the bars', () => {
    const r = layout(input(doc(`<!-- wr:chart stacked-bars columns="Women,Men" table="drop" -->\n\n${table}| **Total** | **19** | **45** |\n`)));
    const words = r.pages.flatMap((p) => contentTexts(p.boxes).map((b) => b.text));
    expect(words).not.toContain('Total');
    expect(words).toContain('Civil society');
  });

  it('keeps the table after the chart with table="keep"; other HTML shows its words, not its tags', () => {
    const r = layout(input(doc(`<div>x</div>\n\n<!-- wr:chart stacked-bars columns="Women,Men" table="keep" -->\n\n${table}`)));
    const words = r.pages.flatMap((p) => contentTexts(p.boxes).map((b) => b.text));
    expect(words).toContain('Group');
    // A template's block of HTML was dropped without a word (see liftRawHtml).
    expect(words).toContain('x');
    expect(words.join(' ')).not.toContain('<div>');
  });
});

describe('links', () => {
  it('classifies targets', () => {
    expect(resolveLink('https://un.org')).toEqual({ kind: 'uri', uri: 'https://un.org' });
    expect(resolveLink('mailto:a@b.org')).toEqual({ kind: 'uri', uri: 'mailto:a@b.org' });
    expect(resolveLink('#trends-threats')).toEqual({ kind: 'dest', name: 'trends-threats' });
    expect(resolveLink('../report.md#trends-threats')).toEqual({ kind: 'file', file: '../report.pdf', dest: 'trends-threats' });
    expect(resolveLink('annex.pdf')).toEqual({ kind: 'file', file: 'annex.pdf' });
    expect(resolveLink('annex.docx')).toBeUndefined();
    expect(resolveLink('countries/MLI.md')).toEqual({ kind: 'file', file: 'countries/MLI.pdf' });
    expect(resolveLink('javascript:alert(1)')).toBeUndefined();
    expect(resolveLink('ftp://x.org/a')).toBeUndefined();
  });
});

describe('headings', () => {
  it('start a new page at level 1 and keep at least two lines of what follows', () => {
    const filler = Array.from({ length: 44 }, (_, i) => `Line ${i}  `).join('\n');
    const r = layout(input(doc(`${filler}\n\n## Late heading\n\nOne two three four five six seven eight nine ten. `.repeat(1) + 'word '.repeat(300))));
    const at = r.pages.findIndex((p) => contentTexts(p.boxes).some((b) => b.text === 'Late heading'));
    const page = r.pages[at];
    const heading = contentTexts(page?.boxes ?? []).find((b) => b.text === 'Late heading');
    const below = contentTexts(page?.boxes ?? []).filter((b) => heading && b.y > heading.y);
    expect(new Set(below.map((b) => b.y)).size).toBeGreaterThanOrEqual(2);
  });
});
