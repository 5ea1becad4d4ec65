import path from 'node:path';
import { SetupError } from '../errors.js';
import { errorCode, type FileSystem } from '../load/file-system.js';

/** How an operation touches the folder it works in. */
export type EntryChange =
  /** Writes a file's content: a file that is there already may refuse on its own permissions. */
  | 'content'
  /** Makes, renames or removes a name (a folder, a rename into place): only the folder decides. */
  | 'name';

const REASONS: Record<string, string> = { EACCES: 'permission denied', EPERM: 'operation not permitted' };

/**
 * A permission error of publishing said of the folder that refused it. Making a file or a folder,
 * renaming or removing one, needs the right to write the folder that holds the name, not the file:
 * a read-only output folder said “Cannot write …/out/.workshop-report.journal: permission denied”,
 * naming a bookkeeping file the user never made, with advice about “the file”. The folder is the
 * output folder, a folder inside it, or (when it does not exist yet) the nearest one above it that
 * does. Undefined for another error, or when the folder cannot be told (the file was there already
 * and its content was being written; the folder above cannot be looked at).
 */
export async function unwritableFolder(fs: FileSystem, outDir: string, entry: string, change: EntryChange, error: unknown, afterwards: string | undefined): Promise<SetupError | undefined> {
  const code = errorCode(error);
  const reason = code === undefined ? undefined : REASONS[code];
  if (reason === undefined) return undefined;
  // A name that is there already and refuses with EPERM refuses on its own account (an immutable file;
  // on Windows, a report open in Word or Acrobat), not its folder's: the file is named, as before.
  if ((change === 'content' || code === 'EPERM') && (await fs.stat(entry).then(() => true, () => false))) return undefined;
  let folder = path.dirname(entry);
  for (;;) {
    const found = await fs.stat(folder).then((stat) => ({ stat }), (failure: unknown) => ({ code: errorCode(failure) }));
    if ('stat' in found) {
      if (!found.stat.isDirectory()) return undefined;
      break;
    }
    if (found.code !== 'ENOENT' || path.dirname(folder) === folder) return undefined;
    folder = path.dirname(folder);
  }
  const what = `${reason} (${code})`;
  const inside = path.relative(outDir, folder);
  const message = inside === ''
    ? `The output folder ${outDir} is not writable: ${what}.`
    : inside === '..' || inside.startsWith(`..${path.sep}`) || path.isAbsolute(inside)
      ? `The output folder ${outDir} cannot be made: ${folder} is not writable (${reason}, ${code}).`
      : `The folder ${folder} in the output folder is not writable: ${what}.`;
  const hint = `Change the permissions of ${folder} (\`chmod u+w ${folder}\`, or ask its owner), or give --out a folder you may write to.${afterwards ? ` ${afterwards}` : ''}`;
  return new SetupError(message, hint, { cause: error });
}
