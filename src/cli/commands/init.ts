import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledPath } from '../../assets.js';
import { modeline, PROJECT_SCHEMAS, schemaFolderFor, writeProjectSchemas } from '../../build/editor-schemas.js';
import { SetupError } from '../../errors.js';
import { EXIT, type Io } from '../io.js';
import type { GlobalOptions } from '../run.js';
import { toolVersion } from '../version.js';

const FILES = [['workshop.yaml', 'workshop'], ['sessions/01-opening.yaml', 'session'], ['sessions/02-recommendations.yaml', 'session']] as const;

/** Scaffolds a small valid project. Writes nothing if any of its files already exists. */
export async function initCommand(options: { dir: string }, _globals: GlobalOptions, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  const existing = (await Promise.all(FILES.map(async ([file]) => ((await exists(path.join(dir, file))) ? file : undefined)))).filter(Boolean);
  if (existing.length) {
    throw new SetupError(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${dir}; init never overwrites files.`, 'Run init in an empty folder, e.g. `workshop-report init my-workshop`.');
  }
  // The modeline lets editors (yaml-language-server) check and complete as you type, on every clone.
  const schemas = schemaFolderFor(dir);
  for (const [file, schema] of FILES) {
    const target = path.join(dir, file);
    const text = (await readFile(bundledPath(`scaffold/${file}`), 'utf8')).replace(/^# yaml-language-server: .*$/m, modeline(target, schemas.folder, schema));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, text, { flag: 'wx' });
  }
  const copies = schemas.kind === 'copy' ? await writeProjectSchemas(dir, toolVersion()) : [];
  const shown = path.relative(io.cwd, dir) || '.';
  io.stderr.write(`Created ${[...FILES.map(([f]) => f), ...copies].map((f) => `${shown}/${f}`).join(', ')}.\n`);
  io.stderr.write(schemas.kind === 'package'
    ? 'Editors check the files against the schemas of the workshop-report in node_modules.\n'
    : `Editors check the files against the schemas in ${shown}/${PROJECT_SCHEMAS}/ (commit them; \`workshop-report schema --write --project ${shown}\` refreshes them after an upgrade). With workshop-report in the project's package.json (\`npm install --save-dev workshop-report\`), init points at node_modules instead.\n`);
  io.stderr.write(`Next: edit them, then run \`workshop-report build ${shown}\`.\n`);
  return EXIT.ok;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
