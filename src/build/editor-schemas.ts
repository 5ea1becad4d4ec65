import { existsSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { schemaText, SCHEMA_NAMES } from '../validate/schemas.js';

/** Where a project keeps its own copy of the schemas, for editors. */
export const PROJECT_SCHEMAS = '.schemas';

/** The schemas an editor needs: those of the files, and those they refer to. */
const FILES = [...SCHEMA_NAMES, 'common'] as const;

/**
 * Where the project's YAML files should point their `$schema` modeline, so that it works on every
 * clone: the package's own schemas in node_modules when the project depends on workshop-report
 * (nearest package.json, within the repository), else the project's `.schemas/` copy. Always a
 * folder inside the project's repository, never an absolute path.
 */
export function schemaFolderFor(projectDir: string): { folder: string; kind: 'package' | 'copy' } {
  for (let dir = path.resolve(projectDir); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest) && dependsOnUs(manifest)) {
      const installed = path.join(dir, 'node_modules', 'workshop-report', 'schemas');
      if (existsSync(path.join(installed, 'workshop.schema.json'))) return { folder: installed, kind: 'package' };
    }
    // The repository's root (or the file system's) ends the search: what lies above is not cloned with it.
    if (existsSync(path.join(dir, '.git')) || path.dirname(dir) === dir) break;
  }
  return { folder: path.join(path.resolve(projectDir), PROJECT_SCHEMAS), kind: 'copy' };
}

/** The modeline of a notes file: `# yaml-language-server: $schema=<relative path>`. */
export function modeline(file: string, folder: string, schema: string): string {
  const relative = path.relative(path.dirname(file), path.join(folder, `${schema}.schema.json`)).split(path.sep).join('/');
  return `# yaml-language-server: $schema=${relative}`;
}

/**
 * Writes the schemas into `<projectDir>/.schemas/`, each stamped with the tool's version. The copies
 * have no `$id`, so their references to each other (`common.schema.json#/…`) resolve beside them.
 */
export async function writeProjectSchemas(projectDir: string, version: string): Promise<string[]> {
  const folder = path.join(projectDir, PROJECT_SCHEMAS);
  await mkdir(folder, { recursive: true });
  const written: string[] = [];
  for (const name of FILES) {
    const { $id: _id, $schema, ...rest } = JSON.parse(schemaText(name)) as Record<string, unknown>;
    const stamped = { $schema, $comment: `workshop-report ${version}: refresh with \`workshop-report schema --write\` after upgrading.`, ...rest };
    const file = path.join(folder, `${name}.schema.json`);
    await writeFile(file, `${JSON.stringify(stamped, null, 2)}\n`);
    written.push(path.relative(projectDir, file).split(path.sep).join('/'));
  }
  return written;
}

function dependsOnUs(manifest: string): boolean {
  try {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as { dependencies?: object; devDependencies?: object };
    return Object.hasOwn(json.dependencies ?? {}, 'workshop-report') || Object.hasOwn(json.devDependencies ?? {}, 'workshop-report');
  } catch {
    return false;
  }
}
