import { didYouMeanDate, isCalendarDay, suggest } from '../validate/suggest.js';
import { hiddenCharactersHint } from '../validate/hidden-characters.js';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { consolidate, type ReportModel } from '../consolidate/index.js';
import { affiliationNames, documentsOf, editionGuard, editionsOf, alsoPublicDiagnostic, findLeaks, forEdition, markDocument, restrictedTexts, type Edition, type RestrictedText } from '../editions/index.js';
import { hasErrors, pushOnce, type Diagnostic, type Location } from '../diagnostics/diagnostic.js';
import { InterruptedError, SetupError } from '../errors.js';
import type { FileSystem } from '../load/file-system.js';
import type { LoadedProject } from '../load/index.js';
import type { Format, Language, WorkshopNotes } from '../notes/types.js';
import { fallbackTexts, forLanguage, translationStatus } from '../languages/index.js';
import { countryTable } from '../reference/countries.js';
import { DEFAULT_DOCUMENTS, documentFiles, renderEach, type RenderedDocument } from '../render/index.js';
import { cacheIn } from './cache.js';
import { checkProject, type CacheReport, type CheckedResult } from './check-project.js';
import { HeadingPagesBook } from './heading-pages.js';
import type { PdfThemeYaml } from '../typeset/theme.js';
import type { OutputFile } from './publish.js';
import { missingDocumentTemplates, projectTemplates, templatesIn } from './project-templates.js';
import { locate } from '../load/index.js';
import { farLatestReport, farReportWords } from '../validate/rules/follow-up.js';
import type { Timings } from './timings.js';
import type { WarmState } from './warm.js';
import { relocateWriterDiagnostics } from './relocate.js';
import { imageLeaver } from './left-out-images.js';
import { unmadeDocuments, visibleTexts, type ParsedTree, type Writer, type WriterContext, type WriterResult } from './writer.js';
import { writerFor } from './writers/index.js';
import { anchorSources, brokenAnchors } from './anchor-links.js';
import { FORMATS, madeFor } from './output-formats.js';
import { otherLanguages, type BuiltSite } from './sites.js';
import type { CheckedProject } from '../validate/context.js';

export { FORMATS } from './output-formats.js';

export interface BuildOptions {
  /** Formats to write; default `report.formats` of workshop.yaml, else Markdown only. */
  formats?: readonly Format[];
  /** The folder of template overrides (default DIR/templates), relative to `cwd`. */
  templates?: string;
  /** A PDF theme file, relative to `cwd`; wins over report.pdf_theme. */
  pdfTheme?: string;
  /** Archival PDF/A-2a, whatever the theme says. */
  pdfA?: boolean;
  /** The date the follow-up status is computed as of (YYYY-MM-DD); default the latest follow-up report's. */
  asOf?: string;
  /**
   * Where the documents will be published (default DIR/out), relative to `cwd`: problems found in
   * a generated document are located where it will be. Nothing is written there by `build`.
   */
  out?: string;
  /**
   * Keep each notes file's parse result in an on-disk cache and read it instead of parsing the file
   * again while its text is unchanged (see cache.ts). Implied by `cacheLocation`.
   */
  cache?: boolean;
  /** The cache's folder, relative to `cwd` (default `.workshop-report-cache/` inside the output folder). */
  cacheLocation?: string;
}

export type BuildProgress = { stage: 'typeset'; file: string; index: number; total: number };

/** What a build may use of the outside world; every field is optional. */
export interface BuildEnvironment {
  /** Relative paths are resolved against it (default: the process's current folder). */
  cwd?: string;
  /** SOURCE_DATE_EPOCH is read from it (default: none). */
  env?: Readonly<Record<string, string | undefined>>;
  /** How the notes are read (tests make it fail as a disk would). */
  fs?: FileSystem;
  /** Aborting stops the build (InterruptedError) before it returns any file. */
  signal?: AbortSignal;
  onProgress?: (event: BuildProgress) => void;
  /**
   * Takes each file as soon as it is made, instead of the result keeping it (memory then holds one
   * Markdown document at a time; with docx, every edition's documents, see renderAhead). Called
   * only while no error has been found.
   */
  emit?: (file: OutputFile) => Promise<void>;
  /** What watch mode keeps between builds: parse results, PDFs, typesetting threads. */
  warm?: WarmState;
  timings?: Timings;
  /** Each edition's model in each language, as rendered (a programme shows its workshops' so, without consolidating them again). */
  onModel?: (model: ReportModel, where: { language: Language; edition: Edition }) => void;
}

