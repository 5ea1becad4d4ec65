import { findUnsafeCharacter, UNSAFE_ALL } from '../load/unsafe-characters.js';

/**
 * Characters that do not show, or show as what they are not, in a key or a value pasted from a word
 * processor or a web page: a message quoting the text looks exactly like what was meant
 * (`Unknown key “​title”. Did you mean “title”?`). Each with its name, and what it stands for.
 */
const HIDDEN: ReadonlyMap<string, { name: string; as: string }> = new Map([
  ['\u200b', { name: 'a zero-width space', as: '' }],
  ['\u200c', { name: 'a zero-width non-joiner', as: '' }],
  ['\u200d', { name: 'a zero-width joiner', as: '' }],
  ['\u2060', { name: 'a word joiner', as: '' }],
  ['\ufeff', { name: 'a zero-width no-break space', as: '' }],
  ['\u00ad', { name: 'a soft hyphen', as: '' }],
  ['\u00a0', { name: 'a non-breaking space', as: ' ' }],
  ['\u202f', { name: 'a narrow non-breaking space', as: ' ' }],
  ['\u2007', { name: 'a figure space', as: ' ' }],
  ['\u2010', { name: 'a typographic hyphen', as: '-' }],
  ['\u2011', { name: 'a non-breaking hyphen', as: '-' }],
  ['\u2012', { name: 'a figure dash', as: '-' }],
  ['\u2013', { name: 'an en dash', as: '-' }],
  ['\u2212', { name: 'a minus sign', as: '-' }],
]);

/**
 * Control and bidirectional-override characters (see load/unsafe-characters.ts), which the notes'
 * `control-character` warning names, are such characters too: in a value in error (`font_size: 11`
 * and a U+0001, read as text) they are why it is in error, and a message quoting it cannot show them.
 */
const ANY = new RegExp(`[${[...HIDDEN.keys()].join('')}]|${UNSAFE_ALL.source}`, 'u');

const isControl = (char: string) => findUnsafeCharacter(char) !== undefined;

/**
 * The hint for a key or value holding such characters: which (named, with their code), and the
 * text to write: `meant` (a key a did-you-mean found), else the text without them (spaces around it
 * taken off); undefined when it holds none. Pure.
 */
export function hiddenCharactersHint(text: string, meant?: string): string | undefined {
  if (!ANY.test(text)) return undefined;
  const found = [...new Set([...text].filter((char) => HIDDEN.has(char) || isControl(char)))];
  const names = found.map((char) => `${HIDDEN.get(char)?.name ?? findUnsafeCharacter(char)!.name} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const plain = meant ?? [...text].map((char) => (isControl(char) ? '' : HIDDEN.get(char)?.as ?? char)).join('').trim();
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  // A control character does not show at all; the others show as what they are not.
  const unseen = found.every(isControl) ? (names.length === 1 ? 'a character that does not show' : 'characters that do not show') : names.length === 1 ? 'a character that cannot be told apart here' : 'characters that cannot be told apart here';
  return `It holds ${listed}, ${unseen}: write “${plain}”${plain === '' ? '' : ', typed again'}.`;
}
