/**
 * Disk failures, simulated through an injected file system: the tests run as root on CI machines,
 * where real permission checks always pass and a full disk cannot be arranged.
 */
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL, MANIFEST, openStaging, publish, type OutputFile } from '../../src/build/publish.js';
import { InterruptedError, SetupError } from '../../src/errors.js';
import { makeFolders, nodeFs, type FileSystem } from '../../src/load/file-system.js';
import { readProject } from '../../src/load/read-project.js';
import { ejectTemplates } from '../../src/build/templates.js';
import { scaffoldProject } from '../../src/build/scaffold.js';
import { LIMITS } from '../../src/limits.js';
import { EXAMPLE, listFiles, read, remove, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-io-failures-');
afterAll(() => remove(work));

/** The real disk, except that the `nth` call of `method` on a path `match` accepts fails with errno `code`. */
function faultyFs(method: keyof FileSystem, code: string, match: (file: string) => boolean = () => true, nth = 1): FileSystem & { failed: () => boolean } {
  let seen = 0;
  const real = nodeFs[method] as (file: string, ...rest: unknown[]) => Promise<unknown>;
  const faulty = (file: string, ...rest: unknown[]) => {
    if (match(file) && ++seen === nth) return Promise.reject(Object.assign(new Error(`${code}: simulated failure, ${method} '${file}'`), { code }));
    return real(file, ...rest);
  };
  return { ...nodeFs, [method]: faulty, failed: () => seen >= nth };
}

const endsWith = (suffix: string) => (file: string) => file.split(path.sep).join('/').endsWith(suffix);

const PREVIOUS: OutputFile[] = [
  { path: 'report.md', content: 'previous report' },
  { path: 'recommendations.md', content: 'previous recommendations' },
  { path: 'countries/GHA.md', content: 'previous GHA' },
];
const NEXT: OutputFile[] = [
  { path: 'report.md', content: 'next report' },
  { path: 'recommendations.md', content: 'next recommendations' },
  { path: 'countries/MLI.md', content: 'next MLI' },
  { path: 'annex/programme.pdf', content: new Uint8Array([0x25, 0x50, 0x44, 0x46]) },
];

let folders = 0;
/** An output folder holding a previous build and a file of the user's. */
async function previousBuild(): Promise<string> {
  const out = path.join(work, `out-${++folders}`);
  await publish(out, PREVIOUS);
  writeFileSync(path.join(out, 'notes.txt'), 'the user’s own file');
  return out;
}

/** No temporary file, commit record or journal. */
function expectNoBookkeeping(out: string): void {
  expect(listFiles(out).filter((file) => file.endsWith('.wr-tmp') || file === JOURNAL)).toEqual([]);
}

function expectNoTemporaryFiles(out: string): void {
  expectNoBookkeeping(out);
  expect(existsSync(path.join(out, 'annex')), 'a folder made for the failed build').toBe(false);
}

describe('reading a project', () => {
  const session = readdirSync(path.join(EXAMPLE, 'sessions')).sort()[1]!;

  it('names a session file it may not read (EACCES), with what to do', async () => {
    const error = await readProject(EXAMPLE, faultyFs('readFile', 'EACCES', endsWith(`sessions/${session}`))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(`Cannot read ${path.join(EXAMPLE, 'sessions', session)}: permission denied (EACCES).`);
    expect((error as SetupError).hint).toMatch(/permissions/);
  });

  it('says when there are too many open files (EMFILE)', async () => {
    const error = await readProject(EXAMPLE, faultyFs('readFile', 'EMFILE', () => true, 3)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toMatch(/^Cannot read .+\.yaml: too many open files \(EMFILE\)\.$/);
    expect((error as SetupError).hint).toMatch(/ulimit -n/);
  });

  it('names a folder it may not list', async () => {
    const error = await readProject(EXAMPLE, faultyFs('readdir', 'EACCES', endsWith('/countries'))).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(`Cannot read the folder ${path.join(EXAMPLE, 'countries')}: permission denied (EACCES).`);
  });

  it('says the project folder is missing, and what it should hold', async () => {
    const error = await readProject(path.join(work, 'no-such-project')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toMatch(/no such file or folder \(ENOENT\)\.$/);
    expect((error as SetupError).hint).toMatch(/workshop\.yaml/);
  });

  it('keeps an unknown errno readable', async () => {
    const error = await readProject(EXAMPLE, faultyFs('stat', 'EWEIRD', endsWith('workshop.yaml'))).catch((e: unknown) => e);
    expect((error as SetupError).message).toBe(`Cannot read ${path.join(EXAMPLE, 'workshop.yaml')}: error EWEIRD.`);
  });
});

describe('publishing on a failing disk leaves the previous reports and no temporary file', () => {
  it('when the disk fills up writing the second document (ENOSPC)', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const fs = faultyFs('writeFile', 'ENOSPC', (file) => file.endsWith('.wr-tmp'), 2);
    const error = await publish(out, NEXT, undefined, fs).catch((e: unknown) => e);
    expect(fs.failed()).toBe(true);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toBe(`Cannot write ${path.join(out, 'recommendations.md.wr-tmp')}: no space left on the disk (disk full) (ENOSPC).`);
    expect((error as SetupError).hint).toBe('Free some disk space, then run the command again. The previous reports are unchanged.');
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });

  it('when the disk fills up writing the manifest (ENOSPC)', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const fs = faultyFs('writeFile', 'ENOSPC', endsWith(`${MANIFEST}.wr-tmp`));
    await expect(publish(out, NEXT, undefined, fs)).rejects.toThrow(/no space left/);
    expect(fs.failed()).toBe(true);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });

  it('when the journal cannot be written (EDQUOT)', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const fs = faultyFs('appendFile', 'EDQUOT', () => true, 3);
    await expect(publish(out, NEXT, undefined, fs)).rejects.toThrow(/quota/);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });

  it('when a new folder may not be created (EACCES): the folder it goes in is not writable', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const fs = faultyFs('mkdir', 'EACCES', endsWith('/annex'));
    const error = await publish(out, NEXT, undefined, fs).catch((e: unknown) => e);
    expect((error as SetupError).message).toBe(`The output folder ${out} is not writable: permission denied (EACCES).`);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });

  it('a read-only output folder is said of the folder, with what to do, not of the journal it refused (EACCES, EPERM)', async () => {
    for (const code of ['EACCES', 'EPERM']) {
      const out = await previousBuild();
      const before = snapshot(out);
      const error = await publish(out, NEXT, undefined, faultyFs('appendFile', code, endsWith(JOURNAL))).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SetupError);
      expect((error as SetupError).message).toBe(`The output folder ${out} is not writable: ${code === 'EACCES' ? 'permission denied' : 'operation not permitted'} (${code}).`);
      expect((error as SetupError).hint).toBe(`Change the permissions of ${out} (\`chmod u+w ${out}\`, or ask its owner), or give --out a folder you may write to. The previous reports are unchanged.`);
      expect(snapshot(out)).toEqual(before);
      expectNoTemporaryFiles(out);
    }
  });

  it('a folder inside the output folder that is read-only, or an output folder that cannot be made, is named', async () => {
    const out = await previousBuild();
    const inside = await publish(out, NEXT, undefined, faultyFs('writeFile', 'EACCES', endsWith('countries/MLI.md.wr-tmp'))).catch((e: unknown) => e);
    expect((inside as SetupError).message).toBe(`The folder ${path.join(out, 'countries')} in the output folder is not writable: permission denied (EACCES).`);
    const missing = path.join(work, `new-${++folders}`, 'out');
    const made = await publish(missing, NEXT, undefined, faultyFs('mkdir', 'EACCES', endsWith(`new-${folders}/out`))).catch((e: unknown) => e);
    expect((made as SetupError).message).toBe(`The output folder ${missing} cannot be made: ${work} is not writable (permission denied, EACCES).`);
    // Another error, or a file that was there already and refused its own content, is said as before.
    const full = await publish(out, NEXT, undefined, faultyFs('appendFile', 'ENOSPC', endsWith(JOURNAL))).catch((e: unknown) => e);
    expect((full as SetupError).message).toBe(`Cannot write ${path.join(out, JOURNAL)}: no space left on the disk (disk full) (ENOSPC).`);
  });

  it('a report that refuses its own replacement (EPERM: an immutable file; on Windows, one open in Word) is named, not its folder', async () => {
    const out = await previousBuild();
    const error = await publish(out, NEXT, undefined, faultyFs('rename', 'EPERM', (file) => file.endsWith('report.md.wr-tmp'))).catch((e: unknown) => e);
    expect((error as SetupError).message).toBe(`Cannot publish ${path.join(out, 'report.md')}: operation not permitted (EPERM).`);
    // A new name the folder refuses is still the folder's.
    const fresh = path.join(work, `fresh-${++folders}`);
    const made = await publish(fresh, NEXT, undefined, faultyFs('rename', 'EPERM', (file) => file.endsWith('report.md.wr-tmp'))).catch((e: unknown) => e);
    expect((made as SetupError).message).toBe(`The output folder ${fresh} is not writable: operation not permitted (EPERM).`);
  });

  it('a report open in another program (EBUSY) or immutable (EPERM) is found before anything is renamed: the folder is left as it was', async () => {
    for (const [code, said] of [['EBUSY', 'the file is in use (EBUSY)'], ['EPERM', 'operation not permitted (EPERM)']] as const) {
      const out = await previousBuild();
      const before = snapshot(out);
      // recommendations.md is replaced, countries/GHA.md removed (the next build has no such file): each is tried.
      for (const locked of ['recommendations.md', 'countries/GHA.md']) {
        const fs = faultyFs('openToWrite', code, endsWith(locked));
        const error = await publish(out, NEXT, undefined, fs).catch((e: unknown) => e);
        expect(fs.failed()).toBe(true);
        expect((error as SetupError).message).toBe(`Cannot replace ${path.join(out, locked)}: ${said}.`);
        expect((error as SetupError).hint).toMatch(/^Close it in the program that has it open .*The previous reports are unchanged\.$/);
        expect(snapshot(out)).toEqual(before);
        expectNoBookkeeping(out);
      }
      // The lock was released: the next build publishes.
      await publish(out, NEXT);
      expect(read(path.join(out, 'recommendations.md'))).toBe('next recommendations');
    }
    // A read-only report (EACCES) is no obstacle: its folder's rights let a build replace it.
    const out = await previousBuild();
    await publish(out, NEXT, undefined, faultyFs('openToWrite', 'EACCES', endsWith('report.md')));
    expect(read(path.join(out, 'report.md'))).toBe('next report');
  });

  it('except a failure half-way through the renames, which the next publish completes', async () => {
    const out = await previousBuild();
    const fs = faultyFs('rename', 'EBUSY', (file) => file.endsWith('.wr-tmp'), 2);
    const error = await publish(out, NEXT, undefined, fs).catch((e: unknown) => e);
    expect((error as SetupError).message).toBe(`Cannot publish ${path.join(out, 'recommendations.md')}: the file is in use (EBUSY).`);
    expect((error as SetupError).hint).toMatch(/Publishing stopped half-way; the next build completes it\.$/);
    expect(read(path.join(out, 'report.md'))).toBe('next report');
    expect(read(path.join(out, 'recommendations.md'))).toBe('previous recommendations');

    const next = await publish(out, NEXT);
    expect(next.recovered).toBe('completed');
    expect(listFiles(out)).toEqual([MANIFEST, 'annex/programme.pdf', 'countries/MLI.md', 'notes.txt', 'recommendations.md', 'report.md']);
    expect(read(path.join(out, 'recommendations.md'))).toBe('next recommendations');
  });

  it('when the manifest may not be read (EACCES): stops rather than lose track of what it wrote', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    await expect(publish(out, NEXT, undefined, faultyFs('readFile', 'EACCES', endsWith(MANIFEST)))).rejects.toThrow(`Cannot read ${path.join(out, MANIFEST)}: permission denied`);
    expect(snapshot(out)).toEqual(before);
  });

  it('when a folder stands where a document goes', async () => {
    const out = await previousBuild();
    writeFileSync(path.join(out, 'keep.txt'), 'x');
    const before = snapshot(out);
    await expect(publish(out, [...NEXT, { path: 'countries', content: 'a file over a folder' }])).rejects.toThrow(`Cannot publish ${path.join(out, 'countries')}: a folder is in the way.`);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });

  it('refuses a document name outside the output folder', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    for (const name of ['../escape.md', '/etc/passwd', MANIFEST, 'report.md.wr-tmp']) {
      await expect(publish(out, [...NEXT, { path: name, content: 'x' }])).rejects.toBeInstanceOf(SetupError);
    }
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });
});

