import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { applyTypography } from '../i18n/typography.js';
import { helpers } from '../render/helpers.js';
import { helperNames, shapeNames, tidy, type TemplateSet } from '../render/index.js';
import { checkTemplateNames, shapeFromSchema, type Shape } from '../render/template-check.js';
import { readBundled } from '../assets.js';
import { prepareModel, type Fallbacks } from '../render/safe-values.js';
import { parseTemplates, templateDiagnostic } from '../render/template-errors.js';
import { partialName, PARTIALS_DIR } from '../render/templates.js';
import { compileTemplate } from '../render/compile.js';
import { frontMatterProblem } from '../render/front-matter-check.js';
import { renderedChartProblems, templateChartProblems } from '../render/chart-check.js';
import { partialFilesPlacedBy } from '../render/unused-templates.js';
import { DEFAULT_WORK_LIMITS, meterEnvironment, type WorkLimits } from '../render/budget.js';
import type { ProgrammeModel } from './model.js';

/**
 * The programme's documents, from the templates in `programme/` (overview, the action register,
 * the recurring recommendations, one dossier per country), with the same helpers and partials as a workshop's;
 * `fallbacks`: the texts in another language than the programme's, marked with it. Pure.
 */
export function renderProgramme(model: ProgrammeModel, templates: TemplateSet, fallbacks?: Fallbacks, limits?: Partial<WorkLimits>): { documents: ProgrammeDocument[]; diagnostics: Diagnostic[] } {
  const documents: ProgrammeDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const step of renderProgrammeEach(model, templates, fallbacks, limits)) {
    if ('document' in step) documents.push(step.document);
    else diagnostics.push(step.diagnostic);
  }
  return { documents, diagnostics };
}

export interface ProgrammeDocument {
  file: string;
  markdown: string;
}

/** The programme's document templates; the country dossier is rendered once per country, with `dossier`. */
const DOCUMENT_TEMPLATES = ['programme/overview.md.hbs', 'programme/actions.md.hbs', 'programme/recurring.md.hbs', 'programme/country-dossier.md.hbs'];

let shape: Shape | undefined;

/** The programme's data model, from schemas/programme-context.schema.json (with the workshop's, which it refers to). */
function programmeShape(): Shape {
  const schema = (file: string) => JSON.parse(readBundled(`schemas/${file}`)) as Parameters<typeof shapeFromSchema>[0];
  return (shape ??= shapeFromSchema(schema('programme-context.schema.json'), { 'context.schema.json': schema('context.schema.json') }));
}

/**
 * The mistakes in the programme's templates and the partials they use, each located, before anything
 * renders: syntax errors, then every field name that the programme's data does not have (strict mode
 * is silent inside #if, #each and helper arguments). Pure.
 */
export function programmeTemplateProblems(templates: TemplateSet, optionalFields = false): Diagnostic[] {
  const { asts, diagnostics } = parseTemplates(new Map([...templates].filter(([name]) => name.startsWith('programme/') || name.startsWith(PARTIALS_DIR))));
  if (diagnostics.length) return diagnostics;
  // Helper names are the same in every language.
  const names = helperNames('en');
  for (const template of DOCUMENT_TEMPLATES) {
    if (!templates.has(template)) continue;
    for (const problem of checkTemplateNames(template, templates, asts, programmeShape(), names, optionalFields)) {
      diagnostics.push(problem.code === 'template-unknown-name' ? { ...problem, hint: `${problem.hint?.replace(/Run `workshop-report context`.*$/, '') ?? ''}The programme's templates receive what schemas/programme-context.schema.json describes.` } : problem);
    }
  }
  diagnostics.push(...templateChartProblems(new Map([...templates].filter(([name]) => name.startsWith('programme/') || name.startsWith(PARTIALS_DIR)))));
  return diagnostics;
}

/**
 * `renderProgramme`, one document (or problem) at a time: the caller writes each out while the next
 * is rendered. `notesText`: what each (md) text of the workshops' notes becomes before the templates
 * see it (see prepareModel). Pure, when `notesText` is.
 */
export function* renderProgrammeEach(model: ProgrammeModel, templates: TemplateSet, fallbacks?: Fallbacks, limits: Partial<WorkLimits> = {}, notesText?: (source: string) => string): Generator<{ document: ProgrammeDocument } | { diagnostic: Diagnostic }, void, undefined> {
  // Every syntax error first, located (as a workshop's templates are), before anything renders.
  const diagnostics = programmeTemplateProblems(templates);
  if (diagnostics.length) {
    for (const diagnostic of diagnostics) yield { diagnostic };
    return;
  }
  const hb = Handlebars.create();
  hb.registerHelper(helpers(model.language));
  // As a workshop's documents are rendered: compiled once per process, and within the work limits
  // (an editor's loop inside a loop over 4,000 actions stops with a located error, not a hung build).
  const partialTemplates = new Map<string, string>();
  for (const [name, file] of templates) {
    if (!name.startsWith(PARTIALS_DIR)) continue;
    partialTemplates.set(partialName(name), name);
    hb.registerPartial(partialName(name), compileTemplate(hb, file.text.replace(/\r?\n$/, '')));
  }
  const meter = meterEnvironment(hb, partialTemplates);
  const context = prepareModel(model, fallbacks, notesText);
  const jobs = [
    { template: 'programme/overview.md.hbs', file: 'overview.md', extra: {} },
    { template: 'programme/actions.md.hbs', file: 'actions.md', extra: {} },
    { template: 'programme/recurring.md.hbs', file: 'recurring.md', extra: {} },
    ...context.dossiers.map((dossier) => ({ template: 'programme/country-dossier.md.hbs', file: `countries/${dossier.country.code}.md`, extra: { dossier } })),
  ];
  const compiled = new Map<string, Handlebars.TemplateDelegate>();
  const failed = new Set<string>();
  const frontMatterChecked = new Set<string>();
  const ownTemplates = [...templates.values()].some((file) => file.overridden);
  for (const job of jobs) {
    const file = templates.get(job.template);
    if (!file || failed.has(job.template)) continue;
    try {
      if (!compiled.has(job.template)) compiled.set(job.template, compileTemplate(hb, file.text));
      meter.begin(job.template, job.file, { ...DEFAULT_WORK_LIMITS, ...limits });
      const markdown = compiled.get(job.template)!({ ...context, ...job.extra }, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
      meter.finish(markdown);
      const document = { file: job.file, markdown: applyTypography(tidy(markdown), model.language) };
      // A chart directive whose columns the table after it does not have, known only rendered (the shipped templates are tested).
      const charts = ownTemplates ? renderedChartProblems(document.markdown, [file, ...partialFilesPlacedBy(file, templates)]) : [];
      if (charts.length > 0) {
        for (const diagnostic of charts) yield { diagnostic };
        continue;
      }
      yield { document };
      // (The shipped front matter is tested; an editor's is read once per template.)
      if (ownTemplates && !frontMatterChecked.has(job.template)) {
        frontMatterChecked.add(job.template);
        const problem = frontMatterProblem(document.markdown, file, templates);
        if (problem) yield { diagnostic: problem };
      }
    } catch (error) {
      yield { diagnostic: templateDiagnostic(error, job.template, templates, new Set(Object.keys(context)), shapeNames(programmeShape())) };
      // One report per template: the same mistake would fail every country's dossier.
      failed.add(job.template);
    }
  }
}
