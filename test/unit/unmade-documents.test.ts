import { describe, expect, it } from 'vitest';
import { unmadeDocuments, type WriterResult } from '../../src/build/writer.js';

const result = (paths: string[], severity?: 'error' | 'warning'): WriterResult => ({
  files: paths.map((path) => ({ path, content: '' })),
  diagnostics: severity ? [{ code: 'control-character', severity, stage: 'load', message: 'm', location: { file: 'theme.yaml', start: { line: 1, column: 12, offset: 11 }, end: { line: 1, column: 14, offset: 13 } } }] : [],
  sources: new Map(),
});

describe('a writer that makes no file of a document it was given', () => {
  const documents = ['report.md', 'countries/MLI.md'];

  it('is a bug said as an error, when it says no error: a build asked for PDFs writes them or fails (a theme warning once left every PDF out, exit 0)', () => {
    expect(unmadeDocuments('pdf', documents, result([]))?.message).toBe('The pdf writer said no error, yet made no report.pdf, countries/MLI.pdf: the build stops rather than publish without them.');
    expect(unmadeDocuments('pdf', documents, result([], 'warning'))).toBeInstanceOf(Error);
    expect(unmadeDocuments('docx', documents, result(['report.docx']))?.message).toBe('The docx writer said no error, yet made no countries/MLI.docx: the build stops rather than publish without it.');
    const many = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'];
    expect(unmadeDocuments('html', many, result([]))?.message).toContain('made no a.html, b.html, c.html and 2 more:');
  });

  it('is nothing when every document has its file (besides others: the HTML stylesheet), or when an error says why', () => {
    expect(unmadeDocuments('pdf', documents, result(['report.pdf', 'countries/MLI.pdf']))).toBeUndefined();
    expect(unmadeDocuments('html', documents, result(['report.html', 'countries/MLI.html', 'style.css', 'index.html']))).toBeUndefined();
    expect(unmadeDocuments('pdf', documents, result([], 'error'))).toBeUndefined();
    expect(unmadeDocuments('pdf', [], result([]))).toBeUndefined();
  });
});
