import { describe, expect, it } from 'vitest';
import { publishedSummary } from '../../src/cli/build-messages.js';

const files = (n: number, ext: string, folder = 'en/public/') => Array.from({ length: n }, (_, i) => `${folder}doc-${i}.${ext}`);

describe('what build says it wrote', () => {
  it('names a few files one by one', () => {
    expect(publishedSummary('out', { written: ['report.md', 'report.pdf'], kept: ['countries/NER.md'], removed: [] })).toBe('Wrote 2 files to out/ (1 unchanged): report.md, report.pdf\n');
    expect(publishedSummary('out', { written: [], kept: ['report.md'], removed: [] })).toBe('Wrote 0 files to out/ (1 unchanged).\n');
  });

  it('counts many by kind, in the order they came, and names them all with --verbose', () => {
    const written = [...files(30, 'md'), ...files(30, 'pdf'), ...files(4, 'css'), 'en/public/LICENSE', ...files(30, 'docx')];
    expect(publishedSummary('out', { written, kept: [], removed: [] })).toBe('Wrote 95 files to out/: 30 md, 30 pdf, 4 css, 1 other, 30 docx (--verbose names them)\n');
    const verbose = publishedSummary('out', { written, kept: [], removed: [] }, true);
    expect(verbose.startsWith('Wrote 95 files to out/: en/public/doc-0.md, en/public/doc-1.md,')).toBe(true);
    expect(verbose).toContain('en/public/LICENSE, en/public/doc-0.docx');
  });

  it('counts what it removed the same way', () => {
    const removed = files(13, 'pdf', 'fr/');
    expect(publishedSummary('out', { written: ['report.md'], kept: [], removed })).toBe('Wrote 1 file to out/: report.md\nRemoved 13 left over from the previous build: 13 pdf (--verbose names them)\n');
  });
});
