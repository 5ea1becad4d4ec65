/**
 * Characters a text may hold that no report should show as they are, in one place: the notes rule
 * `control-character` finds them (src/load/unsafe-characters.ts), the notes are read without those
 * that no format can write (every format then leaves them out alike), the XML writers never write
 * one XML 1.0 forbids, and the reporter shows them visibly rather than sending them to the terminal.
 */

/**
 * Control characters (C0 but tab, line feed and carriage return; DEL; C1), lone surrogates (half of
 * a character's UTF-16 code, from a `\uD800` escape) and noncharacters (U+FFFE, U+FFFF, U+FDD0–U+FDEF,
 * the last two of each plane): not text. XML 1.0 forbids most of them, a terminal obeys the controls.
 */
const NOT_TEXT_CLASS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\p{Cs}\\p{Noncharacter_Code_Point}';
const NOT_TEXT_ALL = new RegExp(`[${NOT_TEXT_CLASS}]`, 'gu');

/** The bidirectional embedding, override and isolate controls: invisible, they reorder the text around them. */
const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';

/** What the notes rule warns about: characters that are not text, and the bidirectional controls. */
const UNSAFE_ALL = new RegExp(`[${NOT_TEXT_CLASS}${BIDI_CONTROLS}]`, 'gu');

/** What the reporter shows as `<U+XXXX>`: the unsafe characters and the direction marks, which reorder a terminal's line too. */
const SHOWN_AS_CODES = new RegExp(`[${NOT_TEXT_CLASS}${BIDI_CONTROLS}\\u200e\\u200f\\u061c]`, 'gu');

/** What XML 1.0 does not allow anywhere in a document (its `Char` production). */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/**
 * What may be one of them, as a regular expression without the `u` flag, which scans a text about ten
 * times as fast (a large workshop's documents are tens of megabytes): any half of a surrogate pair
 * stands for the pairs (a supplementary noncharacter, an emoji), which the exact test then reads.
 */
const MAYBE_NOT_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]/;
const MAYBE_UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069]/;
const MAYBE_NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd]/;
const MAYBE_SHOWN_AS_CODES = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;

/** Whether `pattern` (global) matches `text` from `from` on. */
function matchesFrom(pattern: RegExp, text: string, from: number): boolean {
  pattern.lastIndex = from;
  const found = pattern.test(text);
  pattern.lastIndex = 0;
  return found;
}

/** Whether a text holds a character `exact` matches, tried from where `maybe` first matches (the same or a superset). */
function holds(text: string, maybe: RegExp, exact: RegExp): boolean {
  const first = text.search(maybe);
  return first !== -1 && matchesFrom(exact, text, first);
}

/** Each character of `text` the notes rule warns about (not text, or a bidirectional control), with its index. */
export function unsafeCharacters(text: string): Array<{ index: number; char: string }> {
  if (!holds(text, MAYBE_UNSAFE, UNSAFE_ALL)) return [];
  return [...text.matchAll(UNSAFE_ALL)].map((match) => ({ index: match.index, char: match[0] }));
}

/**
 * The text without the characters that are not text: how every format gets the notes (and the
 * templates' output), so that Markdown, HTML, PDF and DOCX agree, and none is corrupted (a U+FFFF in
 * a DOCX made it unreadable). The notes rule `control-character` says where each was.
 */
export function withoutNonText(text: string): string {
  return holds(text, MAYBE_NOT_TEXT, NOT_TEXT_ALL) ? text.replace(NOT_TEXT_ALL, '') : text;
}

/** An XML document (a DOCX part, an HTML page) without any character XML 1.0 forbids: the last guard of the writers. */
export function xmlSafe(xml: string): string {
  return holds(xml, MAYBE_NOT_XML, NOT_XML) ? xml.replace(NOT_XML, '') : xml;
}

/**
 * A text for a terminal (messages, hints, code frames): each control character, lone surrogate,
 * noncharacter, bidirectional control and direction mark shown as `<U+001B>`, so that none rings,
 * recolours the terminal (ESC [31m) or reverses the line (U+202E) as it is printed. Tabs and line
 * breaks stay.
 */
export function visible(text: string): string {
  return holds(text, MAYBE_SHOWN_AS_CODES, SHOWN_AS_CODES) ? text.replace(SHOWN_AS_CODES, (char) => `<${codeOf(char)}>`) : text;
}

/** `U+001B`, `U+1FFFF`. */
export function codeOf(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const C0 = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US'];
const C1 = ['PAD', 'HOP', 'BPH', 'NBH', 'IND', 'NEL', 'SSA', 'ESA', 'HTS', 'HTJ', 'VTS', 'PLD', 'PLU', 'RI', 'SS2', 'SS3', 'DCS', 'PU1', 'PU2', 'STS', 'CCH', 'MW', 'SPA', 'EPA', 'SOS', 'SGC', 'SCI', 'CSI', 'ST', 'OSC', 'PM', 'APC'];
const BIDI_NAMES: Record<string, string> = {
  '\u202a': 'left-to-right embedding', '\u202b': 'right-to-left embedding', '\u202c': 'pop-directional-formatting mark',
  '\u202d': 'left-to-right override', '\u202e': 'right-to-left override', '\u2066': 'left-to-right isolate',
  '\u2067': 'right-to-left isolate', '\u2068': 'first-strong isolate', '\u2069': 'pop-directional-isolate mark',
};

export type UnsafeKind = 'control' | 'surrogate' | 'noncharacter' | 'bidi';

/** What an unsafe character is, with its name as a message says it. */
export interface CharacterInfo {
  kind: UnsafeKind;
  /** `U+001B`. */
  code: string;
  /** `ESC (U+001B)`, `U+FFFF`. */
  short: string;
  /** `the control character ESC (U+001B)`, `the right-to-left override (U+202E)`, `the noncharacter U+FFFF`. */
  name: string;
}

/** Names a character UNSAFE matches (undefined for any other). */
export function describeCharacter(char: string): CharacterInfo | undefined {
  const point = char.codePointAt(0) ?? 0;
  const code = codeOf(char);
  const control = point < 0x20 ? C0[point] : point === 0x7f ? 'DEL' : point >= 0x80 && point < 0xa0 ? C1[point - 0x80] : undefined;
  if (control && char.length === 1 && !/[\t\n\r]/.test(char)) return { kind: 'control', code, short: `${control} (${code})`, name: `the control character ${control} (${code})` };
  if (BIDI_NAMES[char]) return { kind: 'bidi', code, short: `${BIDI_NAMES[char]} (${code})`, name: `a ${BIDI_NAMES[char]} (${code})` };
  if (point >= 0xd800 && point <= 0xdfff) return { kind: 'surrogate', code, short: code, name: `the lone surrogate ${code}` };
  if ((point >= 0xfdd0 && point <= 0xfdef) || (point & 0xfffe) === 0xfffe) return { kind: 'noncharacter', code, short: code, name: `the noncharacter ${code}` };
  return undefined;
}
