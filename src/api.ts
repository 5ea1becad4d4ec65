/**
 * workshop-report's programming interface: `import { validate, build, formatDiagnostics } from
 * 'workshop-report'`. Everything here works in memory; nothing is written unless the caller
 * publishes. The command-line tool is built on these same functions. Versioning: docs/api.md.
 */
import path from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics/diagnostic.js';
import { SetupError } from './errors.js';
import { formatGithub } from './diagnostics/formats/github.js';
import { formatJson } from './diagnostics/formats/json.js';
import { formatPretty, PLAIN } from './diagnostics/reporter.js';
import type { FileSystem } from './load/file-system.js';
import type { LoadedProject } from './load/index.js';
import type { Format } from './notes/types.js';
import { checkProject } from './build/check-project.js';
import { openStaging, type OutputFile, type PublishResult } from './build/publish.js';

export { build, parseFormats, FORMATS, type BuildOptions, type BuildEnvironment, type BuildResult, type BuildProgress } from './build/pipeline.js';
export { startPublication, type Publication } from './build/output.js';
export { compareOutput, type OutputProblem, type UncheckedFile } from './build/compare-output.js';
export type { Diagnostic, Location, Position, RelatedLocation, RuleId, Severity, Stage } from './diagnostics/diagnostic.js';
export { hasErrors } from './diagnostics/diagnostic.js';
export type { OutputFile, PublishResult } from './build/publish.js';
export type { FileSystem } from './load/file-system.js';
export type { Format, Language } from './notes/types.js';
export { SetupError, InterruptedError } from './errors.js';

export interface ValidationResult {
  /** The project folder, absolute. */
  dir: string;
  /** Every problem found, in the order found. */
  diagnostics: Diagnostic[];
  /** The text of every notes file, by its project-relative path (for code frames). */
  sources: Map<string, string>;
  /** The parsed project (for counts: `loaded.sessions.length`). */
  loaded: LoadedProject;
}

/** Reads and checks a project folder: what `workshop-report validate` does. Writes nothing. */
export async function validate(dir: string, environment: { cwd?: string; fs?: FileSystem } = {}): Promise<ValidationResult> {
  const checked = await checkProject(dir, environment.cwd ?? process.cwd(), undefined, undefined, environment.fs);
  return { dir: checked.dir, diagnostics: checked.diagnostics, sources: checked.sources, loaded: checked.loaded };
}

export interface FormatOptions {
  /** `pretty` (for people, the default), `json` (an array) or `github` (workflow commands). */
  format?: 'pretty' | 'json' | 'github';
  /** File texts for the code frames of `pretty` (a result's `sources`). */
  sources?: ReadonlyMap<string, string>;
  /** Diagnostics' paths are relative to the project folder; with it, they are shown relative to `cwd`. */
  projectDir?: string;
  cwd?: string;
}

/** Diagnostics as the command-line tool prints them, without colour. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[], options: FormatOptions = {}): string {
  const prefix = options.projectDir === undefined ? '' : path.relative(options.cwd ?? process.cwd(), options.projectDir).split(path.sep).join('/');
  const displayPath = (file: string) => (file.startsWith('(') || !prefix ? file : path.posix.normalize(`${prefix}/${file}`));
  switch (options.format ?? 'pretty') {
    case 'json':
      return formatJson(diagnostics, displayPath, prefix || '.');
    case 'github':
      return formatGithub(diagnostics, displayPath, prefix || '.');
    default:
      return diagnostics.length === 0 ? '' : formatPretty(diagnostics, { style: PLAIN, sources: options.sources ?? new Map(), displayPath });
  }
}

/**
 * Writes a build's files into its output folder all-or-nothing, removing what the previous build
 * wrote there and this one did not, of the formats it made (`formats`): the files an earlier build
 * made in other formats are left as they are. A build with errors made no files: publishing it would remove
 * the previous reports, so it is refused (SetupError) and the folder is left as it is.
 */
export async function publish(result: { outDir: string; files: readonly OutputFile[]; diagnostics?: readonly Diagnostic[]; numbering?: Record<string, Record<string, string>>; dir?: string; formats?: readonly Format[] }, options: { signal?: AbortSignal; fs?: FileSystem } = {}): Promise<PublishResult> {
  if (result.diagnostics && hasErrors(result.diagnostics)) {
    throw new SetupError('The build has errors, so there is nothing to publish; the output folder is left as it was.', 'Fix the problems in the diagnostics first (formatDiagnostics shows them).');
  }
  const staging = await openStaging(result.outDir, options.signal, options.fs, result.dir);
  for (const file of result.files) await staging.add(file);
  return staging.commit(result.numbering ? { numbers: result.numbering } : undefined, result.formats);
}
