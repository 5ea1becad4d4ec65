import iconv from 'iconv-lite';

/**
 * Windows-1252 bytes (the encoding the WHATWG Encoding Standard also gives the labels iso-8859-1,
 * latin1 and ascii) as text, by iconv-lite: Node 20's TextDecoder reads bytes 0x80–0x9F as
 * ISO-8859-1 control characters, not as the ’ “ ” … – — œ € of a French file saved on Windows
 * (nodejs/node#56542). With the offset of the first byte the encoding leaves undefined (0x81, 0x8D,
 * 0x8F, 0x90, 0x9D), which iconv-lite reads as U+FFFD: one byte is one character. Pure.
 */
export function windows1252(bytes: Uint8Array): { text: string; undefinedAt?: number } {
  const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  const at = text.indexOf('\uFFFD');
  return at === -1 ? { text } : { text, undefinedAt: at };
}
