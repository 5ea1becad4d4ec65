import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import _addFormats from 'ajv-formats';
import { readBundled } from '../assets.js';

const addFormats = _addFormats as unknown as typeof _addFormats.default;

export const SCHEMA_NAMES = ['workshop', 'session', 'country', 'pdf-theme'] as const;
export type SchemaName = (typeof SCHEMA_NAMES)[number];

export type SchemaError = ErrorObject;
export type Validator = ValidateFunction;

let compiled: Map<SchemaName, Validator> | undefined;

/** The JSON text of a bundled schema (for `workshop-report schema`). */
export function schemaText(name: SchemaName | 'common'): string {
  return readBundled(`schemas/${name}.schema.json`);
}

/** Compiles the bundled schemas once per process. */
export function validator(name: SchemaName): Validator {
  if (!compiled) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date']);
    for (const file of ['common', ...SCHEMA_NAMES] as const) ajv.addSchema(JSON.parse(schemaText(file)) as object);
    compiled = new Map(SCHEMA_NAMES.map((schema) => [schema, ajv.getSchema(schemaId(schema))!]));
  }
  return compiled.get(name)!;
}

export function schemaId(name: SchemaName | 'common'): string {
  return `https://workshop-report.github.io/schemas/v1/${name}.schema.json`;
}
