import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const parse = (text: string) => parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');

describe('a “: ” in a value: the hint fits the value', () => {
  it('same_as naming another workshop\'s recommendation with a space after the colon: the reference without it (quoting it, as the hint said, made another error)', () => {
    const result = parse('recommendations:\n  - text: Share data.\n    same_as: rabat-2022: regional-focal-points\n');
    expect(result.diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`)).toEqual(['yaml-syntax 3:24']);
    expect(result.diagnostics[0]!.hint).toBe('A recommendation of another workshop is named without a space after the colon: same_as: rabat-2022:regional-focal-points.');
  });

  it('any other value with a “: ” is still told to be quoted', () => {
    const result = parse('recommendations:\n  - text: Share data.\n    same_as: see: the rest of it\n');
    expect(result.diagnostics[0]!.hint).toMatch(/^Put the whole value in double quotes: same_as: "see: the rest of it"/);
  });

  it('a value in typographic quotes is told that they are no YAML quotes, with the line in straight quotes (the hint quoted them with the value)', () => {
    const result = parse('title: “Borders: the way forward”\ndate: 2022-05-09\n');
    expect(result.diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`)).toEqual(['yaml-syntax 1:16']);
    expect(result.diagnostics[0]!.hint).toBe('Its quotes are typographic (“ ”, as a word processor writes them), which YAML does not read as quotes and the reports would print: write it in straight quotes, title: "Borders: the way forward"; to print the typographic quotes too, title: "“Borders: the way forward”".');
  });
});
