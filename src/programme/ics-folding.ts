/** RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets, excluding the line break." */
export const ICS_LINE_OCTETS = 75;

const utf8Length = (codePoint: number) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

/**
 * An iCalendar text folded so that every line, a continuation's leading space included, is at most
 * 75 octets of UTF-8, never cutting a character's bytes apart (RFC 5545 §3.1). ical.js folds each
 * line's content into 75 octets and then puts the space before it: its continuation lines were 76.
 * Lines already folded are unfolded first; the line break is CRLF. Pure.
 */
export function foldIcs(text: string): string {
  const trailing = text.endsWith('\r\n');
  const lines = text.replace(/\r\n[ \t]/g, '').split('\r\n');
  if (trailing) lines.pop();
  return lines.map(foldLine).join('\r\n') + (trailing ? '\r\n' : '');
}

/** One content line folded: the first at most 75 octets, each continuation a space and at most 74. */
function foldLine(line: string): string {
  const parts: string[] = [];
  let part = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character.codePointAt(0)!);
    // The first line has the whole 75 octets; a continuation's space takes one of them.
    const room = parts.length === 0 ? ICS_LINE_OCTETS : ICS_LINE_OCTETS - 1;
    if (octets + size > room) {
      parts.push(part);
      part = '';
      octets = 0;
    }
    part += character;
    octets += size;
  }
  parts.push(part);
  return parts.join('\r\n ');
}
