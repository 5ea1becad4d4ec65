import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stageProgramme } from '../../src/build/programme-staging.js';
import { MANIFEST, publish } from '../../src/build/publish.js';
import { InterruptedError } from '../../src/errors.js';
import { nodeFs, type FileSystem } from '../../src/load/file-system.js';

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

/** More folders than are committed at once (8), so that some commit only after others did. */
const FOLDERS = 10;
let programmes = 0;

/** A programme's output folders, each holding a previous build of two files. */
async function previousProgramme(): Promise<string[]> {
  const root = path.join(work, `programme-${++programmes}`);
  const dirs = Array.from({ length: FOLDERS }, (_, index) => path.join(root, `w${index}`));
  await Promise.all(dirs.map((dir) => publish(dir, [{ path: 'report.md', content: 'old' }, { path: 'countries/NER.md', content: 'old' }])));
  return dirs;
}

/** What a folder holds: its files and each one's text. */
const contents = (dir: string) => Object.fromEntries(list(dir).filter((file) => !file.endsWith('countries')).map((file) => [file, readFileSync(path.join(dir, file), 'utf8')]));

/**
 * The real disk, with `controller` aborted once the `at`th call that changes it has finished; says how
 * many commit records had been written then, and how many had begun.
 */
function interruptingFs(controller: AbortController, at: number): FileSystem & { calls: () => number; records: { begun: number; written: number; atAbort?: { begun: number; written: number } } } {
  let calls = 0;
  const records: { begun: number; written: number; atAbort?: { begun: number; written: number } } = { begun: 0, written: 0 };
  const fs: FileSystem = { ...nodeFs };
  for (const method of ['writeFile', 'appendFile', 'rename', 'rm', 'rmdir', 'mkdir'] as const) {
    const real = nodeFs[method] as (file: string, ...rest: unknown[]) => Promise<unknown>;
    (fs as unknown as Record<string, unknown>)[method] = async (file: string, ...rest: unknown[]) => {
      const step = ++calls;
      const record = method === 'writeFile' && file.endsWith(`${MANIFEST}.wr-tmp`);
      if (record) records.begun++;
      try {
        return await real(file, ...rest);
      } finally {
        if (record) records.written++;
        if (step === at) {
          records.atAbort = { begun: records.begun, written: records.written };
          controller.abort();
        }
      }
    };
  }
  return Object.assign(fs, { calls: () => calls, records });
}

async function publishProgramme(dirs: readonly string[], signal?: AbortSignal, fs?: FileSystem): Promise<unknown> {
  const staging = stageProgramme(signal, fs);
  for (const dir of dirs) staging.stage(dir, [{ path: 'report.md', content: 'new' }, { path: 'countries/NER.md', content: 'new' }]);
  return staging.commit().then(() => 'published', (error: unknown) => error);
}

describe('a programme interrupted (Ctrl-C) at each step of its publish', () => {
  it('publishes every folder or none, leaves no temporary file, and says which: InterruptedError only when none was', async () => {
    const probe = interruptingFs(new AbortController(), 0);
    expect(await publishProgramme(await previousProgramme(), undefined, probe)).toBe('published');
    const steps = probe.calls();
    const seen = { interrupted: 0, published: 0, interruptedWithRecords: 0 };
    for (let step = 1; step <= steps; step++) {
      const dirs = await previousProgramme();
      const controller = new AbortController();
      const fs = interruptingFs(controller, step);
      const outcome = await publishProgramme(dirs, controller.signal, fs);
      const where = `interrupted after step ${step} of ${steps}, ${JSON.stringify(fs.records.atAbort)} commit records written`;
      const texts = new Set(dirs.flatMap((dir) => Object.values(contents(dir)).filter((text) => text === 'old' || text === 'new')));
      for (const dir of dirs) expect(list(dir).filter((file) => file.endsWith('.wr-tmp') || file === '.workshop-report.journal'), where).toEqual([]);
      if (outcome === 'published') {
        expect([...texts], where).toEqual(['new']);
        seen.published++;
      } else {
        expect(outcome, where).toBeInstanceOf(InterruptedError);
        expect([...texts], where).toEqual(['old']);
        seen.interrupted++;
        if ((fs.records.atAbort?.written ?? 0) > 0) seen.interruptedWithRecords++;
      }
      // Before any commit record: nothing; once all are written: everything.
      if (fs.records.atAbort?.begun === 0) expect(outcome, where).toBeInstanceOf(InterruptedError);
      if (fs.records.atAbort?.written === FOLDERS) expect(outcome, where).toBe('published');
    }
    // Some folders had their commit record, and were rolled back with the others.
    expect(seen.interruptedWithRecords).toBeGreaterThan(0);
    expect(seen.published).toBeGreaterThan(0);
    expect(seen.interrupted).toBeGreaterThan(seen.published);
  });
});
