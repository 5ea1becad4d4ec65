import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { SetupError } from '../errors.js';
import { errorCode, fileSystemError } from '../load/file-system.js';
import { schemaText, SCHEMA_NAMES } from '../validate/schemas.js';
import { writeAllOrNothing, type Destination } from './destinations.js';

/** Where a project keeps its own copy of the schemas, for editors. */
export const PROJECT_SCHEMAS = '.schemas';

/** The schemas an editor needs: those of the files, and those they refer to. */
const FILES = [...SCHEMA_NAMES, 'common'] as const;

/** Where a project's modelines point, and why (for the message). */
export type SchemaHome =
  | { kind: 'package'; folder: string }
  | { kind: 'copy'; folder: string; reason: 'no-package' | 'not-a-dependency' | 'not-installed'; manifest?: string };

/**
 * Where the project's YAML files should point their `$schema` modeline, so that it works on every
 * clone. The project depends on workshop-report when the nearest package.json at or above it (not
 * above the repository's root: a folder holding `.git`) lists it in dependencies or devDependencies,
 * and it is installed beside that package.json: then into that node_modules, which every clone has
 * after `npm install`. Otherwise the project's own `.schemas/` copy. Never an absolute path.
 */
export function schemaHome(projectDir: string): SchemaHome {
  const copy = path.join(projectDir, PROJECT_SCHEMAS);
  for (let dir = projectDir; ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      if (!dependsOnUs(manifest)) return { kind: 'copy', folder: copy, reason: 'not-a-dependency', manifest };
      const installed = path.join(dir, 'node_modules', 'workshop-report', 'schemas');
      const complete = ['workshop', 'session'].every((schema) => existsSync(path.join(installed, `${schema}.schema.json`)));
      return complete ? { kind: 'package', folder: installed } : { kind: 'copy', folder: copy, reason: 'not-installed', manifest };
    }
    // The repository's root (or the file system's) ends the search: what lies above is not cloned with it.
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) return { kind: 'copy', folder: copy, reason: 'no-package' };
  }
}

/** The modeline of a notes file: `# yaml-language-server: $schema=<relative path>`. */
export function modeline(file: string, folder: string, schema: string): string {
  const relative = path.relative(path.dirname(file), path.join(folder, `${schema}.schema.json`)).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${relative}`;
}

/**
 * Writes the schemas into `<projectDir>/.schemas/`, each stamped with the tool's version, all or
 * none (see writeAllOrNothing: a file where `.schemas` goes, a copy that is a folder or a link
 * leading out of the project, is said before anything is written). The copies have no `$id`, so
 * their references to each other (`common.schema.json#/…`) resolve beside them.
 */
export async function writeProjectSchemas(projectDir: string, version: string): Promise<string[]> {
  const copies = projectSchemaFiles(projectDir, version);
  await writeAllOrNothing(copies, { folder: projectDir, name: 'the project folder' });
  return copies.map(({ file }) => path.relative(projectDir, file).split(path.sep).join('/'));
}

/** The schemas' copies for `<projectDir>/.schemas/`, as files to write (`init` writes them with its own). */
export function projectSchemaFiles(projectDir: string, version: string): Destination[] {
  return FILES.map((name) => {
    const { $id: _id, $schema, ...rest } = JSON.parse(schemaText(name)) as Record<string, unknown>;
    const stamped = { $schema, $comment: `workshop-report ${version}: refresh with \`workshop-report schema --write\` after upgrading.`, ...rest };
    return { file: path.join(projectDir, PROJECT_SCHEMAS, `${name}.schema.json`), text: `${JSON.stringify(stamped, null, 2)}\n` };
  });
}

function dependsOnUs(manifest: string): boolean {
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: unknown; devDependencies?: unknown };
    return [json.dependencies, json.devDependencies].some((list) => typeof list === 'object' && list !== null && Object.hasOwn(list, 'workshop-report'));
  } catch {
    return false;
  }
}

/**
 * `schema --write`: writes the copies again into a project (one holding workshop.yaml, so a mistyped
 * folder is not created). File-system failures are SetupErrors naming the file.
 */
export async function refreshProjectSchemas(projectDir: string, version: string): Promise<string[]> {
  try {
    const workshop = await stat(path.join(projectDir, 'workshop.yaml'));
    if (!workshop.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new SetupError(`${projectDir} has no workshop.yaml.`, 'Give `schema --write` the project folder (the one holding workshop.yaml), or run it there; `workshop-report init` creates a project with its schemas.');
    }
    throw fileSystemError('Cannot read', path.join(projectDir, 'workshop.yaml'), error);
  }
  return writeProjectSchemas(projectDir, version);
}
