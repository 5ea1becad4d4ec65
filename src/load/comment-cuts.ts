/**
 * A plain (unquoted) text cut short by a `#` that YAML reads as the start of a comment:
 * - `inline`: ` #` and a word on its last line (`title: Q&A #1 - next`, or `posts 3 and #4 in the
 *   north` as the second line of a summary);
 * - `line`: a line right below its last one, indented as its next line would be, that begins with
 *   `#` and a word (`  #3 and post #4 in the north.`): the words of that line are left out. A comment
 *   at the key's column or further out, after a blank line, or written `# a note`, is a real one.
 * Lines below the comment that go on with the text (indented further than its key) are not read at
 * all: YAML reports them as a syntax error, which is said as the comment's (`continued`).
 */
export interface CommentCut {
  kind: 'inline' | 'line';
  /** The `#`, and the end of its line. */
  hash: number;
  lineEnd: number;
  /** The text spans several lines (a one-line value keeps its old place, at the value). */
  multiline: boolean;
  /** The key of the text (`summary`), or undefined for a list item. */
  key?: string;
  /** Lines below the comment that go on with the text, and so could not be read: `[start, end)`, or undefined. */
  continued?: [number, number];
}

/**
 * The comment that cut the plain text written at `[start, end)` (end: its last character's end), if
 * one did. `anyComment`: also a comment written `# a note`, when lines below go on with the text
 * (then the comment is the cause of the syntax error there, whatever it says).
 */
export function commentCut(text: string, start: number, end: number, anyComment = false): CommentCut | undefined {
  // No `#` after the text on its last line or at the start of the next: nothing cut it (most texts; every plain value is asked).
  if (!hashAfter(text, end)) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const owner = ownerOf(text.slice(lineStart, start), lineStart > 0 ? text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1) : '');
  if (!owner) return undefined;
  const multiline = text.lastIndexOf('\n', end - 1) >= start;
  const lastLineEnd = endOfLine(text, end);
  const rest = text.slice(end, lastLineEnd);
  const key = owner.key !== undefined ? { key: owner.key } : {};
  const inline = /^[ \t]+#(\S)?/.exec(rest);
  if (inline) {
    const hash = end + inline[0].indexOf('#');
    const continued = continuation(text, lastLineEnd, owner.column);
    if (!inline[1] && !(anyComment && continued)) return undefined;
    return { kind: 'inline', hash, lineEnd: lastLineEnd, multiline, ...key, ...(continued ? { continued } : {}) };
  }
  if (rest.trim() !== '') return undefined;
  // Comment lines right below the text (the first is the one said), then what goes on with the text.
  let first: { hash: number; lineEnd: number } | undefined;
  let at = lastLineEnd;
  for (let next = nextLine(text, at); next !== undefined; next = nextLine(text, at)) {
    const comment = /^( *)#(\S)?/.exec(text.slice(next, endOfLine(text, next)));
    if (!comment || comment[1]!.length <= owner.column) break;
    if (!first && !comment[2] && !anyComment) return undefined;
    first ??= { hash: next + comment[1]!.length, lineEnd: endOfLine(text, next) };
    at = endOfLine(text, next);
  }
  if (!first) return undefined;
  const continued = continuation(text, at, owner.column);
  return { kind: 'line', ...first, multiline: true, ...key, ...(continued ? { continued } : {}) };
}

/** What to say of a cut: the message and hint (`value`: what YAML read; `lineOf`: an offset's line number). */
export function commentCutProblem(cut: CommentCut, value: string, startLine: number, lineOf: (offset: number) => number): { message: string; hint: string } {
  const block = cut.key !== undefined ? `“${cut.key}: |”` : '“- |”';
  const hint = cut.multiline
    ? `Put the whole text in double quotes, from its start on line ${startLine} to its end (a “"” inside it is written \\"), or write it as a block: ${block}, its lines below it, indented.`
    : 'Put the whole value in quotes, e.g. title: "Q&A #1 - next".';
  if (cut.continued) {
    const [from, to] = cut.continued.map(lineOf) as [number, number];
    const lines = from === to ? `line ${from}, which goes` : `lines ${from} to ${to}, which go`;
    return {
      message: `YAML syntax error: this “#” begins a comment, which ends the text of ${cut.key !== undefined ? `“${cut.key}:”` : 'this item'}: ${lines} on with it below, cannot be read.`,
      hint,
    };
  }
  if (cut.kind === 'line') {
    return { message: `This line begins with “#”, so YAML reads it as a comment, not as the end of the text above: its words are left out, and the text ends at “${tail(value)}”.`, hint };
  }
  return { message: `The text after “ #” was read as a YAML comment, so this value is only “${cut.multiline ? tail(value) : value}”.`, hint };
}

/** `…the last words` of a long text. */
function tail(value: string): string {
  return value.length > 40 ? `…${value.slice(-40).replace(/^\S*\s/, '')}` : value;
}

/**
 * Where the text begins on its first line: after `key: ` (the key's column), after `- ` (the dash's),
 * or on a line of its own (one column before it; its key, if any, ends the line above). Undefined
 * inside a list or mapping written inline.
 */
function ownerOf(prefix: string, above: string): { column: number; key?: string } | undefined {
  const shape = /^( *)((?:-[ \t]+)*)(?:([^\s#'"[\]{},][^#]*?):[ \t]+)?$/.exec(prefix);
  if (!shape) return undefined;
  const [, indent, dashes, key] = shape as unknown as [string, string, string, string | undefined];
  if (key !== undefined) return { column: indent.length + dashes.length, key };
  if (dashes !== '') return { column: indent.length + dashes.lastIndexOf('-') };
  const parent = /^[ \t]*(?:-[ \t]+)*([^\s#'"[\]{},][^#]*?):[ \t]*(?:#.*)?\r?$/.exec(above)?.[1];
  return { column: indent.length - 1, ...(parent !== undefined ? { key: parent } : {}) };
}

/** The lines from `after` (a line's end) on that are indented further than `column`, up to a blank line or one further out. */
function continuation(text: string, after: number, column: number): [number, number] | undefined {
  let range: [number, number] | undefined;
  for (let next = nextLine(text, after); next !== undefined; next = nextLine(text, range![1])) {
    const line = text.slice(next, endOfLine(text, next));
    const indent = /^ */.exec(line)![0].length;
    if (line.trim() === '' || indent <= column || line[indent] === '#') break;
    range = [range?.[0] ?? next, endOfLine(text, next)];
  }
  return range;
}

/** Whether a `#` follows `end` on its line, or begins the next line (after its indentation). */
function hashAfter(text: string, end: number): boolean {
  // Character by character: an indexOf would search the rest of the file for every value.
  let lineEnd = end;
  for (; lineEnd < text.length && text[lineEnd] !== '\n'; lineEnd++) if (text[lineEnd] === '#') return true;
  const next = nextLine(text, lineEnd);
  if (next === undefined) return false;
  let at = next;
  while (text[at] === ' ') at++;
  return text[at] === '#';
}

function nextLine(text: string, lineEnd: number): number | undefined {
  const newline = text.indexOf('\n', lineEnd);
  return newline === -1 || newline + 1 >= text.length ? undefined : newline + 1;
}

function endOfLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  const end = newline === -1 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}
