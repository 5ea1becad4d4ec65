/**
 * The first key of a file written further in than the keys after it (`  title: …` over `date: …`,
 * pasted with its indentation): YAML takes that indentation for the file's, reads nothing after it
 * ("Unexpected scalar token in YAML stream" at every later key and list item) and says nothing of
 * the line to fix. The file is read with that line's leading spaces moved to its end (the same
 * length, so every other line's offsets stay), and the line is reported once.
 */
export interface IndentedFirstKey {
  lineStart: number;
  /** How many spaces it is written in by. */
  indent: number;
  key: string;
}

/** A line that begins a key (`title:`, `- ` excluded): its indentation and its key. */
const KEY_LINE = /^( +)([^\s:#'"[\]{}&*!|>%@`-][^:#]*?):(?:[ \t]|$)/;

/** The file's first key when it is indented further than a line after it (not blank, not a comment); else undefined. */
export function indentedFirstKey(text: string): IndentedFirstKey | undefined {
  let first: IndentedFirstKey | undefined;
  for (let at = 0; at < text.length;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? undefined : end).replace(/\r$/, '');
    const written = line.trimStart();
    if (written !== '' && !written.startsWith('#')) {
      const indent = line.length - written.length;
      if (!first) {
        const key = KEY_LINE.exec(line);
        if (!key) return undefined;
        first = { lineStart: at, indent: key[1]!.length, key: key[2]! };
      } else if (indent < first.indent) {
        // A tab is another mistake (tab-indents.ts); a line of the file's own, in line with no key, too.
        return /^[ ]*\S/.test(line) ? first : undefined;
      }
    }
    if (end === -1) break;
    at = end + 1;
  }
  return undefined;
}

/** The text with that line's leading spaces moved to its end: the line is then in line with the keys after it. */
export function unindentFirstKey(text: string, found: IndentedFirstKey): string {
  const newline = text.indexOf('\n', found.lineStart);
  let end = newline === -1 ? text.length : newline;
  if (text[end - 1] === '\r') end -= 1;
  const spaces = text.slice(found.lineStart, found.lineStart + found.indent);
  return text.slice(0, found.lineStart) + text.slice(found.lineStart + found.indent, end) + spaces + text.slice(end);
}

/** What to say of it, and where: from the line's start to the end of its key. */
export function indentedFirstKeyProblem(found: IndentedFirstKey): { message: string; hint: string; range: [number, number] } {
  const spaces = found.indent === 1 ? '1 space' : `${found.indent} spaces`;
  return {
    message: `YAML syntax error: this first key is indented by ${spaces}, but the file's keys start at column 1 (those below it are not indented).`,
    hint: `Remove the spaces before “${found.key}:”.`,
    range: [found.lineStart, found.lineStart + found.indent + found.key.length],
  };
}
