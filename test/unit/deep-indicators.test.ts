import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

describe('a line that opens thousands of lists (- - - … x)', () => {
  it('is too-deep at its line, found before the YAML parser, which ran out of stack closing them (an internal error, exit 3)', () => {
    const text = `key_points:\n  - text\n  ${'- '.repeat(3000)}x\n  - after\n`;
    const result = parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');
    expect(result.diagnostics.map((d) => `${d.code} ${d.location?.start.line}:${d.location?.start.column}`)).toEqual(['too-deep 3:43']);
    expect(result.file.data).toBeUndefined();
  });

  it('twenty levels on a line are left to the parser and its own limit', () => {
    const result = parseYamlFile({ path: 'sessions/a.yaml', text: `key_points:\n  ${'- '.repeat(3)}x\n` }, 'session');
    expect(result.diagnostics.map((d) => d.code)).not.toContain('too-deep');
  });
});
