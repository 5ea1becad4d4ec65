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
    return { ok: true, text: strict.decode(bytes) };
  } catch {
    const at = firstInvalidByte(bytes);
    const before = lenient.decode(bytes.subarray(0, at));
    const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
    return fail(file, before, before.length, `The file is not valid UTF-8 (byte 0x${byte}).`, 'Save the file as UTF-8; text pasted from old documents is often in Latin-1 or Windows-1252.');
  }
}

function firstInvalidByte(bytes: Uint8Array): number {
  // Binary search for the longest prefix that decodes: the first bad byte ends it.
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (decodesAsPrefix(bytes.subarray(0, mid))) low = mid;
    else high = mid - 1;
  }
  return Math.min(low, bytes.length - 1);
}

function decodesAsPrefix(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function fail(file: string, before: string, offset: number, message: string, hint: string): Decoded {
  const location = textSpanToLocation(file, before, offset, offset);
  return { ok: false, diagnostic: { code: 'encoding', severity: 'error', stage: 'load', message, hint, location } };
}
