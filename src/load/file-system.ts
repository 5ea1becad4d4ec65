import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../errors.js';

/** A directory entry as `readdir(…, { withFileTypes: true })` returns it. */
export interface DirEntry {
  name: string;
  /** The folder holding the entry (with `recursive`, a subfolder of the one listed). */
  parentPath: string;
  isFile(): boolean;
  isSymbolicLink(): boolean;
  /** Node's entries have it; a file system given by the API or the tests may not. */
  isDirectory?(): boolean;
}

/**
 * The few node:fs/promises functions the tool reads notes and publishes reports with, passed in so
 * tests can make any call fail as a real disk would (EACCES, ENOSPC, EMFILE…) even when run as root.
 */
export interface FileSystem {
  readdir(path: string, options: { withFileTypes: true; recursive?: boolean }): Promise<DirEntry[]>;
  readFile(path: string): Promise<Uint8Array>;
  stat(path: string): Promise<{ size: number; isDirectory(): boolean; isFile(): boolean }>;
  /** The path with every symbolic link resolved (ENOENT for a link to nothing). */
  realpath(path: string): Promise<string>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  appendFile(path: string, data: string): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  /** Without `force`, a missing file is an error (ENOENT). */
  rm(path: string, options?: { force?: boolean }): Promise<void>;
  rmdir(path: string): Promise<void>;
  /** Makes the file only if no file has that name, else fails with EEXIST (`open` with `wx`): the output folder's lock. */
  createNew?(path: string, data: string): Promise<void>;
  /**
   * Opens an existing file for writing, changing nothing, and closes it: fails (EPERM, EBUSY) where
   * replacing or removing it would, for an immutable file or, on Windows, one open in Word or Acrobat.
   */
  openToWrite?(path: string): Promise<void>;
}

/** The real disk. */
export const nodeFs: FileSystem = {
  readdir: (path, options) => fsPromises.readdir(path, { withFileTypes: true, recursive: options.recursive ?? false }),
  readFile: (path) => fsPromises.readFile(path),
  stat: (path) => fsPromises.stat(path),
  realpath: (path) => fsPromises.realpath(path),
  mkdir: (path) => makeFolders(path),
  writeFile: (path, data) => fsPromises.writeFile(path, data),
  appendFile: (path, data) => fsPromises.appendFile(path, data),
  rename: (from, to) => fsPromises.rename(from, to),
  rm: (path, options) => fsPromises.rm(path, options),
  rmdir: (path) => fsPromises.rmdir(path),
  createNew: (path, data) => fsPromises.writeFile(path, data, { flag: 'wx' }),
  openToWrite: async (path) => (await fsPromises.open(path, 'r+')).close(),
};

/**
 * A folder and the missing ones above it (`mkdir -p`), without Node's `recursive` option, which
 * never returns where the system answers “no such file” for a folder whose parent exists (`/proc`,
 * `/sys`): it makes the parent again and again, forever (a build given `--out /proc/out` hung).
 * Here the folder is made once after its parent: a second “no such file” is the error.
 */
export async function makeFolders(folder: string): Promise<void> {
  try {
    return await fsPromises.mkdir(folder);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' || path.dirname(folder) === folder) return existingFolder(folder, error);
  }
  await makeFolders(path.dirname(folder));
  await fsPromises.mkdir(folder).catch((error: unknown) => existingFolder(folder, error));
}

/** Succeeds when the folder was there already (made meanwhile, or all along), else throws `error`. */
async function existingFolder(folder: string, error: unknown): Promise<void> {
  if (errorCode(error) === 'EEXIST' && (await fsPromises.stat(folder).catch(() => undefined))?.isDirectory()) return;
  throw error;
}

/**
 * Reads a file of the real disk whole unless it is larger than `limit` (then only its size), with
 * one open, one fstat and the reads: what `readFileSync` does, where `stat` then `readFile` through
 * promises costs five round trips to the thread pool. Notes files are small and many (a programme
 * has thousands): reading them so took a third of the time of a `validate` whose cache was warm.
 */
export function readFileUpTo(path: string, limit: number): Uint8Array | { size: number } {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > limit) return { size };
    const buffer = Buffer.allocUnsafe(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, buffer, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return buffer.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

export function errorCode(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** What an errno means, in words, and what to do about it. */
const MEANINGS: Record<string, { reason: string; advice: string }> = {
  EACCES: { reason: 'permission denied', advice: 'Check the permissions of the file and of the folders above it (`ls -l`).' },
  EPERM: { reason: 'operation not permitted', advice: 'Check the permissions of the file and of the folders above it (`ls -l`).' },
  EROFS: { reason: 'the disk is read-only', advice: 'Choose a folder on a writable disk.' },
  ENOSPC: { reason: 'no space left on the disk (disk full)', advice: 'Free some disk space, then run the command again.' },
  EDQUOT: { reason: 'disk quota exceeded', advice: 'Free some space within your quota, then run the command again.' },
  EMFILE: { reason: 'too many open files', advice: 'Close other programs, or raise the limit of open files (`ulimit -n`), then run the command again.' },
  ENFILE: { reason: 'too many open files on the system', advice: 'Close other programs, then run the command again.' },
  ENOENT: { reason: 'no such file or folder', advice: 'Check the path.' },
  ENOTDIR: { reason: 'a part of the path is a file, not a folder', advice: 'Check the path.' },
  EISDIR: { reason: 'it is a folder, not a file', advice: 'Move the folder out of the way or choose another path.' },
  EEXIST: { reason: 'something is in the way (a file where a folder goes, or a folder where a file goes)', advice: 'Move it out of the way or choose another path.' },
  ENOTEMPTY: { reason: 'a folder is in the way', advice: 'Move the folder out of the way or choose another path.' },
  ENAMETOOLONG: { reason: 'the path is too long', advice: 'Use a shorter folder path.' },
  EIO: { reason: 'input/output error (the disk or network share failed)', advice: 'Check the disk or the connection to the share.' },
  EBUSY: { reason: 'the file is in use', advice: 'Close the program that holds it open, then run the command again.' },
  ELOOP: { reason: 'symbolic links on the path lead to each other in a loop', advice: 'Remove or correct one of the links (`ls -l` shows where each leads).' },
};

/**
 * A SetupError for a failed file-system call: `${action} ${file}: ${what the errno means}.`, with advice
 * for that errno (never a raw stack; the original error stays as `cause`, shown with --debug).
 */
export function fileSystemError(action: string, file: string, error: unknown, afterwards?: string): SetupError {
  const code = errorCode(error);
  const meaning = code ? MEANINGS[code] : undefined;
  const reason = meaning?.reason ?? (code ? `error ${code}` : error instanceof Error ? error.message : String(error));
  const hint = [meaning?.advice, afterwards].filter(Boolean).join(' ') || undefined;
  return new SetupError(`${action} ${file}: ${reason}${code && meaning ? ` (${code})` : ''}.`, hint, { cause: error });
}