describe('interrupting a publish (Ctrl-C)', () => {
  it('before the renames: InterruptedError, and nothing changed', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const controller = new AbortController();
    const staging = await openStaging(out, controller.signal);
    for (const file of NEXT) await staging.add(file);
    controller.abort();
    await expect(staging.commit()).rejects.toBeInstanceOf(InterruptedError);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });

  it('while documents are being written: the next add stops, and nothing changed', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const controller = new AbortController();
    const fs: FileSystem = { ...nodeFs, writeFile: async (file, data) => { await nodeFs.writeFile(file, data); if (file.endsWith('recommendations.md.wr-tmp')) controller.abort(); } };
    await expect(publish(out, NEXT, controller.signal, fs)).rejects.toBeInstanceOf(InterruptedError);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });
});

/** The file-system calls that change the disk, counted in the order they start. */
const CHANGES = ['writeFile', 'appendFile', 'rename', 'rm', 'rmdir', 'mkdir'] as const;

/**
 * The real disk, with `controller` aborted (Ctrl-C) as soon as the `at`th call that changes the disk
 * has finished: an interruption at a chosen step, without any timing. `log` lists every such call.
 */
function interruptingFs(controller: AbortController, at: number): FileSystem & { log: Array<{ method: string; file: string }> } {
  const log: Array<{ method: string; file: string }> = [];
  const fs: FileSystem = { ...nodeFs };
  for (const method of CHANGES) {
    const real = nodeFs[method] as (file: string, ...rest: unknown[]) => Promise<unknown>;
    (fs as unknown as Record<string, unknown>)[method] = async (file: string, ...rest: unknown[]) => {
      log.push({ method, file });
      const step = log.length;
      try {
        return await real(file, ...rest);
      } finally {
        if (step === at) controller.abort();
      }
    };
  }
  return Object.assign(fs, { log });
}

