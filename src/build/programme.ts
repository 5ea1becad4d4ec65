import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { consolidate, type ReportModel } from '../consolidate/index.js';
import { affiliationNames, editionsOf, forEdition } from '../editions/index.js';
import { SetupError } from '../errors.js';
import { fallbackTexts, forLanguage, mergeFallbacks, modelTexts, translationStatus } from '../languages/index.js';
import type { Fallbacks } from '../render/index.js';
import { parseYamlFile } from '../load/parse-yaml.js';
import type { ParsedFile } from '../load/index.js';
import { locate } from '../load/index.js';
import type { Language, Organization } from '../notes/types.js';
import { actionsCsv, actionsIcs, programmeJson } from '../programme/exports.js';
import { programmeModel, type ProgrammeWorkshopInput } from '../programme/model.js';
import { renderProgramme } from '../programme/render.js';
import { countryTable } from '../reference/countries.js';
import type { CheckedProject } from '../validate/index.js';
import { checkProgrammeSameAs } from '../validate/programme-same-as.js';
import { checkAgainstSchema } from '../validate/recover.js';
import { checkProject, type CheckedResult } from './check-project.js';
import { build, type BuildOptions, type BuildResult } from './pipeline.js';
import type { OutputFile } from './publish.js';
import { loadTemplates } from './templates.js';

export interface ProgrammeNotes {
  title: string;
  subtitle?: string;
  organizers?: Organization[];
  language?: Language;
  workshops: string[];
}

export { isProgramme } from './programme-folder.js';

/** A workshop's id in its programme: its folder's name (`niamey-2022`), as `same_as: niamey-2022:api-pnr` names it. */
const programmeId = (dir: string) => path.basename(dir);

export interface ProgrammeCheck {
  dir: string;
  file: ParsedFile;
  programme?: ProgrammeNotes;
  /** programme.yaml's own problems (located in it). */
  diagnostics: Diagnostic[];
  /** Each workshop listed, checked as `validate` checks a workshop. */
  workshops: Array<{ folder: string; dir: string; checked: CheckedResult }>;
}

/** programme.yaml against its schema, then every workshop it lists, each as `validate` checks it. */
export async function checkProgramme(dirArgument: string, cwd: string): Promise<ProgrammeCheck> {
  const dir = path.resolve(cwd, dirArgument);
  let text: string;
  try {
    text = await readFile(path.join(dir, 'programme.yaml'), 'utf8');
  } catch (error) {
    throw new SetupError(`Cannot read ${path.join(dir, 'programme.yaml')}: ${(error as Error).message}`);
  }
  const parsed = parseYamlFile({ path: 'programme.yaml', text }, 'programme');
  const recovered = checkAgainstSchema(parsed.file, 'programme');
  const diagnostics = [...parsed.diagnostics, ...recovered.diagnostics];
  const result: ProgrammeCheck = { dir, file: parsed.file, diagnostics, workshops: [] };
  if (hasErrors(diagnostics) || recovered.data === undefined) return result;
  const programme = recovered.data as ProgrammeNotes;
  result.programme = programme;
  const seen = new Map<string, number>();
  for (const [index, folder] of programme.workshops.entries()) {
    const at = locate(parsed.file, ['workshops', index], 'value');
    const workshopDir = path.resolve(dir, folder);
    if (seen.has(workshopDir)) {
      diagnostics.push({ code: 'duplicate-id', severity: 'error', stage: 'validate', message: `${folder} is listed twice.`, hint: 'List each workshop once.', location: at });
      continue;
    }
    seen.set(workshopDir, index);
    const named = result.workshops.find((w) => programmeId(w.dir) === programmeId(workshopDir));
    if (named) {
      diagnostics.push({ code: 'duplicate-id', severity: 'error', stage: 'validate', message: `${folder} has the same folder name as ${named.folder}: a workshop's id in the programme is its folder's name.`, hint: 'Rename one of the folders (e.g. niamey-2022 and niamey-2023).', location: at });
      continue;
    }
    if (!(await stat(path.join(workshopDir, 'workshop.yaml')).then(() => true, () => false))) {
      diagnostics.push({ code: 'broken-link', severity: 'error', stage: 'validate', message: `${folder} holds no workshop.yaml.`, hint: 'Give the folder of a workshop, relative to programme.yaml (e.g. ../rabat-2022).', location: at });
      continue;
    }
    result.workshops.push({ folder, dir: workshopDir, checked: await checkProject(workshopDir, cwd) });
  }
  // same_as: WORKSHOP:ID across workshops, reported in the workshop that writes it (new arrays: a checked result may be shared).
  const crossWorkshop = checkProgrammeSameAs(result.workshops.map((w) => ({ id: programmeId(w.dir), ...(w.checked.project ? { project: w.checked.project } : {}) })));
  result.workshops = result.workshops.map((w, index) => (crossWorkshop[index]!.length ? { ...w, checked: { ...w.checked, diagnostics: [...w.checked.diagnostics, ...crossWorkshop[index]!] } } : w));
  return result;
}

