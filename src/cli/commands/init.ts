import path from 'node:path';
import { PROJECT_SCHEMAS, type SchemaHome } from '../../build/editor-schemas.js';
import { scaffoldProject } from '../../build/scaffold.js';
import { EXIT, type Io } from '../io.js';
import type { GlobalOptions } from '../run.js';
import { toolVersion } from '../version.js';

/** Scaffolds a small valid project, then says where editors find its schemas. */
export async function initCommand(options: { dir: string }, _globals: GlobalOptions, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, options.dir);
  const { written, home } = await scaffoldProject(dir, toolVersion());
  const shown = shownPath(io.cwd, dir);
  io.stderr.write(`Created ${written.map((f) => `${shown}/${f}`).join(', ')}.\n`);
  io.stderr.write(`${editorMessage(home, io.cwd, shown)}\n`);
  io.stderr.write(`Next: edit them, then run \`workshop-report build ${quoted(shown)}\`.\n`);
  return EXIT.ok;
}

function editorMessage(home: SchemaHome, cwd: string, shown: string): string {
  if (home.kind === 'package') {
    return `Editors check the files against the schemas of the project's workshop-report, in ${shownPath(cwd, home.folder)}/ (every clone has them after \`npm install\`).`;
  }
  const copy = `Editors check the files against the schemas in ${shown}/${PROJECT_SCHEMAS}/: commit them; \`workshop-report schema --write ${quoted(shown)}\` refreshes them after an upgrade.`;
  const beside = home.manifest ? shownPath(cwd, path.dirname(home.manifest)) : undefined;
  const where = beside === undefined ? 'in the project\'s repository' : beside === '.' ? 'here' : `in ${beside}/`;
  const how = home.reason === 'not-installed'
    ? `${shownPath(cwd, home.manifest!)} lists workshop-report but it is not installed there: after \`npm install\``
    : `After \`npm install --save-dev workshop-report\` ${where}`;
  return `${copy}\n${how}, init points new projects into node_modules/workshop-report/schemas/ instead (nothing to refresh; for this one, change ${PROJECT_SCHEMAS}/ in each file's first line to that folder, relative to the file).`;
}

function shownPath(cwd: string, file: string): string {
  return path.relative(cwd, file).split(path.sep).join('/') || '.';
}

/** A path as it can be pasted into a POSIX shell. */
function quoted(shown: string): string {
  return /^[\w./@%+=:,-]+$/.test(shown) ? shown : `'${shown.replaceAll("'", "'\\''")}'`;
}
