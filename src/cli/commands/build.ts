import path from 'node:path';
import { consolidate } from '../../consolidate/index.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Format } from '../../notes/types.js';
import { countryTable } from '../../reference/countries.js';
import { DEFAULT_DOCUMENTS, renderEach, type RenderedDocument } from '../../render/index.js';
import { InterruptedError, SetupError } from '../../errors.js';
import { checkProject } from '../check-project.js';
import { compareOutput } from '../compare-output.js';
import { EXIT, type Io } from '../io.js';
import { openStaging, type OutputFile, type Staging } from '../publish.js';
import { problemsExitCode, reportDiagnostics, reportingFrom, type ReportingOptions } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';
import { loadTemplates, templatesFolder } from '../template-files.js';
import { Timings } from '../timings.js';
import { digest, rememberWritten, unchangedOnDisk, type WarmState } from '../warm.js';
import { PARALLEL_MIN_CHARS, TypesetPool } from '../parallel-typeset.js';

export interface BuildOptions extends ReportingOptions {
  dir: string;
  out?: string;
  format?: string;
  pdfTheme?: string;
  check?: boolean;
  templates?: string;
  pdfA?: boolean;
}

const FORMATS: readonly Format[] = ['md', 'pdf'];

/** `warm`: what watch mode keeps between rebuilds. */
export async function buildCommand(options: BuildOptions, globals: GlobalOptions, io: Io, warm?: WarmState): Promise<number> {
  const reporting = reportingFrom(options, io);
  const flagFormats = options.format === undefined ? undefined : parseFormats(options.format);
  const timings = new Timings();
  const checked = await checkProject(options.dir, io.cwd, timings, warm);
  const outDir = path.resolve(io.cwd, options.out ?? path.join(checked.dir, 'out'));
  guardOutputFolder(outDir, checked.dir);
  const shown = path.relative(io.cwd, outDir) || '.';
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const sources = new Map(checked.sources);
  const report = () => {
    reportDiagnostics(diagnostics, sources, checked.dir, reporting, globals, io);
    if (reporting.verbose) io.stderr.write(timings.format());
    return problemsExitCode(diagnostics, reporting);
  };
  if (hasErrors(diagnostics) || !checked.project) return report();

  const workshop = checked.project.workshop.data;
  const formats = flagFormats ?? workshop.report?.formats ?? ['md'];
  const model = consolidate(checked.project, countryTable());
  timings.mark('consolidate');
  const templates = await loadTemplates(templatesFolder(checked.dir, options.templates, io.cwd));
  for (const file of templates.values()) sources.set(file.displayPath, file.text);
  // Documents are written to their temporary files as they are rendered (memory holds one at a
  // time); only PDF typesetting and --check need them all at once.
  const staging = options.check ? undefined : await openStaging(outDir, io.signal);
  const digests = new Map<string, string>();
  const pool = warm?.pool ?? (formats.includes('pdf') ? new TypesetPool() : undefined);
  try {
    const code = await produce(staging);
    if (code !== undefined) {
      await staging?.abort();
      return code;
    }
  } catch (error) {
    await staging?.abort();
    throw error;
  } finally {
    if (!warm) await pool?.close();
  }
  if (!staging) return EXIT.ok;
  const result = await staging.commit();
  if (warm) await rememberWritten(warm, outDir, digests, result.written);
  timings.mark('write');
  const code = report();
  if (!reporting.quiet) {
    if (result.recovered) io.stderr.write(`The previous build was interrupted while writing ${shown}/; it was ${result.recovered === 'completed' ? 'completed' : 'rolled back'} first.\n`);
    const unchanged = result.kept.length ? ` (${result.kept.length} unchanged)` : '';
    const list = result.written.length ? `: ${result.written.join(', ')}` : '.';
    io.stderr.write(`Wrote ${result.written.length} ${result.written.length === 1 ? 'file' : 'files'} to ${shown}/${unchanged}${list}\n`);
    if (result.removed.length) io.stderr.write(`Removed ${result.removed.length} left over from the previous build: ${result.removed.join(', ')}\n`);
  }
  return code;

  /** Renders, typesets and stages (or, for --check, compares); a number is the exit code of a build that stops here. */
  async function produce(staging: Staging | undefined): Promise<number | undefined> {
    const files: OutputFile[] = [];
    const add = async (file: OutputFile) => {
      if (!staging) files.push(file);
      else if (!warm) await staging.add(file);
      else {
        const sum = digest(file.content);
        digests.set(file.path, sum);
        if (!(await unchangedOnDisk(warm, outDir, file.path, sum)) || !staging.keep(file.path)) await staging.add(file);
      }
    };
    const documents: RenderedDocument[] = [];
    let chars = 0;
    for (const step of renderEach(model, templates, workshop.report?.documents ?? DEFAULT_DOCUMENTS)) {
      if ('diagnostic' in step) diagnostics.push(step.diagnostic);
      else if (!hasErrors(diagnostics)) {
        if (formats.includes('md')) await add({ path: step.document.file, content: step.document.markdown });
        if (formats.includes('pdf')) documents.push(step.document);
        // Enough to typeset on several threads: workers start now, loading pdfkit and the fonts while this thread renders.
        if ((chars += step.document.markdown.length) >= PARALLEL_MIN_CHARS) pool?.prewarm();
      }
    }
    timings.mark('render');
    if (hasErrors(diagnostics)) return report();
    if (formats.includes('pdf')) {
      const { typesetDocuments } = await import('../pdf-output.js');
      const progress = showProgress(io, reporting.quiet);
      const pdf = await typesetDocuments(documents, { projectDir: checked.dir, workshop, language: model.language, themeFile: options.pdfTheme, cwd: io.cwd, env: io.env, ...(options.pdfA ? { pdfA: true } : {}), ...(io.signal ? { signal: io.signal } : {}), ...(pool ? { pool } : {}), ...(warm ? { cache: warm.pdfs } : {}), ...(progress ? { onDocument: progress } : {}) });
      if (progress) io.stderr.write('\r\x1b[K');
      timings.mark('typeset');
      // Typesetting problems point into the generated Markdown: name it where the build writes it.
      const written = (file: string) => path.relative(checked.dir, path.join(outDir, file)).split(path.sep).join('/');
      const generated = new Set(documents.map((doc) => doc.file));
      for (const d of pdf.diagnostics) diagnostics.push(d.location && generated.has(d.location.file) ? { ...d, location: { ...d.location, file: written(d.location.file) } } : d);
      for (const [file, text] of pdf.sources) sources.set(generated.has(file) ? written(file) : file, text);
      if (hasErrors(diagnostics)) return report();
      for (const file of pdf.files) await add(file);
    }
    // --strict and --max-warnings make warnings stop the build like errors.
    if (problemsExitCode(diagnostics, reporting) !== EXIT.ok) return report();
    if (io.signal?.aborted) throw new InterruptedError('interrupted');
    if (staging) return undefined;

    const code = report();
    const comparison = await compareOutput(outDir, files);
    if (comparison.problems.length === 0) {
      if (!reporting.quiet) io.stderr.write(`${shown}/ is up to date (${files.length} files).\n`);
      return code;
    }
    io.stderr.write(`${shown}/ is not up to date with the notes:\n${comparison.problems.map((p) => `  ${p.kind.padEnd(8)} ${p.file}\n`).join('')}Run \`workshop-report build\` and commit the result.\n`);
    return EXIT.problems;
  }
}

