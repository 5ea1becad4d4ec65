import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textSpanToLocation } from '../diagnostics/location.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

/** `shown`: the file's text as far as it can be read (U+FFFD for what cannot), for the error's code frame. */
export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic; shown: string };

/** Decodes UTF-8 strictly: an invalid byte is reported where it is, never turned into U+FFFD. */
export function decodeUtf8(file: string, bytes: Uint8Array): Decoded {
  // UTF-32 first: its little-endian mark begins as UTF-16's does.
  const utf32 = (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff);
  if (utf32) return fail(file, '', 0, 'The file is encoded as UTF-32, not UTF-8.', SAVE_AS_UTF8, '');
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : withoutMark(bytes);
  if (utf16) {
    const shown = new TextDecoder(utf16).decode(bytes);
    return fail(file, '', 0, `The file is encoded as UTF-16${bytes[0] === 0xff || bytes[0] === 0xfe ? '' : ' (without a byte-order mark)'}, not UTF-8.`, SAVE_AS_UTF8, shown);
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lenient.decode(bytes.subarray(0, nul));
    const shown = lenient.decode(bytes);
    // A few NULs in a text (a damaged copy, a stray keystroke) are characters to delete; many, a file that is not text.
    const count = bytes.reduce((n, byte) => n + (byte === 0 ? 1 : 0), 0);
    if (count <= 3 && isUtf8(bytes.filter((byte) => byte !== 0))) {
      return fail(file, before, before.length, `The file holds a NUL character (U+0000)${count > 1 ? `, and ${count - 1} more` : ''}: a character that does not show, which no text holds.`, 'Delete it (an editor that shows invisible characters shows it at this place); it often comes from a damaged copy.', shown);
    }
    return fail(file, before, before.length, 'The file contains a NUL byte: it looks like a binary file, not text.', 'Make sure this is a YAML text file saved as UTF-8.', shown);
  }
  try {
    // A line ended by a carriage return alone (classic Mac OS, some exports) is a line break to YAML
    // 1.2 and to an editor, but not to the yaml parser, which read the file as one line ("The file
    // is empty" after a first comment line). Same length: every offset stays where it was.
    return { ok: true, text: strict.decode(bytes).replace(/\r(?!\n)/g, '\n') };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = lenient.decode(bytes.subarray(0, at));
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return fail(file, before, before.length, `The file is not valid UTF-8 (byte 0x${byte}).`, 'Save the file as UTF-8; text pasted from old documents is often in Latin-1 or Windows-1252.', lenient.decode(bytes));
  }
}

const SAVE_AS_UTF8 = 'Save it as UTF-8 (in most editors: “Save with encoding” → UTF-8).';

/** UTF-16 without a byte-order mark, told by its first two characters being ASCII written two bytes each (`ti` of `title:`, `# `). */
function withoutMark(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const ascii = (byte: number | undefined) => byte !== undefined && byte >= 0x09 && byte < 0x80 && byte !== 0;
  if (ascii(bytes[0]) && bytes[1] === 0 && ascii(bytes[2]) && bytes[3] === 0) return 'utf-16le';
  if (bytes[0] === 0 && ascii(bytes[1]) && bytes[2] === 0 && ascii(bytes[3])) return 'utf-16be';
  return undefined;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/**
 * The offset of the first byte that is not valid UTF-8. The lenient decoder replaces each invalid
 * sequence by one U+FFFD: walk its output beside the bytes, and the first U+FFFD the bytes did not
 * spell (EF BF BD) marks the spot.
 */
function firstInvalidByte(bytes: Uint8Array): number {
  // The decoder drops a byte-order mark from its output.
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (const char of lenient.decode(bytes)) {
    const code = char.codePointAt(0)!;
    if (code === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
    offset += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return Math.max(0, bytes.length - 1);
}

function fail(file: string, before: string, offset: number, message: string, hint: string, shown: string): Decoded {
  const location = textSpanToLocation(file, before, offset, offset);
  return { ok: false, diagnostic: { code: 'encoding', severity: 'error', stage: 'load', message, hint, location }, shown };
}
