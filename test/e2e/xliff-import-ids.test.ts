import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remove, runBin, snapshot, tempDir } from '../helpers/run-cli.js';
import { exportedCopy, lineColumn, retarget, unitId } from '../helpers/xliff-copy.js';

// Units of a translator's XLIFF whose id was changed by hand: told apart by their <source>, said at the unit in the XLIFF.
const work = tempDir('wr-xliff-ids-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');
const exported = () => exportedCopy(work);

describe('a unit whose id was changed to another text\'s (it imported the wrong translation without a word)', () => {
  it('is refused at the unit, saying its source is another text\'s and which id to give it back, and nothing is changed', () => {
    const { dir, xlf, xml } = exported();
    const first = unitId(xml, 'objectives.0');
    const second = unitId(xml, 'objectives.1');
    // objectives.1's unit deleted, objectives.0's renamed to its id.
    const altered = xml.replace(new RegExp(`<trans-unit id="${second}">.*?</trans-unit>`, 's'), '').replace(`id="${first}"`, `id="${second}"`);
    writeFileSync(xlf, altered);
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(altered, altered.indexOf(`id="${second}"`))} warning fr.xlf: the id of unit ${second} was altered: its source is not the text of objectives.1 but that of objectives.0; its translation was not applied. [altered-unit-id]`);
    expect(imported.stderr).toContain(`hint: Its translation is that text's: give the unit back its id, ${first}, as the export wrote it, then import the file again.`);
    expect(imported.stderr).toMatch(/: 0 added, 0 changed, \d+ unchanged, 0 not translated \(left as they were\), 1 refused\.$/m);
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });
  it('is refused the same when its key alone was changed, its fingerprint that of the text its source is (it was called stale: "This text changed since…")', () => {
    const { dir, xlf, xml } = exported();
    const first = unitId(xml, 'objectives.0');
    const last = unitId(xml, 'objectives.3');
    const renamed = `objectives.3#${first.slice(-8)}`;
    const altered = xml.replace(new RegExp(`<trans-unit id="${last}">.*?</trans-unit>`, 's'), '').replace(`id="${first}"`, `id="${renamed}"`);
    writeFileSync(xlf, altered);
    const before = snapshot(path.join(dir, 'translations'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(altered, altered.indexOf(`id="${renamed}"`))} warning fr.xlf: the id of unit ${renamed} was altered: its source is not the text of objectives.3 but that of objectives.0; its translation was not applied. [altered-unit-id]`);
    expect(imported.stderr).toContain(`give the unit back its id, ${first}, as the export wrote it`);
    expect(imported.stderr).not.toContain('stale-translation');
    expect(snapshot(path.join(dir, 'translations'))).toEqual(before);
  });
});

describe('a unit whose id lost or changed its fingerprint, its source the text as it is (it was called stale: "This text changed since…")', () => {
  it('is applied, with a warning at the unit saying its id was altered and that there is nothing to redo', () => {
    const { dir, xlf, xml } = exported();
    const point = unitId(xml, 'objectives.0');
    const other = unitId(xml, 'objectives.2');
    const tampered = `${point.slice(0, -1)}${point.endsWith('0') ? '1' : '0'}`;
    const bare = other.replace(/#.*/, '');
    let altered = retarget(retarget(xml, point, 'Faire le point (révisé)'), other, 'Mieux faire connaître (révisé)');
    altered = altered.replace(`id="${point}"`, `id="${tampered}"`).replace(`id="${other}"`, `id="${bare}"`);
    writeFileSync(xlf, altered);
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(altered, altered.indexOf(`id="${tampered}"`))} warning fr.xlf: the id of unit ${tampered} was altered (#${tampered.slice(-8)} is not the fingerprint of its text), but its source is the text of objectives.0 as it is now: its translation was applied. [altered-unit-id]`);
    expect(imported.stderr).toContain(`hint: Nothing to redo. The id the export wrote is ${point}:`);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(altered, altered.indexOf(`id="${bare}"`))} warning fr.xlf: the id of unit ${bare} was altered (its #fingerprint is missing), but its source is the text of objectives.2 as it is now: its translation was applied. [altered-unit-id]`);
    expect(imported.stderr).not.toContain('stale-translation');
    expect(imported.stderr).not.toContain('This text changed');
    expect(imported.stderr).toMatch(/: 0 added, 2 changed, \d+ unchanged, 0 not translated \(left as they were\), 0 refused\.$/m);
    const translation = read(path.join(dir, 'translations/fr/workshop.yaml'));
    expect(translation).toContain(`objectives.0:\n  source: "${point.slice(-8)}"\n  text: Faire le point (révisé)\n`);
    expect(translation).toContain(`objectives.2:\n  source: "${other.slice(-8)}"\n  text: Mieux faire connaître (révisé)\n`);
    expect(runBin(['validate', dir]).stderr).toMatch(/^fr: (\d+) of \1 texts translated, 0 missing, 0 stale/m);
  });

  it('is still stale when its source is not the text as it is now: the text changed since the export', () => {
    const { dir, xlf, xml } = exported();
    const point = unitId(xml, 'objectives.0');
    writeFileSync(xlf, retarget(xml, point, 'Faire le point (révisé)').replace(`id="${point}"`, `id="${point.slice(0, -1)}${point.endsWith('0') ? '1' : '0'}"`).replace('<source>Take stock of recent', '<source>Take stock of the recent'));
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toMatch(/workshop\.yaml:\d+:\d+ warning This text changed since fr\.xlf was exported \(unit objectives\.0#[0-9a-f]{8}\); its translation was not applied\. \[stale-translation\]/);
  });
});

