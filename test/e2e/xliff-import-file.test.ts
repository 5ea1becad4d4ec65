import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, remove, runBin, snapshot, tempDir } from '../helpers/run-cli.js';
import { exportedCopy, lineColumn } from '../helpers/xliff-copy.js';

// An XLIFF file `translations import` refuses as a whole (exit 2, nothing imported), located in it.
const work = tempDir('wr-xliff-file-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');
const exported = () => exportedCopy(work);

describe('an XLIFF saved in a legacy encoding (it was read as UTF-8: its accents became U+FFFD in the French, exit 0)', () => {
  /** The short title's unit alone, its target `target`, after `declaration`, as Windows-1252 bytes. */
  const legacy = (xml: string, declaration: string, target: string) => {
    const unit = /<trans-unit id="short_title#[0-9a-f]{8}"><source>[^<]*<\/source>/.exec(xml)![0];
    const text = `${declaration}<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="workshop.yaml" datatype="plaintext" source-language="en" target-language="fr"><body>\n${unit}<target>${target}</target></trans-unit></body></file></xliff>\n`;
    // (’ is 0x92 in Windows-1252, a character ISO-8859-1 leaves to control codes, and which TextDecoder reads in both.)
    return Buffer.from(text.replace('’', '\x92'), 'latin1');
  };

  it('is read in the encoding its XML declaration names (windows-1252, ISO-8859-1)', () => {
    for (const encoding of ['windows-1252', 'ISO-8859-1']) {
      const { dir, xlf, xml } = exported();
      writeFileSync(xlf, legacy(xml, `<?xml version="1.0" encoding="${encoding}"?>\n`, 'Atelier sur l’ingénierie des frontières'));
      const imported = runBin(['translations', 'import', xlf, '-p', dir]);
      expect(imported.code, imported.stderr).toBe(0);
      expect(imported.stderr).toMatch(/^Imported fr\.xlf \(fr\): 0 added, 1 changed, 0 unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
      expect(read(path.join(dir, 'translations/fr/workshop.yaml'))).toMatch(/^short_title:\n {2}source: "[0-9a-f]{8}"\n {2}text: Atelier sur l’ingénierie des frontières$/m);
    }
  });

  it('is refused without a declaration naming its encoding (or one naming UTF-8), at its first byte that is not UTF-8, and nothing is imported', () => {
    for (const declaration of ['', '<?xml version="1.0" encoding="UTF-8"?>\n']) {
      const { dir, xlf, xml } = exported();
      const bytes = legacy(xml, declaration, 'Atelier sur la sécurité des frontières');
      writeFileSync(xlf, bytes);
      const before = snapshot(path.join(dir, 'translations'));
      const imported = runBin(['translations', 'import', xlf, '-p', dir]);
      expect(imported.code, imported.stderr).toBe(2);
      const where = lineColumn(bytes.toString('latin1'), bytes.indexOf(0xe9));
      const why = declaration ? 'the encoding its XML declaration names' : 'the encoding of an XML file whose declaration names none';
      expect(imported.stderr).toContain(`fr.xlf:${where} error The file is not valid UTF-8 (byte 0xE9), ${why}; nothing was imported. [encoding]`);
      expect(imported.stderr).toMatch(/hint: Save it as UTF-8 in the translation tool .*encoding="/);
      expect(imported.stderr).not.toContain('Imported');
      expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
    }
  });

  it('is refused when its declaration names an encoding that cannot be read, at the name', () => {
    const { dir, xlf, xml } = exported();
    writeFileSync(xlf, legacy(xml, '<?xml version="1.0" encoding="EBCDIC-CP-US"?>\n', 'Atelier'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(2);
    expect(imported.stderr).toContain('fr.xlf:1:31 error The file\'s XML declaration names the encoding “EBCDIC-CP-US”, which workshop-report cannot read; nothing was imported. [encoding]');
  });
});

describe('an XLIFF edited by hand into XML that is not well-formed', () => {
  it('is refused at the place the XML parser stopped, the hint saying which tag to close where (it was told to import the file the export wrote, losing the edits)', () => {
    const { dir, xlf, xml } = exported();
    // A target's </g> deleted.
    const target = [...xml.matchAll(/<target>(.*?)<\/target>/gs)].find((match) => match[1]!.includes('</g>'))!;
    const open = xml.indexOf('<g ', target.index);
    const close = xml.indexOf('</g>', target.index);
    const broken = xml.slice(0, close) + xml.slice(close + '</g>'.length);
    writeFileSync(xlf, broken);
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(2);
    const end = broken.indexOf('</target>', close);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(broken, end)} error fr.xlf is not well-formed XML: this </target> comes before the </g> of the <g> inside it. Nothing was imported. [xml-syntax]`);
    expect(imported.stderr).toContain(`hint: Close the <g> opened at ${lineColumn(broken, open)} (write </g> where its text ends, before this </target>), or delete that <g> tag; then import the file again.`);
    expect(imported.stderr).toContain(`see: ${path.relative(ROOT, xlf).split(path.sep).join('/')}:${lineColumn(broken, open)} the <g> not closed`);
    expect(imported.stderr).not.toContain('Import the .xlf file that');
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });
});

describe('an XLIFF whose <file> elements translate into two languages (only the first one\'s was checked: a German <file> was imported into French)', () => {
  it('is refused at the target-language of the <file> that differs, and nothing is imported', () => {
    const { dir, xlf, xml } = exported();
    const second = xml.indexOf('<file ', xml.indexOf('</file>'));
    const german = `${xml.slice(0, second)}${xml.slice(second).replace('target-language="fr"', 'target-language="de"').replace(/(<target>)[^<]+/, '$1Eröffnungssitzung')}`;
    writeFileSync(xlf, german);
    const original = /original="([^"]+)"/.exec(german.slice(second))![1];
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(2);
    const where = lineColumn(german, german.indexOf('target-language="de"') + 'target-language="'.length);
    expect(imported.stderr).toContain(`fr.xlf:${where} error fr.xlf: its <file original="${original}"> is a translation into de, where the first <file> is into fr; every <file> of an import translates into one language. Nothing was imported. [conflicting-languages]`);
    expect(imported.stderr).toContain('hint: Set target-language="fr" on this <file> if it is French, or take the <file> out: de is not one of the report\'s translation languages (fr).');
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
    // A <file> that names no language is refused too.
    writeFileSync(xlf, `${xml.slice(0, second)}${xml.slice(second).replace(' target-language="fr"', '')}`);
    const none = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(none.code, none.stderr).toBe(2);
    expect(none.stderr).toContain(`error fr.xlf: its <file original="${original}"> does not say which language it translates into (it has no target-language), where the first <file> is into fr. Nothing was imported. [conflicting-languages]`);
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });
});
