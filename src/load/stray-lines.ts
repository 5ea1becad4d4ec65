import type { YAMLError } from 'yaml';
import { blockTextAbove, blockTextProblem, commentInBlockText, commentInBlockTextProblem, type BlockTextLine } from './block-text.js';

/**
 * A line that is not the `key: value` its place calls for, found where the parser reports an error
 * at its start:
 * - `missing-colon`: in line with the keys around it (`title Criminal Intelligence Officer` under
 *   `- name: …`), but with no `:` after its first word. YAML reads it, with the next line, as one
 *   key ("Implicit keys need to be on a single line"), or as a key without a value;
 * - `indent`: indented between two levels (3 spaces under keys at 4), so it lines up with no key
 *   above it ("Sequence item without - indicator", "All mapping items must start at the same
 *   column"), and the lines after it are read as its own ("Nested mappings…").
 * - `dash`: a list item whose `-` is between two levels, or at the column of the keys of the item
 *   above (`   - id: b` under items at 2): YAML reads it as a key ("A block sequence may not be used
 *   as an implicit map key") or says only "All sequence items must start at the same column".
 * - `bullet`: a list item begun with another mark than `- ` (`-La coordination…`, `• La coordination…`)
 *   under items of a list at its indentation: YAML reads it as a key ("All mapping items must start at
 *   the same column").
 * A key with no space after its `:` (`order:2`, `summary:|`) is a `missing-colon` with `glued`: YAML
 * reads it, with the next line, as one key too.
 * The file is read again with the line (and the lines that go on with it, indented further) as
 * blanks, so that what follows it is read as written instead of being reported as knock-on errors.
 */
export interface StrayLine {
  kind: 'missing-colon' | 'indent' | 'dash' | 'bullet';
  lineStart: number;
  /** Where its text begins, after its indentation and list dashes, and where it ends on its line. */
  start: number;
  end: number;
  /** Its first word (`title`), which a `:` may be missing after. */
  word: string;
  /** The text after that word, when the line has no `:` (`Criminal Intelligence Officer`). */
  rest?: string;
  /** What follows the `:` written with no space after it (`2` of `order:2`). */
  glued?: string;
  /**
   * A `bullet`'s mark (`-`, `•`) and its text after it (`La coordination…`); `first` when it is the
   * first item of its list, under its key (`chairs:` over `-name: Marta`), no `- ` item above it.
   */
  bullet?: { mark: string; text: string; first?: boolean };
  /** How far its text is from the left (its indentation and list dashes). */
  column: number;
  /**
   * The key line it is in line with (`missing-colon`), or the nearest it could be meant to line up
   * with (`indent`): where that key begins, its name and its column.
   */
  reference: { offset: number; key: string; column: number };
  /** A list dash above at the line's own column: the line may be a new item without its `- `. */
  atDash: boolean;
  /** The key whose plain text the line before it holds (`name: Marta Lindqvist`): the line may go on with that text. */
  afterText?: { key: string };
  /** A list item's text whose `text: ` was left out, the item's `restricted:` under it (`- Secure communication …`). */
  textItem?: boolean;
  /** A block of text above (`summary: |`) the line looks like a line of, its indentation lost (`The chair closed.`). */
  blockText?: BlockTextLine;
  /** The line is a comment that ended that block, its lines going on below it (`# editor: check the dates`). */
  comment?: boolean;
  /** What is read again as blanks: its text and the lines below it that go on with it, `[start, end)`. */
  blank: [number, number];
  /**
   * A place, in the text read again, inside the entry that lost the line: its list item (what is left
   * of it when the line began it) or the key it lines up with. Undefined for a top-level key: the
   * file lost an entry, none of the others.
   */
  lostFrom?: number;
}

interface Line {
  start: number;
  /** Spaces before its text (list dashes excluded). */
  indent: number;
  /** Where its text begins after the indentation and dashes, as a column (0-based). */
  column: number;
  dashes: string;
  /** Its text after the dashes, without a comment at its end. */
  text: string;
  /** The key it begins with (`name` of `name: Marta`), if any. */
  key?: string;
}

const MISSING_VALUE = new Set(['Implicit keys need to be on a single line', 'Implicit map keys need to be followed by map values']);
const BETWEEN_LEVELS = new Set(['Sequence item without - indicator', 'All mapping items must start at the same column']);