export interface BuildResult {
  /** The project folder, absolute. */
  dir: string;
  /** Where the documents are meant to be published, absolute. */
  outDir: string;
  /** The files made, Markdown first, in document order, each with the formats it is made for; none when an error stopped the build, or when `emit` took them. */
  files: OutputFile[];
  /**
   * The formats made: `options.formats`, else `report.formats`, else Markdown. Publishing leaves the
   * files an earlier build made for other formats as they are, and comparing does not look at them.
   * Absent when the notes could not be read that far.
   */
  formats?: readonly Format[];
  /** Every problem, in the order found: reading, parsing, validation, rendering, writing. */
  diagnostics: Diagnostic[];
  /** The text of every file a diagnostic may point into, by its project-relative path. */
  sources: Map<string, string>;
  /** The parsed project (for counts and summaries). */
  loaded: LoadedProject;
  /**
   * With report.editions: each edition's recommendation numbers by id (`{ public: { 'api-pnr': 'R3' } }`),
   * since numbers differ between editions. The manifest records them.
   */
  numbering?: Record<string, Record<string, string>>;
  /** With a cache: how much of it was used, and why it could not be written, if it could not. */
  cache?: CacheReport;
}

/**
 * load → validate → consolidate → render → writers, for one project folder. Writes nothing: the
 * caller publishes `files` (publishBuild), compares them (compareOutput) or uses them as they are.
 * Stops after any stage that found an error; warnings never stop it.
 */
export async function build(dir: string, options: BuildOptions = {}, environment: BuildEnvironment = {}): Promise<BuildResult> {
  const cwd = environment.cwd ?? process.cwd();
  const outDir = path.resolve(cwd, options.out ?? path.join(path.resolve(cwd, dir), 'out'));
  const cache = cacheIn(options, outDir, cwd);
  // The cache is written inside the output folder: not into the notes.
  if (cache !== undefined) guardOutputFolder(outDir, path.resolve(cwd, dir));
  return buildChecked(await checkProject(dir, cwd, environment.timings, environment.warm, environment.fs, cache), options, environment);
}

