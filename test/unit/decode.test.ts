import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../../src/load/decode.js';

/** Bytes from a mix of text (encoded as UTF-8) and raw byte values. */
function bytes(...parts: Array<string | number[]>): Uint8Array {
  const out: number[] = [];
  for (const part of parts) out.push(...(typeof part === 'string' ? new TextEncoder().encode(part) : part));
  return new Uint8Array(out);
}

function failure(input: Uint8Array) {
  const result = decodeUtf8('sessions/a.yaml', input);
  if (result.ok) throw new Error('expected a failure');
  return result.diagnostic;
}

describe('decodeUtf8', () => {
  it('decodes valid UTF-8, multi-byte characters included', () => {
    expect(decodeUtf8('f.yaml', bytes('name: Ibrahim Maïga — 東京 🙂\n'))).toEqual({ ok: true, text: 'name: Ibrahim Maïga — 東京 🙂\n' });
  });

  it('strips a UTF-8 BOM', () => {
    const result = decodeUtf8('f.yaml', bytes([0xef, 0xbb, 0xbf], 'a: 1\n'));
    expect(result).toEqual({ ok: true, text: 'a: 1\n' });
  });

  it('keeps CRLF line ends as they are', () => {
    expect(decodeUtf8('f.yaml', bytes('a: 1\r\nb: 2\r\n'))).toEqual({ ok: true, text: 'a: 1\r\nb: 2\r\n' });
  });

  it('decodes an empty file to empty text', () => {
    expect(decodeUtf8('f.yaml', new Uint8Array())).toEqual({ ok: true, text: '' });
  });

  it.each([
    ['little-endian', [0xff, 0xfe]],
    ['big-endian', [0xfe, 0xff]],
  ])('rejects UTF-16 (%s BOM) at 1:1', (_label, bom) => {
    const diagnostic = failure(bytes(bom, [0x61, 0x00, 0x3a, 0x00]));
    expect(diagnostic).toMatchObject({ code: 'encoding', severity: 'error', stage: 'load', location: { file: 'sessions/a.yaml', start: { line: 1, column: 1 } } });
    expect(diagnostic.message).toContain('UTF-16');
  });

  it('reports a NUL byte at its line and column', () => {
    const diagnostic = failure(bytes('a: 1\nbc', [0x00], 'd\n'));
    expect(diagnostic.code).toBe('encoding');
    expect(diagnostic.location!.start).toEqual({ line: 2, column: 3, offset: 7 });
    expect(diagnostic.message).toContain('NUL');
  });

  it('tells UTF-32 (its mark), UTF-16 without a byte-order mark, and a stray NUL from a binary file (they were all UTF-16 or “looks like a binary file”)', () => {
    expect(failure(bytes([0xff, 0xfe, 0x00, 0x00, 0x61, 0x00, 0x00, 0x00])).message).toBe('The file is encoded as UTF-32, not UTF-8.');
    const utf16 = decodeUtf8('sessions/a.yaml', new Uint8Array(Buffer.from('title: Séance\n', 'utf16le')));
    expect(!utf16.ok && utf16.diagnostic.message).toBe('The file is encoded as UTF-16 (without a byte-order mark), not UTF-8.');
    // Its text as far as it can be read, for the code frame.
    expect(!utf16.ok && utf16.shown).toBe('title: Séance\n');
    const stray = failure(bytes('title: Séance\nsummary: a', [0x00], 'b\n'));
    expect(stray.message).toBe('The file holds a NUL character (U+0000): a character that does not show, which no text holds.');
    expect(stray.location!.start).toMatchObject({ line: 2, column: 11 });
    expect(failure(bytes([0x89], 'PNG', [0x00, 0x00, 0x00, 0x0d, 0x00, 0x00])).message).toBe('The file contains a NUL byte: it looks like a binary file, not text.');
  });

  it('reports a stray continuation byte at its line and column', () => {
    const diagnostic = failure(bytes('a: 1\nb: 2\nc: x', [0x80], 'y\n'));
    expect(diagnostic.location!.start).toMatchObject({ line: 3, column: 5 });
    expect(diagnostic.message).toContain('0x80');
  });

  it('reports a byte that never occurs in UTF-8 (0xFF) at its position', () => {
    const diagnostic = failure(bytes('title: ab', [0xff], 'cd\n'));
    expect(diagnostic.location!.start).toMatchObject({ line: 1, column: 10 });
    expect(diagnostic.message).toContain('0xFF');
  });

  it('counts columns in UTF-16 code units (as the YAML positions do), not in bytes', () => {
    // "t: é" is 4 units (5 bytes), "🙂" 2 units (4 bytes): the bad byte is in column 7.
    const diagnostic = failure(bytes('t: é🙂', [0xff], '\n'));
    expect(diagnostic.location!.start).toMatchObject({ line: 1, column: 7, offset: 6 });
  });

  it('does not count a BOM as a column', () => {
    const diagnostic = failure(bytes([0xef, 0xbb, 0xbf], 'ab', [0xff], '\n'));
    expect(diagnostic.location!.start).toMatchObject({ line: 1, column: 3 });
  });

  it('never turns an invalid byte into U+FFFD', () => {
    expect(decodeUtf8('f.yaml', bytes('a: ', [0xc3, 0x28], '\n')).ok).toBe(false);
  });
});

describe('line endings', () => {
  it('reads a carriage return alone as a line break (classic Mac OS): the yaml parser took the file for one line', () => {
    const decoded = decodeUtf8('sessions/a.yaml', new TextEncoder().encode('# notes\rtitle: Opening\r\nsummary: x\r'));
    expect(decoded).toEqual({ ok: true, text: '# notes\ntitle: Opening\r\nsummary: x\n' });
  });
});
