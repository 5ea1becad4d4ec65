import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';

const parse = (text: string) => parseYamlFile({ path: 'sessions/a.yaml', text }, 'session');
const at = (result: ReturnType<typeof parse>) => result.diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`);

describe('a key with no space after its colon', () => {
  it('is one error at its line, “Put a space after the colon”, where YAML said "Implicit keys need to be on a single line"', () => {
    const cases: Array<[string, string, string, string]> = [
      ['title: Opening\ndate: 2022-05-09\norder:2\ntype: plenary\n', 'yaml-syntax 3:1', 'order', 'order: 2'],
      ['title: Opening\ntype:plenary\norder: 2\n', 'yaml-syntax 2:1', 'type', 'type: plenary'],
      ['title: Opening\nsummary:|\n  Text here.\n  More: text.\norder: 2\n', 'yaml-syntax 2:1', 'summary', 'summary: |'],
      ['chairs:\n  - name:Amina Benali\n    organization: unoct\n', 'yaml-syntax 2:5', 'name', 'name: Amina Benali'],
    ];
    for (const [text, where, key, write] of cases) {
      const result = parse(text);
      expect(at(result), text).toEqual([where]);
      expect(result.diagnostics[0]!.message).toBe(`YAML syntax error: there is no space after the “:” of “${key}”, so YAML does not read “${key}” as a key.`);
      expect(result.diagnostics[0]!.hint).toBe(`Put a space after the colon: “${write}”.`);
    }
  });

  it('the keys after it are read as written', () => {
    expect(parse('title: Opening\norder:2\ntype: plenary\n').file.data).toEqual({ title: 'Opening', type: 'plenary' });
  });
});

describe('a list item begun with another mark than “- ”', () => {
  it('is one error at its mark, “a list item starts with “- ” (a dash and a space)”, where YAML said "All mapping items must start at the same column"', () => {
    const cases: Array<[string, string, string]> = [
      ['-La coordination entre police', '-', 'and this one has no space after its “-”'],
      ['• La coordination entre police', '•', 'not “•”'],
      ['+ La coordination entre police', '+', 'not “+”'],
    ];
    for (const [line, mark, said] of cases) {
      const result = parse(`title: Opening\nkey_points:\n  - First point.\n  ${line}\n  - Third point.\norder: 2\n`);
      expect(at(result), line).toEqual(['yaml-syntax 4:3']);
      expect(result.diagnostics[0]!.message).toBe(`YAML syntax error: this line is not read as a list item: a list item starts with “- ” (a dash and a space), ${said}.`);
      expect(result.diagnostics[0]!.hint).toBe('Write “- La coordination entre police”, its “-” under the one on line 3.');
      expect(result.diagnostics[0]!.location!.end.column - result.diagnostics[0]!.location!.start.column).toBe(mark.length);
      expect((result.file.data as { order: number }).order).toBe(2);
    }
  });
});

describe('a list whose first item has no space after its “-”', () => {
  it('`-name: …` first under `chairs:` is one error at its “-”, where YAML said "Nested mappings are not allowed in compact mappings" at every key of the item', () => {
    const result = parse('title: Opening\nchairs:\n  -name: Hervé Lambert\n    title: Programme officer\n    organization: uncct\n  - name: Amina Diallo\norder: 2\n');
    expect(at(result)).toEqual(['yaml-syntax 3:3']);
    expect(result.diagnostics[0]!.message).toBe('YAML syntax error: this line is not read as a list item: a list item starts with “- ” (a dash and a space), and this one has no space after its “-”, so YAML reads “-name” as a key.');
    expect(result.diagnostics[0]!.hint).toBe('Write “- name: Hervé Lambert”: the items of “chairs:” (line 2) each begin with “- ”.');
    expect(result.diagnostics[0]!.location!.end.column - result.diagnostics[0]!.location!.start.column).toBe(1);
    expect((result.file.data as { order: number }).order).toBe(2);
  });

  it('a `-word:` line under a key that has a value, or in a quoted text, is not taken for one', () => {
    expect(parse('title: Opening\nsummary: |\n  -name: x\n    y: z\n').diagnostics).toEqual([]);
    expect(at(parse('title: Opening\nchairs: a\n  -name: Hervé\n    title: x\n'))).not.toContain('yaml-syntax 3:3');
  });
});

describe('a comment line less indented than the block of text it is written in', () => {
  it('is one error at its line, saying it ends the text there, where YAML gave errors on the correctly indented lines after it', () => {
    const text = 'title: Opening\nsummary: |\n  First line.\n# editor: check the dates below\n  Second line of the summary.\n  Third line: with a colon.\n\n  A paragraph after a blank line.\nkey_points:\n  - a\n';
    const result = parse(text);
    expect(at(result)).toEqual(['yaml-syntax 4:1']);
    expect(result.diagnostics[0]!.message).toBe("YAML syntax error: this line, at column 1, ends the text of “summary:” (line 2): in YAML a line indented less than a block's text ends it, so the lines after it are not read as that text.");
    expect(result.diagnostics[0]!.hint).toBe('Indent it by 2 spaces, like the text (it then becomes part of the text, “#” and all), or delete it.');
    expect((result.file.data as { key_points: string[] }).key_points).toEqual(['a']);
  });

  it('in the text of a list item too; a comment after the block, or indented like its text, is no error', () => {
    const nested = parse('recommendations:\n  - id: a\n    text: |\n      Line.\n  # note\n      More.\n    theme: kst\n');
    expect(at(nested)).toEqual(['yaml-syntax 5:1']);
    expect(nested.diagnostics[0]!.message).toContain('at column 3, ends the text of “text:” (line 3)');
    expect(nested.diagnostics[0]!.hint).toContain('Indent it by 6 spaces');
    expect(parse('summary: |\n  Line.\n# note\nkey_points:\n  - a\n').diagnostics).toEqual([]);
    expect(parse('summary: |\n  Line.\n  # note\n  More.\n').diagnostics).toEqual([]);
  });
});

describe('a key written with another sign than a colon', () => {
  it('`order = 2`, `order - 2`, `type -> plenary`: the hint writes the colon instead of the sign, not after it', () => {
    const cases: Array<[string, string, string]> = [
      ['order = 2', 'order: 2', '='],
      ['order - 2', 'order: 2', '-'],
      ['type -> plenary', 'type: plenary', '->'],
      ['type := plenary', 'type: plenary', ':='],
    ];
    for (const [line, write, sign] of cases) {
      const result = parse(`title: Opening\n${line}\ndate: 2022-05-09\n`);
      expect(at(result), line).toEqual(['yaml-syntax 2:1']);
      expect(result.diagnostics[0]!.hint, line).toMatch(new RegExp(`^Is a “:” missing after “\\w+”\\? Write “${write}” \\(a colon instead of the “${sign.replace(/[-=>]/g, '\\$&')}”\\)\\.`));
    }
    // A value that is words is still written after the colon.
    expect(parse('title: Opening\ntitle Head of Unit\ndate: 2022-05-09\n').diagnostics[0]!.hint).toMatch(/Write “title: Head of Unit”\./);
  });
});

describe('a line of three dots (YAML’s end of a document)', () => {
  it('is the error, at the dots, where YAML said "Source contains multiple documents" at the line after it, with a hint about a “---” line the file does not have', () => {
    const result = parse('title: Opening\ndate: 2022-05-09\n...\nspeakers:\n  - a\n');
    expect(at(result)).toEqual(['yaml-syntax 3:1']);
    expect(result.diagnostics[0]!.message).toBe('YAML syntax error: a line of three dots ends the YAML document: the lines after it are not read.');
    expect(result.diagnostics[0]!.hint).toBe('Delete it (or indent it into the text).');
  });

  it('a second document begun with “---” keeps its hint; three dots at the end of the file, or in a text, are no error', () => {
    expect(parse('title: Opening\n---\ndate: 2022-05-09\n').diagnostics[0]!.hint).toBe('A notes file holds one YAML document: remove the extra “---” line.');
    expect(parse('title: Opening\n...\n').diagnostics).toEqual([]);
    expect(parse('summary: |\n  The chair paused\n  ...\n  and went on.\n').diagnostics).toEqual([]);
  });
});
