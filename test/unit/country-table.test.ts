import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCountryCsv } from '../../src/reference/countries.js';

const csv = readFileSync(new URL('../../data/un-m49-country-names.csv', import.meta.url), 'utf8');

describe('the UN M49 table the build ships as JSON', () => {
  it('holds exactly the rows of the CSV (npm test builds first)', () => {
    const json = JSON.parse(readFileSync(new URL('../../dist/reference/un-m49-country-names.json', import.meta.url), 'utf8')) as unknown;
    const rows = parseCountryCsv(csv);
    expect(rows.length).toBeGreaterThan(240);
    expect(rows.find((row) => row.iso3 === 'CIV')?.['en']).toBe('Côte d’Ivoire');
    expect(json).toEqual(rows);
  });
});
