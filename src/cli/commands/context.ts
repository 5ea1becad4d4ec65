import { consolidate } from '../../consolidate/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { countryTable } from '../../reference/countries.js';
import { checkProject } from '../../build/check-project.js';
import { EXIT, type Io } from '../io.js';
import { reportDiagnostics, reportingFrom } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';

/** Prints the exact data the templates receive, as JSON (per-country templates also get `brief`). */
export async function contextCommand(options: { dir: string }, globals: GlobalOptions, io: Io): Promise<number> {
  const checked = await checkProject(options.dir, io.cwd);
  const reporting = reportingFrom({}, io);
  if (hasErrors(checked.diagnostics) || !checked.project) {
    reportDiagnostics(checked.diagnostics, checked.sources, checked.dir, reporting, globals, io);
    return EXIT.problems;
  }
  const model = consolidate(checked.project, countryTable());
  io.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  return EXIT.ok;
}
