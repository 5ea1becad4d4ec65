import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { createRequire } from 'node:module';
import { readBundled } from '../assets.js';

export const SCHEMA_NAMES = ['workshop', 'session', 'country', 'pdf-theme', 'translation', 'follow-up', 'programme'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export type SchemaError = ErrorObject;
export type Validator = ValidateFunction;

let compiled: Map<SchemaName, Validator> | undefined;

/** Options shared by the run-time compiler and the build-time one (scripts/build-validators.mjs). */
export const ajvOptions = { allErrors: true, verbose: true, strict: true, allowUnionTypes: true } as const;

/** The JSON text of a bundled schema (for `workshop-report schema`). */
export function schemaText(name: SchemaName | 'common' | 'programme-export'): string {
  return readBundled(`schemas/${name}.schema.json`);
}

/**
 * The validator of a bundled schema: the code `npm run build` generated when it is there (fast),
 * else compiled once per process (when running from the TypeScript sources).
 */
export function validator(name: SchemaName): Validator {
  compiled ??= precompiled() ?? compileNow();
  return compiled.get(name)!;
}

function precompiled(): Map<SchemaName, Validator> | undefined {
  try {
    const module = createRequire(import.meta.url)('./standalone-validators.cjs') as Record<SchemaName, Validator>;
    return new Map(SCHEMA_NAMES.map((schema) => [schema, module[schema]]));
  } catch {
    return undefined;
  }
}

// ajv's compiler (≈35 ms to load) is required only here, so a built run never loads it.
function compileNow(): Map<SchemaName, Validator> {
  const require = createRequire(import.meta.url);
  const { Ajv2020 } = require('ajv/dist/2020.js') as typeof import('ajv/dist/2020.js');
  const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
  const ajv = new Ajv2020(ajvOptions);
  addFormats(ajv, ['date']);
  for (const file of ['common', ...SCHEMA_NAMES] as const) ajv.addSchema(JSON.parse(schemaText(file)) as object);
  return new Map(SCHEMA_NAMES.map((schema) => [schema, ajv.getSchema(schemaId(schema))!]));
}

export function schemaId(name: SchemaName | 'common'): string {
  return `https://workshop-report.github.io/schemas/v1/${name}.schema.json`;
}
