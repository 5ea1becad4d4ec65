import { decodeString } from 'micromark-util-decode-string';
import { normalizedWords } from '../validate/near-duplicates.js';

/**
 * Finding given texts (a public edition's restricted texts) inside long ones (documents) by their
 * words, without parsing every long one as Markdown: a long text's tokens (its letters and digits
 * as a reader sees them, see eachToken) are read first, and only one that may hold a text is read
 * for its visible words.
 * Words are numbered by the texts sought: a long text's words become numbers, and a word no text
 * holds ends any match there (a programme's documents are 20 MB of Markdown).
 */

/** A text sought: its visible words (normalized, space-separated) and the Markdown it was written as. */
export interface SoughtText {
  words: string;
  source: string;
}

const WORD_CHARACTER = /[\p{L}\p{M}\p{N}]/u;

/**
 * What Markdown hides or changes between the words of a text, each replaced by a space: the
 * address and title of a link or image (`[words](https://…)`), a reference's label and
 * definition, a footnote's label (renamed `[^x-1]` when a text is placed), HTML tags and
 * comments (a fallback text's `<span lang="en">` around each paragraph; not an autolink,
 * `<https://…>`, which shows its address).
 */
const HIDDEN = [
  /<!--[\s\S]*?-->/g,
  /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g,
  /(?<=\])\(\s*(?:<[^<>\n]*>|(?:[^()\s]|\([^()\s]*\))*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)/g,
  /(?<=\])\[[^\]]*\]/g,
  /^ {0,3}\[(?!\^)[^\]]+\]:.*$/gm,
  /\[\^[^\]\s]+\]:?/g,
];

/** `text` as a reader sees its letters: hidden parts left out, character references (`&eacute;`) and escapes decoded. */
function shownLetters(text: string): string {
  let shown = text;
  for (const pattern of HIDDEN) shown = shown.replace(pattern, ' ');
  return shown.includes('&') || shown.includes('\\') ? decodeString(shown) : shown;
}

/**
 * Calls `each` with every run of letters, marks and digits of `text` as a reader sees it (see
 * shownLetters; NFKC, lower case, final sigma as sigma), leaving out runs of digits alone (list
 * numbers, which a placed list renumbers): what markup cannot change in a copy of a text
 * (`**Hu**man` is “hu man”, a link's words stay in order around its address). A
 * character-by-character scan: a Unicode regular expression over 20 MB took 0.75 s.
 */
function eachToken(text: string, each: (token: string) => void): void {
  const folded = shownLetters(text).normalize('NFKC').toLowerCase().replaceAll('ς', 'σ');
  let start = -1;
  let digitsOnly = true;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.charCodeAt(i);
    let word: boolean;
    let width = 1;
    if (code < 128) word = (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
    else if (code >= 0xd800 && code <= 0xdbff) {
      const point = folded.codePointAt(i)!;
      width = point > 0xffff ? 2 : 1;
      word = WORD_CHARACTER.test(String.fromCodePoint(point));
    } else word = WORD_CHARACTER.test(folded[i]!);
    if (word) {
      if (start < 0) start = i;
      if (code < 48 || code > 57) digitsOnly = false;
    } else if (start >= 0) {
      if (!digitsOnly) each(folded.slice(start, i));
      start = -1;
      digitsOnly = true;
    }
    i += width - 1;
  }
  if (start >= 0 && !digitsOnly) each(folded.slice(start));
}

/** `text`'s tokens (see eachToken). Pure. */
export function rawTokens(text: string): string[] {
  const tokens: string[] = [];
  eachToken(text, (token) => tokens.push(token));
  return tokens;
}

/** The numbers of the words the texts sought hold; any other word is -1. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  add(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) this.ids.set(word, (id = this.ids.size));
    return id;
  }
  id(word: string): number {
    return this.ids.get(word) ?? -1;
  }
}

/**
 * A finder of texts in numbered word sequences: each text by its token lists, found where one of
 * them occurs in order, looked up by its first two words. Adds each text found to `found` (and
 * skips those already there). Pure.
 */
