import { describe, expect, it } from 'vitest';
import type { Box } from '../../src/typeset/layout/boxes.js';
import { fixture, input } from './helpers.js';
import { contentTexts, layout, overlaps, texts } from './layout-helpers.js';

const report = layout(input(fixture('report.md')));
const { margins } = input('').theme;
const { width: W, height: H } = report.page;

function bounds(b: Box): [number, number, number, number] | undefined {
  switch (b.kind) {
    case 'line':
      return [Math.min(b.x1, b.x2), Math.min(b.y1, b.y2), Math.max(b.x1, b.x2), Math.max(b.y1, b.y2)];
    case 'dest':
      return undefined;
    default:
      return [b.x, b.y, b.x + b.width, b.y + b.height];
  }
}

describe.each(['report.md', 'all-constructs.md'])('geometry of %s', (name) => {
  const doc = layout(input(fixture(name)));

  it('keeps body content inside the margins, and everything inside the page', () => {
    doc.pages.forEach((page, i) => {
      for (const b of page.boxes) {
        const r = bounds(b);
        if (!r) continue;
        expect(r[0]).toBeGreaterThanOrEqual(-0.01);
        expect(r[2]).toBeLessThanOrEqual(W + 0.01);
        expect(r[1]).toBeGreaterThanOrEqual(-0.01);
        expect(r[3]).toBeLessThanOrEqual(H + 0.01);
        const chrome = (b.kind === 'text' || b.kind === 'line') && b.artifact;
        if (i === 0 || chrome) continue;
        expect(r[0], JSON.stringify(b)).toBeGreaterThanOrEqual(margins.left - 0.01);
        expect(r[2], JSON.stringify(b)).toBeLessThanOrEqual(W - margins.right + 0.01);
        expect(r[1], JSON.stringify(b)).toBeGreaterThanOrEqual(margins.top - 0.01);
        expect(r[3], JSON.stringify(b)).toBeLessThanOrEqual(H - margins.bottom + 0.01);
      }
    });
  });

  it('never overlaps two text boxes', () => {
    for (const page of doc.pages) {
      const t = texts(page.boxes);
      for (let a = 0; a < t.length; a++) {
        for (let b = a + 1; b < t.length; b++) {
          const [p, q] = [t[a], t[b]];
          if (p && q && overlaps(p, q)) expect.fail(`"${p.text}" overlaps "${q.text}"`);
        }
      }
    }
  });
});

describe('layout boxes of the example report', () => {
  it('starts with the cover, then the contents, and puts header and footer on every other page', () => {
    expect(texts(report.pages[0]?.boxes ?? []).some((b) => b.artifact)).toBe(false);
    expect(contentTexts(report.pages[1]?.boxes ?? []).some((b) => b.text === 'Contents')).toBe(true);
    report.pages.slice(1).forEach((page, i) => {
      const chrome = texts(page.boxes).filter((b) => b.artifact).map((b) => b.text);
      expect(chrome).toContain(`Page ${i + 2} of ${report.pages.length}`);
      expect(chrome).toContain('Border Security Management Workshop');
    });
  });

  it('repeats the table header on the page where the recommendations continue', () => {
    const pageOf = (t: string): number => report.pages.findIndex((p) => contentTexts(p.boxes).some((b) => b.text === t));
    const first = pageOf('R01');
    const last = pageOf('R40');
    expect(last).toBeGreaterThan(first);
    for (let p = first; p <= last; p++) {
      const header = texts(report.pages[p]?.boxes ?? []).filter((b) => b.text === 'Recommendation' && b.style.font === 'bold');
      expect(header).toHaveLength(1);
    }
  });

  it('never leaves a heading as the last thing on a page', () => {
    const types = new Map(report.struct.map((n) => [n.id, n.type]));
    report.pages.slice(1).forEach((page) => {
      const body = contentTexts(page.boxes);
      const lowest = body.reduce((a, b) => (b.y > a.y ? b : a), body[0] ?? { y: 0, sid: undefined });
      const type = lowest.sid === undefined ? '' : (types.get(lowest.sid) ?? '');
      expect(type).not.toMatch(/^H\d$/);
    });
  });

  it('records each heading with the page it is on', () => {
    for (const h of report.headings) {
      const page = report.pages[h.page];
      expect(page?.boxes.some((b) => b.kind === 'dest' && b.name === h.id)).toBe(true);
    }
  });
});

