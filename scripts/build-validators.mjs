// Compiles the JSON Schemas into standalone validation code at build time (dist/validate/), so a
// run does not pay for ajv's compiler (≈170 ms): `validate` of a workshop starts fast. Also writes
// the UN M49 names as JSON (dist/reference/), so a run does not load the CSV parser (≈40 ms).
import { readFileSync, writeFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { ajvOptions, schemaId, SCHEMA_NAMES, schemaText } from '../dist/validate/schemas.js';
import { parseCountryCsv } from '../dist/reference/countries.js';

const ajv = new Ajv2020({ ...ajvOptions, code: { source: true } });
addFormats(ajv, ['date']);
for (const name of ['common', ...SCHEMA_NAMES]) ajv.addSchema(JSON.parse(schemaText(name)));
const exports = Object.fromEntries(SCHEMA_NAMES.map((name) => [name, schemaId(name)]));
const code = standaloneCode.default(ajv, exports);
writeFileSync(new URL('../dist/validate/standalone-validators.cjs', import.meta.url), code);

const csv = readFileSync(new URL('../data/un-m49-country-names.csv', import.meta.url), 'utf8');
writeFileSync(new URL('../dist/reference/un-m49-country-names.json', import.meta.url), JSON.stringify(parseCountryCsv(csv)));