/** `build` of a project already checked (a programme checks its workshops first): it is not checked again. */
export async function buildChecked(checked: CheckedResult, options: BuildOptions = {}, environment: BuildEnvironment = {}): Promise<BuildResult> {
  const cwd = environment.cwd ?? process.cwd();
  const { timings, warm, signal } = environment;
  const outDir = path.resolve(cwd, options.out ?? path.join(checked.dir, 'out'));
  guardOutputFolder(outDir, checked.dir);
  const result: BuildResult = { dir: checked.dir, outDir, files: [], diagnostics: [...checked.diagnostics], sources: new Map(checked.sources), loaded: checked.loaded, ...(checked.cache ? { cache: checked.cache } : {}) };
  if (hasErrors(result.diagnostics)) return result;
  // Checked without an error, yet nothing to build: a bug, never a build of no document, which would
  // have published an empty folder (removing the last build's documents) and exited 0.
  if (!checked.project) throw new Error('The notes were checked without an error, but no project came of the check.');

  const full = checked.project;
  const workshop = full.workshop.data;
  const formats = options.formats ?? workshop.report?.formats ?? ['md'];
  result.formats = FORMATS.filter((format) => formats.includes(format));
  const table = countryTable();
  const status = translationStatus(full);
  // Status as of a day before the workshop: every action not started, none overdue. Likely a typo.
  if (options.asOf !== undefined && options.asOf < workshop.dates.start) {
    result.diagnostics.push({
      code: 'as-of-before-workshop', severity: 'warning', stage: 'consolidate',
      message: `--as-of ${options.asOf} is before the workshop began (${workshop.dates.start}): every action shows as not started, none as overdue.`,
      location: locate(full.workshop.file, ['dates', 'start'], 'value'),
      hint: 'Check the date given to --as-of (YYYY-MM-DD); leave it out to use the date of the latest follow-up report.',
    });
  }
  if (options.asOf !== undefined) asOfProblems(result.diagnostics, full, options.asOf);
  const { templates, diagnostics: templateFileProblems, own: ownTemplates } = await projectTemplates(checked.dir, options.templates, cwd, workshop.report?.documents ?? DEFAULT_DOCUMENTS, status.languages);
  result.diagnostics.push(...templateFileProblems, ...missingDocumentTemplates(full.workshop, templates, status.languages, options.templates));
  for (const file of templates.values()) result.sources.set(file.displayPath, file.text);
  if (hasErrors(result.diagnostics)) return result;
  // A file several formats publish (an image beside the Markdown and the HTML) goes out once.
  const shared = new Set<string>();
  // A heading that links miss is said once, in the first edition and language that misses it.
  const anchorsReported = new Set<string>();
  const emit = async (file: OutputFile) => {
    if (file.shared) {
      if (shared.has(file.path)) return;
      shared.add(file.path);
    }
    return environment.emit ? environment.emit(file) : void result.files.push(file);
  };

  const writers = FORMATS.filter((format) => formats.includes(format)).map((format) => writerFor(format, warm));
  // An image the report cannot show is left out of the Markdown every writer is given, its alt text in its place.
  const leaveOutImages = imageLeaver(checked.dir);
  // With docx and pdf, the DOCX thread parses each document first and shares the tree with the PDF's
  // typesetter on this thread, which then does not parse it again. Not in watch mode, where the
  // typesetter reparses only the sections that changed since the last build.
  const parsedTree: ParsedTree | undefined = formats.includes('docx') && formats.includes('pdf') && !warm
    ? async (file, markdown) => {
        for (const writer of writers) {
          const root = await writer.parsedTree?.(file, markdown);
          if (root) return root;
        }
        return undefined;
      }
    : undefined;
  // Once per place, though several public editions and languages find it.
  const warnedAlsoPublic = new Set<string>();
  const warnAlsoPublic = (text: RestrictedText, edition: string, publicCopy: Location | undefined, language: Language) => {
    const key = `${text.location.file}:${text.location.start.offset}`;
    if (warnedAlsoPublic.has(key)) return;
    warnedAlsoPublic.add(key);
    // Found in a language other than the notes': the copy is in the item's translation, not in the item.
    result.diagnostics.push(alsoPublicDiagnostic(text, edition, publicCopy, language === status.languages[0] ? undefined : language));
  };
  /** The results of deferred writers (see Writer.deferred), taken in order once every edition is written. */
  const deferred: Array<() => Promise<boolean>> = [];
  /**
   * With a writer on a thread of its own (DOCX), every edition is rendered before the first is
   * typeset: the thread has them all by then, and works on while this one typesets (it waited for
   * each next edition, then lagged behind at the end). Each rendered edition, with what writes it.
   */
  const renderAhead = writers.some((writer) => writer.deferred);
  const editionsRendered: Array<() => Promise<boolean>> = [];
  try {
    // Each language in its folder (en/, fr/) when there are several; each edition in its own inside it.
    // Every language's editions are filtered and consolidated first: each site's pages then know
    // which of them the edition's other languages have (the HTML's language switch).
    const planned: PlannedSite[] = [];
    for (const language of status.languages) {
      const translated = forLanguage(full, status, language);
      const affiliation = affiliationNames(translated.workshop.data, table, language);
      const languageFolder = status.languages.length > 1 ? `${language}/` : '';
      for (const edition of editionsOf(translated.workshop.data)) {
        const project = forEdition(translated, edition, affiliation);
        const model = consolidate(project, table, options.asOf !== undefined ? { asOf: options.asOf } : {});
        timings?.mark('consolidate');
        environment.onModel?.(model, { language, edition });
        // The numbers are the same in every language (the notes' order decides them, not their words).
        if (workshop.report?.editions) {
          (result.numbering ??= {})[edition.name] = Object.fromEntries(model.recommendations.flatMap((rec) => rec.ids.map((id) => [id, rec.label])));
        }
        const place: Place = { folder: `${languageFolder}${edition.folder}`, language, workshop: translated.workshop.data };
        const documents = new Set(documentFiles(model, documentsOf(place.workshop.report?.documents ?? DEFAULT_DOCUMENTS, edition)).map((file) => `${place.folder}${file}`));
        const site: BuiltSite = { language, edition: { name: edition.name, folder: edition.folder, public: edition.public, ...(edition.marking !== undefined ? { marking: edition.marking } : {}) }, folder: place.folder, title: translated.workshop.data.title, documents };
        planned.push({ edition, translated, project, model, place, site });
      }
    }
    const sites = planned.map((each) => each.site);
    for (const { edition, translated, project, model, place, site } of planned) {
      const restricted = edition.public ? restrictedTexts(translated, project, (text, publicCopy) => warnAlsoPublic(text, edition.name, publicCopy, place.language)) : [];
      const guard = (documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>) => {
        if (restricted.length > 0) result.diagnostics.push(...findLeaks(documents, restricted, editionGuard(edition.name)));
        return !hasErrors(result.diagnostics);
      };
      const rendered = await renderEdition(edition, model, guard, { ...place, otherLanguages: otherLanguages(sites, site) });
      if (!rendered || !(renderAhead || (await rendered()))) {
        result.files = [];
        return result;
      }
      if (renderAhead) editionsRendered.push(rendered);
    }
    for (const writeRest of editionsRendered) {
      if (signal?.aborted) throw new InterruptedError('interrupted');
      if (!(await writeRest())) {
        result.files = [];
        return result;
      }
    }
    for (const take of deferred) {
      if (!(await take())) {
        result.files = [];
        return result;
      }
    }
    // The output folder's own files, once every site is written (the HTML's entry page listing them).
    for (const writer of writers) for (const file of (await writer.outputIndex?.(sites, status.languages[0]!)) ?? []) await emit(madeFor(file, writer.format));
  } finally {
    for (const writer of writers) await writer.close?.();
  }
  if (signal?.aborted) throw new InterruptedError('interrupted');
  return result;

  /**
   * Renders one edition (the Markdown writer takes each document as it comes) and starts the
   * writers on threads of their own (DOCX); false when an error stopped it. Returns what runs the
   * other writers over it (PDF, HTML), false when an error stopped them.
   */
  async function renderEdition(edition: Edition, model: ReportModel, guard: (documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>) => boolean, place: Place): Promise<(() => Promise<boolean>) | false> {
    const [first, ...others] = writers;
    // The first writer (Markdown, when chosen) takes each document as it is rendered; the others need them all.
    const documents: RenderedDocument[] = [];
    // Files come edition by edition, as when each was written before the next was rendered: the
    // Markdown of an edition rendered while an earlier one waits for its turn is held until its own.
    const held: OutputFile[] | undefined = editionsRendered.length > 0 ? [] : undefined;
    let chars = 0;
    // With docx: where the headings fall, for its contents' page numbers, from the PDF's layout when
    // it follows the same theme with the fonts the DOCX embeds (no --pdf-theme file, no fonts of its own).
    const pdfFonts = (place.workshop.report?.pdf_theme as PdfThemeYaml | undefined)?.fonts;
    const headingPages = formats.includes('docx') ? new HeadingPagesBook(formats.includes('pdf') && options.pdfTheme === undefined && pdfFonts === undefined) : undefined;
    const writerContext: WriterContext = { ...context(place), ...(headingPages ? { headingPages } : {}), ...(parsedTree ? { parsedTree } : {}) };
    // With templates of the project's own, links to headings are checked (the shipped templates' are, by the tests).
    const linked: Array<{ file: string; markdown: string }> | undefined = ownTemplates ? [] : undefined;
    for (const step of renderEach(model, templatesIn(templates, place.language, status.languages), documentsOf(place.workshop.report?.documents ?? DEFAULT_DOCUMENTS, edition), { fallbacks: fallbackTexts(status, place.language) })) {
      if (signal?.aborted) throw new InterruptedError('interrupted');
      if ('diagnostic' in step) pushOnce(result.diagnostics, step.diagnostic);
      else if (!hasErrors(result.diagnostics)) {
        const file = `${place.folder}${step.document.file}`;
        const shown = leaveOutImages(file, edition.marking === undefined ? step.document.markdown : markDocument(step.document.markdown, edition.marking));
        const markdown = shown.markdown;
        const document = { ...step.document, file, markdown };
        if (shown.diagnostics.length > 0) reportLeftOut(file, markdown, shown.diagnostics);
        if (!guard([{ file: document.file, text: markdown }])) return false;
        if (first?.format === 'md') {
          for (const made of (await first.write([document], context(place))).files) {
            const file = madeFor(made, 'md');
            if (held) held.push(file);
            else await emit(file);
          }
        }
        if (others.length > 0 || first?.format !== 'md') documents.push(document);
        linked?.push({ file: document.file, markdown });
        chars += markdown.length;
        for (const writer of writers) {
          writer.rendered?.(chars);
          writer.document?.(document, writerContext);
        }
      }
    }
    timings?.mark('render');
    if (hasErrors(result.diagnostics)) return false;
    if (linked) {
      const shown = (file: string) => path.relative(checked.dir, path.join(outDir, file)).split(path.sep).join('/');
      const broken = brokenAnchors(linked, shown, anchorsReported, { folder: place.folder, markdownWritten: formats.includes('md') });
      // The documents a warning is in, for its code frame (only those: a programme keeps each workshop's sources).
      for (const [file, markdown] of anchorSources(broken, linked, shown)) result.sources.set(file, markdown);
      result.diagnostics.push(...broken);
    }
    const generated = new Set(documents.map((doc) => doc.file));
    const later = first?.format === 'md' ? others : writers;
    // A writer on a thread of its own starts now, the others when the edition's turn comes. The
    // results are taken in order; one left unread when an earlier writer stopped the build is ignored.
    const started = new Map<Writer, Promise<WriterResult>>();
    const start = (writer: Writer) => {
      const pending = writer.write(documents, writerContext);
      pending.catch(() => undefined);
      started.set(writer, pending);
    };
    // Not a DOCX whose contents this thread lays out (no PDF shares its layout): that work waits for the edition's turn.
    const early = (writer: Writer) => writer.deferred && (headingPages === undefined || headingPages.fromPdf);
    for (const writer of later) if (early(writer)) start(writer);
    return async () => {
      for (const file of held ?? []) await emit(file);
      return writeRest(later, started, start, generated, guard);
    };
  }

  /**
   * What the images left out of a document are, pointed at the notes or the template that names
   * them as a writer's problems are (see relocateWriterDiagnostics): those validate said already are
   * not said again; one whose path data makes (`{{…}}` in a template's) at the generated document,
   * where its alt text now stands: the message names the path.
   */
  function reportLeftOut(file: string, markdown: string, diagnostics: Diagnostic[]): void {
    const relocated = relocateWriterDiagnostics({ files: [], diagnostics, sources: new Map([[file, markdown]]) }, new Set([file]), checked.dir, outDir, result.diagnostics, checked.sources, checked.imagePlaces, formats.includes('md'));
    const inDocument = (d: Diagnostic) => relocated.sources.has(d.location?.file ?? '');
    result.diagnostics.push(...relocated.diagnostics.map((d) => (inDocument(d) && d.actual !== undefined && !d.message.includes(d.actual) ? { ...d, message: `${d.message.replace(/\.$/, '')}: “${d.actual}”.` } : d)));
    // The document's text, for a code frame, only when a problem is still located in it.
    for (const [shown, text] of relocated.sources) if (relocated.diagnostics.some((d) => d.location?.file === shown)) result.sources.set(shown, text);
  }

  /** Runs the writers of a rendered edition not yet started, and takes every writer's results in order. */
  async function writeRest(later: readonly Writer[], started: Map<Writer, Promise<WriterResult>>, start: (writer: Writer) => void, generated: ReadonlySet<string>, guard: (documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>) => boolean): Promise<boolean> {
    for (const writer of later) if (!started.has(writer)) start(writer);
    for (const writer of later) {
      const take = async () => {
        const written = await started.get(writer)!;
        timings?.mark(writer.format === 'pdf' ? 'typeset' : writer.format);
        const relocated = relocateWriterDiagnostics(written, generated, checked.dir, outDir, result.diagnostics, checked.sources, checked.imagePlaces, formats.includes('md'));
        result.diagnostics.push(...relocated.diagnostics);
        for (const [file, text] of relocated.sources) result.sources.set(file, text);
        if (hasErrors(result.diagnostics)) return false;
        const unmade = unmadeDocuments(writer.format, generated, written);
        if (unmade) throw unmade;
        if (!guard(visibleTexts(written))) return false;
        for (const file of written.files) await emit(madeFor(file, writer.format));
        return true;
      };
      // A writer on a thread of its own goes on while the next edition is rendered and typeset.
      if (writer.deferred) deferred.push(take);
      else if (!(await take())) return false;
    }
    return true;
  }

  function context(place: Place): WriterContext {
    return {
      projectDir: checked.dir, workshop: place.workshop, language: place.language, cwd, env: environment.env ?? {}, folder: place.folder,
      ...(place.otherLanguages && place.otherLanguages.length > 0 ? { otherLanguages: place.otherLanguages } : {}),
      ...(options.pdfTheme !== undefined ? { pdfTheme: options.pdfTheme } : {}),
      ...(options.pdfA ? { pdfA: true } : {}),
      ...(signal ? { signal } : {}),
      ...(environment.onProgress ? { onDocument: (file: string, index: number, total: number) => environment.onProgress!({ stage: 'typeset', file, index, total }) } : {}),
    };
  }
}

