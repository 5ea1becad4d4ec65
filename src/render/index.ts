import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ReportModel } from '../consolidate/index.js';
import type { Language } from '../notes/types.js';
import { documentJobs, type DocumentJob } from './documents.js';
import { helpers } from './helpers.js';
import { applyTypography } from '../i18n/index.js';
import { escapeForMarkdown, prepareModel, type Fallbacks } from './safe-values.js';
import { PARTIALS_DIR, partialName, type TemplateSet } from './templates.js';
import { parseTemplates, templateDiagnostic } from './template-errors.js';
import { compileTemplate } from './compile.js';
import { DEFAULT_WORK_LIMITS, meterEnvironment, type WorkLimits } from './budget.js';
import { checkTemplateNames, shapeFromSchema, type Shape } from './template-check.js';
import { readBundled } from '../assets.js';
import { tidy } from './tidy.js';
import { withoutNonText } from '../characters.js';
import { frontMatterProblem } from './front-matter-check.js';
import { renderedChartProblems, templateChartProblems } from './chart-check.js';
import { partialFilesPlacedBy } from './unused-templates.js';
import type { DocumentEntry } from '../notes/types.js';

export type { TemplateFile, TemplateSet } from './templates.js';
export type { Fallbacks } from './safe-values.js';
export { DEFAULT_DOCUMENTS, documentJobs, type DocumentJob } from './documents.js';
export { DEFAULT_WORK_LIMITS, TemplateBudgetError, type WorkLimits } from './budget.js';
export { tidy } from './tidy.js';

// Handlebars escapes for HTML; these documents are Markdown. Its runtime reads this once per template.
Handlebars.Utils.escapeExpression = escapeForMarkdown as typeof Handlebars.Utils.escapeExpression;

// Strict: a name the data does not have is an error. (Prototype access stays off: see the runtime options below.)

// Not `log`: it prints to the console, into the report's output (stdout, where --reporter json writes) and CI logs.
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'blockHelperMissing', 'helperMissing'];

/** Every helper a template may call: ours (the same names in every language) and Handlebars' own. */
export function helperNames(language: Language): Set<string> {
  return new Set([...Object.keys(helpers(language)), ...BUILT_IN_HELPERS]);
}

let shapes: { workshop: Shape; country: Shape } | undefined;

/** The data model's shape, from schemas/context.schema.json; per-country templates also get `brief`. */
function contextShape(perCountry: boolean): Shape {
  if (!shapes) {
    const schema = JSON.parse(readBundled('schemas/context.schema.json')) as Parameters<typeof shapeFromSchema>[0];
    const workshop = shapeFromSchema(schema);
    const brief = shapeFromSchema({ ...schema, $ref: '#/$defs/brief' });
    shapes = { workshop, country: { props: new Map([...(workshop.props ?? []), ['brief', brief]]) } };
  }
  return perCountry ? shapes.country : shapes.workshop;
}

export interface RenderedDocument {
  job: DocumentJob;
  /** Relative to the output folder: `report.md`, `countries/MLI.md`. */
  file: string;
  markdown: string;
  /** Units of template work it took (see LIMITS.templateSteps). */
  steps: number;
}

export interface RenderOptions {
  /** The work limits of one document; LIMITS.templateSteps and LIMITS.templateOutputChars by default. */
  limits?: Partial<WorkLimits>;
  /** The texts left in the notes' language (no up-to-date translation): marked with that language. */
  fallbacks?: Fallbacks | undefined;
}

export interface RenderResult {
  documents: RenderedDocument[];
  diagnostics: Diagnostic[];
}

/** Stage 4: the report model → Markdown documents, through the templates. Pure. */
export function render(model: ReportModel, templates: TemplateSet, entries: readonly DocumentEntry[], options: RenderOptions = {}): RenderResult {
  const result: RenderResult = { documents: [], diagnostics: [] };
  for (const step of renderEach(model, templates, entries, options)) {
    if ('document' in step) result.documents.push(step.document);
    else result.diagnostics.push(step.diagnostic);
  }
  return result;
}

