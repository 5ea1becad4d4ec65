import { access, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { bundledPath } from '../assets.js';
import { SetupError } from '../errors.js';
import { nodeFs, type FileSystem } from '../load/file-system.js';
import { writeAllOrNothing } from './destinations.js';
import { modeline, projectSchemaFiles, schemaHome, type SchemaHome } from './editor-schemas.js';

const FILES = [['workshop.yaml', 'workshop'], ['sessions/01-opening.yaml', 'session'], ['sessions/02-recommendations.yaml', 'session']] as const;

/**
 * Scaffolds a small valid project in `dir`; writes nothing if any of its files exists, or if any
 * cannot be written (every destination is checked first: see writeAllOrNothing). Each file's first
 * line points editors at its schema by a path that works on every clone (see schemaHome); the
 * schemas are written with them, so no file is left pointing at schemas that are not there.
 */
export async function scaffoldProject(dir: string, version: string, fs: FileSystem = nodeFs): Promise<{ written: string[]; home: SchemaHome }> {
  const folder = await stat(dir).catch(() => undefined);
  if (folder && !folder.isDirectory()) throw new SetupError(`${dir} is a file, not a folder.`, 'Give init a new or empty folder, e.g. `workshop-report init my-workshop`.');
  const existing = (await Promise.all(FILES.map(async ([file]) => ((await exists(path.join(dir, file))) ? file : undefined)))).filter(Boolean);
  if (existing.length) {
    throw new SetupError(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${dir}; init never overwrites files.`, 'Run init in an empty folder, e.g. `workshop-report init my-workshop`.');
  }
  const home = schemaHome(dir);
  const copies = home.kind === 'copy' ? projectSchemaFiles(dir, version) : [];
  const files = await Promise.all(FILES.map(async ([file, schema]) => {
    const target = path.join(dir, file);
    return { file: target, text: (await readFile(bundledPath(`scaffold/${file}`), 'utf8')).replace(/^# yaml-language-server: .*$/m, modeline(target, home.folder, schema)) };
  }));
  await writeAllOrNothing([...copies, ...files], { folder: dir, name: 'the project folder' }, fs);
  return { written: [...FILES.map(([file]) => file), ...copies.map(({ file }) => path.relative(dir, file).split(path.sep).join('/'))], home };
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