/** Where one language's edition goes, and the notes as they read in that language. */
interface Place {
  /** `fr/public/`, `public/`, `fr/` or ''. */
  folder: string;
  language: Language;
  workshop: WorkshopNotes;
  /** The same edition's sites in the other languages (see otherLanguages). */
  otherLanguages?: readonly BuiltSite[];
}

/** One language's edition, filtered and consolidated, before it is rendered; and the site it makes. */
interface PlannedSite {
  edition: Edition;
  translated: CheckedProject;
  project: CheckedProject;
  model: ReportModel;
  place: Place;
  site: BuiltSite;
}

/** `md,pdf` → the formats; anything else is a SetupError saying what is allowed. */
export function parseFormats(list: string): Format[] {
  const formats = list.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  const unknown = formats.filter((f) => !FORMATS.includes(f as Format));
  if (unknown.length || formats.length === 0) {
    const meant = unknown.length === 1 ? suggest(unknown[0]!, FORMATS) : undefined;
    throw new SetupError(`Unknown format “${unknown.join(', ') || list}” for --format.`, `${meant ? `Did you mean “${meant}”? ` : ''}Use md, pdf, html, docx, or several: md,pdf,docx.`);
  }
  return [...new Set(formats)] as Format[];
}

/** `--as-of 2023-05-15` → the date; anything else, or a day that does not exist (2022-02-30), is a SetupError. */
export function parseAsOf(value: string): string {
  if (isCalendarDay(value)) return value;
  // `30/06/2023`, `06/30/2023`, `2023-6-30`: the day meant, said in the form taken (both readings where the numbers allow both).
  const meant = didYouMeanDate(value, '--as-of ');
  // Pasted: an en dash for each hyphen, spaces around it (from a script's variable).
  const hidden = hiddenCharactersHint(value);
  const trimmed = value.trim();
  const hint = meant.trim() || hidden || (trimmed !== value && isCalendarDay(trimmed) ? `Write it without the spaces around it: --as-of ${trimmed}.` : 'For example --as-of 2023-05-15.');
  throw new SetupError(`--as-of takes a date, YYYY-MM-DD, not “${value}”${/^\d{4}-\d{2}-\d{2}$/.test(value) ? ', which is not a day of the calendar' : ''}.`, hint);
}

