import { existsSync, readFileSync } from 'node:fs';
import { access, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledPath } from '../../assets.js';
import { modeline, PROJECT_SCHEMAS, writeProjectSchemas } from '../../build/editor-schemas.js';
import { SetupError } from '../../errors.js';
import { fileSystemError } from '../../load/file-system.js';
import { EXIT, type Io } from '../io.js';
import type { GlobalOptions } from '../run.js';
import { toolVersion } from '../version.js';

const FILES = [['workshop.yaml', 'workshop'], ['sessions/01-opening.yaml', 'session'], ['sessions/02-recommendations.yaml', 'session']] as const;

/** Where the modelines point, and why (for the message). */
type SchemaHome =
  | { kind: 'package'; folder: string }
  | { kind: 'copy'; folder: string; reason: 'no-package' | 'not-a-dependency' | 'not-installed'; manifest?: string };

/** Scaffolds a small valid project. Writes nothing if any of its files already exists. */
export async function initCommand(options: { dir: string }, _globals: GlobalOptions, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  const folder = await stat(dir).catch(() => undefined);
  if (folder && !folder.isDirectory()) throw new SetupError(`${dir} is a file, not a folder.`, 'Give init a new or empty folder, e.g. `workshop-report init my-workshop`.');
  const existing = (await Promise.all(FILES.map(async ([file]) => ((await exists(path.join(dir, file))) ? file : undefined)))).filter(Boolean);
  if (existing.length) {
    throw new SetupError(`${existing.join(', ')} already ${existing.length === 1 ? 'exists' : 'exist'} in ${dir}; init never overwrites files.`, 'Run init in an empty folder, e.g. `workshop-report init my-workshop`.');
  }
  // The modeline lets editors (yaml-language-server) check and complete as you type. It must work on
  // every clone: a relative path to schemas inside the project's repository, never into wherever this
  // copy of the tool happens to be installed (npm's cache, for `npx`).
  const home = schemaHome(dir);
  // The schemas first: if anything fails later, no file is left pointing at schemas that are not there.
  let copies: string[] = [];
  if (home.kind === 'copy') {
    try {
      copies = await writeProjectSchemas(dir, toolVersion());
    } catch (error) {
      throw fileSystemError('Cannot write the schemas into', path.join(dir, PROJECT_SCHEMAS), error);
    }
  }
  for (const [file, schema] of FILES) {
    const target = path.join(dir, file);
    const text = (await readFile(bundledPath(`scaffold/${file}`), 'utf8')).replace(/^# yaml-language-server: .*$/m, modeline(target, home.folder, schema));
    try {
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, text, { flag: 'wx' });
    } catch (error) {
      throw fileSystemError('Cannot write', target, error);
    }
  }
  const shown = shownPath(io.cwd, dir);
  io.stderr.write(`Created ${[...FILES.map(([f]) => f), ...copies].map((f) => `${shown}/${f}`).join(', ')}.\n`);
  io.stderr.write(`${editorMessage(home, io.cwd, shown)}\n`);
  io.stderr.write(`Next: edit them, then run \`workshop-report build ${quoted(shown)}\`.\n`);
  return EXIT.ok;
}

/**
 * The project depends on workshop-report when the nearest package.json at or above it (not above the
 * repository's root: a folder holding `.git`) lists it in dependencies or devDependencies, and it is
 * installed beside that package.json. Then the modelines point into that node_modules, which every
 * clone has after `npm install`. Otherwise the project gets its own copy of the schemas.
 */
function schemaHome(projectDir: string): SchemaHome {
  const copy = path.join(projectDir, PROJECT_SCHEMAS);
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      if (!dependsOnUs(manifest)) return { kind: 'copy', folder: copy, reason: 'not-a-dependency', manifest };
      const installed = path.join(dir, 'node_modules', 'workshop-report', 'schemas');
      const complete = FILES.every(([, schema]) => existsSync(path.join(installed, `${schema}.schema.json`)));
      return complete ? { kind: 'package', folder: installed } : { kind: 'copy', folder: copy, reason: 'not-installed', manifest };
    }
    // The repository's root (or the file system's) ends the search: what lies above is not cloned with it.
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return { kind: 'copy', folder: copy, reason: 'no-package' };
  }
}

function dependsOnUs(manifest: string): boolean {
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: unknown; devDependencies?: unknown };
    return [json.dependencies, json.devDependencies].some((list) => typeof list === 'object' && list !== null && Object.hasOwn(list, 'workshop-report'));
  } catch {
    return false;
  }
}

function editorMessage(home: SchemaHome, cwd: string, shown: string): string {
  if (home.kind === 'package') {
    return `Editors check the files against the schemas of the project's workshop-report, in ${shownPath(cwd, home.folder)}/.`;
  }
  const refresh = `\`workshop-report schema --write ${quoted(shown)}\` refreshes them after an upgrade`;
  const manifest = home.manifest ? shownPath(cwd, home.manifest) : undefined;
  const instead = home.reason === 'not-installed'
    ? `${manifest} lists workshop-report but it is not installed: after \`npm install\`, init would point at node_modules instead.`
    : `To use the installed package's schemas instead (no copy to refresh), add workshop-report to the project's package.json (\`npm install --save-dev workshop-report\`${manifest ? ` beside ${manifest}` : ''}) before running init.`;
  return `Editors check the files against the schemas in ${shown}/${PROJECT_SCHEMAS}/ (commit them; ${refresh}). ${instead}`;
}

function shownPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}

/** A path as it can be pasted into a POSIX shell. */
function quoted(shown: string): string {
  return /^[\w./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}
