import { describe, expect, it } from 'vitest';
import { decodeXml } from '../../src/build/xml-decode.js';

const french = 'Atelier sur la sécurité des frontières';
const xliff = (declaration: string) => `${declaration}<xliff version="1.2">\n<target>${french}</target></xliff>`;

describe('decodeXml: an XML file in the encoding XML says it is in (a Windows-1252 XLIFF was read as UTF-8, its accents made U+FFFD)', () => {
  it('decodes a file in the encoding its declaration names: windows-1252, ISO-8859-1, UTF-8', () => {
    for (const encoding of ['windows-1252', 'ISO-8859-1', 'iso-8859-15']) {
      const decoded = decodeXml('fr.xlf', Buffer.from(xliff(`<?xml version="1.0" encoding="${encoding}"?>\n`), 'latin1'));
      expect(decoded.ok && decoded.text).toContain(french);
    }
    // 0x80 to 0x9F are Windows-1252's own (’ “ ” œ €), where ISO-8859-1 has control codes; TextDecoder reads them so for both labels (Node 20.19 read them as U+0092…).
    for (const encoding of ['windows-1252', 'ISO-8859-1']) {
      const decoded = decodeXml('fr.xlf', Buffer.from(`<?xml version="1.0" encoding="${encoding}"?><t>l\x92\x9cuvre \x93co\xfbt\x94 : 5\xa0\x80 \x96 \x85</t>`, 'latin1'));
      expect(decoded.ok && decoded.text).toContain('<t>l’œuvre “coût” : 5\u00a0€ – …</t>');
    }
    const utf8 = decodeXml('fr.xlf', Buffer.from(xliff('<?xml version="1.0" encoding=\'UTF-8\'?>\n')));
    expect(utf8.ok && utf8.text).toContain(french);
  });

  it('decodes UTF-16 by its byte-order mark, or by its first bytes without one; a UTF-8 byte-order mark is no text', () => {
    const text = xliff('<?xml version="1.0" encoding="UTF-16"?>\n');
    const little = Buffer.from(text, 'utf16le');
    const big = Buffer.from(little);
    for (let i = 0; i < big.length; i += 2) [big[i], big[i + 1]] = [big[i + 1]!, big[i]!];
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), little]), Buffer.concat([Buffer.from([0xfe, 0xff]), big]), little, big]) {
      expect(decodeXml('fr.xlf', bytes)).toEqual({ ok: true, text });
    }
    expect(decodeXml('fr.xlf', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(xliff(''))]))).toEqual({ ok: true, text: xliff('') });
  });

  it('refuses bytes that are not UTF-8 when no declaration names another encoding, at the first bad byte, saying how to fix it', () => {
    for (const declaration of ['', '<?xml version="1.0"?>\n']) {
      const decoded = decodeXml('fr.xlf', Buffer.from(xliff(declaration), 'latin1'));
      expect(decoded.ok).toBe(false);
      if (decoded.ok) continue;
      const line = declaration ? 3 : 2;
      // The é of "sécurité": its line and column, not the letter after it where UTF-8 finds out.
      expect(decoded.diagnostic).toMatchObject({ code: 'encoding', severity: 'error', location: { file: 'fr.xlf', start: { line, column: '<target>Atelier sur la s'.length + 1 } } });
      expect(decoded.diagnostic.message).toBe('The file is not valid UTF-8 (byte 0xE9), the encoding of an XML file whose declaration names none; nothing was imported.');
      expect(decoded.diagnostic.hint).toContain('Save it as UTF-8');
      expect(decoded.diagnostic.hint).toContain('encoding="windows-1252"');
      // Its text as far as it reads, for the code frame.
      expect(decoded.text).toContain('Atelier sur la s\ufffdcurit\ufffd');
    }
  });

  it('refuses bytes not valid in the encoding the declaration names (UTF-8, Shift_JIS), and an encoding it cannot decode', () => {
    const utf8 = decodeXml('fr.xlf', Buffer.from(xliff('<?xml version="1.0" encoding="utf-8"?>\n'), 'latin1'));
    expect(!utf8.ok && utf8.diagnostic.message).toBe('The file is not valid UTF-8 (byte 0xE9), the encoding its XML declaration names; nothing was imported.');
    const japanese = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="Shift_JIS"?>\n<x>'), Buffer.from([0x82, 0xa0, 0x82]), Buffer.from('</x>')]);
    const sjis = decodeXml('ja.xlf', japanese);
    expect(!sjis.ok && sjis.diagnostic.message).toBe('The file is not valid Shift_JIS (byte 0x82), the encoding its XML declaration names; nothing was imported.');
    expect(!sjis.ok && sjis.diagnostic.location?.start).toMatchObject({ line: 2, column: 5 });
    const ebcdic = decodeXml('fr.xlf', Buffer.from(xliff('<?xml version="1.0" encoding="EBCDIC-CP-US"?>\n'), 'latin1'));
    expect(ebcdic.ok).toBe(false);
    if (ebcdic.ok) return;
    expect(ebcdic.diagnostic.message).toBe('The file\'s XML declaration names the encoding “EBCDIC-CP-US”, which workshop-report cannot read; nothing was imported.');
    expect(ebcdic.diagnostic.location?.start).toMatchObject({ line: 1, column: '<?xml version="1.0" encoding="'.length + 1 });
    // A byte Windows-1252 leaves undefined (0x81): refused at it, never a U+FFFD in a translation.
    const undefinedByte = decodeXml('fr.xlf', Buffer.from('<?xml version="1.0" encoding="windows-1252"?>\n<t>ab\x81c</t>', 'latin1'));
    expect(!undefinedByte.ok && undefinedByte.diagnostic.message).toBe('The file is not valid windows-1252 (byte 0x81), the encoding its XML declaration names; nothing was imported.');
    expect(!undefinedByte.ok && undefinedByte.diagnostic.location?.start).toMatchObject({ line: 2, column: 6 });
  });
});
