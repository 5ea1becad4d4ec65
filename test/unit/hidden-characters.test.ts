import { describe, expect, it } from 'vitest';
import { hiddenCharactersHint } from '../../src/validate/hidden-characters.js';
import { check, session } from './helpers.js';

describe('a key or value holding a character that cannot be seen or told apart', () => {
  it('is named, with its code, and the text without it, where the message looked like the word meant', () => {
    expect(hiddenCharactersHint('\u200btitle')).toBe('It holds a zero-width space (U+200B), a character that cannot be told apart here: write “title”, typed again.');
    expect(hiddenCharactersHint('2025\u201003\u201010\u00a0')).toBe('It holds a typographic hyphen (U+2010) and a non-breaking space (U+00A0), characters that cannot be told apart here: write “2025-03-10”, typed again.');
    expect(hiddenCharactersHint('title')).toBeUndefined();
  });

  it('names a control character too, which does not show at all (`font_size: 11` and a U+0001 was a type error quoting “11”)', () => {
    expect(hiddenCharactersHint('11\u0001')).toBe('It holds the control character SOH (U+0001), a character that does not show: write “11”, typed again.');
    expect(hiddenCharactersHint('A\u202e4\u0007')).toBe('It holds a right-to-left override (U+202E) and the control character BEL (U+0007), characters that do not show: write “A4”, typed again.');
    expect(hiddenCharactersHint('A4\u00a0\u0001')).toBe('It holds a non-breaking space (U+00A0) and the control character SOH (U+0001), characters that cannot be told apart here: write “A4”, typed again.');
  });

  it('in a session file: an unknown key, an invalid date, a value that is no id', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ date: '2022-05-09\u00a0', extra: '\u200bkey_points: [A point.]\nrecommendations:\n  - text: Do it.\n    theme: k\u00adst\n    addressed_to: [member-states]' }) } });
    expect(diagnostics.map((d) => `${d.code}: ${d.hint}`).sort()).toEqual([
      'invalid-date: It holds a non-breaking space (U+00A0), a character that cannot be told apart here: write “2022-05-09”, typed again.',
      'invalid-value: It holds a soft hyphen (U+00AD), a character that cannot be told apart here: write “kst”, typed again.',
      'unknown-key: It holds a zero-width space (U+200B), a character that cannot be told apart here: write “key_points”, typed again.',
    ]);
  });

  it('names a control character, which the message cannot show either: a number written with one is text (“order” must be a whole number, not text (“2”), which looked right)', () => {
    expect(hiddenCharactersHint('ord\u0001er')).toBe('It holds the control character SOH (U+0001), a character that does not show: write “order”, typed again.');
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: 'order: 2\u0001' }) } });
    const type = diagnostics.find((d) => d.code === 'type')!;
    expect(type.message).toBe('“order” must be a whole number, not text (“2”).');
    expect(type.hint).toBe('It holds the control character SOH (U+0001), a character that does not show: write “2”, typed again.');
    // A zero-width space there is named too.
    const zero = check({ sessions: { 'sessions/a.yaml': session({ extra: 'order: 2\u200b' }) } }).diagnostics.find((d) => d.code === 'type')!;
    expect(zero.hint).toBe('It holds a zero-width space (U+200B), a character that cannot be told apart here: write “2”, typed again.');
  });
});
