import type { RuleContext } from '../context.js';
import { eachMarkdownText, locateInField } from '../markdown-fields.js';

/** The bullets a word processor puts before a list item (•, ◦, ▪, ‣, ●, ○, ■, □, ➢, ✓, Word's private-use U+F0B7): Markdown's list items begin with `-`, `*`, `+` or `1.`. */
const BULLETS = '•◦▪‣●○■□➢✓\uF0B7';
const ANY_BULLET = new RegExp(`[${BULLETS}]`);
const BULLET_LINE = new RegExp(`^[ \\t]*([${BULLETS}])[ \\t]*`);

/**
 * `pasted-bullet`: lines of a (md) text that begin with a word processor's bullet (•) are not a list
 * to Markdown: they are printed as one paragraph, the bullets inside it. Once per text, at its
 * first such line, when the text has two or more (one alone prints as written).
 */
export function checkPastedBullets(ctx: RuleContext): void {
  eachMarkdownText(ctx.project, (file, text, path) => {
    if (!ANY_BULLET.test(text)) return;
    const lines = text.split('\n').filter((line) => BULLET_LINE.test(line));
    if (lines.length < 2) return;
    const bullet = BULLET_LINE.exec(lines[0]!)![1]!;
    ctx.diagnostics.push({
      code: 'pasted-bullet', severity: 'warning', stage: 'validate',
      message: `${lines.length} lines of this text begin with “${bullet}”, which Markdown does not read as a list: the documents print them as one paragraph, “${bullet}” and all.`,
      hint: `Begin each item with “- ” (a dash and a space) instead of “${bullet}”, and leave a blank line before the list if text comes before it.`,
      location: locateInField(file, path, lines[0]!.trim()),
    });
  });
}
