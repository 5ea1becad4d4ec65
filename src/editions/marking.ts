import { escapeMarkdown, yamlScalar } from '../render/escape.js';
import { escapeForMarkdown } from '../render/safe-values.js';

/**
 * Puts an edition's marking on a rendered document, whatever its template: `classification` in the
 * front matter (the PDF's cover and page headers read it) and a bold first line in the body.
 */
export function markDocument(markdown: string, marking: string): string {
  const line = `**${escapeForMarkdown(marking)}**\n\n`;
  const end = markdown.startsWith('---\n') ? markdown.indexOf('\n---\n', 4) : -1;
  if (end === -1) return line + markdown;
  const front = `${markdown.slice(0, end + 1)}classification: ${yamlScalar(escapeMarkdown(marking))}\n---\n`;
  return front + line + markdown.slice(end + 5);
}
