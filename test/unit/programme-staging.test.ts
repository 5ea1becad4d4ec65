import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stageProgramme } from '../../src/build/programme-staging.js';

const work = mkdtempSync(path.join(tmpdir(), 'wr-staging-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const list = (dir: string) => readdirSync(dir, { recursive: true }).map(String).sort();

describe('a programme staged folder by folder', () => {
  it('publishes every folder on commit', async () => {
    const [a, b] = [path.join(work, 'ok-a'), path.join(work, 'ok-b')];
    const staging = stageProgramme();
    staging.stage(a, [{ path: 'report.md', content: '# A\n' }]);
    staging.stage(b, [{ path: 'countries/NER.md', content: '# B\n' }]);
    const published = await staging.commit();
    expect([...published.keys()]).toEqual([a, b]);
    expect(published.get(b)?.written).toEqual(['countries/NER.md']);
    expect(list(a)).toEqual(['.workshop-report.json', 'report.md']);
  });

  it('leaves every folder as it was when one folder\'s file cannot be written', async () => {
    const [a, b] = [path.join(work, 'bad-a'), path.join(work, 'bad-b')];
    mkdirSync(path.join(b, 'report.md'), { recursive: true });
    writeFileSync(path.join(b, 'kept.txt'), 'the user\'s');
    const staging = stageProgramme();
    staging.stage(a, [{ path: 'report.md', content: '# A\n' }]);
    // A folder stands where the document would go.
    staging.stage(b, [{ path: 'report.md', content: '# B\n' }]);
    await expect(staging.commit()).rejects.toThrow(/a folder is in the way/);
    expect(() => readdirSync(a)).toThrow();
    expect(list(b)).toEqual(['kept.txt', 'report.md']);
  });
});
