import { describe, expect, it } from 'vitest';
import type { Diagnostic, Location } from '../../src/diagnostics/diagnostic.js';
import { formatPretty, PLAIN, sortDiagnostics, summarize } from '../../src/diagnostics/reporter.js';
import { codeFrame } from '../../src/diagnostics/code-frame.js';
import { formatGithub } from '../../src/diagnostics/formats/github.js';
import { formatJson } from '../../src/diagnostics/formats/json.js';

const SOURCE = 'title: Opening\ntype: plenery\nsummary: x\n';

function loc(file: string, line: number, column: number, endColumn = column, endLine = line): Location {
  return { file, start: { line, column, offset: 0 }, end: { line: endLine, column: endColumn, offset: 0 } };
}

const ENUM: Diagnostic = {
  code: 'enum', severity: 'error', stage: 'validate',
  message: '“plenery” is not a valid type.', hint: 'Did you mean “plenary”?',
  location: loc('sessions/a.yaml', 2, 7, 14),
};
const DUPLICATE: Diagnostic = {
  code: 'duplicate-id', severity: 'error', stage: 'validate',
  message: 'The recommendation id “r1” is already used in sessions/a.yaml.',
  location: loc('sessions/b.yaml', 1, 1, 3),
  related: [{ ...loc('sessions/a.yaml', 3, 9, 11), message: 'first use of this id' }],
};
const WARNING: Diagnostic = {
  code: 'comment-in-scalar', severity: 'warning', stage: 'load',
  message: 'The text after “ #” was read as a YAML comment.',
  location: loc('sessions/a.yaml', 1, 8, 15),
};

const sources = new Map([['sessions/a.yaml', SOURCE], ['sessions/b.yaml', 'id: r1\n']]);

describe('formatPretty (plain style)', () => {
  const output = formatPretty([DUPLICATE, ENUM, WARNING], { style: PLAIN, sources });
  const lines = output.split('\n');

  it('starts each diagnostic with path:line:col severity message [code]', () => {
    expect(lines).toContain('sessions/a.yaml:2:7 error “plenery” is not a valid type. [enum]');
    expect(lines).toContain('sessions/a.yaml:1:8 warning The text after “ #” was read as a YAML comment. [comment-in-scalar]');
    expect(lines).toContain('sessions/b.yaml:1:1 error The recommendation id “r1” is already used in sessions/a.yaml. [duplicate-id]');
  });

  it('shows the line before, the offending line with > and carets under the span', () => {
    const start = lines.indexOf('sessions/a.yaml:2:7 error “plenery” is not a valid type. [enum]');
    expect(lines.slice(start + 1, start + 4)).toEqual([
      '  1 | title: Opening',
      '> 2 | type: plenery',
      '    |       ^^^^^^^',
    ]);
  });

  it('prints the hint and the related locations', () => {
    expect(lines).toContain('  hint: Did you mean “plenary”?');
    expect(lines).toContain('  see: sessions/a.yaml:3:9 first use of this id');
  });

  it('sorts by file, then line and column, and ends with the summary', () => {
    const headers = lines.filter((line) => /^\S+:\d+:\d+ /.test(line)).map((line) => line.split(' ')[0]);
    expect(headers).toEqual(['sessions/a.yaml:1:8', 'sessions/a.yaml:2:7', 'sessions/b.yaml:1:1']);
    expect(output.endsWith('\n\n2 errors, 1 warning\n')).toBe(true);
  });

  it('separates diagnostics with a blank line', () => {
    expect(output.split('\n\n')).toHaveLength(4);
  });

  it('shows a file path through displayPath', () => {
    const text = formatPretty([DUPLICATE], { style: PLAIN, sources, displayPath: (file) => `rabat/${file}` });
    expect(text).toContain('rabat/sessions/b.yaml:1:1 error');
    expect(text).toContain('see: rabat/sessions/a.yaml:3:9');
  });

  it('prints (project) for a diagnostic without location, first, with no code frame', () => {
    const none: Diagnostic = { code: 'no-sessions', severity: 'error', stage: 'load', message: 'The project has no session files.' };
    const text = formatPretty([ENUM, none], { style: PLAIN, sources });
    expect(text.split('\n')[0]).toBe('(project) error The project has no session files. [no-sessions]');
    expect(text.endsWith('2 errors\n')).toBe(true);
    // With its folder when the files are shown with theirs (one workshop of a programme among many).
    const inFolder = formatPretty([none], { style: PLAIN, sources, displayPath: (file) => (file === '(project)' ? 'rabat-2022/ (project)' : `rabat-2022/${file}`) });
    expect(inFolder.split('\n')[0]).toBe('rabat-2022/ (project) error The project has no session files. [no-sessions]');
  });

  it('omits the code frame when the source text is unknown', () => {
    const text = formatPretty([ENUM], { style: PLAIN, sources: new Map() });
    expect(text).toBe('sessions/a.yaml:2:7 error “plenery” is not a valid type. [enum]\n  hint: Did you mean “plenary”?\n\n1 error\n');
  });

  it('prints nothing for no diagnostics', () => {
    expect(formatPretty([], { style: PLAIN, sources })).toBe('');
  });

  it('applies the style functions', () => {
    const tag = (name: string) => (t: string) => `<${name}>${t}</${name}>`;
    const style = { error: tag('e'), warning: tag('w'), dim: tag('d'), bold: tag('b'), path: tag('p') };
    const first = formatPretty([WARNING], { style, sources: new Map() }).split('\n')[0];
    expect(first).toBe('<p>sessions/a.yaml:1:8</p> <w>warning</w> <b>The text after “ #” was read as a YAML comment.</b> <d>[comment-in-scalar]</d>');
  });
});

