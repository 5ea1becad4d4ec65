import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { remove, runBin, tempDir } from '../helpers/run-cli.js';
import { exportedCopy, lineColumn, retarget, unitId } from '../helpers/xliff-copy.js';

// Targets whose state is none of XLIFF 1.2's: said at the state, with the one meant.
const work = tempDir('wr-xliff-states-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');
const exported = () => exportedCopy(work);

describe('a target whose state is none of XLIFF 1.2\'s (`transalted`, `New` were imported as translations)', () => {
  it('is refused at its state, with the state meant, and the others applied; a tool\'s own x- state is no problem', () => {
    const { dir, xlf, xml } = exported();
    const title = unitId(xml, 'title');
    const subtitle = unitId(xml, 'subtitle');
    const short = unitId(xml, 'short_title');
    let altered = retarget(retarget(retarget(xml, title, 'Atelier (titre révisé)'), subtitle, 'Renforcer (sous-titre révisé)'), short, 'Atelier (court, révisé)');
    const stated = (text: string, id: string, state: string) => text.replace(new RegExp(`(<trans-unit id="${id}"><source>[^<]*</source><target)>`), `$1 state="${state}">`);
    altered = stated(stated(stated(altered, title, 'transalted'), subtitle, 'New'), short, 'x-reviewed');
    writeFileSync(xlf, altered);
    const file = path.join(dir, 'translations/fr/workshop.yaml');
    const imported = runBin(['translations', 'import', xlf, '-p', dir]);
    expect(imported.code, imported.stderr).toBe(1);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(altered, altered.indexOf('transalted'))} warning fr.xlf: unit ${title} has the state “transalted”, which is not an XLIFF 1.2 state; not applied. [unknown-target-state]`);
    expect(imported.stderr).toMatch(/hint: Did you mean “translated”\? XLIFF 1\.2's states are written in lower case: new, needs-translation, .*, translated, final, signed-off \(or a tool's own, starting with x-\)\. Correct it, then import the file again\./);
    expect(imported.stderr).toContain(`fr.xlf:${lineColumn(altered, altered.indexOf('"New"') + 1)} warning fr.xlf: unit ${subtitle} has the state “New”, which is not an XLIFF 1.2 state; not applied. [unknown-target-state]`);
    expect(imported.stderr).toContain('hint: Did you mean “new”?');
    expect(imported.stderr).toMatch(/: 0 added, 1 changed, \d+ unchanged, 0 not translated \(left as they were\), 2 refused\.$/m);
    const translation = read(file);
    expect(translation).toContain('text: Atelier (court, révisé)\n');
    expect(translation).not.toContain('titre révisé');
    expect(translation).not.toContain('sous-titre révisé');
  });
});
