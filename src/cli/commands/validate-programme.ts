import { checkProgrammeProblems } from '../../build/programme-check.js';
import { EXIT, type Io } from '../io.js';
import { reportingFrom } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';
import type { ValidateOptions } from './validate.js';
import { cacheSummary } from '../build-messages.js';
import { Timings } from '../../build/timings.js';
import { report } from './programme-report.js';

/** `validate` of a programme folder: programme.yaml and every workshop it lists. */
export async function validateProgrammeCommand(options: ValidateOptions, globals: GlobalOptions, io: Io): Promise<number> {
  const reporting = reportingFrom(options, io);
  const timings = new Timings();
  const check = await checkProgrammeProblems(options.dir, io.cwd, { ...(options.cache ? { cache: true } : {}), ...(options.cacheLocation !== undefined ? { cacheLocation: options.cacheLocation } : {}), ...(options.templates !== undefined ? { templates: options.templates } : {}) });
  timings.mark('workshops');
  const code = report(check, check.workshops.map((w) => w.checked), reporting, globals, io, check.sources);
  if (reporting.verbose) io.stderr.write(timings.format());
  io.stderr.write(cacheSummary(check.workshops.map((w) => w.checked.cache), reporting));
  if (code === EXIT.ok && reporting.reporter === 'pretty' && !reporting.quiet) io.stderr.write(`Programme checked: ${check.workshops.length} ${check.workshops.length === 1 ? 'workshop' : 'workshops'}.\n`);
  return code;
}
