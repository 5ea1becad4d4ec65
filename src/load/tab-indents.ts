import type { LineCounter, YAMLError } from 'yaml';

/** A line indented with a tab: where its line starts, and its leading blank (the tabs among spaces). */
export interface TabIndent {
  lineStart: number;
  /** The offsets of its leading blank, `[start, end)`. */
  blank: [number, number];
  /** Where the first tab of that blank is. */
  tab: number;
}

/** The rest of a top-level entry from its first line indented with a tab, `[start, end)`, with those lines. */
export interface TabEntry {
  start: number;
  end: number;
  lines: TabIndent[];
}

/**
 * The lines whose leading blank holds a tab and that the parser found an error on: YAML indents
 * with spaces only, and a tab there garbles the rest of the entry ("All mapping items must start at
 * the same column"), or ends the mapping at that line, so every later entry of the file is lost. A
 * tab that is not indentation (in a block of text, after a line's indentation) gives no error and
 * is not one of them; nor is a line of a quoted or flow value whose blank holds a tab (allowed there)
 * when the error is further on in it (an escape `\q` in the quotes).
 */
export function tabIndents(errors: readonly YAMLError[], text: string, lineCounter: LineCounter): TabIndent[] {
  const found = new Map<number, TabIndent>();
  for (const error of errors) {
    const lineStart = lineCounter.lineStarts[lineCounter.linePos(error.pos[0]).line - 1];
    if (lineStart === undefined || found.has(lineStart)) continue;
    const blank = /^[ \t]*/.exec(text.slice(lineStart, lineEnd(text, lineStart)))![0];
    if (!blank.includes('\t') || (error.code !== 'TAB_AS_INDENT' && error.pos[0] > lineStart + blank.length)) continue;
    found.set(lineStart, { lineStart, blank: [lineStart, lineStart + blank.length], tab: lineStart + blank.indexOf('\t') });
  }
  return [...found.values()].sort((a, b) => a.lineStart - b.lineStart);
}

/** The top-level entries those lines are in: from the first such line to the next top-level key, with the lines. */
export function tabEntries(text: string, indents: readonly TabIndent[]): TabEntry[] {
  const entries: TabEntry[] = [];
  for (const indent of [...indents].sort((a, b) => a.lineStart - b.lineStart)) {
    const last = entries[entries.length - 1];
    if (last && indent.lineStart < last.end) last.lines.push(indent);
    else entries.push({ start: indent.lineStart, end: nextTopLevelEntry(text, indent.lineStart), lines: [indent] });
  }
  return entries;
}

/**
 * The lines of an entry after its first that are indented with a tab too, by their starts: those the
 * parser found an error on, and those it did not reach (the lines of a text under `summary:`, read
 * as one with the first) or found no error on, whose leading blank holds a tab.
 */
export function otherTabLines(text: string, entry: TabEntry): number[] {
  const starts = new Set(entry.lines.slice(1).map((line) => line.lineStart));
  for (let at = text.indexOf('\n', entry.start) + 1; at > 0 && at < entry.end; at = text.indexOf('\n', at) + 1) {
    if (/^ *\t[ \t]*\S/.test(text.slice(at, lineEnd(text, at)))) starts.add(at);
  }
  return [...starts].sort((a, b) => a - b);
}

/**
 * The text with those parts blanked (every character but line breaks a space): the same length, so
 * every offset, line and column stays the text's, and what a tab garbled cannot run on into the
 * entries after it. What the tab meant is not guessed (a tab is as wide as an editor shows it).
 */
export function blankEntries(text: string, entries: readonly TabEntry[]): string {
  let out = '';
  let at = 0;
  for (const { start, end } of entries) {
    out += text.slice(at, start) + text.slice(start, end).replace(/[^\r\n]/g, ' ');
    at = end;
  }
  return out + text.slice(at);
}

/**
 * Where the written line before `offset` says something (not blank, not a comment), after its
 * indentation and list dashes: a place in the entry or list item that line belongs to, which a line
 * indented with a tab after it may continue. Undefined when no line before says anything.
 */
export function writtenBefore(text: string, offset: number): number | undefined {
  for (let end = offset - 1; end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const match = /^[ \t]*(?:-[ \t]+)*(?=[^\s#])/.exec(text.slice(start, end));
    if (match) return start + match[0].length;
    end = start - 1;
  }
  return undefined;
}

/** Where the next top-level key after `offset` begins (a line starting with neither a blank, `#` nor `-`), else the end. */
export function nextTopLevelEntry(text: string, offset: number): number {
  const pattern = /\n(?=[^\s#-])/g;
  pattern.lastIndex = offset;
  const found = pattern.exec(text);
  return found ? found.index + 1 : text.length;
}

function lineEnd(text: string, lineStart: number): number | undefined {
  const end = text.indexOf('\n', lineStart);
  return end === -1 ? undefined : end;
}
