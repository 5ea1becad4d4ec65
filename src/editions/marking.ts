import { escapeMarkdown, yamlScalar } from '../render/escape.js';
import { escapeForMarkdown } from '../render/safe-values.js';

/**
 * Puts an edition's marking on a rendered document, whatever its template: `classification` in the
 * front matter (the PDF's cover and page headers read it) and a bold first line in the body. A
 * document without front matter (a custom document's template that writes none) gets one with only
 * that: its PDF's cover and page headers went unmarked.
 */
export function markDocument(markdown: string, marking: string): string {
  const line = `**${escapeForMarkdown(marking)}**\n\n`;
  const open = /^---\r?\n/.exec(markdown);
  const close = open ? /\r?\n---\r?\n/.exec(markdown.slice(open[0].length - 1)) : null;
  if (!open || !close) return `---\nclassification: ${yamlScalar(escapeMarkdown(marking))}\n---\n${line}${markdown}`;
  const end = open[0].length - 1 + close.index;
  const head = markdown.slice(0, end);
  // A template that sets its own classification keeps it (a second key would make the YAML invalid).
  const classification = /^classification:/m.test(head) ? '' : `\nclassification: ${yamlScalar(escapeMarkdown(marking))}`;
  return `${head}${classification}\n---\n${line}${markdown.slice(end + close[0].length)}`;
}