function sequenceFinder<T>(vocabulary: Vocabulary, entries: ReadonlyArray<{ tokens: readonly string[]; text: T }>): (sequence: Int32Array, found: Set<T>) => Set<T> {
  const byPair = new Map<number, Array<{ ids: Int32Array; text: T }>>();
  // A text of fewer than two tokens (one of symbols and numbers): found anywhere, to be checked by its words.
  const short: T[] = [];
  for (const { tokens, text } of entries) {
    if (tokens.length < 2) {
      short.push(text);
      continue;
    }
    const ids = Int32Array.from(tokens, (token) => vocabulary.add(token));
    const key = ids[0]! * 0x100000 + ids[1]!;
    let list = byPair.get(key);
    if (!list) byPair.set(key, (list = []));
    list.push({ ids, text });
  }
  return (sequence, found) => {
    for (const text of short) found.add(text);
    for (let i = 0; i + 1 < sequence.length; i++) {
      const first = sequence[i]!;
      const second = sequence[i + 1]!;
      if (first < 0 || second < 0) continue;
      const list = byPair.get(first * 0x100000 + second);
      if (!list) continue;
      for (const { ids, text } of list) {
        if (found.has(text) || i + ids.length > sequence.length) continue;
        // From the first word: two pairs may share a key once the texts hold a million words.
        let k = 0;
        while (k < ids.length && ids[k] === sequence[i + k]) k++;
        if (k === ids.length) found.add(text);
      }
    }
    return found;
  };
}

/** A finder of texts: which a long text may hold (by its raw tokens), and which given words hold. */
export interface TextFinder<T> {
  /** The texts whose tokens, as words or as source Markdown, occur in order among `long`'s raw tokens. */
  mayHold(long: string): Set<T>;
  /** The texts whose words occur in order in `words` (a text's visible words), added to `found`. */
  holds(words: readonly string[], found?: Set<T>): Set<T>;
}

/**
 * A finder of `texts`: a long text that may hold one is then read for its visible words (a Markdown
 * parse), so only one that holds a text's raw tokens, as its words or as its source (a copy of the
 * Markdown), costs a parse. Pure.
 */
export function textFinder<T extends SoughtText>(texts: readonly T[]): TextFinder<T> {
  const vocabulary = new Vocabulary();
  const byTokens = sequenceFinder(vocabulary, texts.flatMap((text) => [{ tokens: rawTokens(text.words), text }, { tokens: rawTokens(text.source), text }]));
  const byWords = sequenceFinder(vocabulary, texts.map((text) => ({ tokens: text.words.split(' '), text })));
  return {
    mayHold: (long) => {
      const ids: number[] = [];
      eachToken(long, (token) => ids.push(vocabulary.id(token)));
      return byTokens(Int32Array.from(ids), new Set());
    },
    holds: (words, found = new Set()) => byWords(Int32Array.from(words, (word) => vocabulary.id(word)), found),
  };
}

/**
 * Which of `texts` a value holds in one of its strings (notes, a model: strings, (md) texts, lists,
 * maps), by their visible words: a restricted text a public item also holds. Each object read once.
 */
export function textsIn<T extends SoughtText>(value: unknown, texts: readonly T[]): Set<T> {
  const found = new Set<T>();
  if (texts.length === 0) return found;
  const finder = textFinder(texts);
  const seen = new Set<object>();
  const visit = (item: unknown): void => {
    if (typeof item === 'string') {
      if (item.length > 0 && finder.mayHold(item).size > 0) finder.holds(normalizedWords(item), found);
    } else if (item && typeof item === 'object' && !seen.has(item)) {
      seen.add(item);
      (Array.isArray(item) || item instanceof Map ? [...item.values()] : Object.values(item)).forEach(visit);
    }
  };
  visit(value);
  return found;
}
