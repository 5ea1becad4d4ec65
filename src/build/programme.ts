import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { leakDiagnostic, leakSearch, PROGRAMME_GUARD, textsIn } from '../editions/index.js';
import { mergeFallbacks } from '../languages/index.js';
import type { Format, Language } from '../notes/types.js';
import { programmeModel, type ProgrammeModel, type ProgrammeWorkshopInput } from '../programme/model.js';
import { Markdown } from '../consolidate/markdown.js';
import { mapModel } from '../consolidate/map-model.js';
import { checkProblems, type ProblemsResult } from './check-problems.js';
import { mapLimit } from '../load/read-project.js';
import { guardOutputFolder, type BuildEnvironment, type BuildOptions, type BuildResult } from './pipeline.js';
import { buildWorkshops, type WorkshopOutcome } from './programme-workshops.js';
import type { ProgrammeStaging } from './programme-staging.js';
import type { OutputFile } from './publish.js';
import { FORMATS } from './output-formats.js';
import { writeProgrammeDocuments } from './programme-documents.js';
import { checkWorkshops, programmeId, withProgrammeRules, WORKSHOPS_AT_ONCE, type ProgrammeCheck } from './programme-check.js';
import { programmeTemplates } from './programme-templates.js';

export { isProgramme } from './programme-folder.js';

export interface ProgrammeBuild extends ProgrammeCheck<ProblemsResult> {
  /** Each workshop's build, into its own output folder as for a workshop alone (without its files once `staging` took them); none when anything had an error. */
  builds: Array<Omit<BuildResult, 'loaded'>>;
  /** The programme's documents and exports, for DIR/out (or `out`). */
  outDir: string;
  files: OutputFile[];
  /** The formats of the programme's own documents (`formats`, else Markdown); its exports are made whatever they are. */
  formats: readonly Format[];
  /** Texts for code frames of the programme's templates and writers, by the paths its diagnostics give. */
  sources: Map<string, string>;
  /** With --as-of: the workshops not yet held that day, left out of the programme's documents (their folders, first days, and whether they have follow-up reports: without, their own reports show no status). */
  leftOut: Array<{ dir: string; start: string; followUp: boolean }>;
  /** The workshops the programme's documents name without a link to their reports: these print what they mark restricted, and none is a public edition (their folders). */
  unlinked: string[];
  /** The workshops whose notes' images the programme's documents show as their alt text (they publish no workshop's images): their folders, and how many images (by path). */
  notesImages: Array<{ dir: string; images: number }>;
}

/**
 * `build` of a programme: every workshop as `build` makes it (its own output folder), and the
 * programme's documents (overview, action register, a dossier per country) and exports
 * (actions.csv, actions.ics, programme.json). Nothing is returned to publish when anything has an error.
 * Each workshop is checked once and built from that check, on this thread or a worker's. With
 * `staging`, the files of each workshop built without error, then the programme's, are staged as
 * they are made: the caller commits them (or aborts) once it has judged the diagnostics.
 */
