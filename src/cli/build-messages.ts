import path from 'node:path';
import type { OutputProblem, UncheckedFile } from '../build/compare-output.js';
import { FORMATS } from '../build/output-formats.js';
import type { Format } from '../notes/types.js';
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
 * `named`: up to how many are named.
 */
function filesSaid(files: readonly string[], verbose: boolean, named = NAMED_FILES): string {
  if (files.length <= named || verbose) return files.join(', ');
  const kinds = new Map<string, number>();
  for (const file of files) {
    const kind = path.extname(file).slice(1) || 'other';
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return `${[...kinds].map(([kind, count]) => `${count} ${kind}`).join(', ')} (--verbose names them)`;
}

/** How `publishedSummary` says what a build published in one folder. */
export interface SummaryOptions {
  /** Names every file written, removed or left (--verbose). */
  verbose?: boolean;
  /**
   * One line for the folder (a programme's, which has up to a hundred workshops): what was removed
   * and what was left of other formats counted in brackets after the folder, as what was kept
   * unchanged is. With `verbose`, the lines a workshop built alone gives, every file named.
   */
  oneLine?: boolean;
  /** Up to this many files written are named, more counted by kind (12; 0: always counted). */
  named?: number;
  /** Whose files they are, said before their count (`the programme's `). */
  whose?: string;
}

/**
 * What `build` says after publishing into a folder (`shown`): what it wrote, kept and removed, and
 * the files of other formats it left as an earlier build wrote them; for a workshop built alone and
 * for each folder of a programme (`oneLine`).
 */
export function publishedSummary(shown: string, result: PublishResult, options: SummaryOptions = {}): string {
  const { verbose = false, named = NAMED_FILES, whose = '' } = options;
  const oneLine = options.oneLine === true && !verbose;
  const others = result.otherFormats ?? [];
  const lines: string[] = [];
  if (result.recovered) lines.push(`The previous build was interrupted while writing ${shown}/; it was ${result.recovered === 'completed' ? 'completed' : 'rolled back'} first.`);
  const notes = [
    ...(result.kept.length ? [`${result.kept.length} unchanged`] : []),
    ...(oneLine && result.removed.length ? [`removed ${result.removed.length} left over from the previous build`] : []),
    ...(oneLine && others.length ? [`${others.length} of other formats left as an earlier build wrote ${others.length === 1 ? 'it' : 'them'}`] : []),
  ];
  const noted = notes.length ? ` (${notes.join('; ')})` : '';
  const list = result.written.length ? `: ${filesSaid(result.written, verbose, named)}` : '.';
  lines.push(`Wrote ${whose}${result.written.length} ${result.written.length === 1 ? 'file' : 'files'} to ${shown}/${noted}${list}`);
  if (!oneLine && result.removed.length) lines.push(`Removed ${result.removed.length} left over from the previous build: ${filesSaid(result.removed, verbose)}`);
  if (!oneLine && others.length) lines.push(`Left ${others.length} ${others.length === 1 ? 'file' : 'files'} of other formats as an earlier build wrote ${others.length === 1 ? 'it' : 'them'} (not built this time): ${filesSaid(others, verbose)}`);
  return lines.map((line) => `${line}\n`).join('');
}

/** `md`, `md and html`, `md, pdf and html`, in the formats' order. */
function formatList(formats: readonly Format[]): string {
  const sorted = FORMATS.filter((format) => formats.includes(format));
  return sorted.length <= 1 ? sorted.join('') : `${sorted.slice(0, -1).join(', ')} and ${sorted[sorted.length - 1]!}`;
}

/** `N md files`, `1 md and html file`; `N files` of no format. */
function filesOf(count: number, formats: readonly Format[]): string {
  const list = formatList(formats);
  return `${count} ${list ? `${list} ` : ''}${count === 1 ? 'file' : 'files'}`;
}

/** What `build` was given that changes what it makes: what the hint of a check that failed repeats. */
export interface RebuildOptions {
  dir: string;
  out?: string;
  formats?: readonly Format[];
  templates?: string;
  pdfTheme?: string;
  pdfA?: boolean;
  asOf?: string;
}

/**
 * The build that brings what `build --check` compared up to date: the project folder and the
 * options that change what is made (`--out`, `--format`, `--templates`, `--pdf-theme`, `--pdf-a`,
 * `--as-of`) as given, so that it writes those very files, and no others: a build of these formats
 * leaves the files of other formats as they are.
 */
export function rebuildCommand(options: RebuildOptions): string {
  const words = ['workshop-report', 'build', options.dir];
  if (options.out !== undefined) words.push('--out', options.out);
  if (options.formats !== undefined) words.push('--format', FORMATS.filter((format) => options.formats!.includes(format)).join(','));
  if (options.templates !== undefined) words.push('--templates', options.templates);
  if (options.pdfTheme !== undefined) words.push('--pdf-theme', options.pdfTheme);
  if (options.pdfA) words.push('--pdf-a');
  if (options.asOf !== undefined) words.push('--as-of', options.asOf);
  return words.map(shellWord).join(' ');
}

/** A word as a shell reads it back: as it is when it is plain, else in single quotes. */
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}

/**
 * Said when Ctrl-C came once publishing had passed its point of no return (the commit record
 * written): the build published anyway and exits with its own code, not 130, and the person who
 * pressed Ctrl-C is told why, rather than left to think the reports are the old ones.
 */
export function lateInterruptNote(): string {
  return 'Ctrl-C came while the reports were being moved into place, too late to stop: they are published.\n';
}

/** What `build --check` compared in one output folder. */
export interface Compared {
  /** How many files the build made (each one compared). */
  files: number;
  /** The formats they were made in. */
  formats?: readonly Format[];
  problems: readonly OutputProblem[];
  /** The files of other formats the folder's manifest lists, which were not compared (see compareOutput). */
  unchecked?: readonly UncheckedFile[];
}

/**
 * What `build --check` says: up to date, or each document that is missing, differs or is stale,
 * and what was not checked (the files of other formats: `up to date for md (6 files; 12 html files not checked)`).
 * `command`: the build that brings the folder up to date (see rebuildCommand).
 */
export function checkSummary(shown: string, compared: Compared, quiet: boolean, command = 'workshop-report build'): string {
  const { files, formats, problems, unchecked = [] } = compared;
  const notChecked = unchecked.length > 0 ? `${filesOf(unchecked.length, [...new Set(unchecked.flatMap((file) => file.formats))])} not checked` : '';
  if (problems.length === 0) {
    if (quiet) return '';
    // `for md (6 files; …)`: what was compared counts the files every build makes too (a programme's exports).
    return notChecked ? `${shown}/ is up to date${formats ? ` for ${formatList(formats)}` : ''} (${files} ${files === 1 ? 'file' : 'files'}; ${notChecked}).\n` : `${shown}/ is up to date (${files} files).\n`;
  }
  return `${shown}/ is not up to date with the notes${notChecked ? ` (${notChecked})` : ''}:\n${problems.map((p) => `  ${p.kind.padEnd(8)} ${p.file}\n`).join('')}Run \`${command}\` and commit the result.\n`;
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
