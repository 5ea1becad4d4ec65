import { hasErrors, type Diagnostic } from '../diagnostics/diagnostic.js';
import { translationStatus } from '../languages/index.js';
import { locate } from '../load/index.js';
import type { DocumentEntry, Language } from '../notes/types.js';
import { DEFAULT_DOCUMENTS, documentJobs, missingTemplate, templateProblems, type TemplateFile } from '../render/index.js';
import { otherKindTemplates, ownTemplateName, unusedTemplates } from '../render/unused-templates.js';
import { isProgrammeTemplate, PARTIALS_DIR } from '../render/templates.js';
import { templateFrontMatterProblem } from '../render/front-matter-check.js';
import { templateMarkup, type TemplateImage } from '../render/template-markup.js';
import { unescapedProblems } from '../render/unescaped-check.js';
import { readImageFiles } from '../load/image-files.js';
import { imageProblem, imageSource } from '../validate/images.js';
import { imageUrlRefusal } from '../markdown/images.js';
import { suggest } from '../validate/suggest.js';
import type { CheckedProject } from '../validate/index.js';
import { loadTemplates } from './templates.js';
import { templatesFolder } from './templates-folder.js';
import { templateCharacterProblems } from './template-characters.js';

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
  if (own) {
    const bundled = new Set((await loadTemplates()).keys());
    const shared = templatesOption !== undefined;
    // A programme's template in a workshop's own folder: said as such (not "replaces no default").
    if (!shared) diagnostics.push(...otherKindTemplates(templates, bundled, 'workshop'));
    diagnostics.push(...unusedTemplates(templates, bundled, documents, languages, shared ? undefined : (name) => !isProgrammeTemplate(ownTemplateName(name)), shared));
    // Front matter that is not YAML, found without data: validate says what build would.
    const ownFiles = [...new Set(templates.values())].filter((file) => file.overridden && !isProgrammeTemplate(ownTemplateName(file.displayPath.replace(/^templates\//, ''))));
    for (const file of ownFiles) {
      const problem = templateFrontMatterProblem(file);
      if (problem) diagnostics.push(problem);
    }
    // HTML the writers do not carry, images they cannot show: found without data, so validate says it too.
    diagnostics.push(...await templateMarkupProblems(ownFiles, dir));
  }
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
  // Under both names: a custom document may name its template with the folder (`template: fr/note.md.hbs`).
  for (const [name, file] of templates) if (folder(name) === language) result.set(name.slice(language.length + 1), file).set(name, file);
  return result;
}

/**
 * Each custom document of report.documents whose template is not in `templates` for one of the
 * report's languages (a `template:` misspelt, a file in templates/fr/ only): an error at its
 * `template:` in workshop.yaml. Pure.
 */
export function missingDocumentTemplates(workshop: CheckedProject['workshop'], templates: ReadonlyMap<string, unknown>, languages: readonly Language[], templatesOption?: string): Diagnostic[] {
  return (workshop.data.report?.documents ?? []).flatMap((entry, index) => {
    if (typeof entry === 'string') return [];
    const lacking = languages.filter((language) => !templatesIn(templates, language, languages).has(entry.template));
    if (lacking.length === 0) return [];
    const missing = missingTemplate({ name: entry.name, template: entry.template, path: entry.name }, templatesOption === undefined ? undefined : `the --templates folder (${templatesOption})`);
    const available = [...templatesIn(templates, lacking[0]!, languages).keys()].filter((name) => !name.startsWith(PARTIALS_DIR));
    // `template: templates/note.md.hbs`: the name is already inside templates/.
    const inside = entry.template.replace(/^(\.\/)?templates\//, '');
    const near = inside !== entry.template && available.includes(inside) ? undefined : suggest(entry.template, available);
    const hint = inside !== entry.template && available.includes(inside) ? `Write \`template: ${inside}\`: the name is taken inside the templates folder.` : near ? `Did you mean “${near}”? ${missing.hint}` : undefined;
    return [{
      ...missing,
      ...(hint ? { hint } : {}),
      ...(lacking.length < languages.length ? { message: missing.message.replace(' does not exist.', ` does not exist in ${lacking.join(', ')}.`) } : {}),
      location: locate(workshop.file, ['report', 'documents', index, 'template'], 'value'),
    }];
  });
}

/**
 * `validate`'s check of a workshop's own templates, what `build` finds before it renders anything:
 * files that replace nothing, syntax errors, names the data does not have, partials and custom
 * documents' templates that do not exist (at `template:` in workshop.yaml), in each language. A
 * workshop without templates of its own has nothing to check: the shipped ones are tested.
 * What only data shows (a helper given the wrong value) is still `build`'s to find.
 */
export async function checkWorkshopTemplates(project: CheckedProject, dir: string, cwd: string, templatesOption?: string): Promise<{ diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const workshop = project.workshop;
  const documents = workshop.data.report?.documents ?? DEFAULT_DOCUMENTS;
  const { languages } = translationStatus(project);
  const { templates, diagnostics, own } = await projectTemplates(dir, templatesOption, cwd, documents, languages);
  const sources = new Map([...templates.values()].filter((file) => file.overridden).map((file) => [file.displayPath, file.text]));
  // (A file that could not be read, not UTF-8, takes no default's place, and is still a problem.)
  if (!own) return { diagnostics: [...diagnostics, ...missingDocumentTemplates(workshop, templates, languages, templatesOption)], sources };
  if (hasErrors(diagnostics)) return { diagnostics, sources };
  const jobs = documentJobs(documents, workshop.data.countries.slice(0, 1), project.followUps.length > 0);
  const seen = new Set<string>();
  const add = (diagnostic: Diagnostic) => {
    const key = JSON.stringify(diagnostic);
    if (!seen.has(key)) diagnostics.push(diagnostic);
    seen.add(key);
  };
  for (const language of languages) templateProblems(templatesIn(templates, language, languages), jobs, language, true).forEach(add);
  diagnostics.push(...missingDocumentTemplates(workshop, templates, languages, templatesOption));
  return { diagnostics, sources };
}

/**
 * What templates of the project's own write that the writers change (see templateMarkup): their raw
 * HTML (`template-html`), their `{{{…}}}`, which print as `{{…}}` do (`template-unescaped`, see
 * unescapedProblems), characters that do not show or are not text (`control-character`, see
 * templateCharacterProblems), and each image they name by a path written out (not made by data), judged
 * as the notes' images are (`image`, with the same words), at its `![…](…)` in the template. An
 * image made by data is judged by the build, in the document it is rendered into (see
 * templateImagePlaces).
 */
export async function templateMarkupProblems(files: readonly TemplateFile[], dir: string): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  const images: Array<TemplateImage & { src: string }> = [];
  for (const file of files) {
    const found = templateMarkup(file);
    diagnostics.push(...found.diagnostics, ...unescapedProblems(file), ...templateCharacterProblems(file));
    for (const image of found.images) if (image.src !== undefined) images.push({ ...image, src: image.src });
  }
  if (images.length === 0) return diagnostics;
  const read = await readImageFiles(dir, images.filter((image) => imageUrlRefusal(image.src) === undefined).map((image) => imageSource(image.src)));
  for (const image of images) {
    const problem = imageProblem(image.src, undefined, read);
    if (problem) diagnostics.push({ ...problem, location: image.location });
  }
  const file = (d: Diagnostic) => d.location?.file ?? '';
  return diagnostics.sort((a, b) => (file(a) < file(b) ? -1 : file(a) > file(b) ? 1 : (a.location?.start.offset ?? 0) - (b.location?.start.offset ?? 0)));
}
