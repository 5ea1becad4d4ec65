/**
 * Bytes 0x80 to 0x9F of Windows-1252 (the WHATWG Encoding Standard's index-windows-1252): where it
 * differs from ISO-8859-1, and where the French of a file saved on Windows has its ’ “ ” … – — œ €.
 */
const C1 = String.fromCodePoint(
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
);

/**
 * Whether this Node's TextDecoder reads Windows-1252 as ISO-8859-1: Node 20.18.3 and later 20s, 22.13
 * to 22.18 and 24 up to its fix decode 0x92 as U+0092, not ’ (nodejs/node#56542, #60888). Every
 * label of either ("iso-8859-1", "latin1", "ascii") is Windows-1252 to TextDecoder.
 */
const brokenRuntime = new TextDecoder('windows-1252').decode(Uint8Array.of(0x92)) !== '\u2019';

/** Text TextDecoder gave for Windows-1252 bytes, with 0x80–0x9F as the encoding has them on a runtime that read them as ISO-8859-1. */
export function windows1252Text(decoded: string): string {
  return brokenRuntime ? decoded.replace(/[\u0080-\u009f]/g, (char) => C1[char.charCodeAt(0) - 0x80]!) : decoded;
}