export async function buildProgramme(dirArgument: string, options: BuildOptions & { programmeOut?: string; staging?: ProgrammeStaging }, cwd: string, environment: Pick<BuildEnvironment, 'env' | 'timings' | 'signal'> = {}): Promise<ProgrammeBuild> {
  const { out: _ignored, programmeOut: _own, cache: _cache, cacheLocation: _there, staging, ...workshopOptions } = options;
  // A workshop built without error is staged at once, while the others are built (the caller commits
  // or aborts), and its files are not kept: 100 workshops' Markdown is 60 MB.
  const onOutcome = (_index: number, outcome: WorkshopOutcome): WorkshopOutcome | undefined => {
    const { build } = outcome;
    if (!staging || !build || hasErrors(build.diagnostics)) return undefined;
    staging.stage(build.outDir, build.files, build.numbering ? { numbers: build.numbering } : undefined, build.dir, build.formats);
    return { ...outcome, build: { ...build, files: [] } };
  };
  // The programme's own templates/ (templates/programme/overview.md.hbs), or --templates, as for a
  // workshop; checked first: a mistake in them is found before 100 workshops are built, not after.
  const programmeDir = path.resolve(cwd, dirArgument);
  const { templates, diagnostics: templateProblems, sources: templateSources } = await programmeTemplates(programmeDir, options.templates, cwd);
  let language: Language = 'en';
  let outcomes: WorkshopOutcome[] = [];
  const check = await checkWorkshops(dirArgument, cwd, options, async (listed, cache) => {
    // The programme's output folder may not lead into the programme's own files or any workshop's.
    const outDir = path.resolve(cwd, options.programmeOut ?? path.join(programmeDir, 'out'));
    guardOutputFolder(outDir, programmeDir, ['programme.yaml', 'templates']);
    for (const workshop of listed) {
      guardOutputFolder(outDir, workshop.dir);
      // Nor share a workshop's own output folder (each publish would remove the other's files).
      guardOutputFolder(outDir, workshop.dir, ['out']);
    }
    // Nothing will be built: each workshop is only checked, as `validate` checks it.
    if (hasErrors(templateProblems)) return mapLimit(listed, WORKSHOPS_AT_ONCE, (workshop) => checkProblems(workshop.dir, cwd, cache, undefined, options.templates));
    outcomes = await buildWorkshops(listed.map((workshop) => ({ dir: workshop.dir, cwd, options: workshopOptions, language, ...(cache !== undefined ? { cache } : {}), ...(options.asOf !== undefined ? { asOf: options.asOf } : {}), ...(environment.env ? { env: environment.env } : {}) })), { onOutcome, ...(environment.signal ? { signal: environment.signal } : {}) });
    return outcomes.map((outcome) => outcome.checked);
  }, (checked) => checked.facts, (programme) => { language = programme.language ?? 'en'; });
  environment.timings?.mark('workshops');
  const outDir = path.resolve(cwd, options.programmeOut ?? path.join(check.dir, 'out'));
  const formats = FORMATS.filter((format) => (options.formats ?? ['md']).includes(format));
  const result: ProgrammeBuild = { ...check, builds: [], outDir, files: [], formats, sources: templateSources, leftOut: [], unlinked: [], notesImages: [] };
  result.diagnostics.push(...templateProblems);
  if (!check.programme || hasErrors(check.diagnostics) || check.workshops.some((w) => hasErrors(w.checked.diagnostics))) return result;
  // (With the programme's rules, as its check has them: a build's report is its builds'.)
  const members = check.workshops.map((workshop) => ({ id: programmeId(workshop.dir), dir: workshop.dir, facts: workshop.checked.facts }));
  result.builds = asOfWithoutFollowUp(asOfBeforeAll(withoutRepeats(withProgrammeRules(members, [], outcomes.map((outcome) => outcome.build!)))));
  if (result.builds.some((b) => hasErrors(b.diagnostics))) return result;
  // With --as-of, the programme as it stood that day: a workshop not yet held then is left out (its
  // actions were not yet decided), unless none was held (then every one, as each alone is built).
  const held = check.workshops.flatMap((_, index) => (options.asOf === undefined || outcomes[index]!.shown!.model.workshop.dates.start <= options.asOf ? [index] : []));
  const shownIndexes = held.length > 0 ? held : check.workshops.map((_, index) => index);
  result.leftOut = check.workshops.flatMap((workshop, index) => (shownIndexes.includes(index) ? [] : [{ dir: workshop.dir, start: outcomes[index]!.shown!.model.workshop.dates.start, followUp: outcomes[index]!.shown!.model.follow_up !== undefined }]));
  result.unlinked = shownIndexes.flatMap((index) => (outcomes[index]!.shown!.folder === undefined ? [check.workshops[index]!.dir] : []));
  const inputs = shownIndexes.map((index): ProgrammeWorkshopInput => {
    const { model, folder, languages } = outcomes[index]!.shown!;
    const reports = folder === undefined ? {} : { reports: `${path.relative(outDir, result.builds[index]!.outDir).split(path.sep).join('/')}/${folder}` };
    return { id: programmeId(check.workshops[index]!.dir), ...reports, model, languages };
  });
  const published = (file: string) => path.relative(check.dir, path.join(outDir, file)).split(path.sep).join('/');
  const organizers = (check.programme.organizers ?? []).map((org) => ({ id: org.id, name: org.name, ...(org.acronym ? { acronym: org.acronym } : {}), label: org.acronym && org.acronym !== org.name ? `${org.name} (${org.acronym})` : org.name }));
  const model = programmeModel({ title: check.programme.title, ...(check.programme.subtitle ? { subtitle: check.programme.subtitle } : {}), organizers }, language, inputs, options.asOf);
  environment.timings?.mark('roll-up');
  const written = await writeProgrammeDocuments(model, templates, mergeFallbacks(outcomes.map((outcome) => outcome.shown?.foreign)), formats, {
    projectDir: check.dir, workshop: { dates: programmeDates(model) }, language, cwd, env: environment.env ?? {}, folder: '',
    ...(options.pdfTheme !== undefined ? { pdfTheme: options.pdfTheme } : {}),
    ...(options.pdfA ? { pdfA: true } : {}),
  }, {
    ...(staging ? { staged: staging.folder(outDir, undefined, check.dir, formats) } : {}),
    guard: leakGuard(outcomes, result.builds, new Set(shownIndexes)),
    // With templates of the programme's own, links to headings are checked (the shipped templates' are, by the tests).
    ...([...templates.values()].some((file) => file.overridden) ? { anchors: published } : {}),
    published,
    // An image of its own templates that validate judged is not judged again at each document.
    known: templateProblems,
  }, result.leftOut.map((w) => ({ id: programmeId(w.dir), start: w.start })));
  environment.timings?.mark('documents');
  result.diagnostics.push(...written.diagnostics);
  for (const [file, text] of written.sources) result.sources.set(file, text);
  result.notesImages = imagesByWorkshop(inputs, shownIndexes.map((index) => check.workshops[index]!.dir), written.notesImages);
  if (!hasErrors(result.diagnostics)) result.files = written.files;
  return result;
}

