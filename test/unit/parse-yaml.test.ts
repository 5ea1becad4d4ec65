import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

const parse = (text: string, role: 'workshop' | 'session' | 'country' = 'session') => parseYamlFile({ path: 'sessions/a.yaml', text }, role);

/** `code line:column` of each diagnostic, for compact assertions. */
const at = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`);

describe('parseYamlFile', () => {
  it('parses a valid mapping into data with no diagnostics', () => {
    const result = parse('title: Opening\norder: 2\nthemes: [kst, ibm]\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.file.data).toEqual({ title: 'Opening', order: 2, themes: ['kst', 'ibm'] });
    expect(result.file.role).toBe('session');
    expect(result.file.source.path).toBe('sessions/a.yaml');
  });

  it('reports an unclosed quote at the opening quote, not at the end of the file', () => {
    const result = parse('title: ok\nsummary: "unclosed\nother: 1\nmore: 2\n');
    expect(at(result.diagnostics)).toEqual(['yaml-syntax 2:10']);
    expect(result.diagnostics[0]!.severity).toBe('error');
    // The quoted value ran to the end of the file: that entry is left out, the entries before it kept.
    expect(result.file.data).toEqual({ title: 'ok' });
    expect(result.file.damage).toEqual({ containers: [[]], ids: [] });
  });

  it('says why a value that begins with Markdown emphasis, a bracket or a backtick is not text, at its start, and how to quote it', () => {
    const cases: Array<[string, string, string, string]> = [
      ['title: ok\nkey_points:\n  - **None** of the four # said twice\n', 'yaml-syntax 3:5', '“*”, which YAML reads as an alias', '- "**None** of the four"'],
      ['summary: *The panel* agreed\n', 'yaml-syntax 1:10', '“*”', 'summary: "*The panel* agreed"'],
      ['key_points:\n  - [Draft] text here\n', 'yaml-syntax 2:5', '“[”, which YAML reads as the start of a list', '- "[Draft] text here"'],
      ['title: `code` x\n', 'yaml-syntax 1:8', '“`”', 'title: "`code` x"'],
    ];
    for (const [text, where, said, quoted] of cases) {
      const { diagnostics } = parse(text);
      expect(at(diagnostics), text).toEqual([where]);
      expect(diagnostics[0]!.message).toContain(`this value begins with ${said}`);
      expect(diagnostics[0]!.hint).toBe(`Put the whole value in quotes: ${quoted}`);
    }
    // A value quoted, or a list written as one, is not taken for one.
    expect(parse('key_points:\n  - "**None** of the four"\nthemes: [kst, ibm]\n').diagnostics).toEqual([]);
  });

  it('a value begun with “[” or “{” and never closed is one error at its bracket, saying to quote it or close it (it was “must be text, not a list” and an indentation error at the next key)', () => {
    const cases: Array<[string, string, string]> = [
      ['title: [Draft Séance d’ouverture\ndate: 2022-11-28\n', 'yaml-syntax 1:8', 'If it is text, put the whole value in quotes: title: "[Draft Séance d’ouverture"; if it is a list, close it with “]”.'],
      ['title: ok\nthemes: [kst, ibm\norder: 2\n', 'yaml-syntax 2:9', 'If it is a list, close it with “]”; if it is text, put the whole value in quotes: themes: "[kst, ibm".'],
      ['key_points:\n  - {Draft x\n  - b\n', 'yaml-syntax 2:5', 'If it is text, put the whole value in quotes: - "{Draft x"; if it is a mapping, close it with “}”.'],
    ];
    for (const [text, where, hint] of cases) {
      const { diagnostics } = parse(text);
      expect(at(diagnostics), text).toEqual([where]);
      expect(diagnostics[0]!.message, text).toMatch(/^YAML syntax error: this value begins with “[[{]”, which opens a (list|mapping), and has no “[\]}]” to close it/);
      expect(diagnostics[0]!.hint, text).toBe(hint);
    }
    // The key after it is read as written.
    expect((parse('title: [Draft\ndate: 2022-11-28\n').file.data as { date?: unknown }).date).toBe('2022-11-28');
  });

  it('a tab that indents a line is one error, its knock-on errors in that entry left out, and the entries after it are still read', () => {
    const text = 'title: ok\nrecommendations:\n  - id: kept\n    text: a\n\t- id: tabbed\n    text: b\n  - id: after\n    text: c\nactions:\n  - id: later-action\n';
    const result = parse(text);
    expect(at(result.diagnostics)).toEqual(['yaml-syntax 5:1']);
    expect(result.diagnostics[0]!.message).toBe('YAML syntax error: this line is indented with a tab; YAML indents with spaces only.');
    expect(result.diagnostics[0]!.hint).toBe('Use spaces, not a tab (most editors can insert spaces when Tab is pressed).');
    // What was garbled may explain a reference from another file (a follow-up naming an action): those stay quiet.
    expect(result.file.damage?.ids).toEqual(expect.arrayContaining(['tabbed']));
    // The parser stopped at the tab: the entries after it were lost. They are read now.
    // The item before the tab (which the tab may continue) and the rest of its entry are left out.
    const data = result.file.data as { title: string; recommendations: unknown[]; actions: unknown[] };
    expect(data).toMatchObject({ title: 'ok', actions: [{ id: 'later-action' }] });
    expect(Object.keys(data.recommendations)).toEqual([]);
    expect(result.file.damage?.containers).toEqual(expect.arrayContaining([['recommendations'], []]));
    // A mistake in a later top-level entry is still its own error.
    expect(at(parse('title: ok\nkey_points:\n\t- a\n  - b\nsummary: "open\n').diagnostics)).toEqual(['yaml-syntax 3:1', 'yaml-syntax 5:10']);
  });

  it('lines of one entry indented with tabs are one error at the first, naming the others; a later key\'s mistake is still found', () => {
    const cases: Array<[string, string[], string | undefined]> = [
      // At the start of the line: the parser ended the mapping there, and lost `sumary` (it said nothing of it).
      ['speakers:\n  - name: A\n\ttitle: B\n    topic: C\n  - name: D\nrapporteur:\n\tname: E\n\torganization: F\nsumary: x\n', ['yaml-syntax 3:1', 'yaml-syntax 7:1'], undefined],
      // After spaces: three errors, two of them knock-on.
      ['speakers:\n  - name: A\n  \ttitle: B\n    topic: C\n  - name: D\nsumary: x\n', ['yaml-syntax 3:3'], undefined],
      ['country_notes:\n  MLI:\n\t\tneeds:\n\t\t\t- a\n  NER:\n    needs: [b]\nsumary: x\n', ['yaml-syntax 3:1'], 'Line 4 of this entry is indented with a tab too.'],
    ];
    for (const [text, where, more] of cases) {
      const result = parse(text);
      expect(at(result.diagnostics), text).toEqual(where);
      expect(result.diagnostics.every((d) => d.message === 'YAML syntax error: this line is indented with a tab; YAML indents with spaces only.'), text).toBe(true);
      if (more) expect(result.diagnostics[0]!.hint).toContain(more);
      expect(result.file.data, text).toHaveProperty('sumary', 'x');
    }
    // Lines the parser found no error on of their own (a text's lines, read with the first) are named too.
    for (const [text, more] of [
      ['summary:\n\tDelegations reviewed how traveller data\n\tsupports screening at land borders.\nsumary: x\n', 'Line 3 of this entry is indented with a tab too.'],
      ['rapporteur:\n\tname: E\n\torganization: F\nsumary: x\n', 'Line 3 of this entry is indented with a tab too.'],
    ] as const) {
      const result = parse(text);
      expect(at(result.diagnostics), text).toEqual(['yaml-syntax 2:1']);
      expect(result.diagnostics[0]!.hint, text).toBe(`Use spaces, not a tab (most editors can insert spaces when Tab is pressed). ${more}`);
    }
    // The entry a tab garbled is left out whole, never read as the guess (`rapporteur` here).
    expect(parse('rapporteur:\n\tname: E\n\torganization: F\nsumary: x\n').file.data).toEqual({ sumary: 'x' });
    // A tab in a block of text, or after a line's indentation, is text, not indentation.
    expect(parse('summary: |\n  text\n  \tcode\ntitle: a\n  \tcontinued\n').diagnostics).toEqual([]);
  });

  it('a plain value with a “: ” in it is one error at the “: ”, with the line to write in quotes, and the file after it is still read', () => {
    // It was reported at the value's start without a word of quotes, and the rest of the file read as the mapping of “The chair said”.
    const one = parse('summary: The chair said: borders matter\nkey_ponts:\n  - a\n');
    expect(at(one.diagnostics)).toEqual(['yaml-syntax 1:24']);
    expect(one.diagnostics[0]!.message).toBe('YAML syntax error: this “: ” makes YAML read “The chair said” as a key, and a key cannot follow “summary:” on the same line.');
    expect(one.diagnostics[0]!.hint).toBe('Put the whole value in double quotes: summary: "The chair said: borders matter" (a double quote inside it is written \\").');
    expect(one.file.data).toEqual({ key_ponts: ['a'] });
    expect(one.file.damage?.containers).toEqual([[]]);
    const cases: Array<[string, string, string]> = [
      // A time before it is no key; a comment after it is not in the quotes.
      ['title: ok\nsummary: Opened at 10:30: late  # noted\n', 'yaml-syntax 2:25', 'summary: "Opened at 10:30: late"'],
      // In a list item: the value, or the whole item when it is one text.
      ['key_points:\n  - Watchlists: often: maintained\ntitle: ok\n', 'yaml-syntax 2:22', '- Watchlists: "often: maintained" (a double quote inside it is written \\"); or, if the whole item is one text, quote all of it: - "Watchlists: often: maintained".'],
      ['recommendations:\n  - text: Say "this": now\n    theme: kst\ntitle: ok\n', 'yaml-syntax 2:21', '- text: "Say \\"this\\": now"'],
    ];
    for (const [text, where, quoted] of cases) {
      const result = parse(text);
      expect(at(result.diagnostics), text).toEqual([where]);
      expect(result.diagnostics[0]!.hint, text).toContain(`Put the whole value in double quotes: ${quoted}`);
      expect(result.file.data, text).toHaveProperty('title', 'ok');
    }
  });

  it('a value with a “: ” that goes on over the lines below: the hint says to its last line, and a “: ” there makes no key of it', () => {
    // The hint quoted the first line only (following it gave a new error); a `: ` below swallowed the keys after it.
    for (const text of ['summary: The chair said: borders\n  matter a lot\n\n  and more\ntitle: ok\n', 'summary: The chair said: borders\n  matter: a lot\n\n  and more\ntitle: ok\n']) {
      const result = parse(text);
      expect(at(result.diagnostics), text).toEqual(['yaml-syntax 1:24']);
      expect(result.diagnostics[0]!.hint, text).toBe('Put the whole value in double quotes, from “The chair said: borders” to the end of line 4 (a double quote inside it is written \\"); or write “summary: |” and the text on the lines below it, indented.');
      expect(result.file.data, text).toHaveProperty('title', 'ok');
    }
    // Two “: ” on one line are one mistake, said once (the second error's hint, following the first, was wrong).
    const two = parse('summary: Note: see annex: B\ntitle: ok\n');
    expect(at(two.diagnostics)).toEqual(['yaml-syntax 1:14']);
    expect(two.diagnostics[0]!.hint).toContain('summary: "Note: see annex: B"');
    expect(two.file.data).toHaveProperty('title', 'ok');
  });

  it('a tab where YAML allows one (a quoted value\'s next line) is no tab mistake: the mistake further on in that line is said', () => {
    const escape = parse('title: "Séance\n  \td\'ouverture \\q"\norder: 1\n');
    expect(escape.diagnostics.map((d) => d.message).join('\n')).not.toContain('tab');
    expect(escape.diagnostics.map((d) => d.message).join('\n')).not.toContain('no closing quote');
    expect(escape.file.data ?? {}).toHaveProperty('order', 1);
    // A file whose every line is indented with a tab: that error, not “The file is empty.” too.
    expect(at(parse('\ttitle: A\n\tdate: 2022-01-01\n').diagnostics)).toEqual(['yaml-syntax 1:1']);
  });

  it('reports an unclosed single quote at the opening quote', () => {
    expect(at(parse("a: 1\nb: 'x\n").diagnostics)).toEqual(['yaml-syntax 2:4']);
  });

  it('reports other syntax errors with the yaml-syntax code', () => {
    const result = parse('a: b\n---\nc: d\n');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
    expect(result.diagnostics[0]!.location!.start.line).toBe(2);
    // Outside every entry of the first document: nothing of the file is kept.
    expect(result.file.data).toBeUndefined();
  });

  it('reports a duplicate key at its second occurrence, naming the first', () => {
    const result = parse('a: 1\nb: 2\na: 3\n');
    expect(at(result.diagnostics)).toEqual(['duplicate-key 3:1']);
    expect(result.diagnostics[0]!.related).toEqual([expect.objectContaining({ file: 'sessions/a.yaml', start: expect.objectContaining({ line: 1, column: 1 }) })]);
    expect(result.file.data).toEqual({ a: 1, b: 2 });
    expect(result.file.damage?.containers).toEqual([[]]);
  });

  it('treats 1: and "1": as the same key (they collapse in JavaScript)', () => {
    const result = parse('1: x\n"1": y\n');
    expect(at(result.diagnostics)).toEqual(['duplicate-key 2:1']);
    expect(result.diagnostics[0]!.related![0]!.start).toMatchObject({ line: 1, column: 1 });
  });

  it('reports duplicates inside nested mappings at the nested key', () => {
    const result = parse('dates:\n  start: 2022-05-09\n  start: 2022-05-10\n');
    expect(at(result.diagnostics)).toEqual(['duplicate-key 3:3']);
    expect(result.diagnostics[0]!.related![0]!.start).toMatchObject({ line: 2, column: 3 });
  });

  it('does not report the same key in two different mappings', () => {
    expect(parse('a:\n  x: 1\nb:\n  x: 2\n').diagnostics).toEqual([]);
  });

  it('reports an anchor at the & and an alias at the *', () => {
    const result = parse('a: &x 1\nb: *x\n');
    expect(at(result.diagnostics)).toEqual(['yaml-alias 1:4', 'yaml-alias 2:4']);
    expect(result.diagnostics[0]!.location!.end.column).toBe(6);
    expect(result.file.data).toEqual({});
  });

  it('reports an anchor on a block mapping at the &', () => {
    expect(at(parse('a: &base\n  k: 1\n').diagnostics)).toEqual(['yaml-alias 1:4']);
  });

  it('reports a merge key at <<', () => {
    const result = parse('a:\n  <<: {k: 1}\n  j: 2\n');
    expect(at(result.diagnostics)).toEqual(['yaml-merge-key 2:3']);
    expect(result.file.data).toEqual({});
  });

  it('reports merge key, anchor and alias together', () => {
    expect(at(parse('a: &x\n  k: 1\nb:\n  <<: *x\n').diagnostics)).toEqual(['yaml-alias 1:4', 'yaml-merge-key 4:3', 'yaml-alias 4:7']);
  });

  it('accepts a quoted "<<" as an ordinary key', () => {
    expect(parse('"<<": x\n').diagnostics).toEqual([]);
  });

  it('reports an explicit tag at the !! tag', () => {
    expect(at(parse('a: !!str 1\n').diagnostics)).toEqual(['yaml-tag 1:4']);
    expect(at(parse('a:\n  - !!int 3\n').diagnostics)).toEqual(['yaml-tag 2:5']);
    expect(at(parse('a: [x, !!binary aGk=]\n').diagnostics)).toEqual(['yaml-tag 1:8']);
    expect(at(parse('a: !local x\n').diagnostics)).toEqual(['yaml-tag 1:4']);
    expect(parse('a: !!str 1\nb: 2\n').file.data).toEqual({ b: 2 });
  });

  it('does not mistake a ! inside a value for a tag', () => {
    const result = parse('a: "x!"\nb: c!d\nc: Wow!\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.file.data).toEqual({ a: 'x!', b: 'c!d', c: 'Wow!' });
  });

  it.each([
    ['an empty file', ''],
    ['only a comment', '# nothing yet\n'],
    ['only whitespace', '\n\n   \n'],
  ])('reports %s as empty-file at 1:1', (_label, text) => {
    const result = parse(text);
    expect(at(result.diagnostics)).toEqual(['empty-file 1:1']);
    expect(result.file.data).toBeUndefined();
  });

  it.each([
    ['a list', '- a\n- b\n'],
    ['a single value', 'hello\n'],
    ['a number', '42\n'],
  ])('reports %s as not-a-mapping', (_label, text) => {
    const result = parse(text);
    expect(at(result.diagnostics)).toEqual(['not-a-mapping 1:1']);
    expect(result.file.data).toBeUndefined();
  });

  it('says where the words of a block of text go when they are written on the key\'s line, after or before the “|”', () => {
    const after = parse('title: x\nsummary: | The session opened.\n  Delegations met.\n');
    expect(at(after.diagnostics)).toEqual(['yaml-syntax 2:12']);
    expect(after.diagnostics[0]!.message).toBe('YAML syntax error: text follows “|” on the line of “summary:”; a block of text begins on the line below the “|”.');
    expect(after.diagnostics[0]!.hint).toBe('Move “The session opened.” to the next line, indented by 2 spaces like the rest of the text; or, for one line of text, leave out the “|”.');
    // Further in, and CRLF: the block's own indentation, the words without the \r.
    const nested = parse('country_notes:\r\n  MLI:\r\n    summary: >- Mali spoke.\r\n        It asked for help.\r\n');
    expect(at(nested.diagnostics)).toEqual(['yaml-syntax 3:17']);
    expect(nested.diagnostics[0]!.hint).toBe('Move “Mali spoke.” to the next line, indented by 8 spaces like the rest of the text; or, for one line of text, leave out the “>-”.');
    // Before it, with a “: ” in the lines below: YAML's error is explained.
    const before = parse('title: x\nsummary: The session opened. |\n  Delegations said: more data.\n');
    expect(at(before.diagnostics)).toEqual(['yaml-syntax 2:10']);
    expect(before.diagnostics[0]!.hint).toBe('Write “summary: |” and move “The session opened.” to the next line, indented by 2 spaces like the rest of the text.');
    // Without one, YAML reads one text, “|” and all: warned, and nothing is lost.
    const read = parse('title: x\nsummary: The session opened. |\n  Delegations met.\n');
    expect(at(read.diagnostics)).toEqual(['misplaced-block-indicator 2:10']);
    expect(read.diagnostics[0]!.severity).toBe('warning');
    expect(read.diagnostics[0]!.message).toBe('The “|” at the end of this line is read as part of the text, and printed with it: a block of text needs the “|” right after “summary:”.');
    expect(read.file.data).toEqual({ title: 'x', summary: 'The session opened. | Delegations met.' });
  });

  it.each([
    'summary: |\n  The session opened.\n',
    'summary: >-\n  The session opened.\n',
    'summary: |2\n    indented code\n',
    'summary: |  # a comment\n  The session opened.\n',
    'summary: The session opened.\n  Delegations met.\n',
    'summary: A | B\n',
    'summary: "The session opened. |\n  Delegations met."\n',
    'key_points:\n  - The session opened. |\n    Delegations met.\n',
  ])('leaves a block of text written as YAML reads it alone: %j', (text) => {
    expect(parse(text).diagnostics).toEqual([]);
  });

  it('warns when a " #" cut a plain value short, pointing at the value', () => {
    const result = parse('title: Q&A #1 - next\n');
    expect(at(result.diagnostics)).toEqual(['comment-in-scalar 1:8']);
    expect(result.diagnostics[0]!.severity).toBe('warning');
    expect(result.diagnostics[0]!.location!.end.column).toBe(21);
    // A warning does not block the data.
    expect(result.file.data).toEqual({ title: 'Q&A' });
  });

  it('warns for a cut list item too', () => {
    expect(at(parse('key_points:\n  - Point #2 matters\n').diagnostics)).toEqual(['comment-in-scalar 2:5']);
  });

  it('warns when a continuation line of a plain text begins with “#”: YAML read it as a comment and its words vanished', () => {
    const text = 'title: x\nsummary: The session reviewed attacks on post\n  #3 and post #4 in the north.\nkey_points:\n  - Attacks on border post\n    #7 were discussed at length.\nrecommendations:\n  - text: Rebuild border post\n      #12 at Ayorou before the rainy season.\n    theme: ibm\n    addressed_to: [MLI]\n';
    const result = parse(text);
    // At the `#` of each line, as warnings (the data is what YAML read).
    expect(at(result.diagnostics)).toEqual(['comment-in-scalar 3:3', 'comment-in-scalar 6:5', 'comment-in-scalar 9:7']);
    expect(result.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
    expect(result.diagnostics[0]!.message).toBe('This line begins with “#”, so YAML reads it as a comment, not as the end of the text above: its words are left out, and the text ends at “The session reviewed attacks on post”.');
    expect(result.diagnostics[0]!.hint).toBe('Put the whole text in double quotes, from its start on line 2 to its end (a “"” inside it is written \\"), or write it as a block: “summary: |”, its lines below it, indented.');
    expect(result.diagnostics[1]!.hint).toContain('“- |”');
    expect(result.diagnostics[2]!.hint).toContain('“text: |”');
    expect(result.file.data).toMatchObject({ summary: 'The session reviewed attacks on post', key_points: ['Attacks on border post'] });
    // A text begun on the line below its key, too.
    expect(at(parse('summary:\n  The session reviewed attacks on post\n  #3 in the north.\n').diagnostics)).toEqual(['comment-in-scalar 3:3']);
  });

  it.each([
    // At the key's column or further out, after a blank line, or written `# a note`: a comment of the writer's.
    'summary: The session opened.\n# Section 2\ntitle: x\n',
    'summary: The session opened.\n#closing\ntitle: x\n',
    'summary: The session opened.\n\n  #later\ntitle: x\n',
    'summary: The session opened.\n  # TODO: the afternoon\ntitle: x\n',
    'key_points:\n  - First point\n  #- second point\n',
    'recommendations:\n  - text: a\n    #theme: x\n',
    'summary: |\n  The session opened.\n  #3 is kept in a block\n',
    'summary: "The session reviewed post\n  #3 in quotes"\n',
  ])('does not warn for a comment line of the writer\'s own: %j', (text) => {
    expect(parse(text).diagnostics).toEqual([]);
  });

  it('a “ #” in a later line of a plain text is warned at the “#”, not at the text\'s first line', () => {
    const result = parse('title: x\nsummary: The session reviewed attacks on\n  posts 3 and #4 in the north.\n');
    expect(at(result.diagnostics)).toEqual(['comment-in-scalar 3:15']);
    expect(result.diagnostics[0]!.message).toBe('The text after “ #” was read as a YAML comment, so this value is only “…session reviewed attacks on posts 3 and”.');
  });

  it('lines that go on with a plain text after a “#” that ended it are one error at the “#”, not a bogus indentation error below', () => {
    const result = parse('title: x\ndate: 2025-03-11\nsummary: The session reviewed attacks on\n  posts 3 and #4 in the north, and\n  agreed on next steps.\ntype: plenary\n');
    expect(at(result.diagnostics)).toEqual(['yaml-syntax 4:15']);
    expect(result.diagnostics[0]!.message).toBe('YAML syntax error: this “#” begins a comment, which ends the text of “summary:”: line 5, which goes on with it below, cannot be read.');
    expect(result.diagnostics[0]!.hint).toContain('or write it as a block: “summary: |”');
    // The entry is left out (its loss is the error's), the others are read.
    expect(result.file.data).toEqual({ title: 'x', date: '2025-03-11', type: 'plenary' });
    // After a comment line too, and in a list item.
    expect(at(parse('summary: The session reviewed attacks on post\n  #3 and post #4 in the north.\n  The chair closed.\ntype: plenary\n').diagnostics)).toEqual(['yaml-syntax 2:3']);
    expect(at(parse('key_points:\n  - Attacks on border post\n    #7 were discussed\n    at length.\n  - b\ntype: plenary\n').diagnostics)).toEqual(['yaml-syntax 3:5']);
  });

  it.each([
    'priority: high # a real comment\n',
    'title: x  # note\n',
    'title: "Q&A #1 - next"\n',
    "title: 'Q&A #1'\n",
    'title: C#\n',
    '# title: commented out\ntitle: x\n',
  ])('does not warn for a real comment or a quoted value: %j', (text) => {
    expect(parse(text).diagnostics).toEqual([]);
  });

  it.each([
    ['U+202E (right-to-left override)', 'title: "a\u202eb"\n', '202E', 10],
    ['U+0007 (bell), written as an escape', 'title: "a\\u0007b"\n', '0007', 10],
    ['U+0007 (bell), raw in a plain scalar', 'title: a\u0007b\n', '0007', 9],
    ['U+2066 (isolate)', 'title: "a\u2066b"\n', '2066', 10],
  ])('warns about %s at the character', (_label, text, code, column) => {
    const result = parse(text);
    expect(at(result.diagnostics)).toEqual([`control-character 1:${column}`]);
    expect(result.diagnostics[0]!.severity).toBe('warning');
    expect(result.diagnostics[0]!.message).toContain(`U+${code}`);
    expect(result.file.data).toBeDefined();
  });

  it('names each invisible character of a text at its own column, in its hint too (it named the first, at the start of the text, and said “Delete the character”)', () => {
    const result = parse('key_points:\n  - La coordination\u0007 entre\u001b[31m police\u0008 et\u202e reversed\n');
    expect(at(result.diagnostics)).toEqual(['control-character 2:20', 'control-character 2:27', 'control-character 2:39', 'control-character 2:43']);
    expect(result.diagnostics.map((d) => d.message)).toEqual([
      'This text holds the control character BEL (U+0007), which does not show: the reports leave it out.',
      'This text holds the control character ESC (U+001B), which does not show: the reports leave it out.',
      'This text holds the control character BS (U+0008), which does not show: the reports leave it out.',
      'This text holds a right-to-left override (U+202E), which does not show and reorders the text around it.',
    ]);
    expect(result.diagnostics[1]!.hint).toBe('Delete the ESC (U+001B) at column 27 (it often comes from copying out of a word processor or a web page).');
    expect(result.diagnostics.every((d) => d.severity === 'warning' && d.location!.end.column === d.location!.start.column + 1)).toBe(true);
    // The notes are read without the controls (every format leaves them out); a bidirectional control stays.
    expect(result.file.data).toEqual({ key_points: ['La coordination entre[31m police et\u202e reversed'] });
  });

  it('finds noncharacters, typed as themselves, each at its column, and leaves them out of the data', () => {
    const result = parse('title: "a\uffffb\ufffec"\nsummary: x\ufdd0y \u{1fffe} z\n');
    expect(at(result.diagnostics)).toEqual(['control-character 1:10', 'control-character 1:12', 'control-character 2:11', 'control-character 2:14']);
    expect(result.diagnostics[0]!.message).toBe('This text holds the noncharacter U+FFFF, a code point that is no character of any text: the reports leave it out.');
    expect(result.diagnostics[3]!.message).toContain('U+1FFFE');
    expect(result.file.data).toEqual({ title: 'abc', summary: 'xy  z' });
  });

  it('finds NUL and a lone surrogate written as escapes, at the escape, and says what each writes (they made a U+FFFD in every format, warned of in out/report.md only)', () => {
    const result = parse('key_points:\n  - "NUL\\0 here, surrogate \\uD800 there"\n  - "\\x00\\U0000FFFF\\a\\e"\n');
    expect(at(result.diagnostics)).toEqual(['control-character 2:9', 'control-character 2:28', 'control-character 3:6', 'control-character 3:10', 'control-character 3:20', 'control-character 3:22']);
    const [nul, surrogate] = result.diagnostics;
    expect(nul!.message).toBe('This text holds the control character NUL (U+0000), which does not show: the reports leave it out.');
    expect(nul!.hint).toBe('Delete the escape “\\0”, which writes NUL (U+0000).');
    expect(nul!.location!.end.column).toBe(11);
    expect(surrogate!.message).toBe("This text holds the lone surrogate U+D800, half of a character's UTF-16 code without its other half, not a character: the reports leave it out.");
    expect(surrogate!.hint).toContain('The escape “\\uD800” writes half of a character');
    expect(surrogate!.location!.end.column).toBe(34);
    expect(result.diagnostics[3]!.message).toContain('U+FFFF');
    expect(result.file.data).toEqual({ key_points: ['NUL here, surrogate  there', ''] });
  });

  it('does not warn about a character written as its two surrogate halves, nor about escapes that write text', () => {
    const result = parse('title: "\\uD83D\\uDE00 \\t \\u00e9 \\_"\n');
    expect(result.diagnostics).toEqual([]);
    expect(result.file.data).toEqual({ title: '😀 \t é \u00a0' });
  });

  it('warns once per character of a text, at its first place, the others related; in a key, without saying the reports leave it out', () => {
    const result = parse('title: a\u0002b\u0002c\u0002\nord\u0001er: 2\n');
    expect(at(result.diagnostics)).toEqual(['control-character 1:9', 'control-character 2:4']);
    expect(result.diagnostics[0]!.message).toBe('This text holds the control character STX (U+0002) (3 times), which does not show: the reports leave it out.');
    expect(result.diagnostics[0]!.related?.map((r) => `${r.start.line}:${r.start.column} ${r.message}`)).toEqual(['1:11 the same character again', '1:13 the same character again']);
    expect(result.diagnostics[1]!.message).toBe('This key holds the control character SOH (U+0001), which does not show.');
  });

  it('tells what a C1 control stands for in Windows-1252 text read in another encoding', () => {
    const [d] = parse('title: It\u0092s done\n').diagnostics;
    expect(d!.hint).toBe('Delete the PU2 (U+0092) at column 10 (it often comes from copying out of a word processor or a web page); if “’” was meant (U+0092 is what a Windows-1252 “’” becomes, read in another encoding), type it instead.');
  });

  it('reads a file that ends with a DOS end-of-file mark (Ctrl-Z) as if it were not there, and says so at it (it was a YAML syntax error: “Implicit map keys need to be followed by map values”)', () => {
    for (const text of ['title: Opening\ntype: plenary\n\u001a', 'title: Opening\ntype: plenary\u001a', 'title: Opening\r\ntype: plenary\r\n\u001a\r\n']) {
      const result = parse(text);
      expect(result.file.data).toEqual({ title: 'Opening', type: 'plenary' });
      expect(result.diagnostics.map((d) => `${at([d])[0]} ${d.severity}: ${d.message} ${d.hint}`)).toEqual([
        `control-character ${text.includes('plenary\u001a') ? '2:14' : '3:1'} warning: The file ends with U+001A (SUB), the end-of-file mark that DOS editors leave: it is read as the end of the file. Delete it (an editor that saves plain UTF-8 text does not add it).`,
      ]);
    }
    // Anywhere else it is a control character like any other.
    const inside = parse('title: Open\u001aing\ntype: plenary\n');
    expect(inside.diagnostics.map((d) => `${at([d])[0]} ${d.message}`)).toEqual(['control-character 1:12 This text holds the control character SUB (U+001A), which does not show: the reports leave it out.']);
    expect(inside.file.data).toEqual({ title: 'Opening', type: 'plenary' });
  });

  it('does not warn about tabs and line breaks in text', () => {
    expect(parse('summary: "a\\tb\\nc"\nnotes: |\n  line one\n  line two\n').diagnostics).toEqual([]);
  });

  it('parses a file with a BOM and CRLF line ends, with the right line numbers', () => {
    const ok = parse('\ufefftitle: Opening\r\ndate: 2022-05-09\r\nthemes:\r\n  - kst\r\n');
    expect(ok.diagnostics).toEqual([]);
    expect(ok.file.data).toEqual({ title: 'Opening', date: '2022-05-09', themes: ['kst'] });

    const dup = parse('\ufefftitle: a\r\nb: 2\r\nb: 3\r\n');
    expect(at(dup.diagnostics)).toEqual(['duplicate-key 3:1']);
    expect(dup.diagnostics[0]!.related![0]!.start.line).toBe(2);

    const quote = parse('title: ok\r\nsummary: "open\r\nx: 1\r\n');
    expect(at(quote.diagnostics)).toEqual(['yaml-syntax 2:10']);

    const crlfOnly = parse('a: 1\r\nb: &x 2\r\n');
    expect(at(crlfOnly.diagnostics)).toEqual(['yaml-alias 2:4']);
  });

  it('a line with no “:” in line with the keys around it asks whether one is missing, at its first word, with no knock-on errors', () => {
    const item = (line: string) => `title: x\nspeakers:\n  - name: Marta Lindqvist\n${line}\n    organization: interpol\n  - name: Bo\n    topic: T\nsummary: s\n`;
    // Before the last key of the item ("Implicit keys need to be on a single line") and as its last ("…followed by map values").
    for (const text of [item('    title Criminal Intelligence Officer'), 'title: x\nspeakers:\n  - name: Marta Lindqvist\n    title Criminal Intelligence Officer\n  - name: Bo\n    topic: T\nsummary: s\n']) {
      const result = parse(text);
      expect(at(result.diagnostics), text).toEqual(['yaml-syntax 4:5']);
      const [d] = result.diagnostics;
      expect(d!.location!.end.column).toBe(10);
      expect(d!.message).toContain('(“name:” on line 3) but has no “:” after “title”');
      expect(d!.hint).toMatch(/^Is a “:” missing after “title”\? Write “title: Criminal Intelligence Officer”\./);
      expect(d!.hint).not.toContain('quote');
      // The item that lost a line is left out (its slot kept); the next item and the keys after it are read.
      expect(result.file.data).toEqual({ title: 'x', speakers: [undefined, { name: 'Bo', topic: 'T' }], summary: 's' });
      expect(result.file.damage).toEqual({ containers: [['speakers']], ids: [] });
    }
    // A list item's first key: its dash and the keys below it still make an item, left out; the item before it kept.
    const dashed = parse('speakers:\n  - name: Bo\n  - name Marta\n    topic: T\n    id: t1\nsummary: s\n');
    expect(at(dashed.diagnostics)).toEqual(['yaml-syntax 3:5']);
    expect(dashed.diagnostics[0]!.hint).toBe('Is a “:” missing after “name”? Write “name: Marta”.');
    expect(dashed.file.data).toEqual({ speakers: [{ name: 'Bo' }, undefined], summary: 's' });
    // A top-level key without its `:` over its list: the file lost an entry (missing keys are not asked for), with the ids in it.
    const block = parse('title: x\nrecommendations\n  - id: r1\n    text: a\nsummary: s\n');
    expect(at(block.diagnostics)).toEqual(['yaml-syntax 2:1']);
    expect(block.diagnostics[0]!.hint).toBe('Is a “:” missing after “recommendations”?');
    expect(block.file.data).toEqual({ title: 'x', summary: 's' });
    expect(block.file.damage).toEqual({ containers: [[]], ids: ['r1'] });
    // A line that may instead go on with the text above, under-indented: both readings are offered.
    expect(parse('title: x\nsummary: The panel\nagreed on the plan\nkey_points: [a]\n').diagnostics[0]!.hint)
      .toBe('Is a “:” missing after “agreed”? Write “agreed: on the plan”. If it goes on with the text of “summary” above, indent it further than “summary:”.');
    // Several in a file: each its own error.
    expect(at(parse('speakers:\n  - name: A\n    title B\n  - name: C\n    title D\n    organization E\nsummary: s\n').diagnostics)).toEqual(['yaml-syntax 3:5', 'yaml-syntax 5:5', 'yaml-syntax 6:5']);
  });

  it('a line of a block of text written without its indentation says to indent it like the lines above, not that a “:” is missing', () => {
    // In line with the key, after a blank line: YAML read a key without its “:”.
    const out = parse('title: x\nsummary: |\n  First paragraph.\n\nThe chair closed.\ntype: plenary\n');
    expect(at(out.diagnostics)).toEqual(['yaml-syntax 5:1']);
    expect(out.diagnostics[0]!.message).toBe('YAML syntax error: this line looks like text of “summary:” (line 2), but it is not indented like the lines above, so YAML reads it as a key without its “:”.');
    expect(out.diagnostics[0]!.hint).toBe('Indent it by 2 spaces, like the lines above.');
    expect(out.file.data).toMatchObject({ title: 'x', type: 'plenary' });
    // Further in than the key, less than the block's first line: YAML could not read it.
    const short = parse('title: x\nsummary: |\n    First paragraph indented four.\n  Second line indented two.\ntype: plenary\n');
    expect(at(short.diagnostics)).toEqual(['yaml-syntax 4:1']);
    expect(short.diagnostics[0]!.message).toBe('YAML syntax error: this line looks like text of “summary:” (line 2), but it is not indented like the lines above, so YAML cannot read it.');
    expect(short.diagnostics[0]!.hint).toBe('Indent it by 4 spaces, like the lines above.');
    expect(short.file.data).toMatchObject({ title: 'x', type: 'plenary' });
    // Under a list item's text: too.
    expect(at(parse('key_points:\n  - text: |\n      First.\n\n    The chair closed.\n    restricted: true\n').diagnostics)).toEqual(['yaml-syntax 5:5']);
    // A key without its “:” after a block keeps its message.
    const key = parse('title: x\nsummary: |\n  First paragraph.\ntype plenary\ndate: 2022-05-09\n');
    expect(key.diagnostics[0]!.hint).toMatch(/^Is a “:” missing after “type”\?/);
  });

  it('a line indented to no level says how far to indent it, with no knock-on errors, and no hint about quotes', () => {
    const item = (line: string) => `title: x\nspeakers:\n  - name: Marta Lindqvist\n${line}\n    organization: interpol\n    topic: T\n  - name: Bo\nsummary: s\n`;
    const cases: Array<[string, string, string]> = [
      // Between the dash and the item's keys ("Sequence item without - indicator"), a `:` missing too.
      ['   title2 x', 'yaml-syntax 4:1', 'Indent it by 4 spaces, as “name:” on line 3; and is a “:” missing after “title2”?'],
      ['   title: x', 'yaml-syntax 4:1', 'Indent it by 4 spaces, as “name:” on line 3.'],
      // At the dash ("All mapping items must start at the same column").
      ['  title: x', 'yaml-syntax 4:1', 'Indent it by 4 spaces, as “name:” on line 3, or begin it with “- ” if it starts a new item.'],
      // Further in than the keys ("Nested mappings are not allowed in compact mappings", said of “Marta Lindqvist”).
      ['     title: x', 'yaml-syntax 4:1', 'Indent it by 4 spaces, as “name:” on line 3. If it goes on with the text of “name” above, put that whole text in double quotes: its “: ” reads as a key.'],
    ];
    for (const [line, where, hint] of cases) {
      const result = parse(item(line));
      expect(at(result.diagnostics), line).toEqual([where]);
      expect(result.diagnostics[0]!.message, line).toMatch(/^YAML syntax error: this line is indented by \d spaces, in line with no key above it\.$/);
      expect(result.diagnostics[0]!.hint, line).toBe(hint);
      expect(result.file.data, line).toEqual({ title: 'x', speakers: [undefined, { name: 'Bo' }], summary: 's' });
    }
  });

  it('a - line one level too deep under an item\'s text: is list-item-in-text too (it was merged into that text without a word)', () => {
    const result = parse('title: x\nkey_points:\n  - text: Premier point restreint\n      - Deuxième point\n    restricted: true\nsummary: s\n');
    expect(result.diagnostics.map((d) => `${d.code} ${d.location!.start.line}:${d.location!.start.column}`)).toEqual(['list-item-in-text 4:7']);
    expect(result.diagnostics[0]!.hint).toContain('put its “-” under the one above (2 spaces in)');
  });

  it('a restricted list item without its text: key is told to write - text:, not a “:” after its first word', () => {
    const result = parse('title: x\ncountry_notes:\n  MLI:\n    needs:\n      - Secure communication equipment for border posts.\n        restricted: true\nsummary: s\n');
    expect(at(result.diagnostics)).toEqual(['yaml-syntax 5:9']);
    expect(result.diagnostics[0]!.message).toBe('YAML syntax error: this list item has “restricted:” under it (line 6) but its text has no key.');
    expect(result.diagnostics[0]!.hint).toBe('Write “- text: Secure communication equipment for border posts.”: an item with “restricted:” gives its text as “text:”.');
  });

  it('a list item whose “-” lines up with no list says where to put it, and the rest of the file is read', () => {
    const file = (pad: string) => `title: x\nrecommendations:\n  - id: r1\n    text: a\n    addressed_to:\n      - MLI\n${pad}- id: r2\n${pad}  text: b\nsummary: s\n`;
    // 1 space in ("A block sequence may not be used as an implicit map key"), 3 ("All sequence items
    // must start at the same column"), 4, at the keys of the item above (the same message as 1):
    // YAML's own words said none of where it goes.
    for (const pad of [' ', '   ', '    ']) {
      const result = parse(file(pad));
      expect(at(result.diagnostics), pad).toEqual([`yaml-syntax 7:${pad.length + 1}`]);
      expect(result.diagnostics[0]!.message, pad).toBe(`YAML syntax error: the “-” of this list item is ${pad.length === 1 ? '1 space' : `${pad.length} spaces`} in, and those of the list above 2 spaces in (line 3): it lines up with no list.`);
      expect(result.diagnostics[0]!.hint, pad).toBe('Put its “-” 2 spaces in, under the one on line 3, and its keys under that item\'s keys.');
      // The item is left out; the keys after it are read.
      expect(result.file.data, pad).toMatchObject({ title: 'x', summary: 's' });
      expect(result.file.damage?.containers.length ?? 0, pad).toBeGreaterThan(0);
    }
    // An item without a key, one column short of its list's: the nearest list two columns or less away.
    const country = parse('title: x\nrecommendations:\n  - id: r1\n    addressed_to:\n      - MLI\n     - NER\nsummary: s\n');
    expect(at(country.diagnostics)).toEqual(['yaml-syntax 6:6']);
    expect(country.diagnostics[0]!.hint).toBe('Put its “-” 6 spaces in, under the one on line 5.');
  });

  it('a stray line in a file with CRLF line ends is said as with LF (it made the read loop forever)', () => {
    const lf = 'title: x\nspeakers:\n  - name: Marta Lindqvist\n    title Criminal Intelligence Officer\n    organization: interpol\n  - name: Bo\nsummary: s\n';
    for (const text of [lf, '   title2 x'].map((line, i) => (i === 0 ? line : lf.replace('    title Criminal Intelligence Officer', line)))) {
      const crlf = parse(text.replace(/\n/g, '\r\n'));
      const plain = parse(text);
      expect(at(crlf.diagnostics)).toEqual(at(plain.diagnostics));
      expect(crlf.diagnostics.map((d) => d.hint)).toEqual(plain.diagnostics.map((d) => d.hint));
      expect(crlf.file.data).toEqual(plain.file.data);
    }
  });

  it('a wrapped line of prose or of a quoted text is not taken for a misplaced key', () => {
    // Prose wrapped onto the next line with a `: ` in it: a value to quote (colon-values.ts), not a line to indent.
    const wrapped = parse('title: x\nsummary: Delegations reviewed how traveller data\n  supports screening: watchlists, API and PNR.\n');
    expect(wrapped.diagnostics).toHaveLength(1);
    expect(wrapped.diagnostics[0]!.message).not.toContain('indented by');
    expect(wrapped.diagnostics[0]!.hint).not.toContain('Indent it by 0 spaces');
    // A quoted text going on at its key's column: no “:” is missing after its words.
    for (const text of [
      'recommendations:\n  - id: r1\n    text: "Connect remote land border posts\n    to national watchlists."\n',
      "title: x\nsummary: 'Delegations reviewed\nhow traveller data supports screening'\n",
    ]) {
      const result = parse(text);
      expect(result.diagnostics.length, text).toBeGreaterThan(0);
      for (const d of result.diagnostics) expect(d.hint ?? '', text).not.toMatch(/missing after “(to|how)”/);
    }
  });

  it('hints at the quotes only when the line has one left open; an escape has its own hint', () => {
    expect(parse('title: x\nsummary: "The chair said\n').diagnostics[0]!.hint).toContain('closing quote');
    // A missing character that is not a quote: "Comments must be separated from other tokens by white space".
    const comment = parse('title: "Opening"#first\nsummary: s\n');
    expect(at(comment.diagnostics)).toEqual(['yaml-syntax 1:17']);
    expect(comment.diagnostics[0]!.hint).not.toContain('quote');
    const escape = parse('title: "C:\\Users\\notes"\nsummary: s\n');
    expect(at(escape.diagnostics)).toEqual(['yaml-syntax 1:11']);
    expect(escape.diagnostics[0]!.hint).toBe('In double quotes a backslash begins an escape (\\n, \\"): write \\\\ for a backslash, or put the value in single quotes.');
  });

  it('reads every file as YAML 1.2 core, even with a %YAML 1.1 directive', () => {
    const result = parse('%YAML 1.1\n---\ntime: 10:30\nanswer: NO\nflag: yes\nval: on\n');
    expect(result.file.data).toEqual({ time: '10:30', answer: 'NO', flag: 'yes', val: 'on' });
  });

  it('keeps 1.1-looking values as strings without a directive', () => {
    const result = parse('time: 10:30\ncountry: NO\nsexagesimal: 1:20:00\noctal: 0o17\n');
    expect(result.file.data).toEqual({ time: '10:30', country: 'NO', sexagesimal: '1:20:00', octal: 15 });
  });

  it('keeps ISO dates as strings, not Date objects', () => {
    expect(parse('date: 2022-05-09\n').file.data).toEqual({ date: '2022-05-09' });
  });

  it('leaves out the entries in error and keeps the rest; keeps everything when there are only warnings', () => {
    expect(parse('a: 1\na: 2\ntitle: Q&A #1\n').file.data).toEqual({ a: 1, title: 'Q&A' });
    expect(parse('title: Q&A #1\n').file.data).toEqual({ title: 'Q&A' });
  });

  it('names the source path in every location', () => {
    const result = parseYamlFile({ path: 'countries/MLI.yaml', text: 'a: 1\na: 2\n' }, 'country');
    expect(result.diagnostics[0]!.location!.file).toBe('countries/MLI.yaml');
    expect(result.diagnostics[0]!.related![0]!.file).toBe('countries/MLI.yaml');
  });
});
