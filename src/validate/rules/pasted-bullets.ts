import type { DataPath } from '../../load/index.js';
import type { RuleContext } from '../context.js';
import { locateInField, visitMarkdownFields, visitTranslatedMarkdown } from '../markdown-fields.js';

/** A bullet a word processor puts before a list item (•, ◦, ▪, ‣, ●, ○, ■, □, ➢, ✓, ): Markdown's list items begin with `-`, `*`, `+` or `1.`. */
const BULLET = /^[ \t]*([•◦▪‣●○■□➢✓\uF0B7])[ \t]*/;

/**
 * `pasted-bullet`: lines of a (md) text that begin with a word processor's bullet (•) are not a list
 * to Markdown: they are printed as one paragraph, the bullets inside it. Once per text, at its
 * first such line, when the text has two or more (one alone prints as written).
 */
export function checkPastedBullets(ctx: RuleContext): void {
  const { workshop, sessions, countries, followUps, translations } = ctx.project;
  for (const { file, data } of [workshop, ...sessions, ...countries, ...followUps, ...translations]) {
    const check = (text: string, path: DataPath): void => {
      if (!/[•◦▪‣●○■□➢✓\uF0B7]/.test(text)) return;
      const lines = text.split('\n').filter((line) => BULLET.test(line));
      if (lines.length < 2) return;
      const bullet = BULLET.exec(lines[0]!)![1]!;
      ctx.diagnostics.push({
        code: 'pasted-bullet', severity: 'warning', stage: 'validate',
        message: `${lines.length} lines of this text begin with “${bullet}”, which Markdown does not read as a list: the documents print them as one paragraph, “${bullet}” and all.`,
        hint: `Begin each item with “- ” (a dash and a space) instead of “${bullet}”, and leave a blank line before the list if text comes before it.`,
        location: locateInField(file, path, lines[0]!.trim()),
      });
    };
    if (translations.some((translation) => translation.file === file)) visitTranslatedMarkdown(data, check);
    else visitMarkdownFields(data, check);
  }
}
