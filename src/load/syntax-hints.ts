import type { YAMLParseError } from 'yaml';

const GENERIC_HINT = 'Fix the YAML syntax at this position; quoting a value that contains “: ” or “#” often helps.';

/** The line that begins at `lineStart`, without its line break. */
export function lineText(text: string, lineStart: number): string {
  const end = text.indexOf('\n', lineStart);
  return text.slice(lineStart, end === -1 ? undefined : end).replace(/\r$/, '');
}

/**
 * Whether a line's quotes are left open: a value that begins with a quote and does not close it on
 * the line, or an odd number of double quotes (an apostrophe in plain text is not a quote).
 */
function unbalancedQuote(line: string): boolean {
  const value = line.replace(/^[ \t]*(?:-[ \t]+)*(?:[^\s:#'"][^:]*:[ \t]+)?/, '');
  if (value.startsWith('"')) return !/^"(?:[^"\\]|\\.)*"/.test(value);
  if (value.startsWith("'")) return !/^'(?:[^']|'')*'/.test(value);
  return (line.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** What to do about a syntax error the parser reports, from its code and the line it is on. */
export function syntaxHint(error: YAMLParseError, line: string): string {
  switch (error.code) {
    case 'MISSING_CHAR':
      // Many mistakes are a missing character to the parser: the quotes only when they are the one.
      if (/quote/.test(error.message) || unbalancedQuote(line)) return 'Check the quotes on this line: every opening quote needs a closing one.';
      return GENERIC_HINT;
    case 'BAD_DQ_ESCAPE':
      return 'In double quotes a backslash begins an escape (\\n, \\"): write \\\\ for a backslash, or put the value in single quotes.';
    case 'BAD_INDENT':
      return 'Check the indentation: nested keys need more spaces than their parent, and list items line up.';
    case 'TAB_AS_INDENT':
      return 'Indent with spaces, not tabs.';
    case 'MULTIPLE_DOCS':
      return 'A notes file holds one YAML document: remove the extra “---” line.';
    case 'DUPLICATE_KEY':
      return 'Remove one of the two keys.';
    default:
      return GENERIC_HINT;
  }
}

/**
 * The `...` line before `offset` (where yaml reports "Source contains multiple documents"): YAML's
 * marker of a document's end, often an ellipsis typed where a text was cut. `[start, end)` of its dots.
 */
export function documentEndMarker(text: string, offset: number): [number, number] | undefined {
  const before = text.slice(0, offset);
  const markers = [...before.matchAll(/^(?:---|\.\.\.)(?=[ \t]|\r?$)/gm)];
  const last = markers[markers.length - 1];
  return last?.[0] === '...' ? [last.index, last.index + 3] : undefined;
}
