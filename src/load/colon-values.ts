import type { YAMLError } from 'yaml';

/**
 * A plain value on a key's line with a `: ` in it (`summary: The chair said: borders matter`):
 * YAML reads the text before that `: ` as a key, which cannot begin on a key's line ("Nested
 * mappings are not allowed in compact mappings", reported at the value's start), and everything
 * after it in the file as that key's mapping.
 */
export interface ColonValue {
  /** Where the value begins (where YAML reports the error). */
  start: number;
  /** The `:` that makes YAML read the text before it as a key. */
  colon: number;
  /** Every `:` of the value YAML would read so (followed by a blank or the line's end). */
  colons: number[];
  /** The key the value is written after, as written (`summary`). */
  key: string;
  /** The line up to the value, without its indentation (`summary: `, `- text: `). */
  before: string;
  /** The value as written on its line, without a comment after it. */
  value: string;
  /** Whether the key begins a list item (`- Watchlists: often: maintained`): the whole item may be one text. */
  firstInItem: boolean;
  /**
   * Where the value's last line begins, when it goes on over the lines below (indented more than
   * its key): the quoted line would then not be all of it.
   */
  lastLine?: number;
}

/** Characters a plain value cannot begin with (a quote, a flow collection, an anchor, …): another mistake. */
const NOT_PLAIN = /^["'[\]{}*&!|>%@`#]/;

/** The value an error of the parser is about, when it is one with a `: ` in it; else undefined. */
export function colonValue(error: YAMLError, text: string): ColonValue | undefined {
  if (error.code !== 'BLOCK_AS_IMPLICIT_KEY') return undefined;
  const start = error.pos[0];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', start);
  const written = /^([ \t]*)((?:-[ \t]+)*)(\S.*?):[ \t]+$/.exec(text.slice(lineStart, start));
  if (!written) return undefined;
  const [, indent, dashes, key] = written as unknown as [string, string, string, string];
  const value = text.slice(start, lineEnd === -1 ? undefined : lineEnd).replace(/\r$/, '').replace(/[ \t]+#.*$/, '').trimEnd();
  if (NOT_PLAIN.test(value)) return undefined;
  const colons = [...value.matchAll(/:(?=[ \t]|$)/g)].map((match) => start + match.index);
  if (colons.length === 0) return undefined;
  // The lines below indented more than the key go on with the value: their `: ` would make keys too.
  let lastLine: number | undefined;
  for (let at = lineEnd === -1 ? text.length : lineEnd + 1; at < text.length;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? undefined : end).replace(/\r$/, '');
    const next = end === -1 ? text.length : end + 1;
    if (line.trim() === '') {
      at = next;
      continue;
    }
    if (/^ */.exec(line)![0].length <= indent.length + dashes.length || line.trimStart().startsWith('#')) break;
    colons.push(...[...line.replace(/[ \t]+#.*$/, '').matchAll(/:(?=[ \t]|$)/g)].map((match) => at + match.index));
    lastLine = at;
    at = next;
  }
  return { start, colon: colons[0]!, colons, key, before: text.slice(lineStart + indent.length, start), value, firstInItem: dashes.length > 0, ...(lastLine !== undefined ? { lastLine } : {}) };
}

/** The text with those values' key-making colons as spaces: the same length, so every offset stays; each value then reads as text. */
export function colonsAsSpaces(text: string, values: readonly ColonValue[]): string {
  const at = [...new Set(values.flatMap((value) => value.colons))].sort((a, b) => a - b);
  let out = '';
  let last = 0;
  for (const offset of at) {
    out += `${text.slice(last, offset)} `;
    last = offset + 1;
  }
  return out + text.slice(last);
}

/**
 * What to say of such a value: the message, and the hint with the line to write instead, in quotes
 * (`lastLine`: the line number its last line is on, when it goes on over the lines below).
 */
export function colonValueProblem(found: ColonValue, lastLine?: number): { message: string; hint: string } {
  const asKey = found.value.slice(0, found.colon - found.start);
  const shown = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
  const quote = (text: string) => `"${shown(text, 70).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const dashes = /^(?:-[ \t]+)*/.exec(found.before)![0];
  const item = found.firstInItem ? `; or, if the whole item is one text, quote all of it: ${dashes}${quote(found.before.slice(dashes.length) + found.value)}` : '';
  const message = `YAML syntax error: this “: ” makes YAML read “${shown(asKey, 40)}” as a key, and a key cannot follow “${found.key}:” on the same line.`;
  // `same_as: rabat-2022: api-pnr`: another workshop's recommendation, named with a space too many (quoted, it is no id).
  const reference = found.key === 'same_as' && lastLine === undefined ? /^([\w-]+):[ \t]+([\w-]+)[ \t]*$/.exec(found.value) : null;
  if (reference) return { message, hint: `A recommendation of another workshop is named without a space after the colon: ${found.before}${reference[1]}:${reference[2]}.` };
  if (lastLine !== undefined) {
    return { message, hint: `Put the whole value in double quotes, from “${shown(found.value, 30)}” to the end of line ${lastLine} (a double quote inside it is written \\"); or write “${found.before.trimEnd()} |” and the text on the lines below it, indented.` };
  }
  // `title: “Borders: the way forward”`: a word processor's quotes, which YAML keeps as text (and the documents print).
  const curly = typographicQuotes(found.value);
  if (curly) return { message, hint: typographicQuotesHint(curly, (text) => `${found.before}${quote(text)}`) };
    return { message, hint: `Put the whole value in double quotes: ${found.before}${quote(found.value)} (a double quote inside it is written \\")${item}.` };
}

/** A text in a word processor's quotes (`“Borders: the way forward”`, `‘…’`, `„…“`): the quotes and what is inside them; else undefined. */
export function typographicQuotes(text: string): { open: string; close: string; inside: string } | undefined {
  const found = /^([“‘„])(.*)([”’“])$/s.exec(text);
  return found ? { open: found[1]!, close: found[3]!, inside: found[2]! } : undefined;
}

/** The hint for such a text that YAML cannot read as written: the line to write (`written` gives it for a text), in straight quotes. */
export function typographicQuotesHint(quotes: { open: string; close: string; inside: string }, written: (text: string) => string): string {
  return `Its quotes are typographic (${quotes.open} ${quotes.close}, as a word processor writes them), which YAML does not read as quotes and the reports would print: write it in straight quotes, ${written(quotes.inside)}; to print the typographic quotes too, ${written(`${quotes.open}${quotes.inside}${quotes.close}`)}.`;
}