/** The stray line an error of the parser is about, if it is one; else undefined. */
export function strayLine(error: YAMLError, text: string): StrayLine | undefined {
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  if ((error.code === 'BLOCK_AS_IMPLICIT_KEY' && message === 'A block sequence may not be used as an implicit map key') || (error.code === 'BAD_INDENT' && message === 'All sequence items must start at the same column')) return dashBetweenLevels(error, text);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' && message === 'Nested mappings are not allowed in compact mappings') return firstItemWithoutSpace(error, text) ?? furtherIn(error, text);
  const missingValue = (error.code === 'MULTILINE_IMPLICIT_KEY' || error.code === 'MISSING_CHAR') && MISSING_VALUE.has(message);
  const betweenLevels = (error.code === 'MISSING_CHAR' || error.code === 'BAD_INDENT') && BETWEEN_LEVELS.has(message);
  if (!missingValue && !betweenLevels) return undefined;
  const line = lineAt(text, text.lastIndexOf('\n', error.pos[0] - 1) + 1);
  // A comment line less indented than the block of text it is written in (and which goes on below it).
  const comment = betweenLevels && error.pos[0] <= line.start + line.indent ? commentInBlockText(text, line.start) : undefined;
  if (comment) {
    return {
      kind: 'indent', lineStart: line.start, start: line.start + line.indent, end: lineEnd(text, line.start), word: '',
      column: line.indent, reference: { offset: comment.keyOffset, key: comment.key, column: comment.indent }, atDash: false, blockText: comment, comment: true,
      blank: [line.start + line.indent, lineEnd(text, line.start)],
      lostFrom: comment.keyOffset,
    };
  }
  if (line.text === '' || line.text.startsWith('#') || mayBeQuoted(text, line)) return undefined;
  const shape = /^([A-Za-z_][\w-]*)(?:[ \t]+(.*))?$/.exec(line.text);
  const hasColon = /:(?=[ \t]|$)/.test(line.text);
  const word = shape?.[1] ?? '';
  const rest = shape && !hasColon ? shape[2] : undefined;

  // `order:2`, `summary:|`: a key with its value glued to its `:` (a URL's `://` is not one).
  const glued = missingValue && !hasColon ? /^([A-Za-z_][\w-]*):([^\s/:].*)$/.exec(line.text) : null;
  if (glued) {
    if (error.pos[0] !== line.start + line.column) return undefined;
    const sibling = siblingAbove(text, line) ?? siblingBelow(text, line);
    if (!sibling) return undefined;
    const until = goesOnUntil(text, line, line.column);
    return {
      kind: 'missing-colon', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word: glued[1]!, glued: glued[2]!,
      column: line.column, reference: { offset: sibling.start + sibling.column, key: sibling.key!, column: sibling.column }, atDash: false,
      blank: [line.start + line.column, until],
      ...(line.dashes ? { lostFrom: itemAfter(text, until, line.column) } : line.column > 0 ? { lostFrom: sibling.start + sibling.column } : {}),
    };
  }
  if (missingValue) {
    if (error.pos[0] !== line.start + line.column || !shape || hasColon) return undefined;
    const sibling = siblingAbove(text, line) ?? siblingBelow(text, line);
    if (!sibling) return undefined;
    const until = goesOnUntil(text, line, line.column);
    // A line with nothing below it may instead go on with the text of the line before, under-indented.
    const before = until === lineEnd(text, line.start) ? previousLine(text, line.start) : undefined;
    const afterText = !line.dashes && before?.key !== undefined && isPlainText(before.text.slice(before.text.indexOf(':') + 1)) ? { key: before.key } : undefined;
    // `- Secure communication …` over `restricted: true`: an item of a (md) list written `{ text, restricted }`.
    const textItem = line.dashes !== '' && sibling.key === 'restricted';
    const blockText = line.dashes === '' ? blockTextAbove(text, line.start) : undefined;
    return {
      kind: 'missing-colon', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word, ...(rest !== undefined ? { rest } : {}),
      column: line.column, reference: { offset: sibling.start + sibling.column, key: sibling.key!, column: sibling.column }, atDash: false,
      ...(afterText ? { afterText } : {}), ...(textItem ? { textItem } : {}), ...(blockText ? { blockText } : {}),
      blank: [line.start + line.column, until],
      ...(line.dashes ? { lostFrom: itemAfter(text, until, line.column) } : line.column > 0 ? { lostFrom: sibling.start + sibling.column } : {}),
    };
  }
  // Between two levels: only a line without a dash, the error in its indentation.
  if (line.dashes !== '' || error.pos[0] > line.start + line.column) return undefined;
  const bullet = BULLET.exec(line.text);
  const items = bullet ? itemsAbove(text, line) : undefined;
  if (bullet && items) {
    return {
      kind: 'bullet', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word: '',
      bullet: { mark: bullet[1]!, text: line.text.slice(bullet[0].length) },
      column: line.column, reference: { offset: items.start + items.indent, key: '', column: items.indent }, atDash: true,
      blank: [line.start + line.column, goesOnUntil(text, line, line.column)],
      lostFrom: items.start + items.column,
    };
  }
  // Further in than a block's key, less than its lines (`summary: |`, its lines at 4, this one at 2).
  const blockText = blockTextAbove(text, line.start);
  if (blockText) {
    return {
      kind: 'indent', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word,
      column: line.column, reference: { offset: blockText.keyOffset, key: blockText.key, column: blockText.indent }, atDash: false, blockText,
      blank: [line.start + line.column, goesOnUntil(text, line, line.column)],
      lostFrom: blockText.keyOffset,
    };
  }
  const above = keysAbove(text, line);
  if (!above) return undefined;
  return {
    kind: 'indent', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word, ...(shape && rest !== undefined ? { rest } : {}),
    column: line.column, reference: { offset: above.key.start + above.key.column, key: above.key.key!, column: above.key.column }, atDash: above.atDash,
    blank: [line.start + line.column, goesOnUntil(text, line, Math.max(line.column, above.key.column))],
    lostFrom: above.key.start + above.key.column,
  };
}

