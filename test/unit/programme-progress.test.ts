import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkProject } from '../../src/build/check-project.js';
import { consolidate } from '../../src/consolidate/index.js';
import { programmeJson } from '../../src/programme/exports.js';
import { programmeModel, programmePart } from '../../src/programme/model.js';
import { countryTable } from '../../src/reference/countries.js';
import { ROOT } from '../helpers/run-cli.js';

/** Rabat's model as the programme takes it, with one more progress report: on R5 (api-pnr, addressed to every member state) as a whole, no country. */
async function rabatWithProgress(date: string, status: 'done' | 'blocked') {
  const checked = await checkProject(path.join(ROOT, 'examples/rabat-2022'), ROOT);
  const model = programmePart(consolidate(checked.project!, countryTable()));
  const niger = model.follow_up!.recommendations!.find((report) => report.country?.code === 'NER')!;
  const { country: _none, ...whole } = niger;
  model.follow_up!.recommendations!.push({ ...whole, date, status });
  return programmeModel({ title: 'P', organizers: [] }, 'en', [{ id: 'rabat-2022', model }]);
}

describe('progress on a recommendation as a whole (a report naming no country)', () => {
  it('is in the dossier of each country the recommendation is addressed to, marked, and replaces an older report for the country', async () => {
    const model = await rabatWithProgress('2023-01-10', 'done');
    for (const code of ['BFA', 'GHA', 'MLI', 'NER']) {
      const dossier = model.dossiers.find((d) => d.country.code === code)!;
      expect(dossier.workshops[0]!.progress, code).toContainEqual({ label: 'R5', status: 'done', date: '2023-01-10', all_countries: true });
    }
    // Niger's own report (15 November 2022) is older: the one as a whole is the latest.
    expect(model.dossiers.find((d) => d.country.code === 'NER')!.workshops[0]!.progress.filter((p) => p.label === 'R5')).toHaveLength(1);
  });

  it('does not replace a report for the country of the same day', async () => {
    const model = await rabatWithProgress('2022-11-15', 'blocked');
    expect(model.dossiers.find((d) => d.country.code === 'NER')!.workshops[0]!.progress).toContainEqual({ label: 'R5', status: 'in-progress', date: '2022-11-15' });
    expect(model.dossiers.find((d) => d.country.code === 'GHA')!.workshops[0]!.progress).toContainEqual({ label: 'R5', status: 'blocked', date: '2022-11-15', all_countries: true });
  });

  it('is in programme.json beside the progress in one country (both were missing)', async () => {
    const data = JSON.parse(programmeJson(await rabatWithProgress('2023-01-10', 'done'))) as { progress: unknown[] };
    expect(data.progress).toEqual([
      { workshop: 'rabat-2022', recommendation: 'R5', id: 'cl-traveller-data', country: 'NER', status: 'in-progress', date: '2022-11-15' },
      { workshop: 'rabat-2022', recommendation: 'R5', id: 'cl-traveller-data', status: 'done', date: '2023-01-10' },
    ]);
  });
});
