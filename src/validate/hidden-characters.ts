import { codeOf, describeCharacter, unsafeCharacters } from '../characters.js';

/**
 * Characters that do not show, or show as what they are not, in a key or a value pasted from a word
 * processor or a web page: a message quoting the text looks exactly like what was meant
 * (`Unknown key “​title”. Did you mean “title”?`). Each with its name, and what it stands for;
 * control characters, bidirectional controls and noncharacters too (see hidden()).
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

const ANY = new RegExp(`[${[...HIDDEN.keys()].join('')}]`, 'u');

/** A hidden character's name and what it stands for: one of HIDDEN, or a control character, a bidirectional control, a noncharacter (typed as nothing). */
function hidden(char: string): { name: string; as: string } | undefined {
  const named = HIDDEN.get(char);
  if (named) return named;
  const info = describeCharacter(char);
  if (!info) return undefined;
  return { name: info.kind === 'noncharacter' ? 'a noncharacter' : info.kind === 'surrogate' ? 'a lone surrogate' : info.name.replace(/ \(U\+[0-9A-F]+\)$/, ''), as: '' };
}

/**
 * The hint for a key or value holding such characters: which (named, with their code), and the
 * text to write: `meant` (a key a did-you-mean found), else the text without them (spaces around it
 * taken off); undefined when it holds none. Pure.
 */
export function hiddenCharactersHint(text: string, meant?: string): string | undefined {
  if (!ANY.test(text) && unsafeCharacters(text).length === 0) return undefined;
  const found = [...new Set([...text].filter((char) => hidden(char)))];
  const names = found.map((char) => `${hidden(char)!.name} (${codeOf(char)})`);
  const plain = meant ?? [...text].map((char) => hidden(char)?.as ?? char).join('').trim();
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  // A control character does not show at all; the others show as what they are not.
  const unseen = found.every((char) => !HIDDEN.has(char)) ? (names.length === 1 ? 'a character that does not show' : 'characters that do not show') : names.length === 1 ? 'a character that cannot be told apart here' : 'characters that cannot be told apart here';
  return `It holds ${listed}, ${unseen}: write “${plain}”${plain === '' ? '' : ', typed again'}.`;
}
