import { describe, expect, it } from 'vitest';
import { relocateWriterDiagnostics } from '../../src/build/relocate.js';
import { missingGlyphDiagnostic } from '../../src/typeset/glyphs.js';
import type { Location } from '../../src/diagnostics/diagnostic.js';

const at = (file: string, offset: number): Location => ({ file, start: { line: 1, column: offset + 1, offset }, end: { line: 1, column: offset + 2, offset: offset + 1 } });

describe('missing-glyph warnings of several documents at one line of the notes', () => {
  it('are one warning with each document a related place, whatever order each document met the characters in (three warnings at one place, listing the same letters in different orders)', () => {
    const notes = new Map([['sessions/a.yaml', 'title: x\nchairs:\n  - name: محمد\n']]);
    const result = {
      files: [],
      sources: new Map([['restricted/report.md', 'محمد'], ['public/report.md', 'دمحم']]),
      diagnostics: [missingGlyphDiagnostic(['م', 'ح', 'د'], at('restricted/report.md', 0)), missingGlyphDiagnostic(['د', 'م', 'ح'], at('public/report.md', 0))],
    };
    const { diagnostics } = relocateWriterDiagnostics(result, new Set(['restricted/report.md', 'public/report.md']), '/p', '/p/out', [], notes, new Map());
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]!.location).toMatchObject({ file: 'sessions/a.yaml', start: { line: 3 } });
    expect(diagnostics[0]!.message).toContain('ح (U+062D), د (U+062F), م (U+0645)');
    expect(diagnostics[0]!.related?.map((r) => r.file)).toEqual(['out/restricted/report.md', 'out/public/report.md']);
  });
});
