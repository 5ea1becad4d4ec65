import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const parse = (text: string) => parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');

describe('a non-breaking space where YAML needs a space', () => {
  it('after a key’s colon is one error at the character, and the value is read as meant', () => {
    const { file, diagnostics } = parse('title: T\ndate:\u00a02022-05-12\norder: 1\n');
    expect(diagnostics.map((d) => [d.code, d.location?.start.line, d.location?.start.column])).toEqual([['yaml-syntax', 2, 6]]);
    expect(diagnostics[0]!.message).toContain('non-breaking space (U+00A0');
    expect(diagnostics[0]!.hint).toBe('Type an ordinary space instead: “date: 2022-05-12”.');
    expect(file.data).toEqual({ title: 'T', date: '2022-05-12', order: 1 });
  });

  it('as indentation is one error per top-level entry, naming the other lines; the list is read', () => {
    const { file, diagnostics } = parse('title: T\nkey_points:\n\u00a0 - First point\n\u00a0\u00a0- Second point\nsummary: |\n  Text.\n');
    expect(diagnostics.map((d) => [d.code, d.location?.start.line, d.location?.start.column])).toEqual([['yaml-syntax', 3, 1]]);
    expect(diagnostics[0]!.message).toContain('in the indentation of this line');
    expect(diagnostics[0]!.hint).toBe('Indent it with ordinary spaces: delete the blank before “- First point” and type 2 spaces instead. Line 4 has one too.');
    expect(file.data).toEqual({ title: 'T', key_points: ['First point', 'Second point'], summary: 'Text.\n' });
  });

  it('in a text, or after a key’s “: ”, is the text’s own: no syntax error', () => {
    for (const text of ['summary: |\n  Text\n  \u00a0indented.\n', 'summary: a\u00a0b\n', 'date: \u00a02022-05-12\n', 'key_points:\n  - Note:\u00a0this\n']) {
      expect(parse(text).diagnostics.filter((d) => d.code === 'yaml-syntax'), JSON.stringify(text)).toEqual([]);
    }
  });
});
