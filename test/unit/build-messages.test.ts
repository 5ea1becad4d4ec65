import { describe, expect, it } from 'vitest';
import { checkSummary, publishedSummary, rebuildCommand } from '../../src/cli/build-messages.js';

const files = (n: number, ext: string, folder = 'en/public/') => Array.from({ length: n }, (_, i) => `${folder}doc-${i}.${ext}`);

describe('what build says it wrote', () => {
  it('names a few files one by one', () => {
    expect(publishedSummary('out', { written: ['report.md', 'report.pdf'], kept: ['countries/NER.md'], removed: [] })).toBe('Wrote 2 files to out/ (1 unchanged): report.md, report.pdf\n');
    expect(publishedSummary('out', { written: [], kept: ['report.md'], removed: [] })).toBe('Wrote 0 files to out/ (1 unchanged).\n');
  });

  it('counts many by kind, in the order they came, and names them all with --verbose', () => {
    const written = [...files(30, 'md'), ...files(30, 'pdf'), ...files(4, 'css'), 'en/public/LICENSE', ...files(30, 'docx')];
    expect(publishedSummary('out', { written, kept: [], removed: [] })).toBe('Wrote 95 files to out/: 30 md, 30 pdf, 4 css, 1 other, 30 docx (--verbose names them)\n');
    const verbose = publishedSummary('out', { written, kept: [], removed: [] }, { verbose: true });
    expect(verbose.startsWith('Wrote 95 files to out/: en/public/doc-0.md, en/public/doc-1.md,')).toBe(true);
    expect(verbose).toContain('en/public/LICENSE, en/public/doc-0.docx');
  });

  it('counts what it removed the same way', () => {
    const removed = files(13, 'pdf', 'fr/');
    expect(publishedSummary('out', { written: ['report.md'], kept: [], removed })).toBe('Wrote 1 file to out/: report.md\nRemoved 13 left over from the previous build: 13 pdf (--verbose names them)\n');
  });
});

describe('what build says of the files of other formats', () => {
  it('names those it left as they were, or counts them by kind', () => {
    expect(publishedSummary('out', { written: ['report.md'], kept: [], removed: [], otherFormats: ['report.html', 'style.css'] })).toBe('Wrote 1 file to out/: report.md\nLeft 2 files of other formats as an earlier build wrote them (not built this time): report.html, style.css\n');
    expect(publishedSummary('out', { written: ['report.md'], kept: [], removed: [], otherFormats: files(13, 'pdf') })).toContain('Left 13 files of other formats as an earlier build wrote them (not built this time): 13 pdf (--verbose names them)\n');
  });
});

describe('what a programme\'s build says of each of its folders', () => {
  it('says on one line what it removed and what it left of other formats, its files counted by kind', () => {
    const result = { written: files(3, 'md'), kept: [], removed: files(6, 'html', 'countries/'), otherFormats: files(8, 'pdf') };
    expect(publishedSummary('niamey/out', result, { oneLine: true, named: 0 })).toBe('Wrote 3 files to niamey/out/ (removed 6 left over from the previous build; 8 of other formats left as an earlier build wrote them): 3 md (--verbose names them)\n');
    expect(publishedSummary('out', { written: ['overview.md'], kept: [], removed: [], otherFormats: ['overview.html'] }, { oneLine: true, whose: 'the programme\'s ' })).toBe('Wrote the programme\'s 1 file to out/ (1 of other formats left as an earlier build wrote it): overview.md\n');
  });

  it('names every file with --verbose, on the lines a workshop built alone gives', () => {
    const result = { written: ['report.md'], kept: [], removed: ['countries/NER.md'], otherFormats: ['report.html'] };
    expect(publishedSummary('out', result, { oneLine: true, named: 0, verbose: true })).toBe(publishedSummary('out', result, { verbose: true }));
    expect(publishedSummary('out', result, { verbose: true })).toBe('Wrote 1 file to out/: report.md\nRemoved 1 left over from the previous build: countries/NER.md\nLeft 1 file of other formats as an earlier build wrote it (not built this time): report.html\n');
  });
});

describe('what build --check says', () => {
  const unchecked = [{ file: 'report.html', formats: ['html'] as const }, { file: 'report.pdf', formats: ['pdf'] as const }, { file: 'assets/x.png', formats: ['md', 'html'] as const }];

  it('says what it compared and what it did not', () => {
    expect(checkSummary('out', { files: 30, problems: [] }, false)).toBe('out/ is up to date (30 files).\n');
    expect(checkSummary('out', { files: 6, formats: ['md'], problems: [], unchecked: unchecked.slice(0, 1) }, false)).toBe('out/ is up to date for md (6 files; 1 html file not checked).\n');
    expect(checkSummary('out', { files: 6, formats: ['docx'], problems: [], unchecked }, false)).toBe('out/ is up to date for docx (6 files; 3 md, pdf and html files not checked).\n');
    expect(checkSummary('out', { files: 6, formats: ['md'], problems: [], unchecked }, true)).toBe('');
  });

  it('gives the build to run when the folder is out of date', () => {
    expect(checkSummary('out', { files: 6, formats: ['md'], problems: [{ kind: 'differs', file: 'report.md' }], unchecked: unchecked.slice(0, 2) }, true, 'workshop-report build . --format md')).toBe('out/ is not up to date with the notes (2 pdf and html files not checked):\n  differs  report.md\nRun `workshop-report build . --format md` and commit the result.\n');
  });

  it('repeats the folder and the options that change what is made, as the shell reads them back', () => {
    expect(rebuildCommand({ dir: 'rabat-2022', formats: ['pdf', 'md'] })).toBe('workshop-report build rabat-2022 --format md,pdf');
    expect(rebuildCommand({ dir: "Rapporteur's notes/Niamey 2022", out: 'out', templates: 't', pdfTheme: 'theme.yaml', pdfA: true, asOf: '2023-06-30' })).toBe("workshop-report build 'Rapporteur'\\''s notes/Niamey 2022' --out out --templates t --pdf-theme theme.yaml --pdf-a --as-of 2023-06-30");
  });
});