/** The documents `entries` make of this model, one job per file (see documentJobs). */
function modelJobs(model: ReportModel, entries: readonly DocumentEntry[]): DocumentJob[] {
  return documentJobs(entries, model.countries.map((c) => c.code), model.follow_up !== undefined);
}

/**
 * The files renderEach writes for this model (`report.md`, `countries/MLI.md`), in its order, known
 * before rendering: a build that renders without an error writes each of them. Pure.
 */
export function documentFiles(model: ReportModel, entries: readonly DocumentEntry[]): string[] {
  return modelJobs(model, entries).map((job) => `${job.path}.md`);
}

/** One document rendered, or one problem found: what `renderEach` yields. */
export type RenderStep = { document: RenderedDocument } | { diagnostic: Diagnostic };

/**
 * `render`, one document at a time: the caller can write each document out before the next is
 * rendered, so memory holds one document, not all of them (a country brief of a large workshop
 * is megabytes). Pure.
 */
export function* renderEach(model: ReportModel, templates: TemplateSet, entries: readonly DocumentEntry[], options: RenderOptions = {}): Generator<RenderStep, void, undefined> {
  const problems = (list: Diagnostic[]) => list.map((diagnostic) => ({ diagnostic }));
  const hb = Handlebars.create();
  const languageHelpers = helpers(model.language);
  hb.registerHelper(languageHelpers);
  const jobs = modelJobs(model, entries);
  const diagnostics = templateProblems(templates, jobs, model.language);
  if (diagnostics.length) return yield* problems(diagnostics);
  const partialTemplates = new Map<string, string>();
  for (const [name, file] of templates) {
    if (!name.startsWith(PARTIALS_DIR)) continue;
    partialTemplates.set(partialName(name), name);
    // Compiled (lazily) here, not given as text: the runtime would compile text outside the work meter.
    // A partial file's final newline would end the line it is placed on.
    hb.registerPartial(partialName(name), compileTemplate(hb, file.text.replace(/\r?\n$/, '')));
  }
  const meter = meterEnvironment(hb, partialTemplates);
  const limits: WorkLimits = { ...DEFAULT_WORK_LIMITS, ...options.limits };
  const context = prepareModel(model, options.fallbacks);
  const compiled = new Map<string, Handlebars.TemplateDelegate | undefined>();
  const failed = new Set<string>();
  const ownTemplates = [...templates.values()].some((file) => file.overridden);
  const frontMatterChecked = new Set<string>();
  for (const job of jobs) {
    if (failed.has(job.template)) continue;
    const file = templates.get(job.template);
    if (!file) {
      yield { diagnostic: missingTemplate(job) };
      continue;
    }
    if (!compiled.has(job.template)) compiled.set(job.template, compileTemplate(hb, file.text));
    const template = compiled.get(job.template)!;
    const brief = job.country === undefined ? undefined : context.briefs.find((b) => b.country.code === job.country);
    const path = `${job.path}.md`;
    let document: RenderedDocument;
    try {
      meter.begin(job.template, path, limits);
      const markdown = template({ ...context, ...(brief ? { brief } : {}) }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      meter.finish(markdown);
      // Without the characters that are not text a template may hold (the notes are read without them): every format leaves them out alike.
      document = { job, file: path, markdown: applyTypography(tidy(withoutNonText(markdown)), model.language), steps: meter.steps };
      // (The shipped front matter is tested; an editor's is read once per template.)
      if (ownTemplates && !frontMatterChecked.has(job.template)) {
        frontMatterChecked.add(job.template);
        const problem = frontMatterProblem(document.markdown, file, templates);
        if (problem) yield { diagnostic: problem };
      }
      // A chart directive whose columns the table after it does not have, known only rendered (the shipped templates are tested).
      const charts = ownTemplates ? renderedChartProblems(document.markdown, [file, ...partialFilesPlacedBy(file, templates)]) : [];
      if (charts.length > 0) {
        yield* problems(charts);
        continue;
      }
    } catch (error) {
      yield { diagnostic: templateDiagnostic(error, job.template, templates, fieldNames(context), shapeNames(contextShape(job.country !== undefined))) };
      // One report per template is enough: the same mistake would fail every country's document.
      failed.add(job.template);
      continue;
    }
    yield { document };
  }
}

/**
 * What the templates of `jobs` show before any data reaches them: syntax errors, then names the data
 * cannot have and partials that do not exist. `renderEach` starts with it; `validate` runs it alone,
 * with the missing templates (missingTemplate), to find what `build` would, and with
 * `optionalFields` (see checkTemplateNames). Pure.
 */
export function templateProblems(templates: TemplateSet, jobs: readonly DocumentJob[], language: Language, optionalFields = false): Diagnostic[] {
  const checks = [...new Map(jobs.map((job) => [job.template, job.country !== undefined]))];
  const key = templateKey(templates, checks, language, optionalFields);
  const known = checkedTemplates.get(key);
  if (known) return copies(known);
  const found = ((): Diagnostic[] => {
    const { asts, diagnostics } = parseTemplates(templates);
    // A file under two names (templates/fr/note.md.hbs is also fr/note.md.hbs) is one problem.
    if (diagnostics.length) return [...new Map(diagnostics.map((d) => [JSON.stringify(d), d])).values()];
    const names = helperNames(language);
    for (const [template, perCountry] of checks) {
      if (templates.has(template)) diagnostics.push(...checkTemplateNames(template, templates, asts, contextShape(perCountry), names, optionalFields));
    }
    diagnostics.push(...templateChartProblems(templates));
    return diagnostics;
  })();
  if (checkedTemplates.size >= CHECKED_TEMPLATES_KEPT) checkedTemplates.clear();
  checkedTemplates.set(key, found);
  return copies(found);
}

/**
 * What templateProblems found, kept by everything it reads (each template's name, path and text;
 * the documents' templates; the language; optionalFields): a programme's 100 workshops render the
 * same templates, and checking them again for each took 2 ms a workshop (0.2 s a thread).
 */
const checkedTemplates = new Map<string, Diagnostic[]>();
const CHECKED_TEMPLATES_KEPT = 30;

function templateKey(templates: TemplateSet, checks: ReadonlyArray<[string, boolean]>, language: Language, optionalFields: boolean): string {
  return JSON.stringify([language, optionalFields, checks, [...templates].map(([name, file]) => [name, file.displayPath, file.text])]);
}

/** Each caller gets its own diagnostics (a caller may change one, to relocate it). */
function copies(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((diagnostic) => ({ ...diagnostic }));
}

/** A document whose template does not exist (a custom document's `template:` misspelt). */
export function missingTemplate(job: DocumentJob, folder = 'the project’s templates/ folder (or the one --templates names)'): Diagnostic {
  return { code: 'template-missing', severity: 'error', stage: 'render', message: `The template “${job.template}” for the document “${job.name}” does not exist.`, hint: `Put it in ${folder}, or fix \`template:\` in report.documents.` };
}

/** Every field name the data model has anywhere (optional ones included). */
export function shapeNames(shape: Shape, names = new Set<string>(), seen = new Set<Shape>()): Set<string> {
  if (seen.has(shape)) return names;
  seen.add(shape);
  for (const [name, inner] of shape.props ?? []) {
    names.add(name);
    shapeNames(inner, names, seen);
  }
  if (shape.items) shapeNames(shape.items, names, seen);
  return names;
}

/** Every property name in the data, for "did you mean" on a misspelt field. */
function fieldNames(model: unknown): Set<string> {
  const names = new Set<string>(['brief', '@index', '@first', '@last', 'this']);
  const seen = new Set<unknown>();
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object' || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) visit(item);
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      names.add(key);
      visit(item);
    }
  };
  visit(model);
  return names;
}
