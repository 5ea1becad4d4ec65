import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatGithub } from '../diagnostics/formats/github.js';
import { formatJson, formatJsonParts } from '../diagnostics/formats/json.js';
import { formatPretty } from '../diagnostics/reporter.js';
import { SetupError } from '../errors.js';
import { EXIT, type Io } from './io.js';
import type { GlobalOptions } from './run.js';
import { styleFor } from './style.js';
import type { Timings } from '../build/timings.js';

import { REPORTERS, reporterOf, type ReporterName } from './reporter-choice.js';

export type { ReporterName } from './reporter-choice.js';

/** How a command reports and judges its diagnostics (shared by validate and build). */
export interface ReportingOptions {
  reporter?: string;
  strict?: boolean;
  maxWarnings?: string;
  quiet?: boolean;
  verbose?: boolean;
}

export interface Reporting {
  reporter: ReporterName;
  strict: boolean;
  maxWarnings: number | undefined;
  quiet: boolean;
  verbose: boolean;
}

/** Checks the flags once; github is the default inside GitHub Actions. */
export function reportingFrom(options: ReportingOptions, io: Io): Reporting {
  const reporter = reporterOf(options, io);
  if (reporter === undefined) {
    throw new SetupError(`Unknown reporter “${options.reporter}”.`, `Use one of: ${REPORTERS.join(', ')}.`);
  }
  const maxWarnings = options.maxWarnings === undefined ? undefined : parseMaxWarnings(options.maxWarnings);
  return { reporter, strict: options.strict ?? false, maxWarnings, quiet: options.quiet ?? false, verbose: options.verbose ?? false };
}

/**
 * `--max-warnings 10` → 10: plain decimal digits only. An empty value (a variable left unset in a CI
 * script) is said as such: Number('') is 0, which failed the run on its first warning. `0x1`, `1e0`,
 * ` 1` are refused with `1.5` and `-1` (Number took them).
 */
export function parseMaxWarnings(value: string): number {
  if (value.trim() === '') throw new SetupError('--max-warnings was given an empty value.', 'Give the number of warnings a run may have (e.g. --max-warnings 10; 0 fails on the first warning), or leave --max-warnings out to allow any number.');
  if (!/^[0-9]+$/.test(value)) throw new SetupError(`--max-warnings takes a whole number, not “${value}”.`, 'Write it in digits alone, e.g. --max-warnings 10 (0 fails on the first warning).');
  return Number(value);
}

/**
 * Prints diagnostics with paths relative to the current folder (clickable, and where CI annotations
 * land). pretty goes to stderr; json (always, an empty list too) and github workflow commands go to
 * stdout, where the runner reads them.
 */
export function reportDiagnostics(all: readonly Diagnostic[], sources: ReadonlyMap<string, string>, projectDir: string, reporting: Reporting, globals: GlobalOptions, io: Io, failing = warningsFail(all, reporting)): void {
  const diagnostics = shown(all, reporting, failing);
  const displayPath = displayPathIn(projectDir, io);
  if (reporting.reporter === 'json') {
    io.stdout.write(formatJson(diagnostics, displayPath, projectIn(projectDir, io)));
    return;
  }
  if (diagnostics.length === 0) return;
  if (reporting.reporter === 'github') {
    const from = githubIo(io);
    io.stdout.write(formatGithub(diagnostics, displayPathIn(projectDir, from), projectIn(projectDir, from)));
    return;
  }
  io.stderr.write(formatPretty(diagnostics, { style: styleFor(io, globals.color), sources, displayPath }));
}

/**
 * What is printed: errors only with --quiet; but when the warnings fail the run (--strict,
 * --max-warnings), every reporter gives them: a CI job reading the JSON or the annotations got "no
 * problems" (`[]`) from a run that failed, and its log said it failed on warnings without naming one.
 * (The pretty reporter also says why on its own line, see judgeProblems.)
 */
const shown = (all: readonly Diagnostic[], reporting: Reporting, failing: boolean) => (reporting.quiet && !failing ? all.filter((d) => d.severity === 'error') : all);

/** Whether warnings alone fail the run (--strict, past --max-warnings). */
function warningsFail(all: readonly Diagnostic[], reporting: Reporting): boolean {
  return warningsFailure(all, reporting) !== undefined;
}

/**
 * Where annotations' paths start: the repository's root inside GitHub Actions (GITHUB_WORKSPACE),
 * where GitHub places them on the pull request's lines, whatever folder the step runs in; else the
 * current folder.
 */
function githubIo(io: Io): Io {
  const workspace = io.env.GITHUB_WORKSPACE;
  return workspace ? { ...io, cwd: path.resolve(io.cwd, workspace) } : io;
}

/** A file of the project as printed: relative to the current folder, POSIX separators. */
function displayPathIn(projectDir: string, io: Io): (file: string) => string {
  const folder = projectIn(projectDir, io);
  const prefix = folder === '.' ? '' : folder;
  // (A --templates file outside the project, ../house/report.md.hbs, is shown from the current folder.)
  return (file) => (!prefix ? file : file === '(project)' ? `${prefix}/ (project)` : file.startsWith('(') ? file : path.posix.normalize(`${prefix}/${file}`));
}

