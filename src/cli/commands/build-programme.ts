import path from 'node:path';
import { parseAsOf, parseFormats } from '../../build/pipeline.js';
import { buildProgramme } from '../../build/programme.js';
import { report } from './programme-report.js';
import { stageProgramme } from '../../build/programme-staging.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import { EXIT, type Io } from '../io.js';
import { commandErrorDiagnostic, problemsExitCode, reportedErrors, reportedPath, reportingFrom, type Reporting } from '../report-diagnostics.js';
import { InterruptedError } from '../../errors.js';
import type { GlobalOptions } from '../run.js';
import type { BuildOptions } from './build.js';
import { cacheSummary, checkSummary, lateInterruptNote, publishedSummary, rebuildCommand, type Compared } from '../build-messages.js';
import { compareOutput, outputDiagnostics } from '../../build/compare-output.js';
import type { Format } from '../../notes/types.js';
import type { OutputFile, PublishResult } from '../../build/publish.js';
import { Timings } from '../../build/timings.js';

/**
 * `build` of a programme folder: every workshop into its own output, then the programme's documents
 * and exports; all or nothing. With --check, nothing is written: every output folder is compared.
 */
export async function buildProgrammeCommand(options: BuildOptions, globals: GlobalOptions, io: Io): Promise<number> {
  const reporting = reportingFrom(options, io);
  const timings = new Timings();
  const staging = options.check ? undefined : stageProgramme(io.signal);
  const formats = options.format !== undefined ? parseFormats(options.format) : undefined;
  const built = await buildProgramme(options.dir, {
    ...(staging ? { staging } : {}),
    ...(formats ? { formats } : {}),
    ...(options.asOf !== undefined ? { asOf: parseAsOf(options.asOf) } : {}),
    ...(options.templates !== undefined ? { templates: options.templates } : {}),
    ...(options.pdfTheme !== undefined ? { pdfTheme: options.pdfTheme } : {}),
    ...(options.pdfA ? { pdfA: true } : {}),
    ...(options.out !== undefined ? { programmeOut: options.out } : {}),
    ...(options.cache ? { cache: true } : {}),
    ...(options.cacheLocation !== undefined ? { cacheLocation: options.cacheLocation } : {}),
  }, io.cwd, { env: io.env, timings, ...(io.signal ? { signal: io.signal } : {}) }).catch(async (error: unknown) => {
    await staging?.abort();
    throw error;
  });
  const parts = built.builds.length ? built.builds : built.workshops.map((w) => w.checked);
  const all = [...built.diagnostics, ...parts.flatMap((part) => part.diagnostics)];
  const code = problemsExitCode(all, reporting);
  const made = built.files.length > 0 && !hasErrors(all);
  // --check: every output folder (each workshop's, then the programme's) against what the build
  // made, also when warnings fail the run (--strict, --max-warnings): the log says what is out of date too.
  // What brings them up to date: the programme's build, with the options that change what it makes.
  const command = rebuildCommand({ dir: options.dir, ...(options.out !== undefined ? { out: options.out } : {}), ...(formats ? { formats } : {}), ...(options.templates !== undefined ? { templates: options.templates } : {}), ...(options.pdfTheme !== undefined ? { pdfTheme: options.pdfTheme } : {}), ...(options.pdfA ? { pdfA: true } : {}), ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) });
  const compared = !staging && made ? await compareFolders([...built.builds.map((b) => ({ ...b, part: b, programmeWorkshop: true })), { dir: built.dir, outDir: built.outDir, files: built.files, formats: built.formats, part: built }], reporting, command, io) : [];
  // Printed once the outcome is known: a publish that fails after the problems were printed would
  // make a second JSON array (its setup error) on stdout.
  const printProblems = () => {
    report(built, parts, reporting, globals, io, built.sources);
    io.stderr.write(cacheSummary(built.workshops.map((w) => w.checked.cache), reporting));
  };
  if (!staging && made) {
    printProblems();
    for (const folder of compared) io.stderr.write(checkSummary(path.relative(io.cwd, folder.outDir) || '.', folder, reporting.quiet, command));
    return compared.some((folder) => folder.problems.length > 0) ? EXIT.problems : code;
  }
  if (code !== EXIT.ok || !made || !staging) {
    await staging?.abort();
    printProblems();
    return code === EXIT.ok ? EXIT.problems : code;
  }
  const published = await staging.commit().catch((error: unknown) => {
    // The warnings are still said, with the error: after them (pretty, which prints the error on
    // stderr), or with it in one JSON array or set of annotations (the machine reporters).
    if (reporting.reporter !== 'pretty' && !(error instanceof InterruptedError) && error instanceof Object) {
      built.diagnostics.push(commandErrorDiagnostic(error));
      reportedErrors.add(error);
    }
    printProblems();
    throw error;
  });
  printProblems();
  timings.mark('write');
  if (reporting.verbose) io.stderr.write(timings.format());
  if (!reporting.quiet) {
    // Each folder as a workshop built alone says it (what was removed, what was left of other
    // formats), on one line: a programme has up to a hundred workshops. Their files counted by kind.
    const said = (outDir: string, result: PublishResult | undefined, named: number, whose?: string) => publishedSummary(path.relative(io.cwd, outDir) || '.', result ?? { written: [], kept: [], removed: [] }, { verbose: reporting.verbose, oneLine: true, named, ...(whose !== undefined ? { whose } : {}) });
    for (const result of built.builds) io.stderr.write(said(result.outDir, published.get(result.outDir), 0));
    // Its own reports were built as of that day like every workshop's: before it was held, every action not started
    // (without follow-up reports, no status at all: nothing to bring up to date).
    if (built.leftOut.length > 0) {
      const shown = built.leftOut.filter((w) => w.followUp).length;
      const own = shown === 0 ? '' : shown === built.leftOut.length
        ? ` ${shown === 1 ? 'Its own reports, built' : 'Their own reports, built'} as of that day too, show every action not started; a build without --as-of brings them up to date.`
        : ' Those with follow-up reports have their own reports built as of that day too, every action not started; a build without --as-of brings them up to date.';
      io.stderr.write(`Not yet held on ${options.asOf}, so left out of the programme's documents and exports: ${built.leftOut.map((w) => `${path.relative(io.cwd, w.dir) || '.'} (from ${w.start})`).join(', ')}.${own}\n`);
    }
    // Its reports print what it marks restricted, and the programme's documents go to donors.
    if (built.unlinked.length > 0) io.stderr.write(`Named without a link to its reports in the programme's documents (they print what it marks restricted, and it has no public edition): ${built.unlinked.map((dir) => path.relative(io.cwd, dir) || '.').join(', ')}. To link to it, give it a public edition (report.editions, see README "Editions").\n`);
    // Its images' paths are its own folder's, which the programme does not publish: said once, not a warning (it is no mistake: --strict passes).
    if (built.notesImages.length > 0) io.stderr.write(`Images in the notes shown as their alt text in the programme's documents, which publish no workshop's images (its own reports show them): ${built.notesImages.map((w) => `${path.relative(io.cwd, w.dir) || '.'} (${w.images} image${w.images === 1 ? '' : 's'})`).join(', ')}.\n`);
    // Its files named when they are few (Markdown only: the documents and the exports), else counted
    // as a workshop's are; in the order the build made them (its documents, then its exports), not staged them.
    const own = published.get(built.outDir);
    const order = new Map(built.files.map((file, index) => [file.path, index]));
    const inOrder = (files: readonly string[]) => [...files].sort((a, b) => (order.get(a) ?? order.size) - (order.get(b) ?? order.size));
    io.stderr.write(said(built.outDir, own && { ...own, written: inOrder(own.written) }, NAMED_FILES, "the programme's "));
    // Ctrl-C after every folder's commit record was written: all were published (see stageProgramme).
    if (io.signal?.aborted) io.stderr.write(lateInterruptNote());
  }
  return EXIT.ok;
}

