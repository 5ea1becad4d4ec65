import { checkProject } from '../../build/check-project.js';
import { consolidate } from '../../consolidate/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { affiliationNames, editionNamed, forEdition } from '../../editions/index.js';
import { countryTable } from '../../reference/countries.js';
import { EXIT, type Io } from '../io.js';
import { reportDiagnostics, reportingFrom } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';

/**
 * Prints the exact data the templates receive, as JSON (per-country templates also get `brief`):
 * that of one edition (`--edition`, default the first), restricted items already left out.
 */
export async function contextCommand(options: { dir: string; edition?: string }, globals: GlobalOptions, io: Io): Promise<number> {
  const checked = await checkProject(options.dir, io.cwd);
  const reporting = reportingFrom({}, io);
  if (hasErrors(checked.diagnostics) || !checked.project) {
    reportDiagnostics(checked.diagnostics, checked.sources, checked.dir, reporting, globals, io);
    return EXIT.problems;
  }
  const workshop = checked.project.workshop.data;
  const table = countryTable();
  const edition = editionNamed(workshop, options.edition);
  const model = consolidate(forEdition(checked.project, edition, affiliationNames(workshop, table, workshop.language ?? workshop.languages?.[0] ?? 'en')), table);
  io.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  return EXIT.ok;
}
