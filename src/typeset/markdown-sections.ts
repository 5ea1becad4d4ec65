/** A stretch of a Markdown document that parses on its own to the same blocks as in the whole. */
export interface Section {
  /** Character offsets of the section in the document: [offset, end). */
  offset: number;
  end: number;
  /** 1-based line the section starts on. */
  line: number;
  /** Where its body starts: after the front matter; `end` when nothing in it may be cut out. */
  body: number;
}

/** Sections shorter than this are joined to the next: each parse has a fixed cost. */
const MIN_SECTION = 4096;

// Things that could reach across a cut keep the document whole. They are looked for anywhere on a
// line, not only at its start, since a list item can hold them too (an unclosed fence in a list item
// runs on over blank lines until the item ends):
// - definitions and footnote definitions, which apply to the whole document: any `]:` (a label can
//   hold an escaped `]` or a line break);
// - fenced code (a `#` line inside is code): any ``` or ~~~;
// - raw HTML of the kinds that run past blank lines: <pre>, <script>, <style>, <textarea>, <?, <!X,
//   <![CDATA[, and a comment not closed on its own line (the chart directive is one line);
// - carriage returns (the cuts count lines by '\n' only), and a byte order mark (micromark skips it
//   and does not count it in offsets).
const DEFINITION = /\]:/;
const FENCE = /```|~~~/;
const LONG_HTML = /<(?:!--(?![^\n]*-->)|![A-Z[]|\?|(?:pre|script|style|textarea)(?:[\s>]|$))/im;
const FRONT_MATTER_END = /\n---[ \t]*(?:\n|$)/g;
const HEADING = /#{1,6}(?:[ \t\n]|$)/y;

/**
 * Cuts a document before ATX headings that start a line after a blank line — a point where every
 * open block (paragraph, list, quote, table, HTML block, indented code) has ended, once nothing of
 * the kinds above is in the document — and
 * never inside the front matter. A document with anything that could reach across a cut (see above)
 * is one section. Sections are in order and cover the whole document.
 */
export function splitAtHeadings(markdown: string, minLength = MIN_SECTION): Section[] {
  const whole = (body: number) => [{ offset: 0, end: markdown.length, line: 1, body }];
  if (markdown.includes('\r') || markdown.startsWith('\uFEFF') || DEFINITION.test(markdown) || FENCE.test(markdown) || LONG_HTML.test(markdown)) return whole(markdown.length);
  let from = 0;
  if (markdown.startsWith('---')) {
    FRONT_MATTER_END.lastIndex = 3;
    const close = FRONT_MATTER_END.exec(markdown);
    if (!close) return whole(markdown.length);
    from = close.index + close[0].length;
  }
  if (markdown.length < 2 * minLength) return whole(from);
  const sections: Section[] = [];
  let start = 0;
  let startLine = 1;
  let line = 1;
  let counted = 0;
  for (let i = markdown.indexOf('\n#', from); i !== -1; i = markdown.indexOf('\n#', i + 1)) {
    const cut = i + 1;
    if (cut - start < minLength || !blankLineBefore(markdown, i)) continue;
    HEADING.lastIndex = cut;
    if (!HEADING.test(markdown)) continue;
    for (let j = markdown.indexOf('\n', counted); j !== -1 && j < cut; j = markdown.indexOf('\n', j + 1)) {
      line++;
      counted = j + 1;
    }
    sections.push({ offset: start, end: cut, line: startLine, body: Math.max(start, from) });
    start = cut;
    startLine = line;
  }
  sections.push({ offset: start, end: markdown.length, line: startLine, body: Math.max(start, from) });
  return sections;
}

/** Whether the line ending at the '\n' at `i` is empty or only spaces and tabs (and is not the first line). */
function blankLineBefore(markdown: string, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    const ch = markdown.charCodeAt(j);
    if (ch === 10) return true;
    if (ch !== 32 && ch !== 9) return false;
  }
  return false;
}