/** What a build reads, for watch mode: the notes, templates, theme and assets. */
export function projectInputs(dir: string, options: Pick<BuildOptions, 'templates' | 'pdfTheme'>, cwd: string): string[] {
  const project = path.resolve(cwd, dir);
  const paths = PROJECT_INPUTS.map((sub) => path.join(project, sub));
  if (options.templates) paths.push(path.resolve(cwd, options.templates));
  if (options.pdfTheme) paths.push(path.resolve(cwd, options.pdfTheme));
  return paths;
}

/**
 * What a build writes, for watch mode to leave out of what it watches: the output folder (with its
 * journal and default cache) and the cache location. A templates folder that holds the project
 * (`--templates .`, `--templates ..`) holds these too, and each build's writes would start the next.
 */
export function projectOutputs(dir: string, options: Pick<BuildOptions, 'out' | 'cacheLocation'>, cwd: string): string[] {
  const outDir = path.resolve(cwd, options.out ?? path.join(dir, 'out'));
  return options.cacheLocation === undefined ? [outDir] : [outDir, path.resolve(cwd, options.cacheLocation)];
}

/** What a workshop's folder holds that a build reads. */
const PROJECT_INPUTS = ['workshop.yaml', 'workshop.yml', 'sessions', 'countries', 'templates', 'assets', 'translations', 'follow-up'];

