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

const ANY = new RegExp(`[${[...HIDDEN.keys()].join('')}]`, 'u');

/**
 * The hint for a key or value holding such characters: which (named, with their code), and the
 * text to write: `meant` (a key a did-you-mean found), else the text without them (spaces around it
 * taken off); undefined when it holds none. Pure.
 */
export function hiddenCharactersHint(text: string, meant?: string): string | undefined {
  if (!ANY.test(text)) return undefined;
  const found = [...new Set([...text].filter((char) => HIDDEN.has(char)))];
  const names = found.map((char) => `${HIDDEN.get(char)!.name} (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`);
  const plain = meant ?? [...text].map((char) => HIDDEN.get(char)?.as ?? char).join('').trim();
  const listed = names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]!}`;
  return `It holds ${listed}, ${names.length === 1 ? 'a character' : 'characters'} that cannot be told apart here: write “${plain}”${plain === '' ? '' : ', typed again'}.`;
}
