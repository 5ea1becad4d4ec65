import path from 'node:path';
import { writeProjectSchemas } from '../../build/editor-schemas.js';
import { SetupError } from '../../errors.js';
import { schemaText, SCHEMA_NAMES } from '../../validate/schemas.js';
import { EXIT, type Io } from '../io.js';
import { toolVersion } from '../version.js';

const NAMES = [...SCHEMA_NAMES, 'common'] as const;

/** Prints a bundled JSON Schema on stdout. */
export function schemaCommand(name: string, io: Io): number {
  if (!(NAMES as readonly string[]).includes(name)) {
    throw new SetupError(`There is no schema called “${name}”.`, `Use one of: ${NAMES.join(', ')}.`);
  }
  io.stdout.write(schemaText(name as (typeof NAMES)[number]));
  return EXIT.ok;
}

/** `schema --write`: (re)writes the project's `.schemas/` copy for editors. */
export async function writeSchemasCommand(project: string, io: Io): Promise<number> {
  const dir = path.resolve(io.cwd, project);
  const written = await writeProjectSchemas(dir, toolVersion());
  const shown = path.relative(io.cwd, dir) || '.';
  io.stderr.write(`Wrote ${written.map((file) => `${shown}/${file}`).join(', ')} (workshop-report ${toolVersion()}).\n`);
  return EXIT.ok;
}
