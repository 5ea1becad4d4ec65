import type { RuleContext } from '../context.js';
import { parseGfm } from '../../markdown/parse.js';
import { walk } from '../../markdown/walk.js';
import { eachMarkdownText, locateInField, readableTexts } from '../markdown-fields.js';

/** The bullets a word processor puts before a list item, with their names where they do not show: Markdown's list items begin with `-`, `*`, `+` or `1.`. */
const BULLETS: Readonly<Record<string, string>> = { '•': '•', '◦': '◦', '▪': '▪', '‣': '‣', '●': '●', '○': '○', '■': '■', '□': '□', '➢': '➢', '✓': '✓', '\uF0B7': 'Word’s bullet (U+F0B7)' };
const ANY_BULLET = new RegExp(`[${Object.keys(BULLETS).join('')}]`);
const BULLET_LINE = new RegExp(`^[ \\t]*([${Object.keys(BULLETS).join('')}])`);

/**
 * `pasted-bullet`: lines of one paragraph of a (md) text that begin with a word processor's bullet
 * (•) are not a list to Markdown: they are printed as that one paragraph, the bullets inside it.
 * Once per text, at the first such line, when a paragraph has two or more (lines in a code block
 * are printed as written, and paragraphs apart stay apart).
 */
export function checkPastedBullets(ctx: RuleContext): void {
  const readable = readableTexts(ctx);
  eachMarkdownText(ctx.project, (file, text, path) => {
    if (!ANY_BULLET.test(text) || !readable(file, path)) return;
    let lines: string[] | undefined;
    walk(parseGfm(text), (node) => {
      if (lines || node.type !== 'paragraph') return;
      const own = text.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0).split('\n').filter((line) => BULLET_LINE.test(line));
      if (own.length >= 2) lines = own;
    });
    if (!lines) return;
    const bullet = BULLETS[BULLET_LINE.exec(lines[0]!)![1]!]!;
    ctx.diagnostics.push({
      code: 'pasted-bullet', severity: 'warning', stage: 'validate',
      message: `${lines.length} lines of this text begin with ${quoted(bullet)}, which Markdown does not read as a list: the documents print them as one paragraph, bullets and all.`,
      hint: `Begin each item with “- ” (a dash and a space) instead of ${quoted(bullet)}, and leave a blank line before the list if text comes before it.`,
      location: locateInField(file, path, lines[0]!.trim()),
    });
  });
}

function quoted(bullet: string): string {
  return bullet.length === 1 ? `“${bullet}”` : bullet;
}
