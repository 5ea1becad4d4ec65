/**
 * A publish killed outright (SIGKILL, power cut of the process) runs no cleanup: these tests stop the
 * file system dead at every call a publish makes and check that the next publish repairs the folder.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL, MANIFEST, openStaging, publish, type OutputFile } from '../../src/build/publish.js';
import { nodeFs, type FileSystem } from '../../src/load/file-system.js';
import { listFiles, remove, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-publish-repair-');
afterAll(() => remove(work));

const A: OutputFile[] = [
  { path: 'report.md', content: 'A report' },
  { path: 'recommendations.md', content: 'A recommendations' },
  { path: 'countries/GHA.md', content: 'A GHA' },
  { path: 'countries/MLI.md', content: 'A MLI' },
];
/** Replaces two files, drops two (one leaving countries/ to the user's file), adds one in a new folder. */
const B: OutputFile[] = [
  { path: 'report.md', content: 'B report' },
  { path: 'countries/MLI.md', content: 'B MLI' },
  { path: 'countries/NER.md', content: 'B NER' },
  { path: 'annex/programme.pdf', content: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0xff]) },
];
/** Brings back a file B dropped, drops B's new folder. */
const C: OutputFile[] = [
  { path: 'report.md', content: 'C report' },
  { path: 'recommendations.md', content: 'C recommendations' },
];
/** Files of the user's in the output folder: never deleted, whatever happens. */
const USER_FILES: Record<string, string> = {
  'notes.txt': 'mine',
  'countries/notes-by-hand.txt': 'mine too',
  'draft.md.wr-tmp': 'a name the tool never wrote, with its suffix',
};

type Snapshot = Record<string, string>;


/** What the folder holds after publishing `files` cleanly: those files, the manifest and the user's files. */
function expected(files: readonly OutputFile[]): Snapshot {
  const manifest = `${JSON.stringify({ generator: 'workshop-report', files: files.map((file) => file.path).sort() }, null, 2)}\n`;
  const entries = [...files.map((file) => [file.path, file.content] as const), ...Object.entries(USER_FILES), [MANIFEST, manifest] as const];
  return Object.fromEntries(entries.map(([name, content]) => [name, Buffer.from(content).toString('base64')]).sort(([a], [b]) => (a! < b! ? -1 : 1)));
}

class Killed extends Error {}
const MUTATING = new Set<keyof FileSystem>(['mkdir', 'writeFile', 'appendFile', 'rename', 'rm', 'rmdir']);

/**
 * The real disk until the `killAt`-th call that changes it: that call has no effect (a write leaves
 * half its data), and every call after it fails, as if the process had died.
 */
function killingFs(killAt: number): FileSystem & { killed: () => boolean; calls: string[] } {
  const calls: string[] = [];
  let dead = false;
  const fs = { killed: () => dead, calls } as FileSystem & { killed: () => boolean; calls: string[] };
  for (const method of Object.keys(nodeFs) as (keyof FileSystem)[]) {
    const real = nodeFs[method] as (...args: unknown[]) => Promise<unknown>;
    Object.assign(fs, {
      [method]: async (...args: unknown[]) => {
        if (dead) throw new Killed();
        if (MUTATING.has(method) && calls.push(`${method} ${path.basename(String(args[0]))}`) === killAt) {
          dead = true;
          if (method === 'writeFile' || method === 'appendFile') {
            const data = args[1] as string | Uint8Array;
            await real(args[0], data.slice(0, Math.floor(data.length / 2)));
          }
          throw new Killed();
        }
        return real(...args);
      },
    });
  }
  return fs;
}

/** The output folder of build A, with the user's files. */
const template = path.join(work, 'template');
mkdirSync(template);
for (const [name, content] of Object.entries(USER_FILES)) {
  mkdirSync(path.dirname(path.join(template, name)), { recursive: true });
  writeFileSync(path.join(template, name), content);
}
await publish(template, A);

let folders = 0;
/** A fresh copy of `template`. */
function folderWithA(): string {
  const out = path.join(work, `out-${++folders}`);
  cpSync(template, out, { recursive: true });
  return out;
}

/** Repairs the folder without publishing anything: what any later publish starts with. */
async function repair(out: string, fs: FileSystem = nodeFs): Promise<void> {
  await (await openStaging(out, undefined, fs)).abort();
}

