import path from 'node:path';
import type { OutputProblem } from '../build/compare-output.js';
import type { Io } from './io.js';
import type { PublishResult } from '../build/publish.js';
import type { CacheReport } from '../build/check-project.js';

/**
 * What the cache did: a warning when it could not be written (unless --quiet), and with --verbose
 * how many files it gave and how many were parsed.
 */
export function cacheSummary(reports: ReadonlyArray<CacheReport | undefined>, options: { quiet: boolean; verbose: boolean }): string {
  const present = reports.filter((report): report is CacheReport => report !== undefined);
  if (present.length === 0 || options.quiet) return '';
  const lines = [...new Set(present.flatMap((report) => report.warning ?? []))].map((warning) => `warning: ${warning}`);
  if (options.verbose) {
    const hits = present.reduce((sum, report) => sum + report.hits, 0);
    const misses = present.reduce((sum, report) => sum + report.misses, 0);
    lines.push(`Cache: ${hits} ${hits === 1 ? 'file' : 'files'} read from it, ${misses} parsed.`);
  }
  return lines.map((line) => `${line}\n`).join('');
}

/** Files named one by one up to this many; more are counted by kind, unless --verbose. */
const NAMED_FILES = 12;

/**
 * The files written or removed, by name; a larger build's by kind (`30 md, 30 pdf, …`), which a
 * rapporteur can read: the example's four editions in four formats are 144 names on one line.
 */
function filesSaid(files: readonly string[], verbose: boolean): string {
  if (files.length <= NAMED_FILES || verbose) return files.join(', ');
  const kinds = new Map<string, number>();
  for (const file of files) {
    const kind = path.extname(file).slice(1) || 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return `${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')} (--verbose names them)`;
}

/** What `build` says after publishing: what it wrote, kept and removed. */
export function publishedSummary(shown: string, result: PublishResult, verbose = false): string {
  const lines: string[] = [];
  if (result.recovered) lines.push(`The previous build was interrupted while writing ${shown}/; it was ${result.recovered === 'completed' ? 'completed' : 'rolled back'} first.`);
  const unchanged = result.kept.length ? ` (${result.kept.length} unchanged)` : '';
  const list = result.written.length ? `: ${filesSaid(result.written, verbose)}` : '.';
  lines.push(`Wrote ${result.written.length} ${result.written.length === 1 ? 'file' : 'files'} to ${shown}/${unchanged}${list}`);
  if (result.removed.length) lines.push(`Removed ${result.removed.length} left over from the previous build: ${filesSaid(result.removed, verbose)}`);
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * Said when Ctrl-C came once publishing had passed its point of no return (the commit record
 * written): the build published anyway and exits with its own code, not 130, and the person who
 * pressed Ctrl-C is told why, rather than left to think the reports are the old ones.
 */
export function lateInterruptNote(): string {
  return 'Ctrl-C came while the reports were being moved into place, too late to stop: they are published.\n';
}

/** What `build --check` says: up to date, or each document that is missing, differs or is stale. */
export function checkSummary(shown: string, files: number, problems: readonly OutputProblem[], quiet: boolean): string {
  if (problems.length === 0) return quiet ? '' : `${shown}/ is up to date (${files} files).\n`;
  return `${shown}/ is not up to date with the notes:\n${problems.map((p) => `  ${p.kind.padEnd(8)} ${p.file}\n`).join('')}Run \`workshop-report build\` and commit the result.\n`;
}

/** Which document is being typeset, on a terminal only: never in CI logs or when stderr is piped. */
export function progressLine(io: Io, quiet: boolean): { show: (event: { file: string; index: number; total: number }) => void; clear: () => void } | undefined {
  if (quiet || io.stderr.isTTY !== true || io.env.CI) return undefined;
  let shown = false;
  return {
    show: ({ file, index, total }) => {
      shown = true;
      io.stderr.write(`\r\x1b[KTypesetting ${file} (${index + 1}/${total})…`);
    },
    clear: () => {
      if (shown) io.stderr.write('\r\x1b[K');
    },
  };
}
