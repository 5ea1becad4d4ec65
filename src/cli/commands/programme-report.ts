import { summarize } from '../../diagnostics/reporter.js';
import type { ProgrammeCheck } from '../../build/programme-check.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Io } from '../io.js';
import { judgeProblems, reportDiagnosticParts, type Reporting } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';

/** Every problem of a programme: programme.yaml's, then each workshop's, with that workshop's paths. */
export function report(check: Pick<ProgrammeCheck<unknown>, 'diagnostics' | 'file' | 'dir'>, extra: ReadonlyArray<{ dir: string; diagnostics: Diagnostic[]; sources: ReadonlyMap<string, string> }>, reporting: Reporting, globals: GlobalOptions, io: Io, sources?: ReadonlyMap<string, string>): number {
  reportDiagnosticParts([{ diagnostics: check.diagnostics, sources: new Map([...(sources ?? []), ['programme.yaml', check.file.source.text]]), dir: check.dir }, ...extra], reporting, globals, io);
  if (reporting.reporter === 'pretty') io.stderr.write(programmeTotal(check.diagnostics, extra, reporting.quiet));
  // A programme that fails on warnings alone says so, as a workshop does.
  return judgeProblems([...check.diagnostics, ...extra.flatMap((part) => part.diagnostics)], reporting, io);
}

/**
 * The count over the whole programme, when its problems are in more than one part (each part's own
 * count ends its list: the last one read, "2 errors", was taken for the programme's).
 */
function programmeTotal(own: readonly Diagnostic[], parts: ReadonlyArray<{ diagnostics: readonly Diagnostic[] }>, quiet: boolean): string {
  const shown = (list: readonly Diagnostic[]) => (quiet ? list.filter((d) => d.severity === 'error') : list);
  const withProblems = parts.filter((part) => shown(part.diagnostics).length > 0);
  if (withProblems.length + (shown(own).length > 0 ? 1 : 0) < 2) return '';
  // Counted as each part's own count is (summarize).
  const counted = summarize(shown([...own, ...parts.flatMap((part) => part.diagnostics)]));
  const where = `${withProblems.length} ${withProblems.length === 1 ? 'workshop' : 'workshops'}${shown(own).length > 0 ? ' and programme.yaml' : ''}`;
  return `In all: ${counted}, in ${where}.\n`;
}
