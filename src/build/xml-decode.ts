import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textSpanToLocation } from '../diagnostics/location.js';
import { windows1252 } from './windows-1252.js';

/** An XML file's text; or the `encoding` error that refuses it, with the text as far as it reads, for the code frame. */
export type DecodedXml = { ok: true; text: string } | { ok: false; diagnostic: Diagnostic; text: string };

/**
 * An XML file's bytes as text, in the encoding XML's own rule gives it (XML 1.0, appendix F): a
 * byte-order mark says UTF-8 or UTF-16; without one, the XML declaration names the encoding
 * (`encoding="windows-1252"`, as a translation tool or an editor on Windows may save a file); without
 * either, UTF-8 (UTF-16 when the declaration itself is written two bytes a character). Decoded by
 * Node's TextDecoder (Windows-1252 by iconv-lite, see windows-1252.ts), strictly: a byte the encoding
 * does not allow is an error at its line and column, never a U+FFFD in a translation; so is an
 * encoding TextDecoder does not know. Decision:
 * a byte-order mark wins over a declaration that names another encoding (a file saved again as
 * "Unicode" by an editor that left its declaration as it was): its bytes are unambiguous. Pure.
 */
export function decodeXml(file: string, bytes: Uint8Array): DecodedXml {
  const declared = declaredEncoding(bytes);
  const bom = byteOrderMark(bytes);
  const unmarked = bom === undefined ? utf16WithoutMark(bytes) : undefined;
  // Declared UTF-16 without a mark, in a declaration written one byte a character: it is not (a file converted to UTF-8, its declaration kept).
  const named = declared !== undefined && !/^(utf-?16|ucs-?2|unicode)/i.test(declared.name) ? declared : undefined;
  const label = bom ?? unmarked ?? named?.name ?? 'utf-8';
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    // Only a declaration can name an encoding TextDecoder does not know (`ebcdic-cp-us`).
    const text = new TextDecoder('windows-1252').decode(bytes);
    const at = named!.offset;
    return {
      ok: false, text, diagnostic: {
        code: 'encoding', severity: 'error', stage: 'load', location: textSpanToLocation(file, text, at, at + named!.name.length),
        message: `The file's XML declaration names the encoding “${named!.name}”, which workshop-report cannot read; nothing was imported.`,
        hint: 'Save the file as UTF-8 in the translation tool, with encoding="UTF-8" in its declaration (or none), then import it again.',
      },
    };
  }
  const decoded = decodeStrictly(bytes, encoding);
  if (decoded.invalidAt === undefined) return { ok: true, text: decoded.text };
  const { text, invalidAt: at } = decoded;
  const before = encoding === 'windows-1252' ? text.slice(0, at) : new TextDecoder(encoding).decode(bytes.subarray(0, at));
  const byte = bytes[at]!.toString(16).toUpperCase().padStart(2, '0');
  const name = encoding === 'utf-8' ? 'UTF-8' : encoding.startsWith('utf-16') ? 'UTF-16' : named!.name;
  const why = bom !== undefined ? 'the encoding its byte-order mark says'
    : named !== undefined ? 'the encoding its XML declaration names'
    : unmarked !== undefined ? 'the encoding its first bytes say'
    : declared !== undefined ? `the encoding its declaration is written in (it names ${declared.name}, which a declaration written one byte a character is not)`
    : 'the encoding of an XML file whose declaration names none';
  const hint = named === undefined
    ? 'Save it as UTF-8 in the translation tool (or the editor it was last saved in); or, if it was saved in another encoding on purpose, name that encoding in its XML declaration: <?xml version="1.0" encoding="windows-1252"?>. Then import it again.'
    : `Save it as UTF-8 in the translation tool (or the editor it was last saved in), with encoding="UTF-8" in its declaration; or name there the encoding it was saved in. Then import it again.`;
  return {
    ok: false, text, diagnostic: {
      code: 'encoding', severity: 'error', stage: 'load', location: textSpanToLocation(file, text, before.length, before.length + 1),
      message: `The file is not valid ${name} (byte 0x${byte}), ${why}; nothing was imported.`, hint,
    },
  };
}

/** The text in `encoding`, and the offset of the first byte it does not allow, if any. */
function decodeStrictly(bytes: Uint8Array, encoding: string): { text: string; invalidAt?: number } {
  if (encoding === 'windows-1252') {
    const { text, undefinedAt } = windows1252(bytes);
    return undefinedAt === undefined ? { text } : { text, invalidAt: undefinedAt };
  }
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(bytes) };
  } catch {
    return { text: new TextDecoder(encoding).decode(bytes), invalidAt: firstInvalidByte(bytes, encoding) };
  }
}

/** The encoding a byte-order mark says, if the file starts with one. */
function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** UTF-16 without a byte-order mark, told by `<?` written two bytes a character (XML 1.0, appendix F). */
function utf16WithoutMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x3c && bytes[1] === 0x00 && bytes[2] === 0x3f && bytes[3] === 0x00) return 'utf-16le';
  if (bytes[0] === 0x00 && bytes[1] === 0x3c && bytes[2] === 0x00 && bytes[3] === 0x3f) return 'utf-16be';
  return undefined;
}

/** The encoding the XML declaration names (`<?xml version="1.0" encoding="windows-1252"?>`), and where its name is. */
function declaredEncoding(bytes: Uint8Array): { name: string; offset: number } | undefined {
  // The declaration is ASCII in every encoding but UTF-16 (whose mark or first bytes say so).
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '');
  const found = /^<\?xml\s[^?]*?\bencoding\s*=\s*(["'])([^"']*)\1/.exec(head);
  if (!found) return undefined;
  return { name: found[2]!, offset: found[0].length - 1 - found[2]!.length };
}

/**
 * The offset of the first byte that is not valid in `encoding`: the shortest start of the file a
 * streaming decoder refuses ends just after it, and the invalid sequence begins after the longest
 * start of that which decodes whole (a lead byte not followed by what it needs: `é` in Windows-1252
 * read as UTF-8 is refused at the letter after it, and is the byte to name).
 */
function firstInvalidByte(bytes: Uint8Array, encoding: string): number {
  const refuses = (end: number, stream: boolean) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, end), { stream });
      return false;
    } catch {
      return true;
    }
  };
  let end = bytes.length;
  if (refuses(end, true)) {
    let low = 0;
    while (low < end) {
      const middle = Math.floor((low + end) / 2);
      if (refuses(middle, true)) end = middle;
      else low = middle + 1;
    }
  }
  // (The file may also end inside a character: the whole of it decodes as a stream, not on its own.)
  let start = end;
  while (start > 0 && refuses(start, false)) start--;
  return Math.min(start, bytes.length - 1);
}