const isRecord = (call: { method: string; file: string }) => call.method === 'writeFile' && call.file.endsWith(`${MANIFEST}.wr-tmp`);

describe('interrupting a publish at each of its steps', () => {
  it('before the commit record is written: InterruptedError, the folder as it was, no temporary file; from it on: published, no error', async () => {
    // The steps of a publish not interrupted, to interrupt after each in turn.
    const probe = interruptingFs(new AbortController(), 0);
    await publish(await previousBuild(), NEXT, undefined, probe);
    const record = probe.log.findIndex(isRecord) + 1;
    expect(record).toBeGreaterThan(NEXT.length * 2);
    const outcomes: string[] = [];
    for (let step = 1; step <= probe.log.length; step++) {
      const out = await previousBuild();
      const before = snapshot(out);
      const controller = new AbortController();
      const fs = interruptingFs(controller, step);
      const outcome = await publish(out, NEXT, controller.signal, fs).then(() => 'published', (error: unknown) => error);
      expect(controller.signal.aborted).toBe(true);
      if (step < record) {
        expect(outcome, `interrupted after step ${step}, ${fs.log[step - 1]?.method} ${fs.log[step - 1]?.file}`).toBeInstanceOf(InterruptedError);
        expect(snapshot(out)).toEqual(before);
      } else {
        expect(outcome, `interrupted after step ${step}, ${fs.log[step - 1]?.method} ${fs.log[step - 1]?.file}`).toBe('published');
        expect(listFiles(out)).toEqual([MANIFEST, 'annex/programme.pdf', 'countries/MLI.md', 'notes.txt', 'recommendations.md', 'report.md']);
        expect(read(path.join(out, 'report.md'))).toBe('next report');
      }
      expectNoBookkeeping(out);
      outcomes.push(outcome === 'published' ? 'published' : 'interrupted');
    }
    expect(outcomes).toEqual([...Array<string>(record - 1).fill('interrupted'), ...Array<string>(probe.log.length - record + 1).fill('published')]);
  });

  it('after prepare (the commit record written, nothing renamed), abort still leaves the folder as it was', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const staging = await openStaging(out);
    for (const file of NEXT) await staging.add(file);
    await staging.prepare();
    expect(existsSync(path.join(out, `${MANIFEST}.wr-tmp`))).toBe(true);
    await staging.abort();
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
    expect(existsSync(path.join(out, `${MANIFEST}.wr-tmp`))).toBe(false);
    await expect(staging.commit()).rejects.toThrow(/aborted/);
  });

  it('once committing, abort does nothing and the interruption is not heard', async () => {
    const out = await previousBuild();
    const controller = new AbortController();
    const staging = await openStaging(out, controller.signal);
    for (const file of NEXT) await staging.add(file);
    await staging.prepare();
    controller.abort();
    const committed = staging.commit();
    await staging.abort();
    await expect(committed).resolves.toMatchObject({ written: NEXT.map((file) => file.path) });
    expect(read(path.join(out, 'report.md'))).toBe('next report');
    expectNoBookkeeping(out);
  });

  it('a second abort resolves only once the removal the first started has finished', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    let reached!: () => void;
    const removing = new Promise<void>((resolve) => { reached = resolve; });
    let armed = false;
    // The first temporary file removed by the abort waits for the gate.
    const fs: FileSystem = {
      ...nodeFs,
      rm: async (file, options) => {
        if (armed && file.endsWith('.wr-tmp')) {
          armed = false;
          reached();
          await gate;
        }
        return nodeFs.rm(file, options);
      },
    };
    const controller = new AbortController();
    const staging = await openStaging(out, controller.signal, fs);
    await staging.add(NEXT[0]!);
    await staging.add(NEXT[1]!);
    armed = true;
    controller.abort();
    // The interrupted add starts the removal, and waits in it.
    const failed = staging.add(NEXT[2]!).catch((error: unknown) => error);
    await removing;
    let finished = false;
    const second = staging.abort().then(() => { finished = true; });
    for (let turn = 0; turn < 20; turn++) await new Promise((resolve) => setImmediate(resolve));
    expect(finished).toBe(false);
    release();
    await second;
    expect(await failed).toBeInstanceOf(InterruptedError);
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
  });
});

