/**
 * A line of a block of text (`summary: |`, `summary: >`) that lost its indentation: written in line
 * with the block's key (`The chair closed.` after a blank line), which YAML reads as a key without
 * its `:` or, with a `: ` in it (`Note: the chair closed the session.`), as a key of its own; or
 * further in than the key but less than the block's first line, which YAML cannot read ("All mapping
 * items must start at the same column"). Only a line that looks like text is taken for one: a line
 * that looks like a key (`type plenary`, `date: 2025-03-11`) keeps its own message.
 */
export interface BlockTextLine {
  /** The block's key, and where it is written. */
  key: string;
  keyOffset: number;
  /** How far in the block's lines are (its first line's indentation). */
  indent: number;
}

const HEADER = /^( *)((?:-[ \t]+)*)([^\s#'"[\]{},|>-][^#]*?):[ \t]+[|>](?:[1-9][+-]?|[+-][1-9]?)?[ \t]*(?:#.*)?$/;

/** The block of text above the line at `lineStart` that the line looks like a line of, if any. */
export function blockTextAbove(text: string, lineStart: number): BlockTextLine | undefined {
  const line = textOf(text, lineStart);
  const indent = /^ */.exec(line)![0].length;
  if (!looksLikeText(line.slice(indent))) return undefined;
  return blockAround(text, lineStart, indent, false);
}

/**
 * The block of text a comment line (`# editor: check the dates`) is written in, less indented than
 * its lines, with lines of it below: YAML ends the block at the comment, and cannot read the lines
 * after it ("All mapping items must start at the same column"). Undefined for a comment after a block.
 */
export function commentInBlockText(text: string, lineStart: number): BlockTextLine | undefined {
  const line = textOf(text, lineStart);
  const indent = /^ */.exec(line)![0].length;
  if (line[indent] !== '#') return undefined;
  const block = blockAround(text, lineStart, indent, true);
  if (!block) return undefined;
  for (let at = text.indexOf('\n', lineStart); at !== -1; at = text.indexOf('\n', at + 1)) {
    const below = textOf(text, at + 1);
    if (below.trim() === '' || below.trimStart().startsWith('#')) continue;
    return /^ */.exec(below)![0].length >= block.indent ? block : undefined;
  }
  return undefined;
}

/** The block whose lines are above a line indented by `indent` and further in than it (`anyIndent`: whatever the key's column). */
function blockAround(text: string, lineStart: number, indent: number, anyIndent: boolean): BlockTextLine | undefined {
  let first: number | undefined;
  for (let end = lineStart - 1; end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const above = textOf(text, start);
    end = start - 1;
    if (above.trim() === '') continue;
    const header = HEADER.exec(above);
    if (header) {
      const [, spaces, dashes, key] = header as unknown as [string, string, string, string];
      const column = spaces.length + dashes.length;
      // In line with the key (YAML ended the block there), or between the key and the block's lines.
      if (first === undefined || (!anyIndent && indent < column) || indent >= first) return undefined;
      return { key, keyOffset: start + column, indent: first };
    }
    const aboveIndent = /^ */.exec(above)![0].length;
    // A line of the block: further in than this line (else this line is not out of it).
    if (aboveIndent <= indent || above.trimStart().startsWith('#')) return undefined;
    first = aboveIndent;
  }
  return undefined;
}

/**
 * Whether a line reads as prose rather than as a key: a key is snake_case (`type plenary` lacks
 * its `:`), a country code (`MLI:`) or a translation's path; text begins with a capital or ends a
 * sentence (`The chair closed.`), or has a “key” with a capital or a space and words after it
 * (`Note: the chair closed the session.`). A list item (`- …`) is left to its own messages.
 */
export function looksLikeText(line: string): boolean {
  const written = line.replace(/[ \t]+#.*$/, '').trim();
  if (written === '' || /^[-#]/.test(written)) return false;
  const pair = /^([^:]+?):(?:[ \t]+(.*))?$/.exec(written);
  if (pair) {
    const [, key, value = ''] = pair as unknown as [string, string, string | undefined];
    if (/^[a-z][\w.-]*$/.test(key) || /^[A-Z]{3}$/.test(key)) return false;
    return /\s/.test(key) || value.trim().split(/\s+/).length >= 2;
  }
  const word = /^\S+/.exec(written)![0];
  return /^\p{Lu}/u.test(word) || /[.!?]$/.test(written);
}

/** What to say of such a line (`lineOf`: an offset's line number); `read`: what YAML made of it, for the message. */
export function blockTextProblem(found: BlockTextLine, lineOf: (offset: number) => number, read: string): { message: string; hint: string } {
  const spaces = found.indent === 1 ? '1 space' : `${found.indent} spaces`;
  return {
    message: `This line looks like text of “${found.key}:” (line ${lineOf(found.keyOffset)}), but it is not indented like the lines above, so YAML ${read}.`,
    hint: `Indent it by ${spaces}, like the lines above.`,
  };
}

/** What to say of a comment line that ended a block of text (`lineOf`: an offset's line number). */
export function commentInBlockTextProblem(found: BlockTextLine, column: number, lineOf: (offset: number) => number): { message: string; hint: string } {
  const spaces = found.indent === 1 ? '1 space' : `${found.indent} spaces`;
  return {
    message: `This line, at column ${column + 1}, ends the text of “${found.key}:” (line ${lineOf(found.keyOffset)}): in YAML a line indented less than a block's text ends it, so the lines after it are not read as that text.`,
    hint: `Indent it by ${spaces}, like the text (it then becomes part of the text, “#” and all), or delete it.`,
  };
}

function textOf(text: string, start: number): string {
  const end = text.indexOf('\n', start);
  return text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
}
