import { describe, expect, it } from 'vitest';
import { typeset } from '../../src/typeset/index.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import type { TypesetOutput } from '../../src/typeset/types.js';
import { fixture, input } from './helpers.js';
import { allText, openPdf, pageText } from './read-pdf.js';

const latin1 = (pdf: Uint8Array): string => Buffer.from(pdf).toString('latin1');

describe('the example report as a PDF', async () => {
  const out: TypesetOutput = await typeset(input(fixture('report.md')));
  const doc = await openPdf(out.pdf);
  const pages = await allText(doc);

  it('reports its page count and no diagnostics', () => {
    expect(doc.numPages).toBe(out.pages);
    expect(out.pages).toBeGreaterThan(8);
    expect(out.diagnostics).toEqual([]);
  });

  it('keeps accents and typographic characters in the text', () => {
    const text = pages.join(' ');
    for (const s of ['Côte d’Ivoire', 'Aïssata Traoré', '« sans discrimination »', '9–13 May 2022', 'good practices — rather', 'Chloé Lefèvre', '« le cœur de la prévention »']) {
      expect(text).toContain(s);
    }
  });

  it('reads the cover in order', () => {
    const cover = pages[0] ?? '';
    const order = ['WORKSHOP REPORT', 'Regional Workshop on Good Practices', 'Enhancing capacities', '9–13 May 2022', 'Rabat, Morocco', 'ORGANIZED BY', 'United Nations Counter-Terrorism Centre', 'WITH THE SUPPORT OF', 'Kingdom of Morocco'];
    const at = order.map((s) => cover.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
  });

  it('embeds the Source Sans 3 and Source Code Pro subsets', () => {
    const raw = latin1(out.pdf);
    const names = new Set([...raw.matchAll(/\/FontName \/([A-Z]{6}\+[\w-]+)/g)].map((m) => m[1]?.split('+')[1]));
    expect([...names].some((n) => n?.startsWith('SourceSans3'))).toBe(true);
    expect(raw).toContain('/FontFile2');
  });

  it('prints "Page 2 of N" on page 2 and the running header', () => {
    expect(pages[1]).toContain(`Page 2 of ${out.pages}`);
    expect(pages[1]).toContain('Border Security Management Workshop');
    expect(pages[0]).not.toContain('Page 1 of');
  });

  it('repeats the header of a table that continues on the next page', () => {
    const withRows = pages.map((t, i) => ({ t, i })).filter(({ t }) => /\bR(0[1-9]|[1-3]\d|40)\b/.test(t) && t.includes('Priority'));
    expect(withRows.length).toBeGreaterThanOrEqual(2);
    for (const { t } of withRows) expect(t).toMatch(/No\. Theme Recommendation Lead Priority/);
  });

  it('is byte-for-byte reproducible', async () => {
    const again = await typeset(input(fixture('report.md')));
    expect(Buffer.compare(Buffer.from(again.pdf), Buffer.from(out.pdf))).toBe(0);
  });

  it('dates the document from the input, not the clock', async () => {
    const info = (await doc.getMetadata()).info as unknown as Record<string, unknown>;
    expect(info['CreationDate']).toBe('D:20220520100000Z');
    expect(info['ModDate']).toBe('D:20220520100000Z');
    expect(info['Title']).toBe('Regional Workshop on Good Practices in Border Security Management');
  });
});

describe('every CommonMark and GFM construct', async () => {
  const out = await typeset(input(fixture('all-constructs.md')));
  const doc = await openPdf(out.pdf);
  const text = (await allText(doc)).join(' ');

  it('renders without throwing and keeps the text', () => {
    for (const s of ['Heading 6', 'Setext heading', 'strikethrough', 'inline code', 'nested b', 'deep two', 'Nested quote.', 'indented code block', 'The footnote text']) {
      expect(text).toContain(s);
    }
    // HTML (only a template can write it) shows its words, without its tags, as in the HTML and DOCX (template-html).
    expect(text).toContain('raw html block');
    expect(text).not.toContain('<div>');
    expect(text).toContain('10 000 km');
  });

  it('reports the missing image once, with its position', () => {
    const img = out.diagnostics.filter((d) => d.code === 'image');
    expect(img).toHaveLength(1);
    expect(img[0]).toMatchObject({ severity: 'warning', stage: 'typeset', actual: 'nope.png', location: { file: 'report.md', start: { line: 35, column: 1 } } });
  });
});

describe('characters without a glyph', () => {
  it('emits one warning listing them, with the first position, and draws a placeholder', async () => {
    const md = '---\ntitle: Glyphs\n---\n\nHello\n\nSay مرحبا 你好 😀 twice: 你好.\n';
    const out = await typeset(input(md, { file: 'countries/MLI.md' }));
    const warnings = out.diagnostics.filter((d) => d.code === 'missing-glyph');
    expect(warnings).toHaveLength(1);
    const w = warnings[0];
    expect(w?.severity).toBe('warning');
    expect(w?.location).toMatchObject({ file: 'countries/MLI.md', start: { line: 7, column: 5, offset: md.indexOf('م') } });
    for (const cp of ['U+0645', 'U+4F60', 'U+1F600']) expect(w?.actual).toContain(cp);
    expect(w?.actual?.match(/U\+4F60/g)).toHaveLength(1);
    const doc = await openPdf(out.pdf);
    const last = await pageText(doc, doc.numPages);
    expect(last).toContain('Say ????? ?? ? twice: ??.');
  });
});

describe('robustness and options', () => {
  it('lays out a 20,000-character run without spaces in a paragraph, a table cell and code', async () => {
    const run = 'ab'.repeat(10_000);
    const md = `---\ntitle: Long\n---\n\n${run}\n\n| A | B |\n|---|---|\n| x | ${run} |\n\n\`\`\`\n${run}\n\`\`\`\n`;
    const out = await typeset(input(md));
    const text = (await allText(await openPdf(out.pdf))).join('').replace(/\s/g, '');
    // Page headers and footers cut the run at page ends; nothing else may be lost.
    expect(text.split('ab').length - 1).toBeGreaterThanOrEqual(29_950);
  });

  it('uses the caller’s words for the footer and the front matter language', async () => {
    const md = '---\ntitle: Rapport\nlang: fr\n---\n\n# Un\n\nTexte.\n\n# Deux\n\nTexte.\n';
    const out = await typeset(input(md, { labels: { page: 'Page {page} sur {pages}', contents: 'Table des matières', organizedBy: 'Organisé par', withSupportOf: 'Avec le soutien de' } }));
    const doc = await openPdf(out.pdf);
    expect(await pageText(doc, 2)).toContain('Page 2 sur 3');
    expect(Buffer.from(out.pdf).toString('latin1')).toMatch(/\/Lang \(fr\)/);
  });

  it('reports a logo that cannot be found at the front matter', async () => {
    const out = await typeset(input('---\ntitle: T\nlogo: nowhere.png\n---\n\nText.\n'));
    expect(out.diagnostics).toEqual([expect.objectContaining({ code: 'image', actual: 'nowhere.png', location: expect.objectContaining({ start: expect.objectContaining({ line: 1 }) }) })]);
  });

  it('works on Letter paper with a larger font', async () => {
    const out = await typeset(input(fixture('report.md'), { theme: resolveTheme({ page_size: 'Letter', font_size: 12, accent_color: '#7A1F3D' }) }));
    const doc = await openPdf(out.pdf);
    const page = await doc.getPage(1);
    expect(page.view).toEqual([0, 0, 612, 792]);
    expect(out.pages).toBeGreaterThan(10);
  });
});

describe('missing glyphs in the front matter', () => {
  it('points at the value in the front matter', async () => {
    const md = '---\ntitle: "Atelier 你好"\n---\n\nText.\n';
    const out = await typeset(input(md));
    expect(out.diagnostics[0]).toMatchObject({ code: 'missing-glyph', location: { start: { line: 2, column: 17, offset: md.indexOf('你') } } });
  });
});

describe('line endings', () => {
  it('typesets a CRLF document like its LF twin, without missing glyphs', async () => {
    const lf = fixture('all-constructs.md');
    const crlf = await typeset(input(lf.replace(/\n/g, '\r\n')));
    expect(crlf.diagnostics.filter((d) => d.code === 'missing-glyph')).toEqual([]);
    const a = (await allText(await openPdf(crlf.pdf))).join(' ');
    const b = (await allText(await openPdf((await typeset(input(lf))).pdf))).join(' ');
    expect(a).toBe(b);
  });
});

