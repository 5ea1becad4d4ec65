import { describe, expect, it } from 'vitest';
import { describePath, schemaDiagnostics } from '../../src/validate/schema-diagnostics.js';
import { parse, session, WORKSHOP, where } from './helpers.js';

function diagnose(text: string, schema: 'session' | 'workshop' | 'country' = 'session') {
  const path = schema === 'workshop' ? 'workshop.yaml' : schema === 'country' ? 'countries/MLI.yaml' : 'sessions/a.yaml';
  const file = parse(text, schema, path);
  if (file.data === undefined) throw new Error('the test input does not parse');
  return schemaDiagnostics(file, schema);
}

const NER_ENTRY = '  - country: NER\n    total: 3\n    women: 1\n';

describe('schemaDiagnostics', () => {
  it('accepts valid files', () => {
    expect(diagnose(session())).toEqual([]);
    expect(diagnose(WORKSHOP, 'workshop')).toEqual([]);
    expect(diagnose('country: MLI\ninstitutions: [Police]\nneeds: [Radios]\n', 'country')).toEqual([]);
  });

  it('reports an unknown key at the key, with a did-you-mean hint', () => {
    const [d, ...rest] = diagnose(session({ extra: 'speakrs: []' }));
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('unknown-key sessions/a.yaml:5:1');
    expect(d!.hint).toBe('Did you mean “speakers”?');
    expect(d!.severity).toBe('error');
  });

  it('a key whose name was deleted (`: 2025-03-11`) is said as that, at its line, with the key its value suggests', () => {
    const [d, ...rest] = diagnose('title: A session\n: 2022-05-09\ntype: plenary\nsummary: s\n');
    // One problem: not also “Missing required key “date””.
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('unknown-key sessions/a.yaml:2:1');
    expect(d!.message).toBe('This line has a value but no key: the name before its “:” is missing.');
    expect(d!.hint).toBe('Is it “date:”? Write “date: 2022-05-09”.');
    // Nested, where nothing tells which: at its line (it was at the mapping's key, line 2), with the keys not given yet.
    const nested = diagnose(session({ extra: 'country_notes:\n  MLI:\n    needs:\n      - a\n    : more radios' }));
    expect(nested.map(where)).toEqual(['unknown-key sessions/a.yaml:9:5']);
    expect(nested[0]!.message).toBe('This line has a value but no key: the name before its “:” is missing (in country_notes.MLI).');
    expect(nested[0]!.hint).toBe('Write the key\'s name before the “:” (keys country_notes.MLI does not have yet: initiatives, challenges, good_practices), or delete the line.');
  });

  it('a line of a block of text written without its indentation is said as that, at the line, not as an unknown key with a “did you mean”', () => {
    const text = 'title: A session\ndate: 2022-05-09\ntype: plenary\nsummary: |\n  First paragraph.\n\nNote: the chair closed the session.\n';
    const [d, ...rest] = diagnose(text);
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('unknown-key sessions/a.yaml:7:1');
    expect(d!.message).toBe('This line looks like text of “summary:” (line 4), but it is not indented like the lines above, so YAML reads “Note” as a key.');
    expect(d!.hint).toBe('Indent it by 2 spaces, like the lines above.');
    expect(d!.location!.end.column).toBe(36);
    // A key mistyped after a block keeps its “did you mean”; so does one with a capital and one word of value.
    expect(diagnose('title: A session\ndate: 2022-05-09\ntype: plenary\nsummary: |\n  First paragraph.\n\nspeakrs: []\n')[0]!.hint).toBe('Did you mean “speakers”?');
    expect(diagnose('title: A session\ndate: 2022-05-09\ntype: plenary\nsummary: |\n  First paragraph.\nOrder: 2\n')[0]!.message).toBe('Unknown key “Order”.');
  });

  it('a text read as a key because of its ": " is one colon-in-text error; a misspelt text: key stays an unknown key', () => {
    const colon = diagnose(session({ extra: 'key_points:\n  - Watchlists: often shared.' }));
    expect(colon.map(where)).toEqual(['colon-in-text sessions/a.yaml:6:5']);
    expect(colon[0]!.hint).toContain('"Watchlists: often shared."');
    // The quotes the hint gives keep a “ #” that YAML read as a comment (following it lost “#3”).
    const hash = diagnose(session({ extra: 'key_points:\n  - Item two: see point #3' }));
    expect(hash.filter((d) => d.code === 'colon-in-text')[0]!.hint).toBe('Put the whole text in double quotes: "Item two: see point #3" (a double quote inside it is written \\"); without them, “#3” was read as a comment and left out.');
    const typo = diagnose(session({ extra: 'key_points:\n  - txt: Watchlists are often shared.' }));
    expect(typo.map(where)).toEqual(['unknown-key sessions/a.yaml:6:5']);
    expect(typo[0]!.hint).toBe('Did you mean “text”?');
  });

  it('an entry written in the wrong list is one error at its first foreign key, naming the list it belongs to (it was one per key, and owner missing)', () => {
    const recommendation = diagnose(session({ extra: 'actions:\n  - id: x\n    text: Share watchlists.\n    theme: kst\n    addressed_to: [member-states]\n    priority: high' }));
    expect(recommendation.map(where)).toEqual(['unknown-key sessions/a.yaml:8:5']);
    expect(recommendation[0]!.message).toBe('actions[1] has keys of the entries of recommendations, not of actions: theme, addressed_to, priority.');
    expect(recommendation[0]!.hint).toMatch(/^If it is one of the recommendations, move it under `recommendations:`\. Entries of actions have: id, text, owner/);
    const action = diagnose(session({ extra: 'recommendations:\n  - text: Share watchlists.\n    owner: uncct\n    due: 2022-10-01' }));
    expect(action.map((d) => d.message)).toEqual(['recommendations[1] has keys of the entries of actions, not of recommendations: owner, due.']);
    // One foreign key is a plain unknown key (a typo or a slip), with the keys allowed.
    const one = diagnose(session({ extra: 'actions:\n  - text: Share watchlists.\n    owner: uncct\n    theme: kst' }));
    expect(one.map((d) => d.message)).toEqual(['Unknown key “theme” in actions[1].']);
    // An action with keys of its own (owner, due) would not fit among the recommendations either: each key said, and its missing keys.
    const action2 = diagnose(session({ extra: 'actions:\n  - text: Share watchlists.\n    due: 2022-10-01\n    theme: kst\n    priority: high' }));
    expect(action2.map((d) => d.message)).toEqual(['Missing required key “owner” in actions[1].', 'Unknown key “theme” in actions[1].', 'Unknown key “priority” in actions[1].']);
  });

  it('reports a nested unknown key at the nested key', () => {
    const [d, ...rest] = diagnose(session({ extra: 'country_notes:\n  MLI:\n    need: [x]' }));
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('unknown-key sessions/a.yaml:7:5');
    expect(d!.hint).toBe('Did you mean “needs”?');
  });

  it('lists the allowed keys when nothing is close, and never suggests for __proto__', () => {
    const [far] = diagnose(session({ extra: 'zzzzzzzz: 1' }));
    expect(far!.hint).toMatch(/^Allowed keys here: id, title, date/);
    const [proto] = diagnose(session({ extra: '__proto__: x' }));
    expect(where(proto!)).toBe('unknown-key sessions/a.yaml:5:1');
    expect(proto!.hint).toMatch(/^Allowed keys here:/);
  });

  it('reports a missing key at the first key of the mapping that lacks it', () => {
    expect(diagnose('date: 2022-05-09\ntype: plenary\nsummary: x\n').map(where)).toEqual(['required sessions/a.yaml:1:1']);
    const nested = diagnose(session({ extra: 'recommendations:\n  - text: x\n    priority: high' }));
    expect(nested.map(where)).toEqual(['required sessions/a.yaml:6:5']);
    expect(nested[0]!.message).toContain('“theme”');
  });

  it('reports each missing key once', () => {
    const list = diagnose('date: 2022-05-09\ntype: plenary\n');
    expect(list.map((d) => [d.code, /“(\w+)”/.exec(d.message)![1]])).toEqual([['required', 'title'], ['required', 'summary']]);
    expect(list.map(where)).toEqual(['required sessions/a.yaml:1:1', 'required sessions/a.yaml:1:1']);
  });

  it('reports a missing key in an empty flow mapping at its brace', () => {
    expect(diagnose(session({ extra: 'rapporteur: {}' })).map(where)).toEqual(['required sessions/a.yaml:5:13']);
  });

  it('reports a wrong enum value at the value, with a suggestion and the allowed values', () => {
    const [d, ...rest] = diagnose('title: x\ndate: 2022-05-09\ntype: plenery\nsummary: x\n');
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('enum sessions/a.yaml:3:7');
    expect(d!.hint).toContain('Did you mean “plenary”?');
    expect(d!.hint).toContain('Allowed: opening, plenary, panel, working-group, field-visit, closing.');
  });

  it('reports a wrong priority deep in a list at the value', () => {
    const [d] = diagnose(session({ extra: 'recommendations:\n  - text: x\n    theme: kst\n    priority: hihg' }));
    expect(where(d!)).toBe('enum sessions/a.yaml:8:15');
    expect(d!.hint).toContain('Did you mean “high”?');
  });

  it('reports a wrong type at the value', () => {
    expect(diagnose('title: [a]\ndate: 2022-05-09\ntype: plenary\nsummary: x\n').map(where)).toEqual(['type sessions/a.yaml:1:8']);
    expect(diagnose(session({ extra: 'order: first' })).map(where)).toEqual(['type sessions/a.yaml:5:8']);
    // A date without its dashes, which YAML reads as a number, is told the date meant (invalid-date); another number is a wrong type.
    expect(diagnose('title: x\ndate: 20220509\ntype: plenary\nsummary: x\n').map(where)).toEqual(['invalid-date sessions/a.yaml:2:7']);
    expect(diagnose('title: x\ndate: 2022\ntype: plenary\nsummary: x\n').map(where)).toEqual(['type sessions/a.yaml:2:7']);
    expect(diagnose(WORKSHOP.replace('total: 4', 'total: "4"'), 'workshop').map(where)).toEqual(['type workshop.yaml:21:12']);
  });

  it('reports an impossible date (2022-02-30) as invalid-date at the value', () => {
    const [d, ...rest] = diagnose('title: x\ndate: 2022-02-30\ntype: plenary\nsummary: x\n');
    expect(rest).toEqual([]);
    expect(where(d!)).toBe('invalid-date sessions/a.yaml:2:7');
  });

  it.each(['2022-5-9', '2022-13-01', '2023-02-29', '09/05/2022'])('reports %s as invalid-date', (date) => {
    expect(diagnose(`title: x\ndate: "${date}"\ntype: plenary\nsummary: x\n`).map((d) => d.code)).toEqual(['invalid-date']);
  });

  it('accepts 29 February in a leap year', () => {
    expect(diagnose('title: x\ndate: 2024-02-29\ntype: plenary\nsummary: x\n')).toEqual([]);
  });

  it('reports a participation entry with both country and group once, at the entry', () => {
    const list = diagnose(WORKSHOP.replace(NER_ENTRY, '  - { country: NER, group: Others, total: 3 }\n'), 'workshop');
    expect(list.map(where)).toEqual(['invalid-value workshop.yaml:23:7']);
    expect(list[0]!.message).toContain('only one of “country” or “group”');
  });

  it('reports a participation entry with neither country nor group once, at the entry', () => {
    const list = diagnose(WORKSHOP.replace(NER_ENTRY, '  - total: 3\n    women: 1\n'), 'workshop');
    expect(list.map(where)).toEqual(['invalid-value workshop.yaml:23:5']);
    expect(list[0]!.message).toContain('needs one of “country” or “group”');
  });

  it('reports a missing total in a participation entry as required, not as a combinator error', () => {
    const list = diagnose(WORKSHOP.replace(NER_ENTRY, '  - country: NER\n'), 'workshop');
    expect(list.map((d) => d.code)).toEqual(['required']);
    expect(list[0]!.message).toContain('“total”');
  });

  it('gives only the unknown-key diagnostic for a misspelt required key (sumary:)', () => {
    const list = diagnose('title: x\ndate: 2022-05-09\ntype: plenary\nsumary: x\n');
    expect(list.map(where)).toEqual(['unknown-key sessions/a.yaml:4:1']);
    expect(list[0]!.hint).toBe('Did you mean “summary”?');
  });

  it('keeps the required diagnostic when the unknown key suggests something else', () => {
    const list = diagnose('title: x\ndate: 2022-05-09\ntype: plenary\nthems: [kst]\n');
    expect(list.map((d) => d.code).sort()).toEqual(['required', 'unknown-key']);
  });

  it('reports a negative count and an empty text as invalid values', () => {
    expect(diagnose(WORKSHOP.replace('women: 1\n  - country: NER', 'women: -1\n  - country: NER'), 'workshop').map(where)).toEqual(['invalid-value workshop.yaml:22:12']);
    expect(diagnose(session().replace('summary: Something was discussed.', 'summary: ""')).map(where)).toEqual(['invalid-value sessions/a.yaml:4:10']);
  });

  it('reports a duplicated beneficiary country at the second occurrence', () => {
    expect(diagnose(WORKSHOP.replace('  - MLI\n  - NER\n', '  - MLI\n  - NER\n  - MLI\n'), 'workshop').map(where)).toEqual(['invalid-value workshop.yaml:14:5']);
  });

  it('reports a logo that is not PNG or JPEG at the value', () => {
    expect(diagnose(`${WORKSHOP}report: { logo: assets/logo.gif }\n`, 'workshop').map(where)).toEqual(['invalid-value workshop.yaml:26:17']);
  });

  it('an item of a text list that is empty, a number or true/false says so, at the item, with what to write (it was "does not match any allowed form")', () => {
    const cases: Array<[string, string, string, string]> = [
      ['key_points:\n  - Shared.\n  -', 'type sessions/a.yaml:7:4', '“key_points[2]” is empty.', 'This item is empty: write its text or delete the line.'],
      ['key_points:\n  - 42', 'type sessions/a.yaml:6:5', '“key_points[1]” was read as a number (42), not as text.', 'Write the text it stands for; or, if “42” is the text, put it in quotes: - "42".'],
      ['key_points:\n  - 1.50', 'type sessions/a.yaml:6:5', '“key_points[1]” was read as a number (1.50), not as text.', 'Write the text it stands for; or, if “1.50” is the text, put it in quotes: - "1.50".'],
      ['key_points:\n  - true', 'type sessions/a.yaml:6:5', '“key_points[1]” was read as true or false (true), not as text.', 'Write the text it stands for; or, if “true” is the text, put it in quotes: - "true".'],
      // The other text lists, and the texts of entries, the same way.
      ['country_notes:\n  MLI:\n    challenges:\n      -', 'type sessions/a.yaml:8:8', '“country_notes.MLI.challenges[1]” is empty.', 'This item is empty: write its text or delete the line.'],
      ['recommendations:\n  - text: 12\n    theme: kst\n    addressed_to: [member-states]', 'type sessions/a.yaml:6:11', '“recommendations[1].text” was read as a number (12), not as text.', 'Write the text it stands for; or, if “12” is the text, put it in quotes: text: "12".'],
      ['key_points:\n  - { text: false, restricted: true }', 'type sessions/a.yaml:6:13', '“key_points[1].text” was read as true or false (false), not as text.', 'Write the text it stands for; or, if “false” is the text, put it in quotes: text: "false".'],
      ['key_points:\n  - ""', 'invalid-value sessions/a.yaml:6:5', '“key_points[1]” must not be empty.', 'This item is empty: write its text or delete the line.'],
    ];
    for (const [extra, at, message, hint] of cases) {
      const diagnostics = diagnose(session({ extra }));
      expect(diagnostics.map(where), extra).toEqual([at]);
      expect(diagnostics[0]!.message, extra).toBe(message);
      expect(diagnostics[0]!.hint, extra).toBe(hint);
    }
    expect(diagnose('country: MLI\nneeds:\n  - 7\n', 'country').map((d) => d.message)).toEqual(['“needs[1]” was read as a number (7), not as text.']);
    // A date is text in YAML 1.2: no error. A key with nothing after it is empty, said at its key.
    expect(diagnose(session({ extra: 'key_points:\n  - 2022-05-09' }))).toEqual([]);
    const summary = diagnose(session().replace('summary: Something was discussed.', 'summary:'));
    expect(summary.map((d) => `${d.message} ${d.hint}`)).toEqual(['“summary” is empty. Write its text after “summary:”.']);
  });

  it('describes paths the way people read them', () => {
    expect(describePath([])).toBe('');
    expect(describePath(['recommendations', 2, 'theme'])).toBe('recommendations[3].theme');
    expect(describePath(['country_notes', 'MLI', 'needs', 0])).toBe('country_notes.MLI.needs[1]');
  });
});
