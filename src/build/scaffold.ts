import { existsSync } from 'node:fs';
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
    const text = (await readFile(bundledPath(`scaffold/${file}`), 'utf8')).replace(/^# yaml-language-server: .*$/m, modeline(target, home.folder, schema));
    return { file: target, text: text.replace('{{format}}', formatReference(target, home)) };
  }));
  await writeAllOrNothing([...copies, ...files], { folder: dir, name: 'the project folder' }, fs);
  return { written: [...FILES.map(([file]) => file), ...copies.map(({ file }) => path.relative(dir, file).split(path.sep).join('/'))], home };
}

/**
 * Where workshop.yaml's comment sends the editor for the full format: the package's docs/FORMAT.md
 * by a path relative to the file when the project depends on workshop-report (installed beside it,
 * as its schemas are); otherwise (a run through `npx`, whose package sits in npm's cache, not in the
 * project: `node_modules/workshop-report/docs/FORMAT.md` was not there) the package's file by name,
 * and the schemas' descriptions that the project does have (`.schemas/`, `workshop-report schema`).
 */
export function formatReference(file: string, home: SchemaHome): string {
  const installed = path.join(home.folder, '..', 'docs', 'FORMAT.md');
  if (home.kind === 'package' && existsSync(installed)) {
    return `${path.relative(path.dirname(file), installed).split(path.sep).join('/')} (docs/FORMAT.md of the workshop-report package), and the README's "The project format".`;
  }
  return 'docs/FORMAT.md of the workshop-report package (in its repository, or in the package that\n# `npm pack workshop-report` downloads), and its README\'s "The project format". Each key is described in the\n# schema the first line names (your editor shows it on hover; `npx workshop-report schema` prints it).';
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(() => true, () => false);
}
