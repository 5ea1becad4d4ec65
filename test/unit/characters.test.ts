import { describe, expect, it } from 'vitest';
import { describeCharacter, unsafeCharacters, visible, withoutNonText, xmlSafe } from '../../src/characters.js';

describe('characters that are not text', () => {
  it('leaves out controls, lone surrogates and noncharacters, keeping tabs, line breaks, characters written as surrogate pairs and bidirectional controls', () => {
    expect(withoutNonText('a\u0000b\u0007c\u007fd\u0085e\t\r\n')).toBe('abcde\t\r\n');
    expect(withoutNonText('x\ud800y\udc00z😀\ud83d')).toBe('xyz😀');
    expect(withoutNonText('😀 then \u{1fffe} \u{10ffff} \ufdd0\ufdef\ufffe\uffff \u202e')).toBe('😀 then    \u202e');
    const plain = 'Côte d’Ivoire — « 10 000 » 😀';
    expect(withoutNonText(plain)).toBe(plain);
  });

  it('gives XML only the characters XML 1.0 allows (a supplementary noncharacter is one)', () => {
    expect(xmlSafe('<a>\ufffe\uffff\u0001\u001b\ud800 \t\u{1fffe}😀</a>')).toBe('<a> \t\u{1fffe}😀</a>');
    expect(xmlSafe('<a>😀 \udc00</a>')).toBe('<a>😀 </a>');
  });

  it('finds each character the notes rule warns about, with its index, and names it', () => {
    expect(unsafeCharacters('x😀\u202ey\u{10ffff}\u0008')).toEqual([{ index: 3, char: '\u202e' }, { index: 5, char: '\u{10ffff}' }, { index: 7, char: '\u0008' }]);
    expect(unsafeCharacters('x😀 y\u200b')).toEqual([]);
    expect(['\u0000', '\u001a', '\u0092', '\u202e', '\ud800', '\u{1ffff}'].map((char) => describeCharacter(char)?.name)).toEqual([
      'the control character NUL (U+0000)', 'the control character SUB (U+001A)', 'the control character PU2 (U+0092)',
      'a right-to-left override (U+202E)', 'the lone surrogate U+D800', 'the noncharacter U+1FFFF',
    ]);
    expect(describeCharacter('\t')).toBeUndefined();
  });

  it('shows them, and direction marks, as their codes for a terminal', () => {
    expect(visible('a\u001b[31mb\u200ec\u202ed😀\ud800\ttab\nline')).toBe('a<U+001B>[31mb<U+200E>c<U+202E>d😀<U+D800>\ttab\nline');
  });
});
