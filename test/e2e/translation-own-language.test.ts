import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, copyTree, remove, runBin, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-own-language-');
afterAll(() => remove(work));

describe('a translations folder for the language of the notes', () => {
  it('is one error saying it translates nothing, where it was told to move its files into the folder they were in', () => {
    const dir = path.join(work, 'rabat');
    copyTree(EXAMPLE, dir);
    mkdirSync(path.join(dir, 'translations/en/sessions'), { recursive: true });
    for (const file of ['workshop.yaml', 'sessions/01-opening.yaml']) writeFileSync(path.join(dir, 'translations/en', file), readFileSync(path.join(dir, 'translations/fr', file)));
    const result = runBin(['validate', dir]);
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr.match(/\[[a-z-]+\]$/gm)).toEqual(['[orphan-translation]']);
    expect(result.stderr).toMatch(/translations\/en\/\S+\.yaml:\d+:1 error translations\/en\/ is not read: English is the language of the notes, so a translation into it translates nothing\. \[orphan-translation\]/);
    expect(result.stderr).toContain('hint: Delete the folder; if it holds a translation into another language, name the folder for that language (translations/fr/) and add it to `languages:` in workshop.yaml.');
  });
});
