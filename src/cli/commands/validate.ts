import path from 'node:path';
import { validateProject } from '../../build/check-project.js';
import { cacheIn } from '../../build/cache.js';
import { cacheSummary } from '../build-messages.js';
import { EXIT, type Io } from '../io.js';
import { reportAndJudge, reportingFrom, type ReportingOptions } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';
import { Timings } from '../../build/timings.js';
import { coverageLines, translationStatus } from '../../languages/index.js';

export interface ValidateOptions extends ReportingOptions {
  dir: string;
  cache?: boolean;
  cacheLocation?: string;
  /** The folder of template overrides build is given (default DIR/templates). */
  templates?: string;
}

export async function validateCommand(options: ValidateOptions, globals: GlobalOptions, io: Io): Promise<number> {
  const reporting = reportingFrom(options, io);
  const timings = new Timings();
  // Without --out, the cache's default place is the default output folder, DIR/out.
  const cache = cacheIn(options, path.resolve(io.cwd, options.dir, 'out'), io.cwd);
  const checked = await validateProject(options.dir, io.cwd, timings, cache, options.templates);
  const code = reportAndJudge(checked, reporting, globals, io, timings);
  io.stderr.write(cacheSummary([checked.cache], reporting));
  if (code === EXIT.ok && reporting.reporter === 'pretty' && !reporting.quiet) {
    const { sessions } = checked.loaded;
    io.stderr.write(`${checked.diagnostics.length ? '' : 'No problems found: '}${sessions.length} session ${sessions.length === 1 ? 'file' : 'files'} checked.\n`);
  }
  // One line per translation language: how much of the report it covers.
  if (checked.project && reporting.reporter === 'pretty' && !reporting.quiet) for (const line of coverageLines(translationStatus(checked.project))) io.stderr.write(`${line}\n`);
  return code;
}