/**
 * The programme's leak guard: its documents show each workshop's public view, so none may print a
 * text the workshop marks restricted (a programme template that copies one), unless another
 * workshop shows that text publicly (a recommendation raised again, public this time). Each find is
 * an error at the restricted item, added to that workshop's diagnostics (its files, its paths);
 * false then. The documents are read once for all the workshops' texts.
 */
function leakGuard(outcomes: readonly WorkshopOutcome[], builds: Array<Omit<BuildResult, 'loaded'>>, shown: ReadonlySet<number>): (documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>) => boolean {
  const search = leakSearch(outcomes.flatMap((outcome, index) => (outcome.shown?.restricted ?? []).map((text) => ({ ...text, index }))));
  return (documents) => {
    const leaked = search(documents);
    if (leaked.length === 0) return true;
    // A text another workshop shows publicly is that workshop's to print.
    const texts = [...new Set(leaked.map(({ text }) => text))];
    // (By the workshops the documents show: one left out by --as-of is in none of them.)
    const shownElsewhere = new Set(outcomes.flatMap((outcome, index) => (shown.has(index) ? [...textsIn([outcome.shown?.model, outcome.shown?.languages], texts.filter((text) => text.index !== index))] : [])));
    let clean = true;
    for (const { file, text } of leaked) {
      if (shownElsewhere.has(text)) continue;
      const build = builds[text.index]!;
      builds[text.index] = { ...build, diagnostics: [...build.diagnostics, leakDiagnostic(file, text, PROGRAMME_GUARD)] };
      clean = false;
    }
    return clean;
  };
}

/**
 * The workshops whose (md) texts (`texts`, with their images' paths) the programme's documents
 * showed without their images, each with how many images (a path counts once): their folders. Read
 * only when there are some. Pure.
 */
function imagesByWorkshop(inputs: readonly ProgrammeWorkshopInput[], dirs: readonly string[], texts: ReadonlyMap<string, readonly string[]>): Array<{ dir: string; images: number }> {
  if (texts.size === 0) return [];
  return inputs.flatMap((input, index) => {
    const images = new Set<string>();
    const look = (value: unknown): unknown => {
      if (!(value instanceof Markdown)) return undefined;
      for (const src of texts.get(value.source) ?? []) images.add(src);
      return value;
    };
    mapModel(input.model, look);
    for (const each of input.languages ?? []) mapModel(each.model, look);
    return images.size > 0 ? [{ dir: dirs[index]!, images: images.size }] : [];
  });
}

/** From the first workshop's first day to the last one's last day: the programme documents' dates (never the clock). */
function programmeDates(model: ProgrammeModel): { start: string; end: string } {
  const starts = model.workshops.map((workshop) => workshop.dates.start).sort();
  const ends = model.workshops.map((workshop) => workshop.dates.end).sort();
  return { start: starts[0]!, end: ends[ends.length - 1]! };
}

/**
 * A programme's --as-of before a workshop began is no mistake (the status of a programme in 2023,
 * its 2024 workshops not yet held: left out of its documents, see ProgrammeBuild.leftOut, which the
 * command says), so no warning: --strict would fail a routine status build. Before every workshop,
 * the date is likely a typo: `as-of-before-workshop` once, at the first. Pure.
 */
function asOfBeforeAll<T extends { diagnostics: Diagnostic[] }>(builds: T[]): T[] {
  return onceWhenAll(builds, 'as-of-before-workshop');
}

/**
 * Likewise, a workshop of a programme without follow-up reports yet (held last month) is no
 * mistake: its actions show no status with --as-of as without it, and --strict would fail the
 * programme's status build. When no workshop has any, the reports are likely where they are not
 * read: `as-of-without-follow-up` once, at the first. Pure.
 */
function asOfWithoutFollowUp<T extends { diagnostics: Diagnostic[] }>(builds: T[]): T[] {
  return onceWhenAll(builds, 'as-of-without-follow-up');
}

/** The warning `code` of the builds kept once, at the first, when every build has it; else none. Pure. */
function onceWhenAll<T extends { diagnostics: Diagnostic[] }>(builds: T[], code: Diagnostic['code']): T[] {
  const warned = (build: T) => build.diagnostics.some((d) => d.code === code);
  const all = builds.length > 0 && builds.every(warned);
  return builds.map((build, index) => (warned(build) && !(all && index === 0) ? { ...build, diagnostics: build.diagnostics.filter((d) => d.code !== code) } : build));
}

/**
 * The workshops' builds, each diagnostic about a file outside its workshop (a --templates folder
 * they share) kept at its first workshop only: one stray or broken shared template is one message,
 * not one per workshop. Pure.
 */
function withoutRepeats<T extends { dir: string; diagnostics: Diagnostic[] }>(builds: T[]): T[] {
  const seen = new Set<string>();
  return builds.map((build) => ({
    ...build,
    diagnostics: build.diagnostics.filter((d) => {
      const file = d.location?.file;
      if (file === undefined || !file.startsWith('../')) return true;
      const key = `${path.resolve(build.dir, file)}:${d.location!.start.line}:${d.location!.start.column}:${d.code}:${d.message}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    }),
  }));
}