/**
 * `-name: Marta` first under a key with no value (`chairs:`): a list's first item with no space
 * after its `-`. YAML reads a key `-name`, and the keys of the item under it as its value's
 * ("Nested mappings…", at its value and at each of theirs).
 */
function firstItemWithoutSpace(error: YAMLError, text: string): StrayLine | undefined {
  const line = lineAt(text, text.lastIndexOf('\n', error.pos[0] - 1) + 1);
  const dashed = /^-(?=[A-Za-z_][\w-]*:(?:[ \t]|$))/.exec(line.text);
  if (line.dashes !== '' || !dashed || mayBeQuoted(text, line)) return undefined;
  const parent = previousLine(text, line.start);
  if (parent?.key === undefined || parent.column >= line.indent || parent.text.slice(parent.text.indexOf(':') + 1).trim() !== '') return undefined;
  return {
    kind: 'bullet', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word: '',
    bullet: { mark: '-', text: line.text.slice(1), first: true },
    column: line.column, reference: { offset: parent.start + parent.column, key: parent.key, column: parent.column }, atDash: true,
    blank: [line.start + line.column, goesOnUntil(text, line, line.column)],
    lostFrom: parent.start + parent.column,
  };
}

/**
 * A key line indented further than the key above it (`     title: x` under `  - name: Marta`):
 * YAML reads it as going on with that key's value, and reports the value ("Nested mappings…").
 * (A value with a `: ` in it is reported so too: colon-values.ts.)
 */
function furtherIn(error: YAMLError, text: string): StrayLine | undefined {
  const above = lineAt(text, text.lastIndexOf('\n', error.pos[0] - 1) + 1);
  if (above.key === undefined || /:(?=[ \t]|$)/.test(above.text.slice(above.key.length + 1))) return undefined;
  const line = linesBelow(text, above.start).next().value;
  if (!line || line.dashes || line.key === undefined || line.indent <= above.column) return undefined;
  // A key of several words (`supports screening: watchlists`) is prose wrapped onto the next line,
  // with a `: ` in it: colon-values.ts says to quote that value; and a quote is a quoted text's.
  if (!/^[A-Za-z_][\w-]*$/.test(line.key) || mayBeQuoted(text, line)) return undefined;
  const word = /^[A-Za-z_][\w-]*/.exec(line.text)?.[0] ?? line.key;
  return {
    kind: 'indent', lineStart: line.start, start: line.start + line.column, end: line.start + line.column + line.text.length, word,
    column: line.column, reference: { offset: above.start + above.column, key: above.key, column: above.column }, atDash: false,
    ...(isPlainText(above.text.slice(above.key.length + 1)) ? { afterText: { key: above.key } } : {}),
    blank: [line.start + line.column, goesOnUntil(text, line, line.column)],
    lostFrom: above.start + above.column,
  };
}