describe('table rows', () => {
  const rows = Array.from({ length: 30 }, (_, i) => {
    const k = `k${String(i).padStart(2, '0')}`;
    return `| ${k} | ${Array.from({ length: 40 }, (_, j) => `${k}w${j}`).join(' ')} |`;
  });
  const md = `---\ntitle: Rows\n---\n\n# Table\n\n| Id | Text |\n|---|---|\n${rows.join('\n')}\n`;
  const result = layout(input(md));

  it('keeps every row on one page when it fits', () => {
    for (let i = 0; i < 30; i++) {
      const k = `k${String(i).padStart(2, '0')}`;
      const pages = new Set<number>();
      result.pages.forEach((p, n) => {
        if (contentTexts(p.boxes).some((b) => b.text.includes(k))) pages.add(n);
      });
      expect(pages.size, k).toBe(1);
    }
  });

  it('cuts a row taller than a page between lines, and still repeats the header', () => {
    const tall = `---\ntitle: Tall\n---\n\n| A | B |\n|---|---|\n| x | ${Array.from({ length: 2500 }, (_, j) => `word${j}`).join(' ')} |\n`;
    const r = layout(input(tall));
    expect(r.pages.length).toBeGreaterThan(3);
    for (const page of r.pages.slice(1)) {
      for (const b of contentTexts(page.boxes)) expect(b.y + b.height).toBeLessThanOrEqual(H - margins.bottom + 0.01);
      expect(texts(page.boxes).some((b) => b.text === 'B' && b.style.font === 'bold')).toBe(true);
    }
  });
});

describe('edge cases', () => {
  it('makes a cover-only document from front matter alone, titled by the file\'s name when the title is missing (not its path)', () => {
    const r = layout(input('---\nsubtitle: Only a subtitle\n---\n', { file: 'countries/MLI.md' }));
    expect(r.pages).toHaveLength(1);
    const texts = contentTexts(r.pages[0]?.boxes ?? []).map((b) => b.text);
    expect(texts).toContain('MLI');
    expect(texts).not.toContain('countries/MLI.md');
  });

  it('survives a document without front matter and odd input', () => {
    const r = layout(input('Just text.\n\n|a|\n|-|\n\n- \n\n>\n\n```\n```\n'));
    expect(r.pages.length).toBe(2);
  });
});

describe('cover', () => {
  it('makes room for a long title and many organizers without overlapping', () => {
    const names = Array.from({ length: 9 }, (_, i) => `"Organization number ${i + 1} with a rather long official name"`);
    const md = `---\ntitle: "${'A very long workshop title that goes on '.repeat(5)}"\nsubtitle: "${'And a subtitle that is long too '.repeat(4)}"\ndocument: Workshop report\ndate: 9–13 May 2022\nplace: Rabat\norganizers: [${names.join(', ')}]\npartners: [${names.slice(0, 5).join(', ')}]\nlogo: logo.png\n---\n\nText.\n`;
    const cover = layout(input(md)).pages[0]?.boxes ?? [];
    const t = texts(cover);
    for (let a = 0; a < t.length; a++) {
      for (let b = a + 1; b < t.length; b++) {
        const [p, q] = [t[a], t[b]];
        if (p && q && overlaps(p, q)) expect.fail(`"${p.text}" overlaps "${q.text}"`);
      }
    }
    const image = cover.find((b) => b.kind === 'image');
    expect(image).toBeDefined();
    for (const b of t) expect(b.y).toBeGreaterThan((image?.kind === 'image' ? image.y + image.height : 0) - 0.01);
  });
});