/**
 * The output folder must not be the project folder, hold it, be one of its notes files or sit inside
 * its notes: compared as written and as the file system resolves them, so that a link
 * (`-o outlink`, outlink → sessions) cannot lead the build into the notes.
 */
export function guardOutputFolder(outDir: string, projectDir: string, subs: readonly string[] = PROJECT_INPUTS): void {
  const inside = (child: string, parent: string) => child === parent || child.startsWith(parent + path.sep);
  // A notes folder in other case (`Sessions/out`) too: it is the notes folder where the file system
  // ignores case (macOS, Windows), and elsewhere every later build warned to move its reports into sessions/.
  const insideAnyCase = (child: string, parent: string) => inside(child.toLowerCase(), parent.toLowerCase());
  const overlaps = (out: string, project: string, resolve: (file: string) => string) => inside(project, out) || subs.some((sub) => insideAnyCase(out, resolve(path.join(project, sub))));
  if (overlaps(outDir, projectDir, (file) => file) || overlaps(realPath(outDir), realPath(projectDir), realPath)) {
    throw new SetupError(`The output folder ${outDir} would overwrite the project's own files.`, 'Choose a separate folder for --out, e.g. the default DIR/out.');
  }
}

/** `file` with every link resolved, as far as it exists (the rest of the path, not yet made, as written). */
function realPath(file: string): string {
  const rest: string[] = [];
  for (let existing = file; ; existing = path.dirname(existing)) {
    try {
      return path.join(realpathSync(existing), ...rest.reverse());
    } catch {
      if (path.dirname(existing) === existing) return file;
      rest.push(path.basename(existing));
    }
  }
}

