import { describeCharacter, unsafeCharacters, type CharacterInfo } from '../characters.js';

/** One character the `control-character` rule warns about, where the file holds it. */
export interface UnsafePlace {
  char: string;
  /** Offset and length in the file: the character itself, or the escape that writes it (`\e`, `\uD800`). */
  offset: number;
  length: number;
  /** The escape as written, when a double-quoted text writes the character so. */
  escape?: string;
}

/** A character a double-quoted text writes with a one-letter escape (YAML 1.2, 5.7). */
const ESCAPES: Record<string, string> = {
  '0': '\u0000', a: '\u0007', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\u001b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_DIGITS: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * Where a text of the notes (a scalar: its value, and where it is written, `[start, end)` of
 * `source`) holds each character the rule warns about, each at its own offset: typed as itself, or
 * written as an escape in a double-quoted text (`"NUL\0 here"`, `"\uD800"`, whose lone half of a
 * surrogate pair made a U+FFFD in every format). In the order written.
 */
export function unsafePlaces(value: string, source: string, start: number, end: number, doubleQuoted: boolean): UnsafePlace[] {
  const found = unsafeCharacters(value);
  if (found.length === 0) return [];
  const held = new Set(found.map(({ char }) => char));
  const places = doubleQuoted ? escapedPlaces(source, start, end) : literalPlaces(source, start, end);
  // (A block text's header may carry a comment: only what the value holds counts.)
  const inValue = places.filter((place) => held.has(place.char));
  // Not found where it is written (cannot happen): at the start of the text, as before.
  return inValue.length > 0 ? inValue : [{ char: found[0]!.char, offset: start, length: Math.max(1, end - start) }];
}

function literalPlaces(source: string, start: number, end: number): UnsafePlace[] {
  return unsafeCharacters(source.slice(start, end)).map(({ index, char }) => ({ char, offset: start + index, length: char.length }));
}

/** The characters of a double-quoted text as written and as its escapes write them; a high and a low surrogate written one after the other are one character. */
function escapedPlaces(source: string, start: number, end: number): UnsafePlace[] {
  const units: Array<{ text: string; offset: number; length: number; escape?: string }> = [];
  const close = source.lastIndexOf('"', end - 1);
  for (let at = start + 1; at < (close > start ? close : end); ) {
    const char = String.fromCodePoint(source.codePointAt(at)!);
    if (char !== '\\') {
      units.push({ text: char, offset: at, length: char.length });
      at += char.length;
      continue;
    }
    const letter = source[at + 1] ?? '';
    const digits = HEX_DIGITS[letter];
    if (digits !== undefined) {
      const hex = source.slice(at + 2, at + 2 + digits);
      const point = /^[0-9a-fA-F]+$/.test(hex) ? parseInt(hex, 16) : NaN;
      const text = Number.isNaN(point) || point > 0x10ffff ? '' : point >= 0xd800 && point <= 0xdfff ? String.fromCharCode(point) : String.fromCodePoint(point);
      units.push({ text, offset: at, length: 2 + digits, escape: source.slice(at, at + 2 + digits) });
      at += 2 + digits;
    } else if (letter === '\n' || letter === '\r') {
      at += 2;
    } else {
      units.push({ text: ESCAPES[letter] ?? '', offset: at, length: 2, escape: source.slice(at, at + 2) });
      at += 2;
    }
  }
  const places: UnsafePlace[] = [];
  for (let i = 0; i < units.length; i++) {
    const unit = units[i]!;
    const next = units[i + 1];
    // `\uD83D\uDE00`: the two halves of one character (😀).
    if (/^[\ud800-\udbff]$/.test(unit.text) && next && /^[\udc00-\udfff]$/.test(next.text)) {
      i++;
      continue;
    }
    for (const { char } of unsafeCharacters(unit.text)) places.push({ char, offset: unit.offset, length: unit.length, ...(unit.escape ? { escape: unit.escape } : {}) });
  }
  return places;
}

/** A character of the notes the rule warns about, and what it says of it. */
export interface UnsafeProblem {
  info: CharacterInfo;
  message: string;
  hint: string;
}

/**
 * What the `control-character` warning says of one character, at `column`, in a key or a text (or
 * what `where` names: a template). The characters that are not text are left out of every format
 * (the notes are read without them); a
 * bidirectional control is kept (HTML and Word reorder the text as it says; the PDF, which lays every
 * line out left to right, leaves it out).
 */
export function unsafeProblem(place: UnsafePlace, column: number, times: number, key: boolean, where = key ? 'This key' : 'This text'): UnsafeProblem {
  const info = describeCharacter(place.char)!;
  const again = times > 1 ? ` (${times} times)` : '';
  const effect = info.kind === 'bidi' ? 'which does not show and reorders the text around it'
    : info.kind === 'control' ? `which does not show${key ? '' : ': the reports leave it out'}`
      : info.kind === 'surrogate' ? `half of a character's UTF-16 code without its other half, not a character${key ? '' : ': the reports leave it out'}`
        : `a code point that is no character of any text${key ? '' : ': the reports leave it out'}`;
  const message = `${where} holds ${info.name}${again}, ${effect}.`;
  const hint = place.escape !== undefined ? escapeHint(place.escape, info) : literalHint(info, column);
  return { info, message, hint };
}

function literalHint(info: CharacterInfo, column: number): string {
  const what = `the ${info.short}`;
  const from = info.kind === 'noncharacter' ? 'it often comes from a faulty conversion of a file' : 'it often comes from copying out of a word processor or a web page';
  // U+0080–U+009F: a Windows-1252 character read in another encoding (U+0092 for ’).
  const meant = info.kind === 'control' && /^U\+00[89]/.test(info.code) ? windows1252(info.code) : undefined;
  return `Delete ${what} at column ${column} (${from})${meant ? `; if “${meant}” was meant (${info.code} is what a Windows-1252 “${meant}” becomes, read in another encoding), type it instead` : ''}.`;
}

function escapeHint(escape: string, info: CharacterInfo): string {
  if (info.kind === 'surrogate') {
    return `The escape “${escape}” writes half of a character's UTF-16 code: write the character itself, or both halves one after the other (“\\uD83D\\uDE00” writes 😀), or delete it.`;
  }
  return `Delete the escape “${escape}”, which writes ${info.kind === 'bidi' ? `the ${info.short}` : info.short}.`;
}

/** Windows-1252's characters at 0x80–0x9F (a blank where it has none). Node 20's TextDecoder reads them as Latin-1. */
const WINDOWS_1252 = '€ ‚ƒ„…†‡ˆ‰Š‹Œ Ž  ‘’“”•–—˜™š›œ žŸ';

function windows1252(code: string): string | undefined {
  const char = WINDOWS_1252[parseInt(code.slice(2), 16) - 0x80];
  return char === undefined || char === ' ' ? undefined : char;
}
