import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST, publish } from '../../src/cli/publish.js';
import { SetupError } from '../../src/errors.js';
import { listFiles, read, remove, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-publish-');
afterAll(() => remove(work));

describe('publish', () => {
  it('writes every file and a manifest, then removes what the previous build wrote and this one did not', async () => {
    const out = path.join(work, 'stale');
    await publish(out, [{ path: 'report.md', content: 'one' }, { path: 'countries/GHA.md', content: 'gha' }, { path: 'countries/MLI.md', content: 'mli' }]);
    writeFileSync(path.join(out, 'notes-by-hand.txt'), 'mine');
    const second = await publish(out, [{ path: 'report.md', content: 'two' }, { path: 'countries/MLI.md', content: 'mli' }]);
    expect(second.removed).toEqual(['countries/GHA.md']);
    expect(listFiles(out)).toEqual([MANIFEST, 'countries/MLI.md', 'notes-by-hand.txt', 'report.md']);
    expect(read(path.join(out, 'report.md'))).toBe('two');
  });

  it('removes a folder it emptied, never one holding files it did not write', async () => {
    const out = path.join(work, 'folders');
    await publish(out, [{ path: 'a/x.md', content: 'x' }, { path: 'b/y.md', content: 'y' }]);
    writeFileSync(path.join(out, 'b/keep.txt'), 'keep');
    await publish(out, [{ path: 'report.md', content: 'r' }]);
    expect(existsSync(path.join(out, 'a'))).toBe(false);
    expect(listFiles(out)).toEqual([MANIFEST, 'b/keep.txt', 'report.md']);
  });

  it('changes nothing when a write fails, and leaves no temporary file', async () => {
    const out = path.join(work, 'failing');
    await publish(out, [{ path: 'report.md', content: 'good' }, { path: 'recommendations.md', content: 'good' }]);
    const before = listFiles(out);
    // A folder where a temporary file must go makes that write fail, as a full disk would.
    mkdirSync(path.join(out, 'recommendations.md.wr-tmp'));
    await expect(publish(out, [{ path: 'report.md', content: 'new' }, { path: 'recommendations.md', content: 'new' }])).rejects.toBeInstanceOf(SetupError);
    remove(path.join(out, 'recommendations.md.wr-tmp'));
    expect(listFiles(out)).toEqual(before);
    expect(read(path.join(out, 'report.md'))).toBe('good');
  });

  it('stops before publishing when interrupted', async () => {
    const out = path.join(work, 'interrupted');
    await publish(out, [{ path: 'report.md', content: 'good' }]);
    const controller = new AbortController();
    controller.abort();
    await expect(publish(out, [{ path: 'report.md', content: 'new' }], controller.signal)).rejects.toThrow('interrupted');
    expect(read(path.join(out, 'report.md'))).toBe('good');
    expect(listFiles(out)).toEqual([MANIFEST, 'report.md']);
  });
});
