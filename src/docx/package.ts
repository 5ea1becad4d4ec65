import { crc32, deflateRawSync } from 'node:zlib';
import { type Document, Packer, StringContainer, XmlAttributeComponent, XmlComponent } from 'docx';
import { Zip, type ZipInputFile } from 'fflate';
import { xmlSafe } from '../characters.js';
import { languageOnEveryRun, TEXT_PART } from './run-language.js';

/** Zip entry times: 1980-01-01 00:00, the zip format's first day, written from local time fields: the same in every time zone. */
const ZIP_TIME = () => new Date(1980, 0, 1, 0, 0, 0);

/** The library's part writer: the parts of a document by path, in the order it zips them. */
type Compiler = { compile(file: Document, prettify: undefined, overrides: []): Map<string, string | Uint8Array> };

/**
 * Builds a document and writes its parts (zipped by zipParts) so that the same content gives the same bytes, whatever the clock,
 * the time zone or the locale. The docx library reads two things of the outside world while it
 * makes a document and writes its parts, both synchronously (nothing else runs meanwhile), so for
 * that moment they are fixed, and restored right after:
 * - Math.random, with which it names relationships, hyperlinks and embedded fonts' keys: a
 *   generator seeded with a fixed number (the ids stay unique within the document), seeded again
 *   before the document itself is made, so the fonts' keys, hence their files, are the same in every document;
 * - Date.now, with which a chart's embedded workbook is zipped.
 * The core properties' created and modified dates (the clock, in the library) are replaced by
 * `date`, and the document's language is added to them (`dc:language`) and to the runs the library
 * writes without one (run-language.ts).
 *
 * The parts are zipped here rather than by the library's Packer (the same parts, in the same order:
 * its compiler, an internal of the pinned version, is what Packer zips): with fixed entry times, and
 * each embedded font compressed once per thread instead of once per document.
 */
export function compileReproducibly(make: (reseed: () => void) => Document, date: Date, language: string): Map<string, string | Uint8Array> {
  const random = Math.random;
  const now = Date.now;
  Date.now = () => ZIP_TIME().getTime();
  try {
    Math.random = seeded(0x5eed);
    const document = make(() => { Math.random = seeded(0xd0c); });
    setCoreProperties(document, date, language);
    const parts = (Packer as unknown as { compiler: Compiler }).compiler.compile(document, undefined, []);
    for (const [path, data] of parts) {
      if (typeof data !== 'string') continue;
      // No character XML 1.0 forbids, whatever reached the library (it drops C0 controls, not a U+FFFF, which made the document unreadable).
      const safe = xmlSafe(data);
      // The runs the library writes without a language (the contents' entries, the chart, images, the notes' separators) get the document's.
      parts.set(path, TEXT_PART.test(path) ? languageOnEveryRun(safe, language) : safe);
    }
    return parts;
  } finally {
    Math.random = random;
    Date.now = now;
  }
}

/** A large binary part (a font) deflated: its size, CRC and compressed bytes, shared by the documents that hold it. */
export interface Compressed {
  size: number;
  crc: number;
  data: Uint8Array<ArrayBuffer>;
}

/** A document's parts as zipParts takes them: XML as text, small files as bytes, large files compressed. */
export type Parts = Map<string, string | Uint8Array | Compressed>;

/**
 * Large binary parts (the fonts) deflated by size, with the bytes they were made from: a part with
 * the same bytes (compared, which costs far less than hashing them) is compressed once per thread.
 */
const deflated = new Map<number, Compressed & { raw: Uint8Array }>();
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
const LARGE = 64 * 1024;

/**
 * The parts with each large binary one (a font, obfuscated afresh for every document) replaced by its
 * compressed bytes, right away: a document waiting for its page numbers keeps its XML only.
 */
