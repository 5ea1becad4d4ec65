import { checkProject } from '../../build/check-project.js';
import { consolidate } from '../../consolidate/index.js';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { affiliationNames, editionNamed, forEdition } from '../../editions/index.js';
import { countryTable } from '../../reference/countries.js';
import { forLanguage, translationStatus } from '../../languages/index.js';
import { SetupError } from '../../errors.js';
import type { Language } from '../../notes/types.js';
import { EXIT, type Io } from '../io.js';
import { reportDiagnostics, reportingFrom } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';

/**
 * Prints the exact data the templates receive, as JSON (per-country templates also get `brief`):
 * that of one edition (`--edition`, default the first), restricted items already left out.
 */
export async function contextCommand(options: { dir: string; edition?: string; lang?: string }, globals: GlobalOptions, io: Io): Promise<number> {
  const checked = await checkProject(options.dir, io.cwd);
  const reporting = reportingFrom({}, io);
  if (hasErrors(checked.diagnostics) || !checked.project) {
    reportDiagnostics(checked.diagnostics, checked.sources, checked.dir, reporting, globals, io);
    return EXIT.problems;
  }
  const status = translationStatus(checked.project);
  const language = options.lang ?? status.languages[0]!;
  if (!status.languages.includes(language as Language)) {
    // (Only the same code in capitals: any two letters are two edits from en.)
    const meant = status.languages.find((code) => code.toLowerCase() === language.toLowerCase()) !== undefined ? `Did you mean “${language.toLowerCase()}”?` : undefined;
    throw new SetupError(`The report has no language “${language}”.`, `${meant ? `${meant} ` : ''}Use one of its languages: ${status.languages.join(', ')} (workshop.yaml's language and languages:).`);
  }
  // The data one language's templates receive: its translations in place of the notes' texts.
  const translated = forLanguage(checked.project, status, language as Language);
  const workshop = translated.workshop.data;
  const table = countryTable();
  const edition = editionNamed(workshop, options.edition);
  const model = consolidate(forEdition(translated, edition, affiliationNames(workshop, table, language as Language)), table);
  io.stdout.write(`${JSON.stringify(model, null, 2)}\n`);
  return EXIT.ok;
}
