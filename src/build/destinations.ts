import { constants } from 'node:fs';
import { access, lstat, readlink, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../errors.js';
import { errorCode, fileSystemError, nodeFs, type FileSystem } from '../load/file-system.js';

/** A file a command writes (`init`'s, `templates eject`'s), and its text. */
export interface Destination {
  file: string;
  text: string;
}

/** The folder links may not lead out of, and how messages call it (`the project folder`). */
export interface Root {
  folder: string;
  name: string;
}

const NOTHING_WRITTEN = 'Nothing was written.';

/**
 * Checks every file before any is written, so that a command that cannot write them all writes
 * none (`init` wrote workshop.yaml, then stopped at sessions/, a file, and refused to run again):
 * the nearest folder above each that exists is a folder, the file is not a folder, it may be written
 * there, and neither it nor a folder on its way is a symbolic link leading out of `root` (writing
 * through it would create or change a file there). Returns the folders to make, parents first.
 */
export async function checkDestinations(files: readonly string[], root: Root): Promise<string[]> {
  const missing = new Set<string>();
  for (const file of files) await checkDestination(file, root, missing);
  return [...missing].sort((a, b) => a.length - b.length);
}

async function checkDestination(file: string, root: Root, missing: Set<string>): Promise<void> {
  const info = await lstat(file).catch(() => undefined);
  // A loop of links (ELOOP) is said as any failure to write, not as a bug.
  const where = await landing(file).catch((error: unknown) => Promise.reject(fileSystemError('Cannot write', file, error, NOTHING_WRITTEN)));
  const top = await realpath(root.folder).catch(() => undefined);
  if (top !== undefined && where !== top && !where.startsWith(top + path.sep)) {
    const message = info?.isSymbolicLink()
      ? `${file} is a symbolic link to ${where}, outside ${root.name}: writing it would write there.`
      : `Cannot write ${file}: a symbolic link on its way leads to ${where}, outside ${root.name}.`;
    throw new SetupError(message, `Remove the link (only files inside ${root.name} are written), then run the command again. ${NOTHING_WRITTEN}`);
  }
  let folder = path.dirname(file);
  for (; ; folder = path.dirname(folder)) {
    const found = await stat(folder).catch(() => undefined);
    if (found?.isDirectory() || path.dirname(folder) === folder) break;
    if (found) throw new SetupError(`Cannot write ${file}: ${folder} is a file, not a folder.`, `Move or rename ${folder} (a folder of that name is needed there), then run the command again. ${NOTHING_WRITTEN}`);
    if ((await lstat(folder).catch(() => undefined))?.isSymbolicLink()) throw brokenLink(file, folder, await landing(folder));
    missing.add(folder);
  }
  const found = await stat(file).catch(() => undefined);
  if (info?.isSymbolicLink() && !found) throw brokenLink(file, file, where);
  if (found?.isDirectory()) {
    throw new SetupError(`Cannot write ${file}: a folder is in the way.`, `Move the folder out of the way, then run the command again. ${NOTHING_WRITTEN}`);
  }
  await access(found ? file : folder, constants.W_OK).catch((error: unknown) => {
    throw fileSystemError('Cannot write', file, error, NOTHING_WRITTEN);
  });
}

/** A link (the file, or a folder on its way) to nothing: what writing through it would make is not clear, so nothing is. */
function brokenLink(file: string, link: string, target: string): SetupError {
  return new SetupError(`Cannot write ${file}: ${link === file ? 'it' : link} is a symbolic link to nothing (${target}).`, `Make what it leads to, or remove the link, then run the command again. ${NOTHING_WRITTEN}`);
}

/** Where writing `file` lands, every link on its way resolved, a link to nothing included (writing creates its target). */
async function landing(file: string, hops = 0): Promise<string> {
  const info = await lstat(file).catch(() => undefined);
  if (info?.isSymbolicLink() && hops < 40) return landing(path.resolve(path.dirname(file), await readlink(file)), hops + 1);
  if (info) return realpath(file);
  const above = path.dirname(file);
  return above === file ? file : path.join(await landing(above, hops), path.basename(file));
}

/**
 * Writes the files all or none: each is checked first (see checkDestinations); when a write still
 * fails (disk full, permission denied…), the files written are put back as they were and the
 * folders made for them removed before the error is thrown, a SetupError naming the file.
 */
export async function writeAllOrNothing(files: readonly Destination[], root: Root, fs: FileSystem = nodeFs): Promise<void> {
  const folders = await checkDestinations(files.map(({ file }) => file), root);
  const before = new Map<string, Uint8Array | undefined>();
  let action = 'Cannot create the folder';
  let current = '';
  try {
    for (current of folders) await fs.mkdir(current, { recursive: true });
    for (const { file, text } of files) {
      current = file;
      action = 'Cannot read';
      before.set(file, await fs.readFile(file).catch((error: unknown) => (errorCode(error) === 'ENOENT' ? undefined : Promise.reject(error))));
      action = 'Cannot write';
      await fs.writeFile(file, text);
    }
  } catch (error) {
    for (const [file, bytes] of [...before].reverse()) await (bytes === undefined ? fs.rm(file, { force: true }) : fs.writeFile(file, bytes)).catch(() => undefined);
    for (const folder of [...folders].reverse()) await fs.rmdir(folder).catch(() => undefined);
    throw fileSystemError(action, current, error, NOTHING_WRITTEN);
  }
}
