import { existsSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledFontPaths } from '../../src/typeset/font-files.js';
import { resolveTheme } from '../../src/typeset/theme.js';

describe('theme', () => {
  it('defaults to A4, 25/20/25/20 mm, 10.5 pt and the UN blue', () => {
    const t = resolveTheme(undefined);
    expect(t.pageSize).toBe('A4');
    expect(t.margins.top).toBeCloseTo((25 * 72) / 25.4, 5);
    expect(t.margins.left).toBeCloseTo((20 * 72) / 25.4, 5);
    expect(t).toMatchObject({ fontSize: 10.5, accentColor: '#1F4E79', pdfA: false });
  });

  it('converts millimetres and keeps given values', () => {
    const t = resolveTheme({ page_size: 'Letter', margins: { top: 10 }, font_size: 12, accent_color: '#aa0000', pdf_a: true });
    expect(t).toMatchObject({ pageSize: 'LETTER', fontSize: 12, accentColor: '#AA0000', pdfA: true });
    expect(t.margins.top).toBeCloseTo(28.3465, 3);
    expect(t.margins.bottom).toBeCloseTo(70.866, 2);
  });
});

describe('bundled fonts', () => {
  it('resolves absolute paths of existing TTF files', () => {
    const p = bundledFontPaths();
    expect(Object.keys(p).sort()).toEqual(['bold', 'boldItalic', 'italic', 'mono', 'regular']);
    for (const f of Object.values(p)) {
      expect(isAbsolute(f)).toBe(true);
      expect(existsSync(f)).toBe(true);
    }
    expect(p.regular).toMatch(/SourceSans3-Regular\.ttf$/);
    expect(p.mono).toMatch(/SourceCodePro-Regular\.ttf$/);
  });
});
