import { parseDocument } from 'yaml';

/**
 * A non-breaking space (U+00A0, as a word processor writes a space) where YAML needs an ordinary
 * one: in a line's indentation (`\u00A0 - First point` under `key_points:`), or after a key's `:`
 * (`date:\u00A02022-05-12`). YAML reads it as a character of the text, so the line is no key or no
 * list item: “Implicit keys need to be on a single line”, and the entry read with the lines after
 * it (a list read as empty, a key lost). Found where the parser reports an error at the line's start
 * (a non-breaking space in a text, a block's lines or after a key's `: `, gives none: it is the
 * text's own). The file is read with them as spaces (the same length, so every offset stays), and
 * each top-level entry's are reported once, at the first.
 */
export interface NbspSpace {
  lineStart: number;
  /** The non-breaking spaces of that place, `[start, end)`. */
  range: [number, number];
  kind: 'indent' | 'after-colon' | 'after-dash';
  /** The key before it (`date`), for `after-colon`. */
  key?: string;
}

const NBSP = '\u00a0';
/** A line with a non-breaking space in its indentation, or after a key's `:` or a list's `-` at its start. */
const PLACE = /^([ \t\u00a0]*?)(\u00a0[ \t\u00a0]*)(?=\S)|^([ \t]*(?:-[ \t]+)*)(?:(-)|([^\s:#'"[\]{}&*!|>%@`-][^:#\n]*?):)(\u00a0[ \t\u00a0]*)(?=\S)/;
const ANY = /^[ \t\u00a0]*\u00a0|^[ \t]*(?:-[ \t]+)*(?:-|[^\s:#'"[\]{}&*!|>%@`-][^:#\n]*?:)\u00a0/m;
const OPTIONS = { version: '1.2', schema: 'core', merge: false, uniqueKeys: false, prettyErrors: false } as const;
/** Reading again: at most this many times (an error may hide a line below it until the line above is read right). */
const MAX_READINGS = 8;

/** Those places in `text`, in the order written; none when it has no non-breaking space where a space goes. */
export function nbspSpaces(text: string): NbspSpace[] {
  if (!text.includes(NBSP) || !ANY.test(text)) return [];
  const found = new Map<number, NbspSpace>();
  let read = text;
  for (let reading = 0; reading < MAX_READINGS; reading++) {
    const more: NbspSpace[] = [];
    for (const error of parseDocument(read, OPTIONS).errors) {
      const lineStart = read.lastIndexOf('\n', error.pos[0] - 1) + 1;
      if (found.has(lineStart) || more.some((place) => place.lineStart === lineStart)) continue;
      const place = placeOn(read, lineStart);
      // The parser's error begins at the line's start, or before the non-breaking space.
      if (place && error.pos[0] <= place.range[0]) more.push(place);
    }
    if (more.length === 0) break;
    for (const place of more) found.set(place.lineStart, place);
    read = asSpaces(text, [...found.values()]);
  }
  return [...found.values()].sort((a, b) => a.lineStart - b.lineStart);
}

function placeOn(text: string, lineStart: number): NbspSpace | undefined {
  const end = text.indexOf('\n', lineStart);
  const match = PLACE.exec(text.slice(lineStart, end === -1 ? undefined : end));
  if (!match) return undefined;
  const before = match[1] ?? match[3]!;
  const blank = match[2] ?? match[6]!;
  const at = lineStart + before.length + (match[4] ?? (match[5] !== undefined ? `${match[5]}:` : '')).length;
  const range: [number, number] = [at + blank.indexOf(NBSP), at + blank.lastIndexOf(NBSP) + 1];
  if (match[2] !== undefined) return { lineStart, range, kind: 'indent' };
  return match[4] !== undefined ? { lineStart, range, kind: 'after-dash' } : { lineStart, range, kind: 'after-colon', key: match[5]! };
}

/** The text with those places' non-breaking spaces as spaces: the same length. */
export function asSpaces(text: string, places: readonly NbspSpace[]): string {
  let out = '';
  let at = 0;
  for (const { range: [start, end] } of [...places].sort((a, b) => a.range[0] - b.range[0])) {
    out += text.slice(at, start) + text.slice(start, end).replace(/\u00a0/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/** What to say of a file's places in one top-level entry (`lineOf` gives an offset's line number): at the first, naming the others. */
export function nbspSpaceProblem(places: readonly NbspSpace[], spaced: string, lineOf: (offset: number) => number): { message: string; hint: string; range: [number, number] } {
  const [first, ...others] = places as [NbspSpace, ...NbspSpace[]];
  const where = first.kind === 'indent' ? 'in the indentation of this line' : first.kind === 'after-dash' ? 'after the “-” of this list item' : `after “${first.key}:”`;
  const end = spaced.indexOf('\n', first.lineStart);
  const line = spaced.slice(first.lineStart, end === -1 ? undefined : end).replace(/\r$/, '').trimEnd();
  const shown = line.length > 60 ? `${line.slice(0, 59)}…` : line;
  const lines = others.map((place) => lineOf(place.lineStart));
  const more = lines.length === 0 ? '' : ` ${lines.length === 1 ? 'Line' : 'Lines'} ${listed(lines)} ${lines.length === 1 ? 'has' : 'have'} one too.`;
  return {
    message: `YAML syntax error: this is a non-breaking space (U+00A0, as a word processor writes a space) ${where}, where YAML needs an ordinary space: YAML reads it as text, not as ${first.kind === 'indent' ? 'indentation' : 'a space'}.`,
    hint: first.kind === 'indent'
      ? `Indent it with ordinary spaces: delete the blank before “${shown.trimStart()}” and type ${spaces(line.length - line.trimStart().length)} instead.${more}`
      : `Type an ordinary space instead: “${shown.trimStart()}”.${more}`,
    range: first.range,
  };
}

function spaces(count: number): string {
  return count === 1 ? '1 space' : `${count} spaces`;
}

/** `3`, `3 and 5`, `3, 5 and 8`; past five, `3, 5, 8, 9, 11 and 4 more`. */
function listed(numbers: readonly number[]): string {
  const shown = numbers.slice(0, 5).map(String);
  if (numbers.length > 5) return `${shown.join(', ')} and ${numbers.length - 5} more`;
  return shown.length === 1 ? shown[0]! : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