describe('staging', () => {
  it('writes each document as soon as it is added, and publishes them together on commit', async () => {
    const out = await previousBuild();
    const staging = await openStaging(out);
    await staging.add(NEXT[0]!);
    expect(read(path.join(out, 'report.md.wr-tmp'))).toBe('next report');
    expect(read(path.join(out, 'report.md'))).toBe('previous report');
    for (const file of NEXT.slice(1)) await staging.add(file);
    const result = await staging.commit();
    expect(result).toEqual({ written: NEXT.map((file) => file.path), kept: [], removed: ['countries/GHA.md'] });
    expect(listFiles(out)).toEqual([MANIFEST, 'annex/programme.pdf', 'countries/MLI.md', 'notes.txt', 'recommendations.md', 'report.md']);
    expect(JSON.parse(read(path.join(out, MANIFEST)))).toEqual({ generator: 'workshop-report', files: ['annex/programme.pdf', 'countries/MLI.md', 'recommendations.md', 'report.md'] });
  });

  it('abort removes what it staged, even while an add is in flight', async () => {
    const out = await previousBuild();
    const before = snapshot(out);
    const staging = await openStaging(out);
    void staging.add(NEXT[0]!);
    const last = staging.add(NEXT[3]!);
    await staging.abort();
    await expect(last).resolves.toBeUndefined();
    expect(snapshot(out)).toEqual(before);
    expectNoTemporaryFiles(out);
    await expect(staging.commit()).rejects.toThrow(/aborted/);
  });

  it('a failed add makes the later ones and commit fail with the same error', async () => {
    const out = await previousBuild();
    const staging = await openStaging(out, undefined, faultyFs('writeFile', 'ENOSPC', (file) => file.endsWith('.wr-tmp'), 1));
    const first = staging.add(NEXT[0]!).catch((e: unknown) => e);
    const second = staging.add(NEXT[1]!).catch((e: unknown) => e);
    expect(await first).toBeInstanceOf(SetupError);
    expect(await second).toBe(await first);
    await expect(staging.commit()).rejects.toBe(await first);
  });
});