export interface ProgrammeBuild extends ProgrammeCheck {
  /** Each workshop's build, into its own output folder as for a workshop alone; none when anything had an error. */
  builds: BuildResult[];
  /** The programme's documents and exports, for DIR/out (or `out`). */
  outDir: string;
  files: OutputFile[];
}

/**
 * `build` of a programme: every workshop as `build` makes it (its own output folder), and the
 * programme's documents (overview, action register, a dossier per country) and exports
 * (actions.csv, actions.ics, programme.json). Nothing is returned to publish when anything has an error.
 */
export async function buildProgramme(dirArgument: string, options: BuildOptions & { programmeOut?: string }, cwd: string): Promise<ProgrammeBuild> {
  const check = await checkProgramme(dirArgument, cwd);
  const outDir = path.resolve(cwd, options.programmeOut ?? path.join(check.dir, 'out'));
  const result: ProgrammeBuild = { ...check, builds: [], outDir, files: [] };
  if (!check.programme || hasErrors(check.diagnostics) || check.workshops.some((w) => hasErrors(w.checked.diagnostics))) return result;
  const { out: _ignored, programmeOut: _own, ...workshopOptions } = options;
  for (const workshop of check.workshops) result.builds.push(await build(workshop.dir, workshopOptions, { cwd }));
  if (result.builds.some((b) => hasErrors(b.diagnostics))) return result;
  const language = check.programme.language ?? 'en';
  const foreignTexts: Array<Fallbacks | undefined> = [];
  const inputs = check.workshops.map((workshop, index): ProgrammeWorkshopInput => {
    const { model, folder, languages, foreign } = workshopModel(workshop.checked.project!, language, options.asOf);
    foreignTexts.push(foreign);
    return { id: programmeId(workshop.dir), reports: `${path.relative(outDir, result.builds[index]!.outDir).split(path.sep).join('/')}/${folder}`, model, languages };
  });
  const organizers = (check.programme.organizers ?? []).map((org) => ({ id: org.id, name: org.name, ...(org.acronym ? { acronym: org.acronym } : {}), label: org.acronym && org.acronym !== org.name ? `${org.name} (${org.acronym})` : org.name }));
  const model = programmeModel({ title: check.programme.title, ...(check.programme.subtitle ? { subtitle: check.programme.subtitle } : {}), organizers }, language, inputs);
  const templates = await loadTemplates();
  const rendered = renderProgramme(model, templates, mergeFallbacks(foreignTexts));
  result.diagnostics.push(...rendered.diagnostics);
  if (hasErrors(rendered.diagnostics)) return result;
  result.files = [
    ...rendered.documents.map((doc) => ({ path: doc.file, content: doc.markdown })),
    { path: 'actions.csv', content: actionsCsv(model) },
    { path: 'actions.ics', content: actionsIcs(model) },
    { path: 'programme.json', content: programmeJson(model) },
  ];
  return result;
}

/**
 * A workshop as the programme shows it: in the programme's language when the workshop has it (else
 * its own), its public edition when it has one (a programme's documents go to donors), status as of
 * `asOf` or its own latest follow-up report. The same edition in each of its languages too, to find
 * recurring recommendations in a language two workshops share.
 */
function workshopModel(full: CheckedProject, language: Language, asOf: string | undefined): { model: ReportModel; folder: string; languages: Array<{ language: Language; model: ReportModel }>; foreign: Fallbacks | undefined } {
  const status = translationStatus(full);
  const chosen = status.languages.includes(language) ? language : status.languages[0]!;
  const table = countryTable();
  const versions = status.languages.map((each) => {
    const translated = forLanguage(full, status, each);
    const editions = editionsOf(translated.workshop.data);
    const edition = editions.find((e) => e.public) ?? editions[0]!;
    const project = forEdition(translated, edition, affiliationNames(translated.workshop.data, table, each));
    return { language: each, model: consolidate(project, table, asOf !== undefined ? { asOf } : {}), folder: edition.folder };
  });
  const shown = versions.find((v) => v.language === chosen)!;
  // The texts the programme's documents show in another language than theirs: all of this
  // workshop's when it lacks the programme's language, else its untranslated ones.
  const fallbacks = fallbackTexts(status, chosen);
  const foreign = chosen === language ? fallbacks : modelTexts(shown.model, chosen, fallbacks);
  return { model: shown.model, folder: `${status.languages.length > 1 ? `${chosen}/` : ''}${shown.folder}`, languages: versions.map(({ language: each, model }) => ({ language: each, model })), foreign };
}
