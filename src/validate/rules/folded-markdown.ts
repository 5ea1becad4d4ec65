import type { Nodes } from 'mdast';
import type { RuleContext } from '../context.js';
import { spanToLocation } from '../../diagnostics/location.js';
import { locate, type ParsedFile } from '../../load/index.js';
import { parseGfm } from '../../markdown/parse.js';
import { walk } from '../../markdown/walk.js';
import { eachMarkdownText, readableTexts } from '../markdown-fields.js';

/** A folded block's header: `>`, and its chomping and indentation indicators. */
const FOLDED = /^>([1-9][+-]?|[+-][1-9]?)?(?=[ \t]|\r?\n|$)/;

/** A line that ends with a folded block's header (`summary: >`, `- >-`, `text: >2 # note`). */
const FOLDED_HEADER = /[ \t]>([1-9][+-]?|[+-][1-9]?)?[ \t]*(#.*)?\r?$/m;

/** A text that begins with a list item. */
const LIST_START = /^\s*([-*+]|\d+[.)])[ \t]/;

/** The Markdown blocks whose number folding can change. */
const BLOCKS = new Set(['paragraph', 'heading', 'list', 'listItem', 'code', 'blockquote', 'thematicBreak', 'table']);

/**
 * `folded-markdown`: a (md) text written as a folded block (`summary: >`), which YAML reads with its
 * lines joined by spaces and each blank line between paragraphs made a single line break: a list
 * and the paragraph after it became one list item, two paragraphs one. Warned at the `>` when the
 * text's Markdown, as written, has blocks the folded text does not (a list, paragraphs apart); a
 * `>` over one long paragraph changes nothing and is not warned.
 */
export function checkFoldedMarkdown(ctx: RuleContext): void {
  const readable = readableTexts(ctx);
  // Only a file with a folded block is looked at, text by text (locating each of 2,000 sessions' texts took 0.1 s).
  const folds = new Map<ParsedFile, boolean>();
  const hasFolded = (file: ParsedFile) => {
    let found = folds.get(file);
    if (found === undefined) folds.set(file, (found = FOLDED_HEADER.test(file.source.text)));
    return found;
  };
  eachMarkdownText(ctx.project, (file, text, path) => {
    // Folded, blocks a blank line set apart leave a line break in the text; a list it starts with, its marker.
    if (!hasFolded(file) || (!text.trimEnd().includes('\n') && !LIST_START.test(text))) return;
    const value = locate(file, path, 'value');
    const source = file.source.text;
    const header = FOLDED.exec(source.slice(value.start.offset, value.start.offset + 4));
    if (!header || !readable(file, path)) return;
    const written = asWritten(source.slice(value.start.offset, value.end.offset));
    // Only blocks a blank line sets apart (or a list the text starts with): a wrapped line that begins
    // with a dash used as one (`- et du Mali -`) would be a list item to “|”, and is one sentence folded.
    if (written === undefined || !(/\S[ \t]*\n[ \t]*\n[ \t]*\S/.test(written) || LIST_START.test(written)) || blocks(written) === blocks(text)) return;
    const literal = `|${header[1] ?? ''}`;
    ctx.diagnostics.push({
      code: 'folded-markdown', severity: 'warning', stage: 'validate',
      message: `“${header[0]}” folds the lines into one paragraph: write “${literal}” to keep the list and paragraphs.`,
      hint: `YAML joins the lines of a “>” block with spaces, and turns a blank line between paragraphs into a single line break, so the documents print this text run together. With “${literal}” the lines are kept as written (Markdown still joins the lines of one paragraph).`,
      location: spanToLocation(file.source.path, file.lineStarts, value.start.offset, value.start.offset + header[0].length),
    });
  });
}

/** The lines of a block scalar (its header line first, then its body), without its indentation, as “|” would keep them. */
function asWritten(block: string): string | undefined {
  const lines = block.split('\n').slice(1).map((line) => line.replace(/\r$/, ''));
  const first = lines.find((line) => line.trim() !== '');
  if (first === undefined) return undefined;
  const indent = /^ */.exec(first)![0].length;
  return lines.map((line) => line.slice(Math.min(indent, /^ */.exec(line)![0].length))).join('\n');
}

function blocks(markdown: string): number {
  let count = 0;
  walk(parseGfm(markdown), (node: Nodes) => {
    if (BLOCKS.has(node.type)) count++;
  });
  return count;
}
