import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { exportTranslations, importTranslations } from '../../build/translations.js';
import { SetupError } from '../../errors.js';
import type { ExportFilter } from '../../languages/xliff.js';
import type { Language } from '../../notes/types.js';
import { suggest } from '../../validate/suggest.js';
import { EXIT, type Io } from '../io.js';
import { reportDiagnostics, reportingFrom } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';

const FILTERS: readonly ExportFilter[] = ['missing', 'stale', 'translated'];

/** `translations export`: XLIFF 1.2 to FILE (or stdout); the count on stderr. */
export async function exportCommand(options: { project: string; lang: string; only?: string; out?: string }, globals: GlobalOptions, io: Io): Promise<number> {
  const only = options.only?.split(',').map((f) => f.trim()).filter(Boolean);
  const unknown = only?.filter((f) => !FILTERS.includes(f as ExportFilter)) ?? [];
  if (unknown.length) {
    // As --format says it: `--only mising`, did you mean “missing”?
    const meant = unknown.length === 1 ? suggest(unknown[0]!, FILTERS) : undefined;
    throw new SetupError(`Unknown --only “${unknown.join(', ')}”.`, `${meant ? `Did you mean “${meant}”? ` : ''}Use one or more of: ${FILTERS.join(', ')}.`);
  }
  const exported = await exportTranslations(options.project, options.lang as Language, only && new Set(only as ExportFilter[]), io.cwd);
  if (exported.xml === undefined) {
    reportDiagnostics(exported.checked.diagnostics, exported.checked.sources, exported.checked.dir, reportingFrom({}, io), globals, io);
    return EXIT.problems;
  }
  // An XLIFF file without a <file> is not valid XLIFF 1.2, and a translation tool refuses it.
  if (exported.units === 0) {
    const states = only ? only.join(' or ') : undefined;
    io.stderr.write(`${states ? `No text of ${options.lang} is ${states}` : 'The notes have no text to translate'}: nothing to export${options.out ? `, and ${options.out} was not written` : ''}.\n`);
    return EXIT.ok;
  }
  if (options.out) await writeFile(path.resolve(io.cwd, options.out), exported.xml);
  else io.stdout.write(exported.xml);
  io.stderr.write(`Exported ${exported.units} ${exported.units === 1 ? 'text' : 'texts'} of ${exported.files} ${exported.files === 1 ? 'file' : 'files'} for translation into ${options.lang}${options.out ? ` to ${options.out}` : ''}.\n`);
  return EXIT.ok;
}

/** `translations import FILE`: writes the translation files; says what it added, changed and refused (exit 1 when it refused any). */
export async function importCommand(file: string, options: { project: string }, globals: GlobalOptions, io: Io): Promise<number> {
  const outcome = await importTranslations(options.project, file, io.cwd);
  const reporting = reportingFrom({}, io);
  // The file refused as a whole (its encoding, its XML, a <file> into another language): at its place, nothing imported.
  if ('refused' in outcome) {
    reportDiagnostics([outcome.refused], outcome.sources, outcome.dir, reporting, globals, io);
    return EXIT.usage;
  }
  if (!outcome.result) {
    reportDiagnostics(outcome.checked.diagnostics, outcome.checked.sources, outcome.checked.dir, reporting, globals, io);
    return EXIT.problems;
  }
  reportDiagnostics(outcome.diagnostics, outcome.checked.sources, outcome.checked.dir, reporting, globals, io);
  const { added, changed, unchanged, untranslated, stillStale, refused } = outcome.result;
  const stale = stillStale ? `${stillStale} still stale (given back with the earlier translation of a changed text, neither edited nor confirmed: left as ${stillStale === 1 ? 'it was' : 'they were'}), ` : '';
  io.stderr.write(`Imported ${path.basename(file)} (${outcome.result.language}): ${added} added, ${changed} changed, ${unchanged} unchanged, ${stale}${untranslated} not translated (left as they were), ${refused.length} refused.\n`);
  if (outcome.written.length) io.stderr.write(`Wrote ${outcome.written.join(', ')}.\n`);
  return refused.length ? EXIT.problems : EXIT.ok;
}