describe('reading thousands of files', () => {
  it('never has more than LIMITS.readConcurrency files open at once, and keeps the order', async () => {
    const dir = path.join(work, 'many');
    mkdirSync(path.join(dir, 'sessions'), { recursive: true });
    writeFileSync(path.join(dir, 'workshop.yaml'), 'title: x\n');
    const names = Array.from({ length: 1500 }, (_, i) => `sessions/s${String(i).padStart(4, '0')}.yaml`);
    for (const name of names) writeFileSync(path.join(dir, name), `title: ${name}\n`);
    let open = 0;
    let most = 0;
    const counting: FileSystem = {
      ...nodeFs,
      async readFile(file) {
        most = Math.max(most, ++open);
        try {
          // Let every other read start before this one ends, as a slow disk would.
          await new Promise((resolve) => setImmediate(resolve));
          return await nodeFs.readFile(file);
        } finally {
          open--;
        }
      },
    };
    const read = await readProject(dir, counting);
    expect(read.sources.sessions.map((s) => s.path)).toEqual(names);
    expect(most).toBe(LIMITS.readConcurrency);
  });
});

describe('keeping unchanged files (watch mode)', () => {
  it('keeps a file the previous build wrote without touching it, lists it in the manifest, and refuses to keep others', async () => {
    const out = await previousBuild();
    const before = statSync(path.join(out, 'recommendations.md')).mtimeMs;
    const staging = await openStaging(out);
    await staging.add({ path: 'report.md', content: 'next report' });
    expect(staging.keep('recommendations.md')).toBe(true);
    expect(staging.keep('countries/NEW.md')).toBe(false);
    const result = await staging.commit();
    expect(result).toEqual({ written: ['report.md'], kept: ['recommendations.md'], removed: ['countries/GHA.md'] });
    expect(read(path.join(out, 'recommendations.md'))).toBe('previous recommendations');
    expect(statSync(path.join(out, 'recommendations.md')).mtimeMs).toBe(before);
    expect(JSON.parse(read(path.join(out, MANIFEST))).files).toEqual(['recommendations.md', 'report.md']);
  });
});

