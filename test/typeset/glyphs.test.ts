import { describe, expect, it } from 'vitest';
import { GlyphCheck } from '../../src/typeset/glyphs.js';
import { breakLines } from '../../src/typeset/layout/line-break.js';
import { metrics } from './layout-helpers.js';

describe('glyph check', () => {
  it('keeps what the fonts can draw, typographic characters included', () => {
    const g = new GlyphCheck(metrics);
    const text = 'Côte d’Ivoire « cœur » — 9–13 May, 10\u00a0000, 32\u202f%';
    expect(g.check(text, 'regular', { line: 1, column: 1, offset: 0 })).toBe(text);
    expect(g.diagnostic('a.md')).toBeUndefined();
  });

  it('replaces each missing character by ? and lists each once, at its first position', () => {
    const g = new GlyphCheck(metrics);
    expect(g.check('ok\nab 你好你', 'regular', { line: 3, column: 5, offset: 40 })).toBe('ok\nab ???');
    const d = g.diagnostic('countries/MLI.md');
    expect(d).toMatchObject({ code: 'missing-glyph', severity: 'warning', stage: 'typeset', location: { file: 'countries/MLI.md', start: { line: 4, column: 4, offset: 46 } } });
    expect(d?.actual).toBe('你 (U+4F60), 好 (U+597D)');
  });

  it('drops invisible format characters, keeps missing spaces as spaces and composes accents', () => {
    const g = new GlyphCheck(metrics);
    expect(g.check('a\u200db\u00adc\u2060d\u2003e\u200ef', 'regular', undefined)).toBe('abcd ef');
    expect(g.check('e\u0301', 'regular', undefined)).toBe('é');
    expect(g.diagnostic('a.md')).toBeUndefined();
  });

  it('drops control characters, bidirectional controls, lone surrogates and noncharacters, never reported as missing glyphs (they were printed as ? with a font hint)', () => {
    const g = new GlyphCheck(metrics);
    expect(g.check('a\u0007b\u001b[31mc\u0008d\u202ee\u2066f\ud800g\uffffh\u0085i', 'regular', { line: 1, column: 1, offset: 0 })).toBe('ab[31mcdefghi');
    expect(g.diagnostic('a.md')).toBeUndefined();
  });

  it('warns, once, at the first letter of right-to-left text a font draws: the PDF lays its words out left to right (the HTML and the DOCX show them right)', () => {
    const drawsAll = { hasGlyph: () => true } as unknown as ConstructorParameters<typeof GlyphCheck>[0];
    const g = new GlyphCheck(drawsAll);
    g.check('Start only.', 'regular', { line: 2, column: 1, offset: 10 });
    g.check('Start واحد اثنان end.', 'regular', { line: 7, column: 3, offset: 80 });
    g.check('שלום', 'regular', { line: 9, column: 3, offset: 120 });
    expect(g.rightToLeft('report.md')).toMatchObject({ code: 'right-to-left', severity: 'warning', location: { file: 'report.md', start: { line: 7, column: 9, offset: 86 } }, actual: 'و (U+0648)' });
    // Latin text alone, or right-to-left letters no font has (their missing-glyph warning says it): no warning.
    const latin = new GlyphCheck(drawsAll);
    latin.check('Côte d’Ivoire', 'regular', { line: 1, column: 1, offset: 0 });
    expect(latin.rightToLeft('a.md')).toBeUndefined();
    const missing = new GlyphCheck(metrics);
    missing.check('واحد', 'regular', { line: 1, column: 1, offset: 0 });
    expect(missing.rightToLeft('a.md')).toBeUndefined();
    expect(missing.diagnostic('a.md')?.code).toBe('missing-glyph');
  });

  it('lets the line breaker break after a zero-width space', () => {
    const style = { font: 'regular' as const, size: 10, color: '#000000' };
    const w = Math.max(metrics.width('regular', 'aaaa\u200b', 10), metrics.width('regular', 'bbbb', 10)) + 1;
    const lines = breakLines([{ text: 'aaaa\u200bbbbb', style }], w, metrics, 10).map((l) => l.frags.map((f) => f.text).join(''));
    expect(lines).toEqual(['aaaa\u200b', 'bbbb']);
  });
});
