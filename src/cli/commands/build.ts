import path from 'node:path';
import { startPublication } from '../../build/output.js';
import { build, parseAsOf, parseFormats } from '../../build/pipeline.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { compareOutput, outputDiagnostics } from '../../build/compare-output.js';
import { cacheSummary, checkSummary, lateInterruptNote, progressLine, publishedSummary, rebuildCommand } from '../build-messages.js';
import { EXIT, type Io } from '../io.js';
import { problemsExitCode, reportAndJudge, reportedPath, reportingFrom, type ReportingOptions } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';
import { Timings } from '../../build/timings.js';
import type { WarmState } from '../../build/warm.js';

export interface BuildOptions extends ReportingOptions {
  dir: string;
  out?: string;
  format?: string;
  pdfTheme?: string;
  check?: boolean;
  templates?: string;
  pdfA?: boolean;
  asOf?: string;
  cache?: boolean;
  cacheLocation?: string;
}

/** `build`: flags → the build layer → publish (or compare, for --check) → report. `warm`: watch mode's state. */
export async function buildCommand(options: BuildOptions, globals: GlobalOptions, io: Io, warm?: WarmState): Promise<number> {
  const reporting = reportingFrom(options, io);
  const timings = new Timings();
  const { dir, out, format, templates, pdfTheme, pdfA, check, asOf, cache, cacheLocation } = options;
  if (asOf !== undefined) parseAsOf(asOf);
  const publication = check ? undefined : startPublication(path.resolve(io.cwd, out ?? path.join(dir, 'out')), { project: path.resolve(io.cwd, dir), ...(io.signal ? { signal: io.signal } : {}), ...(warm ? { warm } : {}) });
  const progress = progressLine(io, reporting.quiet);
  const formats = format !== undefined ? parseFormats(format) : undefined;
  const settings = { ...(formats ? { formats } : {}), ...(out !== undefined ? { out } : {}), ...(templates !== undefined ? { templates } : {}), ...(pdfTheme !== undefined ? { pdfTheme } : {}), ...(pdfA ? { pdfA } : {}), ...(asOf !== undefined ? { asOf } : {}), ...(cache ? { cache } : {}), ...(cacheLocation !== undefined ? { cacheLocation } : {}) };
  const result = await build(dir, settings, {
    cwd: io.cwd, env: io.env, timings,
    ...(io.signal ? { signal: io.signal } : {}), ...(warm ? { warm } : {}), ...(publication ? { emit: publication.emit } : {}), ...(progress ? { onProgress: progress.show } : {}),
  }).catch(async (error: unknown) => {
    await publication?.abort();
    throw error;
  }).finally(() => progress?.clear());
  const report = () => {
    const code = reportAndJudge(result, reporting, globals, io, timings);
    io.stderr.write(cacheSummary([result.cache], reporting));
    return code;
  };
  // --strict and --max-warnings make warnings stop the build like errors; --check still compares
  // what the build made, so that a CI log failed by a warning also says what is out of date.
  if (publication ? problemsExitCode(result.diagnostics, reporting) !== EXIT.ok : hasErrors(result.diagnostics)) {
    await publication?.abort();
    return report();
  }
  const shown = path.relative(io.cwd, result.outDir) || '.';
  if (!publication) {
    // Only the files of the formats built are compared: --format md leaves the PDFs and the HTML out.
    const { problems, unchecked } = await compareOutput(result.outDir, result.files, result.dir, result.formats ? { formats: result.formats } : {});
    // What brings them up to date: this very build, with the options that change what it makes.
    const command = rebuildCommand({ dir, ...(out !== undefined ? { out } : {}), ...(formats ? { formats } : {}), ...(templates !== undefined ? { templates } : {}), ...(pdfTheme !== undefined ? { pdfTheme } : {}), ...(pdfA ? { pdfA } : {}), ...(asOf !== undefined ? { asOf } : {}) });
    // JSON and GitHub annotations carry the differences as problems; the pretty reporter lists them after.
    if (reporting.reporter !== 'pretty') result.diagnostics.push(...outputDiagnostics(problems, path.relative(result.dir, result.outDir), command, reportedPath(result.dir, reporting, io)));
    const code = report();
    io.stderr.write(checkSummary(shown, { files: result.files.length, ...(result.formats ? { formats: result.formats } : {}), problems, unchecked }, reporting.quiet, command));
    return problems.length ? EXIT.problems : code;
  }
  // Interrupted before the commit record is written, commit removes every temporary file and throws
  // InterruptedError (130); after, it publishes, and the build's own exit code stands. The files an
  // earlier build made in formats this one does not make are left as they are.
  const published = await publication.commit(result.numbering ? { numbers: result.numbering } : undefined, result.formats);
  timings.mark('write');
  const code = report();
  // Watch mode: the files of other formats are said once, not again after every save while they stay the same.
  const others = (published.otherFormats ?? []).join('\n');
  const saidBefore = warm !== undefined && warm.otherFormatsSaid === others;
  if (warm) warm.otherFormatsSaid = others;
  const { otherFormats: _said, ...withoutOthers } = published;
  if (!reporting.quiet) io.stderr.write(publishedSummary(shown, saidBefore ? withoutOthers : published, { verbose: reporting.verbose }));
  if (io.signal?.aborted) io.stderr.write(lateInterruptNote());
  return code;
}