/**
 * A file of the project (relative to `projectDir`, POSIX separators) as the chosen reporter prints
 * a problem's `file`: for a message that names it, which then names it by that same path (relative
 * to the current folder; for github inside GitHub Actions, to the repository's root).
 */
export function reportedPath(projectDir: string, reporting: Pick<Reporting, 'reporter'>, io: Io): (file: string) => string {
  return displayPathIn(projectDir, reporting.reporter === 'github' ? githubIo(io) : io);
}

/** The project's folder as printed: relative to the current folder, "." for it. */
function projectIn(projectDir: string, io: Io): string {
  return path.relative(io.cwd, projectDir).split(path.sep).join('/') || '.';
}

/** Several projects' diagnostics (a programme and its workshops), in order; with --reporter json, as one array. */
export function reportDiagnosticParts(parts: ReadonlyArray<{ diagnostics: readonly Diagnostic[]; sources: ReadonlyMap<string, string>; dir: string }>, reporting: Reporting, globals: GlobalOptions, io: Io): void {
  // Whether warnings fail the run is judged over every part, as the exit code is.
  const failing = warningsFail(parts.flatMap((part) => part.diagnostics), reporting);
  if (reporting.reporter === 'json') {
    io.stdout.write(formatJsonParts(parts.map((part) => ({ diagnostics: shown(part.diagnostics, reporting, failing), displayPath: displayPathIn(part.dir, io), project: projectIn(part.dir, io) }))));
    return;
  }
  for (const part of parts) reportDiagnostics(part.diagnostics, part.sources, part.dir, reporting, globals, io, failing);
}

/**
 * A command that stopped before it had problems to report (a setup error, exit 2; an internal one,
 * exit 3), for the machine reporters: with json, stdout still holds one JSON array (one problem, no
 * file), and github still gets an annotation, so a CI job never reads an empty stdout as "no problems".
 * `projectDir` is the folder the command was given: the problem's `project`, as for its other
 * problems (it said "." whatever the folder). The pretty reporter prints nothing more: the message is on stderr.
 */
export function reportCommandError(reporter: ReporterName, diagnostic: Diagnostic, projectDir: string, io: Io): void {
  if (reporter === 'json') io.stdout.write(formatJson([diagnostic], displayPathIn(projectDir, io), projectIn(projectDir, io)));
  else if (reporter === 'github') {
    const from = githubIo(io);
    io.stdout.write(formatGithub([diagnostic], displayPathIn(projectDir, from), projectIn(projectDir, from)));
  }
}

/** A setup error (exit 2) or an internal one (exit 3) as the one problem the machine reporters give of it. */
export function commandErrorDiagnostic(error: unknown): Diagnostic {
  const setup = error instanceof SetupError;
  const message = setup ? error.message : `Internal error: ${error instanceof Error ? error.message : String(error)}`;
  const hint = setup ? error.hint : 'This is a bug in workshop-report, not in your notes: see the message on stderr.';
  return { code: setup ? 'setup-error' : 'internal-error', severity: 'error', stage: 'load', message, ...(hint ? { hint } : {}) };
}

/**
 * Errors whose problem a command has already given with its other problems (a programme's publish
 * that failed after its warnings were known): the machine reporters print one array, not two.
 */
export const reportedErrors = new WeakSet<object>();

/** 1 for errors; also for warnings under --strict or past --max-warnings. */
export function problemsExitCode(diagnostics: readonly Diagnostic[], reporting: Reporting): number {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  if (errors > 0) return EXIT.problems;
  if (reporting.strict && warnings > 0) return EXIT.problems;
  if (reporting.maxWarnings !== undefined && warnings > reporting.maxWarnings) return EXIT.problems;
  return EXIT.ok;
}

/** Prints a result's diagnostics (and, with --verbose, the time of each stage); returns the exit code they make. */
export function reportAndJudge(result: { diagnostics: readonly Diagnostic[]; sources: ReadonlyMap<string, string>; dir: string }, reporting: Reporting, globals: GlobalOptions, io: Io, timings?: Timings): number {
  reportDiagnostics(result.diagnostics, result.sources, result.dir, reporting, globals, io);
  if (reporting.verbose && timings) io.stderr.write(timings.format());
  return judgeProblems(result.diagnostics, reporting, io);
}

/** The exit code the problems make; when warnings alone fail the run (--strict, --max-warnings), why, on stderr. */
export function judgeProblems(diagnostics: readonly Diagnostic[], reporting: Reporting, io: Io): number {
  const code = problemsExitCode(diagnostics, reporting);
  const why = warningsFailure(diagnostics, reporting);
  if (code !== EXIT.ok && why) io.stderr.write(`${why}\n`);
  return code;
}

/** Why a run with warnings only fails (--strict, --max-warnings), said once: the warnings themselves do not say it (and --quiet hides them). */
function warningsFailure(diagnostics: readonly Diagnostic[], reporting: Reporting): string | undefined {
  if (diagnostics.some((d) => d.severity === 'error')) return undefined;
  const n = diagnostics.length;
  const warnings = `${n} warning${n === 1 ? '' : 's'}`;
  if (reporting.strict && n > 0) return `Failed: --strict treats the ${warnings} as errors.`;
  if (reporting.maxWarnings !== undefined && n > reporting.maxWarnings) return `Failed: ${warnings}, more than --max-warnings ${reporting.maxWarnings}.`;
  return undefined;
}