/**
 * A list item whose `-` lines up with no item of the list above: the items it was meant to join are
 * the nearest above in the same top-level entry that begin with its first key (`- id:`), else the
 * nearest whose `-` is at most two columns away. Blanked with the lines that go on with it.
 */
function dashBetweenLevels(error: YAMLError, text: string): StrayLine | undefined {
  const line = lineAt(text, text.lastIndexOf('\n', error.pos[0] - 1) + 1);
  if (line.dashes === '' || line.indent === 0 || mayBeQuoted(text, line)) return undefined;
  let near: Line | undefined;
  let same: Line | undefined;
  for (const above of linesAbove(text, line.start)) {
    if (above.dashes !== '' && above.indent !== line.indent) {
      if (line.key !== undefined && above.key === line.key) {
        same = above;
        break;
      }
      if (!near && Math.abs(above.indent - line.indent) <= 2) near = above;
    }
    if (above.indent === 0 && above.dashes === '') break;
  }
  const items = same ?? near;
  if (!items) return undefined;
  return {
    kind: 'dash', lineStart: line.start, start: line.start + line.indent, end: line.start + line.column + line.text.length, word: line.key ?? '',
    column: line.indent, reference: { offset: items.start + items.indent, key: items.key ?? '', column: items.indent }, atDash: true,
    blank: [line.start, goesOnUntil(text, line, line.indent)],
    lostFrom: items.start + items.column,
  };
}

/** A list item's mark other than `- `: a dash with no space after it, a typographic bullet, `+`, `1.`. */
const BULLET = /^(-(?=[^\s-])|[•◦▪‣–—+](?=[ \t]*\S)|\d{1,2}[.)](?=[ \t]+\S))[ \t]*/;

/** The item of a list just above a line, its `-` at the line's indentation (lines further in go on with it); else undefined. */
function itemsAbove(text: string, line: Line): Line | undefined {
  for (const above of linesAbove(text, line.start)) {
    if (above.indent > line.indent) continue;
    return above.indent === line.indent && above.dashes !== '' ? above : undefined;
  }
  return undefined;
}