/** Up to this many, the programme's files are named after "Wrote": a Markdown build of a dozen countries. */
const NAMED_FILES = 20;

/**
 * `build --check` of a programme: each output folder against what the build made, in the formats
 * it made there (the files of other formats are left out, as for a workshop). For the JSON and
 * GitHub reporters, each difference is also a problem of the folder's project (`part`), whose hint
 * gives `command` and whose message names the file as the reporter prints its `file`.
 */
async function compareFolders(folders: ReadonlyArray<{ dir: string; outDir: string; files: OutputFile[]; formats?: readonly Format[]; part: { diagnostics: Diagnostic[] }; programmeWorkshop?: boolean }>, reporting: Reporting, command: string, io: Io): Promise<Array<Compared & { outDir: string }>> {
  const compared = [];
  for (const folder of folders) {
    const { problems, unchecked } = await compareOutput(folder.outDir, folder.files, folder.dir, { programmeWorkshop: folder.programmeWorkshop ?? false, ...(folder.formats ? { formats: folder.formats } : {}) });
    if (reporting.reporter !== 'pretty') folder.part.diagnostics.push(...outputDiagnostics(problems, path.relative(folder.dir, folder.outDir), command, reportedPath(folder.dir, reporting, io)));
    compared.push({ outDir: folder.outDir, files: folder.files.length, ...(folder.formats ? { formats: folder.formats } : {}), problems, unchecked });
  }
  return compared;
}