/**
 * What --as-of changes in the problems of a project checked without it: follow-up-date-far says
 * what the far date does as of that day (its updates not seen, or seen at that date), not that
 * every status is computed as of it; and without any follow-up report, `as-of-without-follow-up`:
 * the status of the actions is not known, so no document shows one (a folder misnamed
 * `reports/` made every action "not started", overdue, in a follow-up document said to come
 * from the reports). In place.
 */
function asOfProblems(diagnostics: Diagnostic[], project: NonNullable<CheckedResult['project']>, asOf: string): void {
  const far = farLatestReport(project.followUps, project.workshop.data.dates.end);
  diagnostics.forEach((diagnostic, index) => {
    if (diagnostic.code === 'follow-up-date-far' && far) diagnostics[index] = { ...diagnostic, ...farReportWords(far, asOf) };
  });
  if (project.followUps.length > 0) return;
  diagnostics.push({
    code: 'as-of-without-follow-up', severity: 'warning', stage: 'consolidate',
    message: `--as-of ${asOf} was given, but the project has no follow-up report (follow-up/*.yaml): the status of its actions is not known, so no document shows one and the follow-up document is not written.`,
    hint: 'Follow-up reports go in the folder follow-up/ beside workshop.yaml (docs/FORMAT.md, “Follow-up”); without them, leave out --as-of.',
  });
}