describe('summarize', () => {
  it('counts errors and warnings with plurals', () => {
    expect(summarize([ENUM, DUPLICATE, WARNING])).toBe('2 errors, 1 warning');
    expect(summarize([ENUM])).toBe('1 error');
    expect(summarize([WARNING, WARNING])).toBe('2 warnings');
    expect(summarize([])).toBe('');
  });
});

describe('sortDiagnostics', () => {
  it('sorts by file in code-point order, then line, then column, without changing its input', () => {
    const input = [loc('sessions/b.yaml', 1, 1), loc('sessions/a.yaml', 2, 9), loc('Workshop.yaml', 9, 1), loc('sessions/a.yaml', 2, 3)].map((location) => ({ ...ENUM, location }));
    const sorted = sortDiagnostics(input).map((d) => `${d.location!.file}:${d.location!.start.line}:${d.location!.start.column}`);
    expect(sorted).toEqual(['Workshop.yaml:9:1', 'sessions/a.yaml:2:3', 'sessions/a.yaml:2:9', 'sessions/b.yaml:1:1']);
    expect(input[0]!.location!.file).toBe('sessions/b.yaml');
  });
});

describe('codeFrame', () => {
  it('shows a first-line problem without a line before it', () => {
    expect(codeFrame(SOURCE, loc('f', 1, 1, 6), PLAIN)).toBe('> 1 | title: Opening\n    | ^^^^^');
  });

  it('puts at least one caret for an empty span and pads the gutter for wide line numbers', () => {
    const text = Array.from({ length: 12 }, (_, i) => `line${i + 1}: x`).join('\n');
    expect(codeFrame(text, loc('f', 10, 3), PLAIN)).toBe('   9 | line9: x\n> 10 | line10: x\n     |   ^');
  });

  it('underlines to the end of the line for a span over several lines', () => {
    expect(codeFrame(SOURCE, loc('f', 2, 7, 3, 3), PLAIN)).toBe('  1 | title: Opening\n> 2 | type: plenery\n    |       ^^^^^^^');
  });

  it('puts the carets under wide (CJK) characters and after combining accents as a terminal shows them', () => {
    // 会议 is two characters of two cells each; "e\u0301" is one cell in two UTF-16 units.
    expect(codeFrame('title: 会议 plenery', loc('f', 1, 11, 18), PLAIN)).toBe('> 1 | title: 会议 plenery\n    |             ^^^^^^^');
    expect(codeFrame('title: 边境会议', loc('f', 1, 10, 12), PLAIN)).toBe('> 1 | title: 边境会议\n    |            ^^^^');
    expect(codeFrame('title: Se\u0301ance x', loc('f', 1, 15, 16), PLAIN)).toBe('> 1 | title: Se\u0301ance x\n    |              ^');
  });

  it('ignores a BOM and CRLF line ends', () => {
    expect(codeFrame('\ufeffa: 1\r\nb: 2\r\n', loc('f', 2, 4, 5), PLAIN)).toBe('  1 | a: 1\n> 2 | b: 2\n    |    ^');
  });

  it('cuts long lines around the column, keeping the caret under the span', () => {
    const line = `${'x'.repeat(200)}BAD${'y'.repeat(200)}`;
    const frame = codeFrame(line, loc('f', 1, 201, 204), PLAIN).split('\n');
    const shown = frame[0]!.slice('> 1 | '.length);
    const caret = frame[1]!.slice('    | '.length);
    expect(shown.startsWith('…') && shown.endsWith('…')).toBe(true);
    expect(shown.slice(caret.indexOf('^'), caret.indexOf('^') + 3)).toBe('BAD');
    expect(caret.trim()).toBe('^^^');
  });
});

