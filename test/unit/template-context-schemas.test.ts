import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/build/check-project.js';
import { consolidate } from '../../src/consolidate/index.js';
import { programmeModel, programmePart } from '../../src/programme/model.js';
import { countryTable } from '../../src/reference/countries.js';
import { prepareModel } from '../../src/render/safe-values.js';
import { shapeFromSchema, type Shape } from '../../src/render/template-check.js';
import { ROOT } from '../helpers/run-cli.js';

const schema = (file: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', file), 'utf8')) as Record<string, unknown>;
const CONTEXT = schema('context.schema.json');
const PROGRAMME = schema('programme-context.schema.json');

/** Every field path of `value` (as JSON shows it) that `shape` does not know: the template check would call it unknown. */
function unknownPaths(value: unknown, shape: Shape, at = ''): string[] {
  if (shape.open || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return shape.items ? value.flatMap((item, index) => unknownPaths(item, shape.items!, `${at}[${index}]`)) : [`${at}[]`];
  return Object.entries(value).flatMap(([key, item]) => {
    const inner = shape.props?.get(key);
    return inner ? unknownPaths(item, inner, `${at}.${key}`) : [`${at}.${key}`];
  });
}

/** The example's two workshops, as the programme's templates see them (JSON, as `context` prints them). */
async function exampleContexts() {
  const workshops = [];
  for (const id of ['rabat-2022', 'niamey-2022']) {
    const checked = await checkProject(path.join(ROOT, 'examples', id), ROOT);
    workshops.push({ id, model: consolidate(checked.project!, countryTable()) });
  }
  const programme = programmeModel({ title: 'Programme', subtitle: 'Subtitle', organizers: [{ id: 'uncct', name: 'United Nations Counter-Terrorism Centre', acronym: 'UNCCT', label: 'United Nations Counter-Terrorism Centre (UNCCT)' }] }, 'en', workshops.map((w) => ({ id: w.id, reports: `../../${w.id}/out`, model: programmePart(w.model) })));
  const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
  const prepared = json(prepareModel(programme));
  return { workshop: json(prepareModel(workshops[0]!.model)), programme: { ...prepared, dossier: (prepared.dossiers as unknown[])[0] } };
}

describe('the template data schemas describe the data the templates receive', () => {
  it('every field of the example\'s data is in the schema (the template check would otherwise call it unknown), and the data is valid', async () => {
    const { workshop, programme } = await exampleContexts();
    expect(unknownPaths(workshop, shapeFromSchema(CONTEXT as Parameters<typeof shapeFromSchema>[0]))).toEqual([]);
    const shape = shapeFromSchema(PROGRAMME as Parameters<typeof shapeFromSchema>[0], { 'context.schema.json': CONTEXT as Parameters<typeof shapeFromSchema>[0] });
    expect(unknownPaths(programme, shape)).toEqual([]);
    // The programme's schema refers to the workshop's (texts, countries, actions, recommendations).
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats.default(ajv);
    ajv.addSchema(CONTEXT);
    const validate = ajv.compile(PROGRAMME);
    expect(validate(programme), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(ajv.validate(CONTEXT, workshop), JSON.stringify(ajv.errors?.slice(0, 3))).toBe(true);
  });

  it('a name the data does not have is unknown: the check is not open everywhere', () => {
    const shape = shapeFromSchema(PROGRAMME as Parameters<typeof shapeFromSchema>[0], { 'context.schema.json': CONTEXT as Parameters<typeof shapeFromSchema>[0] });
    expect(unknownPaths({ workshops: [{ countres: [] }], actions: [{ workshop: { titel: 'x' }, owner: { nmae: 'x' } }] }, shape)).toEqual(['.workshops[0].countres', '.actions[0].workshop.titel', '.actions[0].owner.nmae']);
  });
});
