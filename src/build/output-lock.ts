import { hostname } from 'node:os';
import path from 'node:path';
import { SetupError } from '../errors.js';
import { errorCode, type FileSystem } from '../load/file-system.js';

/** The file a publish holds in its output folder while it stages and commits. */
export const LOCK = '.workshop-report.lock';

/** Who holds an output folder: written into the lock file, read back by a build that finds it. */
interface Holder {
  pid: number;
  host: string;
  /** When the publish began (ISO 8601). */
  started: string;
}

/** Whether a process of this machine is running (another user's counts: EPERM). */
export type IsRunning = (pid: number) => boolean;

/** The locks this process holds: one of its own pid that is not among them was left by a publish of this process that died without letting go (the tests' simulated kills). */
const held = new Set<string>();

const isRunning: IsRunning = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
};

/**
 * Takes the output folder for one publish, or refuses: two builds into one folder (a CI job's
 * two steps, a watch beside a build) wrote their files under the same temporary names, and the one
 * that committed published the other's, or a mix of both. The lock is a file made only if absent
 * (O_EXCL), naming the process; one left by a process of this machine that is no longer running
 * (killed) is taken over. The folder must exist. `release` removes it (safe to call twice).
 */
export async function lockOutput(fs: FileSystem, outDir: string, running: IsRunning = isRunning, now: () => Date = () => new Date()): Promise<{ release(): Promise<void> }> {
  const file = path.join(outDir, LOCK);
  const me: Holder = { pid: process.pid, host: hostname(), started: now().toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  for (let attempt = 0; ; attempt++) {
    try {
      await createNew(fs, file, text);
      held.add(file);
      break;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
      const holder = await readHolder(fs, file);
      // Killed on this machine: its publish is repaired by this one (see openStaging's recover).
      const mine = holder !== undefined && holder.pid === me.pid;
      if (attempt === 0 && holder && holder.host === me.host && (mine ? !held.has(file) : !running(holder.pid))) {
        await fs.rm(file, { force: true });
        continue;
      }
      throw busy(outDir, holder);
    }
  }
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      held.delete(file);
      await fs.rm(file, { force: true }).catch(() => undefined);
    },
  };
}

/** Makes the file only if no file has that name (the real disk's `wx`); a file system without `createNew` is asked first. */
async function createNew(fs: FileSystem, file: string, text: string): Promise<void> {
  if (fs.createNew) return fs.createNew(file, text);
  if (await fs.stat(file).then(() => true, () => false)) throw Object.assign(new Error(`EEXIST: ${file}`), { code: 'EEXIST' });
  await fs.writeFile(file, text);
}

async function readHolder(fs: FileSystem, file: string): Promise<Holder | undefined> {
  try {
    const data = JSON.parse(new TextDecoder().decode(await fs.readFile(file))) as Partial<Holder>;
    return typeof data.pid === 'number' && typeof data.host === 'string' && typeof data.started === 'string' ? (data as Holder) : undefined;
  } catch {
    return undefined;
  }
}

function busy(outDir: string, holder: Holder | undefined): SetupError {
  const who = holder ? `process ${holder.pid} on ${holder.host}, since ${holder.started.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : 'a process that left no name';
  return new SetupError(
    `Another build is writing to ${outDir} (${who}). The previous reports are unchanged.`,
    `Wait for it to finish, then build again (or give --out another folder). If no build is running there (it was stopped on another machine), delete ${path.join(outDir, LOCK)}.`,
  );
}
