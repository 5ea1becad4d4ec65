import { describe, expect, it } from 'vitest';
import type { TextStyle } from '../../src/typeset/layout/boxes.js';
import { fitColumns } from '../../src/typeset/layout/columns.js';
import { breakLines } from '../../src/typeset/layout/line-break.js';
import { metrics } from './layout-helpers.js';

const style: TextStyle = { font: 'regular', size: 10, color: '#000000' };
const lines = (text: string, width: number): string[] =>
  breakLines([{ text, style }], width, metrics, 10).map((l) => l.frags.map((f) => f.text).join(''));

describe('line breaking', () => {
  it('fills lines greedily and never exceeds the width', () => {
    const text = 'The quick brown fox jumps over the lazy dog '.repeat(20);
    for (const l of breakLines([{ text, style }], 120, metrics, 10)) expect(l.width).toBeLessThanOrEqual(120.01);
    expect(lines('aaa bbb ccc', 1000)).toEqual(['aaa bbb ccc']);
  });

  it('breaks after hyphens and slashes', () => {
    const w = Math.max(metrics.width('regular', 'inter-', 10), metrics.width('regular', 'agency', 10)) + 1;
    expect(lines('inter-agency', w)).toEqual(['inter-', 'agency']);
    const s = Math.max(metrics.width('regular', 'and/', 10), metrics.width('regular', 'or', 10)) + 1;
    expect(lines('and/or', s)).toEqual(['and/', 'or']);
  });

  it('never breaks at U+00A0 or U+202F', () => {
    const w = metrics.width('regular', '10 000', 10) + 1;
    expect(lines('a 10\u00a0000 km', w)).toEqual(['a', '10\u00a0000', 'km']);
    const q = metrics.width('regular', '«\u202fx', 10) + 1;
    expect(lines('«\u202fxyz\u202f»', q).join('|')).not.toMatch(/«\|/);
  });

  it('cuts a 20,000-character run by width (the test timeout guards against a blow-up)', () => {
    const run = 'x'.repeat(20_000);
    const out = breakLines([{ text: run, style }], 200, metrics, 10);
    expect(out.map((l) => l.frags.map((f) => f.text).join('')).join('')).toBe(run);
    for (const l of out) expect(l.width).toBeLessThanOrEqual(200.01);
  });

  it('honours forced breaks and keeps style runs apart', () => {
    const bold: TextStyle = { ...style, font: 'bold' };
    const out = breakLines([{ text: 'one ', style }, { text: 'two', style: bold }, { text: '\nthree', style }], 500, metrics, 10);
    expect(out).toHaveLength(2);
    expect(out[0]?.frags.map((f) => f.text)).toEqual(['one ', 'two']);
  });
});

describe('column widths', () => {
  it('uses max widths and shares the rest when everything fits', () => {
    expect(fitColumns([10, 10], [30, 10], 80)).toEqual([60, 20]);
  });
  it('scales min widths down when even they do not fit', () => {
    expect(fitColumns([100, 100], [200, 200], 100)).toEqual([50, 50]);
  });
  it('gives each column its min plus a share of the room in between', () => {
    const w = fitColumns([20, 20], [220, 20], 140);
    expect(w[1]).toBe(20);
    expect(w[0]).toBe(120);
  });
});
