import type { RootContent } from 'mdast';
import type { DataPath } from '../../load/index.js';
import type { RuleContext } from '../context.js';
import { parseGfm } from '../../markdown/parse.js';
import { walk } from '../../markdown/walk.js';
import { eachMarkdownText, locateInField, readableTexts } from '../markdown-fields.js';

/** A recommendation's or an action's text, in its session file or its translation (`recommendations.api-pnr.text`). */
function isCellText(path: DataPath): boolean {
  const [first, , third] = path;
  if ((first === 'recommendations' || first === 'actions') && third === 'text' && path.length === 3) return true;
  return typeof first === 'string' && /^(recommendations|actions)\.[^.]+\.text$/.test(first);
}

/** What a block of a text is, as a reader names it. */
const BLOCKS: Partial<Record<RootContent['type'], string>> = { list: 'a list', blockquote: 'a quotation', code: 'a code block', heading: 'a heading', table: 'a table', thematicBreak: 'a rule' };

/**
 * `cell-text`: the default documents print a recommendation's and an action's text in a table cell,
 * on one line: its paragraphs and list items run together there, and a footnote (which a cell
 * cannot hold) is printed in brackets after the word it marks. Said once per text, at the first
 * place that a cell cannot show as written.
 */
export function checkCellTexts(ctx: RuleContext): void {
  const readable = readableTexts(ctx);
  eachMarkdownText(ctx.project, (file, text, path) => {
    if (!isCellText(path) || !/\n\s*\S|\[\^/.test(text.trim()) || !readable(file, path)) return;
    const tree = parseGfm(text);
    let footnote: { offset: number } | undefined;
    walk(tree, (node) => {
      if (!footnote && (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') && node.position) footnote = { offset: node.position.start.offset ?? 0 };
    });
    const blocks = tree.children.filter((node) => node.type !== 'definition' && node.type !== 'footnoteDefinition');
    const other = blocks.find((node) => node.type !== 'paragraph');
    const second = blocks[1];
    const at = (offset: number) => locateInField(file, path, text.slice(offset).split('\n', 1)[0]!.trim());
    const what = path[0] === 'actions' || (typeof path[0] === 'string' && path[0].startsWith('actions.')) ? 'An action' : 'A recommendation';
    if (footnote) {
      ctx.diagnostics.push({
        code: 'cell-text', severity: 'warning', stage: 'validate',
        message: `${what}'s text is printed in a table cell, which cannot hold a footnote: the note is printed in brackets after the word it marks.`,
        hint: 'Write the note into the text, or put it in the session\'s summary or key points.',
        location: at(footnote.offset),
      });
      return;
    }
    const first = other ?? second;
    if (!first?.position) return;
    const shown = other ? BLOCKS[other.type] ?? 'a block' : `${blocks.length} paragraphs`;
    ctx.diagnostics.push({
      code: 'cell-text', severity: 'warning', stage: 'validate',
      message: `${what}'s text is printed in a table cell, on one line: ${other ? `${shown} in it runs into the text around it` : `its ${shown} run together`}.`,
      hint: `Keep ${what === 'An action' ? 'an action' : 'a recommendation'}'s text to one paragraph; put the details in the session's summary or key points.`,
      location: at(first.position.start.offset ?? 0),
    });
  });
}
