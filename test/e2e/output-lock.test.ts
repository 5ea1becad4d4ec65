import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCK, lockOutput } from '../../src/build/output-lock.js';
import { MANIFEST, openStaging } from '../../src/build/publish.js';
import { SetupError } from '../../src/errors.js';
import { nodeFs } from '../../src/load/file-system.js';
import { EXAMPLE, copyTree, listFiles, read, remove, runBin, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-lock-');
afterAll(() => remove(work));

/** The pid of a process that has ended (a lock its build left when killed). */
function endedPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

const holder = (pid: number, host = hostname()) => `${JSON.stringify({ pid, host, started: '2026-12-06T23:41:05.123Z' })}\n`;

describe('one build at a time in an output folder', () => {
  it('a second staging of a folder is refused while the first is open, and allowed once it commits or aborts', async () => {
    const out = path.join(work, 'two');
    const first = await openStaging(out);
    await first.add({ path: 'report.md', content: 'first' });
    expect(existsSync(path.join(out, LOCK))).toBe(true);
    const refused = await openStaging(out).then(() => undefined, (error: unknown) => error);
    expect(refused).toBeInstanceOf(SetupError);
    expect((refused as SetupError).message).toMatch(new RegExp(`^Another build is writing to .*two \\(process ${process.pid} on .*\\)\\. The previous reports are unchanged\\.$`));
    expect((refused as SetupError).hint).toContain(`delete ${path.join(out, LOCK)}`);
    await first.commit();
    expect(listFiles(out)).toEqual([MANIFEST, 'report.md']);
    const second = await openStaging(out);
    await second.add({ path: 'report.md', content: 'second' });
    await second.abort();
    // An abort lets go of the folder too, and leaves the first build's report.
    expect(listFiles(out)).toEqual([MANIFEST, 'report.md']);
    expect(read(path.join(out, 'report.md'))).toBe('first');
    await (await openStaging(out)).commit();
  });

  it('a failed first build into a new folder leaves neither the folder nor its lock', async () => {
    const out = path.join(work, 'new');
    const staging = await openStaging(out);
    await staging.add({ path: 'report.md', content: 'x' });
    await staging.abort();
    expect(existsSync(out)).toBe(false);
  });

  it('takes over a lock left by a killed build of this machine, and refuses one of another machine or a running process', async () => {
    const out = path.join(work, 'left');
    mkdirSync(out, { recursive: true });
    writeFileSync(path.join(out, LOCK), holder(endedPid()));
    const lock = await lockOutput(nodeFs, out);
    expect(JSON.parse(read(path.join(out, LOCK))).pid).toBe(process.pid);
    await lock.release();
    await lock.release();
    expect(existsSync(path.join(out, LOCK))).toBe(false);

    writeFileSync(path.join(out, LOCK), holder(endedPid(), 'laptop-of-the-rapporteur'));
    await expect(lockOutput(nodeFs, out)).rejects.toThrow('(process ');
    await expect(lockOutput(nodeFs, out)).rejects.toThrow('on laptop-of-the-rapporteur, since 2026-12-06 23:41:05 UTC');
    writeFileSync(path.join(out, LOCK), holder(4242));
    await expect(lockOutput(nodeFs, out, () => true)).rejects.toThrow('(process 4242 on ');
    writeFileSync(path.join(out, LOCK), 'not json');
    await expect(lockOutput(nodeFs, out)).rejects.toThrow('(a process that left no name)');
  });

  it('the CLI: a build into a folder another running build holds exits 2 and changes nothing; a killed build’s lock is taken over', () => {
    const project = path.join(work, 'rabat');
    copyTree(EXAMPLE, project);
    const out = path.join(work, 'rabat-out');
    expect(runBin(['build', project, '--out', out, '--format', 'md', '-q']).code).toBe(0);
    const before = snapshot(out);
    // This test's own process is running: its lock stands for a build in progress.
    writeFileSync(path.join(out, LOCK), holder(process.pid));
    const busy = runBin(['build', project, '--out', out, '--format', 'md', '--as-of', '2022-12-01']);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`Another build is writing to ${out} (process ${process.pid} on ${hostname()}, since 2026-12-06 23:41:05 UTC). The previous reports are unchanged.`);
    expect(busy.stderr).toContain('Wait for it to finish, then build again');
    expect(snapshot(out)).toEqual({ ...before, [LOCK]: Buffer.from(holder(process.pid)).toString('base64') });

    writeFileSync(path.join(out, LOCK), holder(endedPid()));
    expect(runBin(['build', project, '--out', out, '--format', 'md', '--as-of', '2022-12-01', '-q']).code).toBe(0);
    expect(existsSync(path.join(out, LOCK))).toBe(false);
    expect(read(path.join(out, 'en/public/report.md'))).toContain('1 December 2022');
  });
});
