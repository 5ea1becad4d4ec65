import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { translationStatus } from '../languages/index.js';
import { locate } from '../load/index.js';
import type { DocumentEntry, Language } from '../notes/types.js';
import { DEFAULT_DOCUMENTS, documentJobs, missingTemplate, templateProblems, type TemplateFile } from '../render/index.js';
import { unusedTemplates } from '../render/unused-templates.js';
import type { CheckedProject } from '../validate/index.js';
import { loadTemplates, templatesFolder } from './templates.js';

/** A workshop's templates, and the problems of their files. */
export interface ProjectTemplates {
  templates: Map<string, TemplateFile>;
  diagnostics: Diagnostic[];
  /** Whether the project (or --templates) has any template of its own. */
  own: boolean;
}

/**
 * The templates a workshop renders with (the shipped ones, its templates/ folder's or --templates'
 * in their place), with the files that would replace nothing (`unused-template`).
 */
export async function projectTemplates(dir: string, templatesOption: string | undefined, cwd: string, documents: readonly DocumentEntry[], languages: readonly Language[]): Promise<ProjectTemplates> {
  const diagnostics: Diagnostic[] = [];
  const templates = await loadTemplates(templatesFolder(dir, templatesOption, cwd), diagnostics, dir);
  const own = [...templates.values()].some((file) => file.overridden);
  if (own) diagnostics.push(...unusedTemplates(templates, new Set((await loadTemplates()).keys()), documents, languages, undefined, templatesOption !== undefined));
  return { templates, diagnostics, own };
}

/**
 * The templates one language renders with: a project template in `templates/LANG/`
 * (templates/fr/press-release.md.hbs), LANG one of the project's languages, takes the place of the
 * one of the same name for that language, and no language's folder is a template of its own.
 */
export function templatesIn<T>(templates: ReadonlyMap<string, T>, language: Language, languages: readonly Language[]): ReadonlyMap<string, T> {
  const folder = (name: string) => name.slice(0, name.indexOf('/'));
  if (![...templates.keys()].some((name) => languages.includes(folder(name) as Language))) return templates;
  const result = new Map([...templates].filter(([name]) => !languages.includes(folder(name) as Language)));
  for (const [name, file] of templates) if (folder(name) === language) result.set(name.slice(language.length + 1), file);
  return result;
}

/**
 * `validate`'s check of a workshop's own templates, what `build` finds before it renders anything:
 * files that replace nothing, syntax errors, names the data does not have, partials and custom
 * documents' templates that do not exist (at `template:` in workshop.yaml), in each language. A
 * workshop without templates of its own has nothing to check: the shipped ones are tested.
 * What only data shows (a helper given the wrong value) is still `build`'s to find.
 */
export async function checkWorkshopTemplates(project: CheckedProject, dir: string, cwd: string): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const workshop = project.workshop;
  const documents = workshop.data.report?.documents ?? DEFAULT_DOCUMENTS;
  const { languages } = translationStatus(project);
  const { templates, diagnostics, own } = await projectTemplates(dir, undefined, cwd, documents, languages);
  const sources = new Map([...templates.values()].filter((file) => file.overridden).map((file) => [file.displayPath, file.text]));
  if (!own || hasErrors(diagnostics)) return { diagnostics, sources };
  const jobs = documentJobs(documents, workshop.data.countries.slice(0, 1), project.followUps.length > 0);
  const seen = new Set<string>();
  const add = (diagnostic: Diagnostic) => {
    const key = JSON.stringify(diagnostic);
    if (!seen.has(key)) diagnostics.push(diagnostic);
    seen.add(key);
  };
  for (const language of languages) {
    const set = templatesIn(templates, language, languages);
    templateProblems(set, jobs, language).forEach(add);
    for (const job of jobs) {
      if (set.has(job.template)) continue;
      const index = workshop.data.report?.documents?.findIndex((entry) => typeof entry !== 'string' && entry.name === job.name) ?? -1;
      add({ ...missingTemplate(job), ...(index >= 0 ? { location: locate(workshop.file, ['report', 'documents', index, 'template'], 'value') } : {}) });
    }
  }
  return { diagnostics, sources };
}
