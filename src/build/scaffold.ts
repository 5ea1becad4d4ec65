import { access, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledPath } from '../assets.js';
import { SetupError } from '../errors.js';
import { fileSystemError, makeFolders } from '../load/file-system.js';
import { modeline, schemaHome, writeProjectSchemas, type SchemaHome } from './editor-schemas.js';

const FILES = [['workshop.yaml', 'workshop'], ['sessions/01-opening.yaml', 'session'], ['sessions/02-recommendations.yaml', 'session']] as const;

/**
 * Scaffolds a small valid project in `dir`; writes nothing if any of its files exists. Each file's
 * first line points editors at its schema by a path that works on every clone (see schemaHome);
 * the schemas are written first, so no file is left pointing at schemas that are not there.
 */
export async function scaffoldProject(dir: string, version: string): Promise<{ written: string[]; home: SchemaHome }> {
  const folder = await stat(dir).catch(() => undefined);
  if (folder && !folder.isDirectory()) throw new SetupError(`${dir} is a file, not a folder.`, 'Give init a new or empty folder, e.g. `workshop-report init my-workshop`.');
  const existing = (await Promise.all(FILES.map(async ([file]) => ((await exists(path.join(dir, file))) ? file : undefined)))).filter(Boolean);
  if (existing.length) {
    throw new SetupError(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${dir}; init never overwrites files.`, 'Run init in an empty folder, e.g. `workshop-report init my-workshop`.');
  }
  const home = schemaHome(dir);
  const copies = home.kind === 'copy' ? await writeProjectSchemas(dir, version) : [];
  for (const [file, schema] of FILES) {
    const target = path.join(dir, file);
    const text = (await readFile(bundledPath(`scaffold/${file}`), 'utf8')).replace(/^# yaml-language-server: .*$/m, modeline(target, home.folder, schema));
    try {
      await makeFolders(path.dirname(target));
      await writeFile(target, text, { flag: 'wx' });
    } catch (error) {
      throw fileSystemError('Cannot write', target, error);
    }
  }
  return { written: [...FILES.map(([file]) => file), ...copies], home };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
