import { SetupError } from '../../errors.js';
import { schemaText, SCHEMA_NAMES } from '../../validate/schemas.js';
import { EXIT, type Io } from '../io.js';

const NAMES = [...SCHEMA_NAMES, 'common'] as const;

/** Prints a bundled JSON Schema on stdout. */
export function schemaCommand(name: string, io: Io): number {
  if (!(NAMES as readonly string[]).includes(name)) {
    throw new SetupError(`There is no schema called “${name}”.`, `Use one of: ${NAMES.join(', ')}.`);
  }
  io.stdout.write(schemaText(name as (typeof NAMES)[number]));
  return EXIT.ok;
}
