import type { RuleContext } from '../context.js';
import { eachMarkdownText, locateInField } from '../markdown-fields.js';

/** `(md)` at the start of a text, alone or before a space or line end (not `(mdash)`). */
const MARKER = /^\s*\(md\)(?=\s|$)/i;

/**
 * `md-marker`: a (md) text that begins with “(md)”. FORMAT.md's examples write `(md)` where a field is
 * Markdown (`text: "(md) Organize a national workshop…"`); a rapporteur who copies one keeps it, and
 * every document printed “(md)” before the text without a word. Warned at the marker; the text is
 * printed as written (a text may begin with “(md)” on purpose).
 */
export function checkMarkdownMarker(ctx: RuleContext): void {
  eachMarkdownText(ctx.project, (file, text, path) => {
    const found = MARKER.exec(text);
    if (!found) return;
    const marker = found[0].trim();
    ctx.diagnostics.push({
      code: 'md-marker', severity: 'warning', stage: 'validate',
      message: `This text begins with “${marker}”, which the documents print: in FORMAT.md's examples, (md) only marks the fields that are Markdown.`,
      hint: `Remove “${marker}” and the space after it: this field is Markdown already.`,
      location: locateInField(file, path, marker),
    });
  });
}