/** The text with those lines as blanks (every character but line breaks a space): the same length, so every offset stays. */
export function blankStrayLines(text: string, lines: readonly StrayLine[]): string {
  let out = '';
  let at = 0;
  for (const { blank: [start, end] } of [...lines].sort((a, b) => a.blank[0] - b.blank[0])) {
    if (start < at) continue;
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/**
 * What to say of a stray line: the message, the hint, and where (`lineOf` gives an offset's line
 * number). A missing `:` is pointed at the word it is missing after; an indentation at the line.
 */
export function strayLineProblem(found: StrayLine, lineOf: (offset: number) => number): { message: string; hint: string; range: [number, number] } {
  const { reference } = found;
  if (found.blockText && found.comment) {
    const { message, hint } = commentInBlockTextProblem(found.blockText, found.column, lineOf);
    return { message: `YAML syntax error: ${message.charAt(0).toLowerCase()}${message.slice(1)}`, hint, range: [found.lineStart, found.end] };
  }
  if (found.blockText) {
    const read = found.kind === 'indent' ? 'cannot read it' : `reads it as a key without its “:”`;
    const { message, hint } = blockTextProblem(found.blockText, lineOf, read);
    return { message: `YAML syntax error: ${message.charAt(0).toLowerCase()}${message.slice(1)}`, hint, range: [found.kind === 'indent' ? found.lineStart : found.start, found.end] };
  }
  const where = `“${reference.key}:” on line ${lineOf(reference.offset)}`;
  const colonQuestion = `Is a “:” missing after “${found.word}”?`;
  if (found.kind === 'missing-colon' && found.textItem) {
    const text = `${found.word}${found.rest ? ` ${found.rest}` : ''}`;
    return {
      message: `YAML syntax error: this list item has “restricted:” under it (line ${lineOf(reference.offset)}) but its text has no key.`,
      hint: `Write “- text: ${shorten(text, 50)}”: an item with “restricted:” gives its text as “text:”.`,
      range: [found.start, found.end],
    };
  }
  if (found.kind === 'missing-colon' && found.glued !== undefined) {
    return {
      message: `YAML syntax error: there is no space after the “:” of “${found.word}”, so YAML does not read “${found.word}” as a key.`,
      hint: `Put a space after the colon: “${found.word}: ${shorten(found.glued, 50)}”.`,
      range: [found.start, found.end],
    };
  }
  if (found.kind === 'bullet' && found.bullet?.first) {
    return {
      message: `YAML syntax error: this line is not read as a list item: a list item starts with “- ” (a dash and a space), and this one has no space after its “-”, so YAML reads “-${found.bullet.text.slice(0, found.bullet.text.indexOf(":"))}” as a key.`,
      hint: `Write “- ${shorten(found.bullet.text, 50)}”: the items of “${reference.key}:” (line ${lineOf(reference.offset)}) each begin with “- ”.`,
      range: [found.start, found.start + 1],
    };
  }
  if (found.kind === 'bullet' && found.bullet) {
    return {
      message: `YAML syntax error: this line is not read as a list item: a list item starts with “- ” (a dash and a space), ${found.bullet.mark === '-' ? 'and this one has no space after its “-”' : `not “${found.bullet.mark}”`}.`,
      hint: `Write “- ${shorten(found.bullet.text, 50)}”, its “-” under the one on line ${lineOf(reference.offset)}.`,
      range: [found.start, found.start + found.bullet.mark.length],
    };
  }
  if (found.kind === 'missing-colon') {
    // `order = 2`, `order - 2`, `order -> 2`: a colon instead of that sign, not after it.
    const sign = found.rest ? /^(:=|=>|->|=|-|:)[ \t]+(?=\S)/.exec(found.rest) : null;
    const value = found.rest && sign ? found.rest.slice(sign[0].length) : found.rest;
    const instead = sign ? ` (a colon instead of the “${sign[1]}”)` : '';
    const write = value ? ` Write “${found.word}: ${shorten(value, 50)}”${instead}.` : '';
    const goesOn = found.afterText ? ` If it goes on with the text of “${found.afterText.key}” above, indent it further than “${found.afterText.key}:”.` : '';
    return {
      message: `YAML syntax error: this line is in line with the keys around it (${where}) but has no “:” after “${found.word}”.`,
      hint: `${colonQuestion}${write}${goesOn}`,
      range: [found.start, found.start + found.word.length],
    };
  }
  if (found.kind === 'dash') {
    const line = lineOf(reference.offset);
    return {
      message: `YAML syntax error: the “-” of this list item is ${spaces(found.column)} in, and those of the list above ${spaces(reference.column)} in (line ${line}): it lines up with no list.`,
      hint: `Put its “-” ${spaces(reference.column)} in, under the one on line ${line}${found.word !== '' ? ", and its keys under that item's keys" : ''}.`,
      range: [found.start, found.start + 1],
    };
  }
  const dash = found.atDash ? ', or begin it with “- ” if it starts a new item' : '';
  const colon = found.rest !== undefined && found.word !== '' ? `; and ${colonQuestion.charAt(0).toLowerCase()}${colonQuestion.slice(1)}` : '.';
  // Further in than a key whose text it may go on with (wrapped prose with a `: ` in it).
  const quoted = found.afterText ? ` If it goes on with the text of “${found.afterText.key}” above, put that whole text in double quotes: its “: ” reads as a key.` : '';
  return {
    message: `YAML syntax error: this line is indented by ${spaces(found.column)}, in line with no key above it.`,
    hint: `Indent it by ${spaces(reference.column)}, as ${where}${dash}${colon}${quoted}`,
    range: [found.lineStart, found.end],
  };
}

function spaces(count: number): string {
  return count === 1 ? '1 space' : `${count} spaces`;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function lineAt(text: string, start: number): Line {
  const end = text.indexOf('\n', start);
  const raw = text.slice(start, end === -1 ? undefined : end).replace(/\r$/, '');
  const [, blank, dashes] = /^( *)((?:-[ \t]+)*)/.exec(raw) as unknown as [string, string, string];
  const written = raw.slice(blank.length + dashes.length).replace(/(^|[ \t]+)#.*$/, '').trimEnd();
  const key = /^([^\s:#'"[\]{}&*!|>%@`-][^:#]*?|[A-Za-z_][\w-]*):(?:[ \t]|$)/.exec(written)?.[1];
  return { start, indent: blank.length, column: blank.length + dashes.length, dashes, text: written, ...(key !== undefined ? { key } : {}) };
}

/** The written lines above `start` (not blank, not a comment), nearest first. */
function* linesAbove(text: string, start: number): Generator<Line> {
  for (let end = start - 1; end > 0;) {
    const lineStart = text.lastIndexOf('\n', end - 1) + 1;
    const line = lineAt(text, lineStart);
    if (line.text !== '') yield line;
    end = lineStart - 1;
  }
}

function previousLine(text: string, start: number): Line | undefined {
  return linesAbove(text, start).next().value ?? undefined;
}

/** The nearest key line above in line with `line`, before a line indented less (its parent). */
function siblingAbove(text: string, line: Line): Line | undefined {
  for (const above of linesAbove(text, line.start)) {
    if (above.key !== undefined && above.column === line.column) return above;
    if (above.indent < line.column) return undefined;
  }
  return undefined;
}

/** The written lines below `start`, nearest first. */
function* linesBelow(text: string, start: number): Generator<Line> {
  for (let at = text.indexOf('\n', start); at !== -1 && at + 1 < text.length; at = text.indexOf('\n', at + 1)) {
    const line = lineAt(text, at + 1);
    if (line.text !== '') yield line;
  }
}

/** The next written line, when it is a key in line with `line`. */
function siblingBelow(text: string, line: Line): Line | undefined {
  const next = linesBelow(text, line.start).next().value;
  return next?.key !== undefined && next.column === line.column ? next : undefined;
}

/**
 * The keys above a line indented between two levels, up to its parent: the nearest of those whose
 * column is the least above the line's (what it most likely meant to line up with). Undefined when
 * a key above is in line with it after all (the error is another), or none is further in.
 */
function keysAbove(text: string, line: Line): { key: Line; atDash: boolean } | undefined {
  let best: Line | undefined;
  let atDash = false;
  for (const above of linesAbove(text, line.start)) {
    if (above.key !== undefined && above.column === line.column) return undefined;
    if (above.dashes !== '' && above.indent === line.column) atDash = true;
    if (above.key !== undefined && above.column > line.column && (!best || above.column < best.column)) best = above;
    if (above.indent < line.column) break;
  }
  return best && { key: best, atDash };
}

/**
 * Where the rest of a list item whose first line was blanked begins: its next key, on the line below
 * (`    topic: …` under `- name Marta`), else the blank's end, where the parser puts an empty item.
 */
function itemAfter(text: string, blankEnd: number, column: number): number {
  const next = linesBelow(text, blankEnd).next().value;
  return next && next.indent === column && next.dashes === '' ? next.start + next.column : blankEnd;
}

/** Whether the text after a key's `:` is plain text on the key's line (not a block, a quote, a list). */
function isPlainText(value: string): boolean {
  const trimmed = value.trim();
  return trimmed !== '' && !/^["'[\]{}*&!|>%@`#]/.test(trimmed);
}

/** The end of a line's text and of the lines after it indented further than `column` (what goes on with it). */
function goesOnUntil(text: string, line: Line, column: number): number {
  let end = lineEnd(text, line.start);
  // From line start to line start (a CRLF line's end is at its \r: one past it is its \n, not the next line).
  for (let at = nextLineStart(text, line.start); at !== undefined; at = nextLineStart(text, at)) {
    const next = lineAt(text, at);
    const nextEnd = lineEnd(text, at);
    if (next.text !== '' || /\S/.test(text.slice(at, nextEnd))) {
      if (next.indent <= column) break;
      end = nextEnd;
    }
  }
  return end;
}

function nextLineStart(text: string, start: number): number | undefined {
  const newline = text.indexOf('\n', start);
  return newline === -1 || newline + 1 >= text.length ? undefined : newline + 1;
}

/**
 * Whether a line may belong to a quoted text rather than be a key: it has a quote itself (it may
 * close one: `to national watchlists."`), or the key line above it opened a quote it did not close
 * (the parser cuts a quoted text short at a line indented too little, and reads the rest as a key).
 * Such a line is left to the parser's own message: a missing `:` there is a wrong guess.
 */
function mayBeQuoted(text: string, line: Line): boolean {
  if (/["']/.test(line.text)) return true;
  for (const above of linesAbove(text, line.start)) {
    if (above.key === undefined) continue;
    const value = above.text.slice(above.text.indexOf(':') + 1).trim();
    return value.startsWith('"') ? !/^"(?:[^"\\]|\\.)*"/.test(value) : value.startsWith("'") ? !/^'(?:[^']|'')*'/.test(value) : false;
  }
  return false;
}

function lineEnd(text: string, start: number): number {
  const end = text.indexOf('\n', start);
  const at = end === -1 ? text.length : end;
  return text[at - 1] === '\r' ? at - 1 : at;
}
