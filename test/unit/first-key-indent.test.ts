import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const parse = (text: string) => parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');
const at = (result: ReturnType<typeof parse>) => result.diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`);

describe('a first key indented further than the keys after it', () => {
  it('is one error at its line, saying the keys start at column 1; the rest of the file is read as written (no cascade)', () => {
    const result = parse('# Notes\n  title: Opening\ndate: 2022-05-09\nkey_points:\n  - a\n  - b\nsummary: |\n  Text.\n');
    expect(at(result)).toEqual(['yaml-syntax 2:1']);
    expect(result.diagnostics[0]!.message).toBe("YAML syntax error: this first key is indented by 2 spaces, but the file's keys start at column 1 (those below it are not indented).");
    expect(result.diagnostics[0]!.hint).toBe('Remove the spaces before “title:”.');
    expect(result.file.data).toEqual({ title: 'Opening', date: '2022-05-09', key_points: ['a', 'b'], summary: 'Text.\n' });
  });

  it('a block or list under it is read too, and CRLF line ends keep the line', () => {
    const result = parse('   summary: |\r\n     Text.\r\ntitle: Opening\r\n');
    expect(at(result)).toEqual(['yaml-syntax 1:1']);
    expect(result.diagnostics[0]!.message).toContain('indented by 3 spaces');
    expect(result.file.data).toEqual({ title: 'Opening', summary: 'Text.\n' });
  });

  it('a file whose keys are all indented alike is valid YAML and stays so; a mistake after the first key keeps its own message', () => {
    expect(parse('  title: Opening\n  date: 2022-05-09\n').diagnostics).toEqual([]);
    const later = parse('title: Opening\n  date: 2022-05-09\n');
    expect(later.diagnostics.map((d) => d.message).join(' ')).not.toContain('first key');
  });
});
