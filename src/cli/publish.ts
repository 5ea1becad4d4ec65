import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { InterruptedError, SetupError } from '../errors.js';

export const MANIFEST = '.workshop-report.json';
const TEMP_SUFFIX = '.wr-tmp';

export interface OutputFile {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  content: string | Uint8Array;
}

export interface PublishResult {
  written: string[];
  removed: string[];
}

/**
 * Publishes a build all-or-nothing: every file is written to a temporary name first, then each is
 * renamed into place; files the previous build wrote (its manifest) and this one did not are
 * removed. A failure or Ctrl-C before the renames leaves the folder as it was.
 */
export async function publish(outDir: string, files: readonly OutputFile[], signal?: AbortSignal): Promise<PublishResult> {
  const previous = await readManifest(outDir);
  const temps: string[] = [];
  try {
    for (const file of files) {
      if (signal?.aborted) throw new InterruptedError('interrupted');
      const target = path.join(outDir, file.path);
      await mkdir(path.dirname(target), { recursive: true });
      const temp = `${target}${TEMP_SUFFIX}`;
      temps.push(temp);
      await writeFile(temp, file.content);
    }
    if (signal?.aborted) throw new InterruptedError('interrupted');
  } catch (error) {
    await Promise.all(temps.map((temp) => rm(temp, { force: true }).catch(() => undefined)));
    if (error instanceof InterruptedError) throw error;
    throw new SetupError(`Cannot write to the output folder ${outDir}.`, 'Check that the folder is writable and the disk is not full; the previous reports are unchanged.', { cause: error });
  }
  for (const file of files) await rename(path.join(outDir, `${file.path}${TEMP_SUFFIX}`), path.join(outDir, file.path));
  const current = new Set(files.map((file) => file.path));
  const removed = previous.filter((file) => !current.has(file));
  for (const file of removed) {
    await rm(path.join(outDir, file), { force: true });
    await removeEmptyParents(outDir, path.dirname(file));
  }
  const manifest = `${JSON.stringify({ generator: 'workshop-report', files: [...current].sort() }, null, 2)}\n`;
  await writeFile(path.join(outDir, `${MANIFEST}${TEMP_SUFFIX}`), manifest);
  await rename(path.join(outDir, `${MANIFEST}${TEMP_SUFFIX}`), path.join(outDir, MANIFEST));
  return { written: files.map((file) => file.path), removed };
}

/** The files the previous build wrote; only these are ever removed. */
export async function readManifest(outDir: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await readFile(path.join(outDir, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string' && !f.split('/').includes('..') && !path.isAbsolute(f)) : [];
  } catch {
    return [];
  }
}

async function removeEmptyParents(root: string, relativeDir: string): Promise<void> {
  for (let dir = relativeDir; dir && dir !== '.'; dir = path.dirname(dir)) {
    try {
      await rmdir(path.join(root, dir));
    } catch {
      return;
    }
  }
}
