import { memoize1 } from '../markdown/memo.js';

/**
 * Escapes plain text for Markdown (CommonMark + GFM, and pandoc's Markdown, which reads the front
 * matter), so a name or title is shown exactly as written wherever a template puts it.
 * Inline-significant characters are always escaped; line-start constructs (`#`, `>`, `-`, `+`,
 * `1.`) only where they could start a block. pandoc's own inline syntax is escaped too: `$…$`
 * (math), `^…^` (superscript) and a citation's `@key` (an `@` inside a word, as in an e-mail
 * address, is not one). Every escape is of ASCII punctuation, which all these readers accept.
 */
const NOTHING_TO_ESCAPE = /^(?![#>+=\-\s]|\d+[.)])[^\\`*_[\]<>|~&\r\n#$^@]*(?<!\s)$/;

/** What starts a GFM literal autolink (`https://…`, `www.…`): backslash escapes inside one are not read. */
const LITERAL_AUTOLINK = /https?:\/\/|www\./i;

export function escapeMarkdown(text: string): string {
  // Most names and titles need nothing: skip the replacements (a hot path in large reports).
  if (NOTHING_TO_ESCAPE.test(text) && /^[\x20-\x7e]*$/.test(text) && !LITERAL_AUTOLINK.test(text)) return text;
  return escaped(text);
}

/**
 * The replacements, remembered: the same few texts that need them (a date range with its dash, a
 * name with an accent) are written in every row of a large document.
 */
const escaped = memoize1((text: string): string => {
  // Leading spaces could start a code block; line breaks, a new block: plain text has neither.
  const flat = text.normalize('NFC').replace(/\s*(\r\n?|\n)\s*/g, ' ').trim();
  return flat
    .replace(/[\\`*_[\]<>|~$^]/g, '\\$&')
    .replace(/(?<![\p{L}\p{N}])@/gu, '\\@')
    .replace(/&(?=#?\w+;)/g, '\\&')
    .replace(/^([#>+=-])/, '\\$1')
    // A trailing ` #` run would close an ATX heading and vanish from it.
    .replace(/(\s)(#+)$/, '$1\\$2')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    // A web address would be a GFM literal autolink, which shows escapes as backslashes
    // (`https://x.org/a\_b`): `https\://`, `www\.` keep it text, read the same by every reader.
    .replace(/(?<![a-z])(https?):(?=\/\/)/gi, '$1\\:')
    .replace(/(?<![a-z0-9])(www)\./gi, '$1\\.');
}, 10_000);

/** A value for YAML front matter: a double-quoted scalar (JSON strings are valid YAML 1.2). */
export function yamlScalar(value: unknown): string {
  if (value === null || value === undefined) return '""';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(String(value).normalize('NFC'));
}
