import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textSpanToLocation } from '../diagnostics/location.js';

const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const lenient = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false });

export type Decoded = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic };

/** Decodes UTF-8 strictly: an invalid byte is reported where it is, never turned into U+FFFD. */
export function decodeUtf8(file: string, bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail(file, '', 0, 'The file is encoded as UTF-16, not UTF-8.', 'Save it as UTF-8 (in most editors: “Save with encoding” → UTF-8).');
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    const before = lenient.decode(bytes.subarray(0, nul));
    return fail(file, before, before.length, 'The file contains a NUL byte: it looks like a binary file, not text.', 'Make sure this is a YAML text file saved as UTF-8.');
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
    return fail(file, before, before.length, `The file is not valid UTF-8 (byte 0x${byte}).`, 'Save the file as UTF-8; text pasted from old documents is often in Latin-1 or Windows-1252.');
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

function fail(file: string, before: string, offset: number, message: string, hint: string): Decoded {
  const location = textSpanToLocation(file, before, offset, offset);
  return { ok: false, diagnostic: { code: 'encoding', severity: 'error', stage: 'load', message, hint, location } };
}