describe('characters of the notes that a terminal would obey', () => {
  // A key point with BEL, ESC [31m (red), BS and a right-to-left override, as pasted: each was printed as it is.
  const line = '  - La coordination\u0007 entre\u001b[31m police\u0008 et\u202e fin';
  const text = `key_points:\n${line}\n`;
  const at = (column: number, end = column + 1) => loc('sessions/a.yaml', 2, column, end);
  const diagnostic = (column: number): Diagnostic => ({
    code: 'control-character', severity: 'warning', stage: 'load', location: at(column),
    message: `Quoted: “${line.slice(4)}”.`, hint: 'Delete the \u001b.',
    related: [{ ...at(column), message: 'here \u0007' }],
  });

  it('are shown as their codes in messages, hints, related places and code frames, with the carets under them (the ESC recoloured the terminal despite --no-color, the U+202E reversed the line)', () => {
    const output = formatPretty([diagnostic(27)], { style: PLAIN, sources: new Map([['sessions/a.yaml', text]]) });
    expect(output).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    expect(output.split('\n')).toEqual([
      'sessions/a.yaml:2:27 warning Quoted: “La coordination<U+0007> entre<U+001B>[31m police<U+0008> et<U+202E> fin”. [control-character]',
      '  1 | key_points:',
      '> 2 |   - La coordination<U+0007> entre<U+001B>[31m police<U+0008> et<U+202E> fin',
      '    |                                  ^^^^^^^^',
      '  hint: Delete the <U+001B>.',
      '  see: sessions/a.yaml:2:27 here <U+0007>',
      '',
      '1 warning',
      '',
    ]);
    // After the ones before it too.
    const carets = codeFrame(text, at(43), PLAIN).split('\n')[2]!;
    expect(carets.slice('    | '.length)).toBe(`${' '.repeat('  - La coordination<U+0007> entre<U+001B>[31m police<U+0008> et'.length)}^^^^^^^^`);
  });

  it('are shown so in the GitHub annotations; the JSON keeps the data exact', () => {
    const github = formatGithub([diagnostic(27)], (file) => file);
    expect(github).toContain('Quoted: “La coordination<U+0007> entre<U+001B>[31m police<U+0008> et<U+202E> fin”.%0ADelete the <U+001B>.');
    expect(github).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u202e]/);
    const json = JSON.parse(formatJson([diagnostic(27)], (file) => file, '.')) as Array<{ message: string; hint: string }>;
    expect(json[0]!.message).toBe(`Quoted: “${line.slice(4)}”.`);
    expect(json[0]!.hint).toBe('Delete the \u001b.');
  });
});
