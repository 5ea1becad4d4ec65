/**
 * True when a text cannot contain any Markdown construct: one line, no character that starts
 * markup or an entity, nothing a line could begin a block with. Such a text reads the same as
 * Markdown and as plain text, so the (costly) parser can be skipped.
 */
export function isPlainText(text: string): boolean {
  return !/[\\`*_[\]<>~#|!&\n\r]/.test(text) && !/^\s*(?:[-+=>]|\d+[.)])(?:\s|$)/.test(text) && !/^\s{4}/.test(text);
}