describe('templates eject and init write every file or none', () => {
  it('eject: a templates/ folder it may not write to (EACCES, at the third template) is left as it was', async () => {
    const project = path.join(work, 'eject-eacces');
    mkdirSync(path.join(project, 'templates'), { recursive: true });
    // --force: the edited country-brief.md.hbs, replaced first, is put back.
    writeFileSync(path.join(project, 'templates/country-brief.md.hbs'), 'edited');
    const before = snapshot(project);
    const fs = faultyFs('writeFile', 'EACCES', () => true, 3);
    const error = await ejectTemplates(path.join(project, 'templates'), [], true, { folder: project, name: 'the project folder' }, fs).catch((e: unknown) => e);
    expect(fs.failed()).toBe(true);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as SetupError).message).toMatch(/^Cannot write .+templates\/partials\/actions-table\.md\.hbs: permission denied \(EACCES\)\.$/);
    expect((error as SetupError).hint).toBe('Check the permissions of the file and of the folders above it (`ls -l`). Nothing was written.');
    expect(snapshot(project)).toEqual(before);
    expect(readdirSync(path.join(project, 'templates'))).toEqual(['country-brief.md.hbs']);
  });

  it('init: a disk that fills up at the last file (ENOSPC) leaves no file and no folder', async () => {
    const dir = path.join(work, 'init-enospc');
    const fs = faultyFs('writeFile', 'ENOSPC', endsWith('sessions/02-recommendations.yaml'));
    const error = await scaffoldProject(dir, '0.0.0', fs).catch((e: unknown) => e);
    expect(fs.failed()).toBe(true);
    expect((error as SetupError).message).toBe(`Cannot write ${path.join(dir, 'sessions/02-recommendations.yaml')}: no space left on the disk (disk full) (ENOSPC).`);
    expect((error as SetupError).hint).toBe('Free some disk space, then run the command again. Nothing was written.');
    expect(existsSync(dir)).toBe(false);
  });
});

describe('making folders (mkdir -p)', () => {
  it('makes a folder and the missing ones above it, and accepts one that is there', async () => {
    const folder = path.join(work, 'folders', 'a', 'b', 'c');
    await makeFolders(folder);
    expect(statSync(folder).isDirectory()).toBe(true);
    await expect(makeFolders(folder)).resolves.toBeUndefined();
    await expect(makeFolders(path.join(work, 'folders', 'a'))).resolves.toBeUndefined();
  });

  it('refuses a file in the way (EEXIST, ENOTDIR)', async () => {
    mkdirSync(path.join(work, 'with-file'), { recursive: true });
    writeFileSync(path.join(work, 'with-file', 'out'), 'a file');
    await expect(makeFolders(path.join(work, 'with-file', 'out'))).rejects.toMatchObject({ code: 'EEXIST' });
    await expect(makeFolders(path.join(work, 'with-file', 'out', 'en'))).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  // Node's own `recursive: true` never settles there: procfs answers ENOENT for a folder whose parent exists.
  it.runIf(existsSync('/proc/self'))('fails under /proc instead of trying forever', async () => {
    await expect(makeFolders('/proc/wr-nowhere/out/en')).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
