import path from 'node:path';
import { consolidate } from '../../consolidate/index.js';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Format } from '../../notes/types.js';
import { countryTable } from '../../reference/countries.js';
import { DEFAULT_DOCUMENTS, render } from '../../render/index.js';
import { InterruptedError, SetupError } from '../../errors.js';
import { checkProject } from '../check-project.js';
import { EXIT, type Io } from '../io.js';
import { publish, type OutputFile } from '../publish.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';
import { loadTemplates } from '../template-files.js';

export interface BuildOptions {
  dir: string;
  out?: string;
  format?: string;
  pdfTheme?: string;
}

const FORMATS: readonly Format[] = ['md', 'pdf'];

export async function buildCommand(options: BuildOptions, globals: GlobalOptions, io: Io): Promise<number> {
  const flagFormats = options.format === undefined ? undefined : parseFormats(options.format);
  const checked = await checkProject(options.dir, io.cwd);
  const outDir = path.resolve(io.cwd, options.out ?? path.join(checked.dir, 'out'));
  guardOutputFolder(outDir, checked.dir);
  const diagnostics: Diagnostic[] = [...checked.diagnostics];
  const sources = new Map(checked.sources);
  const finish = (code: number) => {
    reportDiagnostics(diagnostics, sources, checked.dir, globals, io);
    return code;
  };
  if (hasErrors(diagnostics) || !checked.project) return finish(EXIT.problems);

  const workshop = checked.project.workshop.data;
  const formats = flagFormats ?? workshop.report?.formats ?? ['md'];
  const model = consolidate(checked.project, countryTable());
  const templates = await loadTemplates(path.join(checked.dir, 'templates'));
  for (const file of templates.values()) sources.set(file.displayPath, file.text);
  const rendered = render(model, templates, workshop.report?.documents ?? DEFAULT_DOCUMENTS);
  diagnostics.push(...rendered.diagnostics);
  if (hasErrors(diagnostics)) return finish(EXIT.problems);

  const files: OutputFile[] = [];
  if (formats.includes('md')) for (const doc of rendered.documents) files.push({ path: doc.file, content: doc.markdown });
  if (formats.includes('pdf')) {
    const { typesetDocuments } = await import('../pdf-output.js');
    const pdf = await typesetDocuments(rendered.documents, { projectDir: checked.dir, workshop, language: model.language, themeFile: options.pdfTheme, cwd: io.cwd, env: io.env });
    diagnostics.push(...pdf.diagnostics);
    for (const [file, text] of pdf.sources) sources.set(file, text);
    if (hasErrors(diagnostics)) return finish(EXIT.problems);
    files.push(...pdf.files);
  }
  if (io.signal?.aborted) throw new InterruptedError('interrupted');
  const result = await publish(outDir, files, io.signal);
  finish(EXIT.ok);
  const shown = path.relative(io.cwd, outDir) || '.';
  io.stderr.write(`Wrote ${result.written.length} ${result.written.length === 1 ? 'file' : 'files'} to ${shown}/: ${result.written.join(', ')}\n`);
  if (result.removed.length) io.stderr.write(`Removed ${result.removed.length} left over from the previous build: ${result.removed.join(', ')}\n`);
  return EXIT.ok;
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