describe('a publish killed at any point is repaired by the next one', () => {
  it('killed at each call in turn: the folder is repaired to exactly the old build or exactly the new one, and the next publish ends clean', async () => {
    const seen: string[] = [];
    for (let killAt = 1; ; killAt++) {
      const out = folderWithA();
      const fs = killingFs(killAt);
      await publish(out, B, undefined, fs).catch(() => undefined);
      if (!fs.killed()) break;
      for (const [name, content] of Object.entries(USER_FILES)) expect(readFileSync(path.join(out, name), 'utf8'), `killed at call ${killAt}`).toBe(content);

      await repair(out);
      const state = snapshot(out);
      expect([expected(A), expected(B)], `killed at call ${killAt}, repaired`).toContainEqual(state);
      seen.push(JSON.stringify(state) === JSON.stringify(expected(A)) ? 'A' : 'B');

      await publish(out, C);
      expect(snapshot(out), `killed at call ${killAt}, then published C`).toEqual(expected(C));
      remove(out);
    }
    // All-or-nothing: the old build until the commit record is complete, the new one after.
    expect(seen.length).toBeGreaterThan(15);
    expect(seen.join('')).toMatch(/^A+B+$/);
  });

  it('killed again while repairing: the publish after ends clean', async () => {
    const probe = killingFs(Number.MAX_SAFE_INTEGER);
    await publish(folderWithA(), B, undefined, probe);
    // One kill in each phase: staging, commit record, renames, removals, manifest, journal.
    const phases = ['writeFile MLI.md.wr-tmp', `writeFile ${MANIFEST}.wr-tmp`, 'rename MLI.md.wr-tmp', 'rm recommendations.md', `rename ${MANIFEST}.wr-tmp`, `rm ${JOURNAL}`];
    let runs = 0;
    for (const phase of phases) {
      expect(probe.calls).toContain(phase);
      const killedState = folderWithA();
      await publish(killedState, B, undefined, killingFs(probe.calls.indexOf(phase) + 1)).catch(() => undefined);
      for (let second = 1; ; second++) {
        const out = path.join(work, `out-${++folders}`);
        cpSync(killedState, out, { recursive: true });
        const again = killingFs(second);
        await repair(out, again).catch(() => undefined);
        await publish(out, C);
        expect(snapshot(out), `killed at ${phase}, then at call ${second} of the repair, then published C`).toEqual(expected(C));
        remove(out);
        if (!again.killed()) break;
        runs++;
      }
    }
    expect(runs).toBeGreaterThan(30);
  });

  it('says whether it completed or rolled back the killed publish', async () => {
    const probe = killingFs(Number.MAX_SAFE_INTEGER);
    await publish(folderWithA(), B, undefined, probe);
    const callNumber = (call: string) => {
      expect(probe.calls).toContain(call);
      return probe.calls.indexOf(call) + 1;
    };
    const early = folderWithA();
    // Killed while writing the second temporary file.
    await publish(early, B, undefined, killingFs(callNumber('writeFile MLI.md.wr-tmp'))).catch(() => undefined);
    expect((await publish(early, C)).recovered).toBe('rolled back');
    expect((await publish(early, C)).recovered).toBeUndefined();

    const late = folderWithA();
    // Killed while renaming the last document into place.
    await publish(late, B, undefined, killingFs(callNumber('rename programme.pdf.wr-tmp'))).catch(() => undefined);
    expect((await publish(late, C)).recovered).toBe('completed');
  });
});

describe('states a killed publish leaves, made by hand', () => {
  it('stale temporary files (written before any journal): removed when their name is the tool’s, kept otherwise', async () => {
    const out = folderWithA();
    writeFileSync(path.join(out, 'report.md.wr-tmp'), 'half a report'); // in the manifest
    writeFileSync(path.join(out, 'countries/NER.md.wr-tmp'), 'half a brief'); // in this build
    writeFileSync(path.join(out, `${MANIFEST}.wr-tmp`), '{ "generator": "workshop-rep'); // incomplete
    await publish(out, [...C, { path: 'countries/NER.md', content: 'C NER' }]);
    expect(snapshot(out)).toEqual(expected([...C, { path: 'countries/NER.md', content: 'C NER' }]));
  });

  it('killed while writing: journal and some temporary files, one cut short', async () => {
    const out = folderWithA();
    writeFileSync(path.join(out, JOURNAL), '"report.md"\n"countries/NER.md"\n"annex/programme.pdf"\n"countries/SEN');
    writeFileSync(path.join(out, 'report.md.wr-tmp'), 'B report');
    writeFileSync(path.join(out, 'countries/NER.md.wr-tmp'), 'B NER');
    mkdirSync(path.join(out, 'annex'));
    writeFileSync(path.join(out, 'annex/programme.pdf.wr-tmp'), 'half a PD');
    const result = await publish(out, C);
    expect(result).toEqual({ written: ['report.md', 'recommendations.md'], kept: [], removed: ['countries/GHA.md', 'countries/MLI.md'], recovered: 'rolled back' });
    expect(snapshot(out)).toEqual(expected(C));
    expect(listFiles(out).some((file) => file.startsWith('annex'))).toBe(false);
  });

  it('killed while renaming: commit record written, some files renamed, the old manifest still in place', async () => {
    const out = folderWithA();
    writeFileSync(path.join(out, JOURNAL), B.map((file) => `${JSON.stringify(file.path)}\n`).join(''));
    for (const file of B) {
      mkdirSync(path.dirname(path.join(out, file.path)), { recursive: true });
      writeFileSync(path.join(out, `${file.path}.wr-tmp`), file.content);
    }
    writeFileSync(path.join(out, `${MANIFEST}.wr-tmp`), `${JSON.stringify({ generator: 'workshop-report', files: B.map((file) => file.path).sort() }, null, 2)}\n`);
    cpSync(path.join(out, 'report.md.wr-tmp'), path.join(out, 'report.md'));
    remove(path.join(out, 'report.md.wr-tmp'));

    await repair(out);
    expect(snapshot(out)).toEqual(expected(B));
    expect(await publish(out, C)).toEqual({ written: ['report.md', 'recommendations.md'], kept: [], removed: ['annex/programme.pdf', 'countries/MLI.md', 'countries/NER.md'] });
    expect(snapshot(out)).toEqual(expected(C));
  });
});
