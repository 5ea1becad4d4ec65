import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../errors.js';
import { FORMATS } from '../build/output-formats.js';

/**
 * `build --format md pdf`: the shell splits the list at the space, so `pdf` arrives as the project
 * folder, and the build said it could not read the folder …/pdf. A folder argument made only of
 * format names, with --format given and no such folder there, is that mistake: said as a usage error.
 */
export async function refuseFormatAsFolder(dir: string, format: string | undefined, cwd: string): Promise<void> {
  if (format === undefined) return;
  const names = dir.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  if (names.length === 0 || !names.every((name) => (FORMATS as readonly string[]).includes(name))) return;
  if (await stat(path.resolve(cwd, dir)).then(() => true, () => false)) return;
  throw new SetupError(`“${dir}” is a format, not a project folder: --format takes its formats as one list, without spaces.`, `Write --format ${format.replace(/,+$/, '')},${dir} (and the project folder after it, if it is not the current one).`);
}
