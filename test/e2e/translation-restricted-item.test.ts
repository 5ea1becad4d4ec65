import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, copyTree, remove, runBin, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-restricted-item-');
afterAll(() => remove(work));

const edit = (file: string, from: string, to: string) => {
  const text = readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${from} not in ${file}`);
  writeFileSync(file, text.replace(from, to));
};

describe('a translated item rewritten with text: to mark it restricted', () => {
  it('is told to rename its translation KEY → KEY.text, where the hint was “Did you mean good_practices.0? … delete this entry”', () => {
    const dir = path.join(work, 'rabat');
    copyTree(EXAMPLE, dir);
    edit(path.join(dir, 'countries/GHA.yaml'), '  - A mandatory human rights and gender module in the basic training of immigration officers.\n', '  - text: A mandatory human rights and gender module in the basic training of immigration officers.\n    restricted: true\n');
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[moved-translation]']);
    expect(result.stderr).toMatch(/translations\/fr\/countries\/GHA\.yaml:\d+:1 warning A translation is under its text's old key: the texts of countries\/GHA\.yaml moved \(an item was rewritten with or without `text:`, to mark it restricted or no longer\)/);
    expect(result.stderr).toContain('rename the entry: good_practices.1 → good_practices.1.text.');
    // Done as told: nothing left to say.
    edit(path.join(dir, 'translations/fr/countries/GHA.yaml'), '\ngood_practices.1:', '\ngood_practices.1.text:');
    const after = runBin(['validate', dir]);
    expect(after.code).toBe(0);
    expect(after.stderr).toMatch(/^No problems found/m);
  });
});