export function compressLargeParts(parts: Map<string, string | Uint8Array>): Parts {
  const out: Parts = new Map();
  for (const [path, data] of parts) {
    if (typeof data === 'string' || data.length < LARGE) {
      out.set(path, data);
      continue;
    }
    let compressed = deflated.get(data.length);
    if (!compressed || !same(compressed.raw, data)) deflated.set(data.length, (compressed = { raw: data, ...compress(data) }));
    out.set(path, { size: compressed.size, crc: compressed.crc, data: compressed.data });
  }
  return out;
}

/**
 * Raw DEFLATE (a zip entry's method 8) by Node's zlib, native code: several times faster than
 * fflate's JavaScript deflate, which took a sixth of the DOCX thread's time. Its output is zlib's
 * (bundled with Node), as the PDF's streams already are (pdfkit compresses with it too).
 */
function deflate(bytes: Uint8Array): Uint8Array {
  return deflateRawSync(bytes, { level: 6 });
}

/** One part compressed: its size, CRC and deflated bytes, as a zip entry records them. */
function compress(bytes: Uint8Array): Compressed {
  const data = deflate(bytes);
  return { size: bytes.length, crc: crc32(bytes), data: new Uint8Array(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength) };
}

/**
 * Parts written the same in many documents (styles, theme, settings, font table, relationships: the
 * example's 30 documents have 762 XML parts, 108 of them different, 2.4 of their 3.9 MB) are
 * compressed once per thread, found by their text; not the body, which is each document's own.
 * Bounded: a build's documents share a few dozen.
 */
const BODY = 'word/document.xml';
const compressedTexts = new Map<string, Compressed>();
const TEXTS_KEPT = 256;

function compressText(text: string): Compressed {
  let compressed = compressedTexts.get(text);
  if (!compressed) {
    if (compressedTexts.size >= TEXTS_KEPT) compressedTexts.clear();
    compressedTexts.set(text, (compressed = compress(Buffer.from(text, 'utf8'))));
  }
  return compressed;
}

/**
 * The parts as a .docx (a zip), in their order, with fixed entry times: fflate writes the container
 * (headers, central directory) around the bytes deflated here, with the size, CRC and method given.
 */
export function zipParts(parts: ReadonlyMap<string, string | Uint8Array | Compressed>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const mtime = ZIP_TIME();
  for (const [path, data] of parts) {
    const compressed = typeof data === 'string' ? (path === BODY ? compress(Buffer.from(data, 'utf8')) : compressText(data)) : data instanceof Uint8Array ? compress(data) : data;
    const entry: ZipInputFile = { filename: path, size: compressed.size, crc: compressed.crc, compression: 8, mtime };
    zip.add(entry);
    entry.ondata!(null, compressed.data, true);
  }
  zip.end();
  // A Uint8Array of its own (not a Buffer, which may share a pool): its buffer is transferred to the main thread.
  const out = new Uint8Array(chunks.reduce((sum, chunk) => sum + chunk.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** A small fixed-seed generator (mulberry32): the ids it gives are as unique within a document as random ones. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `<dcterms:created xsi:type="dcterms:W3CDTF">…</dcterms:created>`, as the library writes its own dates. */
class Timestamp extends XmlComponent {
  constructor(name: string, date: Date) {
    super(name);
    this.root.push(new TimestampType({ type: 'dcterms:W3CDTF' }));
    this.root.push(date.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  }
}

class TimestampType extends XmlAttributeComponent<{ type: string }> {
  protected override readonly xmlKeys = { type: 'xsi:type' };
}

/**
 * Replaces the library's created/modified timestamps (the clock) by `date`, and adds `dc:language`.
 * The core properties are an XmlComponent whose children the library exposes only to subclasses,
 * hence the cast; the test reads docProps/core.xml back.
 */
function setCoreProperties(document: Document, date: Date, language: string): void {
  const core = document.CoreProperties as unknown as { root: unknown[] };
  core.root = core.root.filter((child) => !(child instanceof XmlComponent && ['dcterms:created', 'dcterms:modified'].includes((child as unknown as { rootKey: string }).rootKey)));
  core.root.push(new StringContainer('dc:language', language), new Timestamp('dcterms:created', date), new Timestamp('dcterms:modified', date));
}