/** What a change to should trigger a rebuild in watch mode: the notes, templates, theme and assets. */
export function watchedPaths(options: BuildOptions, cwd: string): string[] {
  const dir = path.resolve(cwd, options.dir);
  const paths = ['workshop.yaml', 'workshop.yml', 'sessions', 'countries', 'templates', 'assets'].map((sub) => path.join(dir, sub));
  if (options.templates) paths.push(path.resolve(cwd, options.templates));
  if (options.pdfTheme) paths.push(path.resolve(cwd, options.pdfTheme));
  return paths;
}

/** Progress on a terminal only: never in CI logs or when stderr is piped. */
function showProgress(io: Io, quiet: boolean): ((file: string, index: number, total: number) => void) | undefined {
  if (quiet || io.stderr.isTTY !== true || io.env.CI) return undefined;
  return (file, index, total) => io.stderr.write(`\r\x1b[KTypesetting ${file} (${index + 1}/${total})…`);
}

function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length || formats.length === 0) {
    throw new SetupError(`Unknown format “${unknown.join(', ') || list}” for --format.`, 'Use md, pdf or md,pdf.');
  }
  return [...new Set(formats)] as Format[];
}

/** The output folder must not be the project folder, hold it, or sit inside its notes. */
function guardOutputFolder(outDir: string, projectDir: string): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  const inputs = ['sessions', 'countries', 'templates', 'assets'].map((sub) => path.join(projectDir, sub));
  if (inside(projectDir, outDir) || inputs.some((input) => inside(outDir, input))) {
    throw new SetupError(`The output folder ${outDir} would overwrite the project's own files.`, 'Choose a separate folder for --out, e.g. the default DIR/out.');
  }
}
