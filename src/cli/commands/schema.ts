import path from 'node:path';
import { refreshProjectSchemas } from '../../build/editor-schemas.js';
import { SetupError } from '../../errors.js';
import { schemaText, SCHEMA_NAMES } from '../../validate/schemas.js';
import { didYouMean } from '../../validate/suggest.js';
import { EXIT, type Io } from '../io.js';
import { toolVersion } from '../version.js';

// programme-export describes an output (programme.json), not a file people write: printed, never copied into projects.
const NAMES = [...SCHEMA_NAMES, 'common', 'programme-export'] as const;

/**
 * `schema [NAME]` prints one schema; `schema --write [DIR]` (or `--write --project DIR`) writes them all
 * into the project instead.
 */
export async function schemaAction(name: string | undefined, options: { write?: boolean; project?: string }, io: Io): Promise<number> {
  if (!options.write) {
    if (options.project !== undefined) throw new SetupError('--project is for --write.', 'Print a schema with `workshop-report schema NAME`; write them all into a project with `workshop-report schema --write DIR`.');
    return schemaCommand(name ?? 'workshop', io);
  }
  if (name !== undefined && options.project !== undefined && name !== options.project) {
    throw new SetupError(`schema --write got two project folders: “${name}” and --project “${options.project}”.`, 'Give the folder once: `workshop-report schema --write DIR`.');
  }
  return writeSchemasCommand(options.project ?? name ?? '.', io);
}

/** Prints a bundled JSON Schema on stdout. */
export function schemaCommand(name: string, io: Io): number {
  if (!(NAMES as readonly string[]).includes(name)) {
    const meant = didYouMean(name, NAMES);
    throw new SetupError(`There is no schema called “${name}”.`, `${meant ? `${meant} ` : ''}Use one of: ${NAMES.join(', ')}. To write them all into a project for editors: \`workshop-report schema --write DIR\`.`);
  }
  io.stdout.write(schemaText(name as (typeof NAMES)[number]));
  return EXIT.ok;
}

/** `schema --write [DIR]`: (re)writes the project's `.schemas/` copy for editors, stamped with this version. */
export async function writeSchemasCommand(project: string, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, project);
  const written = await refreshProjectSchemas(dir, toolVersion());
  const shown = path.relative(io.cwd, dir).split(path.sep).join('/') || '.';
  io.stderr.write(`Wrote ${written.map((file) => `${shown}/${file}`).join(', ')} (workshop-report ${toolVersion()}).\n`);
  return EXIT.ok;
}
