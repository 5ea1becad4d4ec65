import { lineText } from './syntax-hints.js';

/**
 * A block of text (`summary: |`, `summary: >`) written with its first words on the key's line: after
 * the `|` (`summary: | The session opened…`), which YAML cannot read ("Not a YAML token"), or before
 * it (`summary: The session opened… |`), which YAML reads as a plain text running on over the lines
 * below, `|` and all: an error when those lines hold a `: ` (read as a key), else a stray `|` printed.
 */
export interface BlockIndicatorProblem {
  message: string;
  hint: string;
  /** The words to move (offsets in the file). */
  range: [number, number];
}

const HEADER = /^([ \t]*(?:-[ \t]+)*)([^\s:#'"|>-][^:#]*?):[ \t]+/;
const INDICATOR = String.raw`[|>](?:[1-9][+-]?|[+-][1-9]?)?`;
/** The indicator, then words on its line; words, then the indicator ending the line. */
const AFTER = new RegExp(`^(${INDICATOR})[ \t]+(\\S.*)$`);
const AHEAD = new RegExp(`^(\\S.*?)[ \t]+(${INDICATOR})$`);

/**
 * The problem on the line that begins at `lineStart`, when it is a block of text written so.
 * `read`: the file was read without a syntax error, the `|` as part of the value's text (only the
 * indicator written last can be).
 */
export function blockIndicatorProblem(text: string, lineStart: number, read = false): BlockIndicatorProblem | undefined {
  const line = lineText(text, lineStart);
  const header = HEADER.exec(line);
  if (!header) return undefined;
  const [before, indent, key] = header as unknown as [string, string, string];
  const value = line.slice(before.length).replace(/[ \t]+#.*$/, '').trimEnd();
  const after = AFTER.exec(value);
  const ahead = AHEAD.exec(value);
  if (!after && !ahead) return undefined;
  const column = indent.length;
  const below = blockIndent(text, lineStart, column);
  const where = `to the next line, indented by ${below} spaces like the rest of the text`;
  if (after && !read) {
    const [, indicator, words] = after as unknown as [string, string, string];
    const start = lineStart + before.length + value.indexOf(words, indicator.length);
    return {
      message: `YAML syntax error: text follows “${indicator}” on the line of “${key}:”; a block of text begins on the line below the “${indicator}”.`,
      hint: `Move “${shown(words)}” ${where}; or, for one line of text, leave out the “${indicator}”.`,
      range: [start, start + words.length],
    };
  }
  if (!ahead) return undefined;
  const [, words, indicator] = ahead as unknown as [string, string, string];
  const start = lineStart + before.length;
  return {
    message: read
      ? `The “${indicator}” at the end of this line is read as part of the text, and printed with it: a block of text needs the “${indicator}” right after “${key}:”.`
      : `YAML syntax error: the “${indicator}” at the end of this line is read as part of the text; a block of text needs the “${indicator}” right after “${key}:”.`,
    hint: `Write “${key}: ${indicator}” and move “${shown(words)}” ${where}.`,
    range: [start, start + words.length],
  };
}

/** The text the block's lines are indented by: the next line's with text, when further in than the key; else two spaces more than the key. */
function blockIndent(text: string, lineStart: number, column: number): number {
  for (let next = text.indexOf('\n', lineStart); next !== -1; next = text.indexOf('\n', next + 1)) {
    const line = lineText(text, next + 1);
    if (line.trim() === '') continue;
    const spaces = /^ */.exec(line)![0].length;
    return spaces > column ? spaces : column + 2;
  }
  return column + 2;
}

function shown(words: string): string {
  return words.length > 40 ? `${words.slice(0, 37)}…` : words;
}
