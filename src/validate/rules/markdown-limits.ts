import { LIMITS } from '../../limits.js';
import type { DataPath } from '../../load/index.js';
import type { RuleContext } from '../context.js';

/** What starts or ends an inline Markdown construct (a link's label, emphasis, code, an autolink, an escape). */
const INLINE_MARKERS = /[[\]*_`~<\\]/g;

/** A line's leading block quotes and list markers (`> > - 1. `, or `>>>`: a quote needs no space), each a level of nesting. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>[ \t]?|(?:[-+*]|\d{1,9}[.)])(?:[ \t]+|$)))+/;
const CONTAINER_MARKER = />|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)/g;

/** Where a new block starts, inside which inline constructs are read on their own: a list item or a table row. */
const BLOCK_START = /^[ \t]*(?:[-+*]|\d{1,9}[.)])(?:[ \t]|$)|^[ \t]*\|/;

/**
 * Texts the Markdown reader would take minutes over, or could not nest (LIMITS, "Limits" in the
 * README): micromark resolves a paragraph's inline constructs in time that grows with the square of
 * their number (16,000 “[a]” in one summary took 60 s to build as HTML), and a build fed 2,000 nested
 * block quotes ran out of stack, blamed on a template. Every text of the notes and translations
 * (plain ones too: they are printed escaped, marker for marker), at the text.
 */
export function checkMarkdownLimits(ctx: RuleContext): void {
  const { workshop, sessions, countries, followUps, translations } = ctx.project;
  for (const file of [workshop, ...sessions, ...countries, ...followUps, ...translations]) {
    const visit = (value: unknown, path: DataPath): void => {
      if (typeof value === 'string') {
        if (value.length > LIMITS.markdownNesting) check(ctx, file.file, path, value);
      } else if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
      else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) visit(item, [...path, key]);
    };
    visit(file.data, []);
  }
}

function check(ctx: RuleContext, file: RuleContext['project']['workshop']['file'], path: DataPath, text: string): void {
  const lines = outsideCodeBlocks(text.split('\n'));
  const deepest = nestingDepth(lines);
  if (deepest > LIMITS.markdownNesting) {
    ctx.report('too-complex', 'error', { file, path }, 'value', `This text nests ${deepest} block quotes or lists in one another: at most ${LIMITS.markdownNesting} can be read.`, 'Flatten it: notes need a few levels at most. If the “>” or “-” are not Markdown, write them after a letter or in `code`.');
    return;
  }
  if (text.length <= LIMITS.markdownMarkersPerParagraph) return;
  // Per paragraph, list item or table row: the parser reads each one's inline constructs apart.
  let worst = 0;
  let count = 0;
  for (const line of lines) {
    if (line.trim() === '' || BLOCK_START.test(line)) count = 0;
    count += line.match(INLINE_MARKERS)?.length ?? 0;
    worst = Math.max(worst, count);
  }
  if (worst > LIMITS.markdownMarkersPerParagraph) {
    ctx.report('too-complex', 'error', { file, path }, 'value', `A paragraph of this text has ${worst.toLocaleString('en')} of the characters that start or end Markdown links, emphasis and code ([ ] * _ \` ~ < \\): above ${LIMITS.markdownMarkersPerParagraph.toLocaleString('en')}, reading it takes the Markdown parser seconds to minutes per document.`, 'Split it into paragraphs (a blank line between them), or put a pasted log or list of codes in a code block (``` before and after it).');
  }
}

/**
 * How deep the text nests block quotes and lists, at most: the markers that open a line (`> > - `),
 * and the list items the line sits in by its indentation (one item a line, each indented under the
 * last: 600 of them took the Markdown reader minutes, where one line of 600 dashes was caught). An
 * item holds the lines indented to its text's column; a line indented less leaves it. A bound,
 * not the parser's exact count: it only has to find texts no rapporteur writes.
 */
function nestingDepth(lines: readonly string[]): number {
  /** The text column of each list item open above the line. */
  const open: number[] = [];
  let deepest = 0;
  for (const raw of lines) {
    if (raw.trim() === '') continue;
    const line = expandLeadingTabs(raw);
    const indent = line.length - line.trimStart().length;
    while (open.length > 0 && indent < open[open.length - 1]!) open.pop();
    const prefix = CONTAINER_PREFIX.exec(line)?.[0];
    const markers = prefix ? [...prefix.matchAll(CONTAINER_MARKER)] : [];
    deepest = Math.max(deepest, open.length + markers.length);
    for (const marker of markers) {
      if (marker[0] === '>') continue;
      const end = marker.index + marker[0].length;
      open.push(end + (/^[ \t]*/.exec(line.slice(end))?.[0].length ?? 0));
    }
  }
  return deepest;
}

/** A line with its leading tabs as spaces (to the next multiple of 4), as the Markdown reader measures indentation. */
function expandLeadingTabs(line: string): string {
  if (!/^[ ]*\t/.test(line)) return line;
  let column = 0;
  let i = 0;
  for (; i < line.length && (line[i] === ' ' || line[i] === '\t'); i++) column = line[i] === '\t' ? column + 4 - (column % 4) : column + 1;
  return ' '.repeat(column) + line.slice(i);
}

/** The lines outside fenced code blocks (``` or ~~~): what is in one is read as it is, not as Markdown. */
function outsideCodeBlocks(lines: readonly string[]): string[] {
  const kept: string[] = [];
  let fence: string | undefined;
  for (const line of lines) {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence === undefined) {
      if (opening !== undefined) fence = opening;
      else kept.push(line);
    } else if (opening !== undefined && opening[0] === fence[0] && opening.length >= fence.length && /^ {0,3}[`~]+[ \t]*$/.test(line)) {
      // A blank line where the block was: the paragraphs before and after it stay apart.
      fence = undefined;
      kept.push('');
    }
  }
  return kept;
}
