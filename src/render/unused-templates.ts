import Handlebars from 'handlebars';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DocumentEntry, Language } from '../notes/types.js';
import { suggest } from '../validate/suggest.js';
import { CATALOGUES } from '../i18n/index.js';
import { isProgrammeTemplate, ownTemplateName, PARTIALS_DIR, partialName, type TemplateFile, type TemplateSet } from './templates.js';

export { ownTemplateName } from './templates.js';

/**
 * The project's template files that nothing uses: not the name of a default they would replace, not
 * a custom document's template, not a partial any template places (`{{> name}}`). A misnamed
 * override (`templates/Report.md.hbs`, `partials/persons.md.hbs`) used to leave the default in
 * place without a word. One warning each, with the default it was probably meant to replace.
 * `shared`: the templates come from --templates, a folder other projects may use too. Pure.
 */
export function unusedTemplates(templates: TemplateSet, bundled: ReadonlySet<string>, documents: readonly DocumentEntry[], languages: readonly Language[], judged: (name: string) => boolean = () => true, shared = false): Diagnostic[] {
  const used = new Set(documents.flatMap((entry) => (typeof entry === 'string' ? [] : [entry.template])));
  let placed: Set<string> | 'any' | undefined;
  const diagnostics: Diagnostic[] = [];
  const warn = (file: { displayPath: string }, message: string, hint: string) => {
    const at = { line: 1, column: 1, offset: 0 };
    diagnostics.push({ code: 'unused-template', severity: 'warning', stage: 'render', message, location: { file: file.displayPath, start: at, end: at }, hint });
  };
  for (const [name, file] of templates) {
    if (!file.overridden || bundled.has(name) || !judged(name)) continue;
    // templates/fr/report.md.hbs is the French report's: judged by the name it has in that language.
    const folder = name.slice(0, name.indexOf('/'));
    const own = languages.includes(folder as Language) ? name.slice(folder.length + 1) : name;
    if (bundled.has(own) || used.has(own) || used.has(name)) continue;
    if (own.startsWith(PARTIALS_DIR) && ((placed ??= placedPartials(templates)) === 'any' || placed.has(partialName(own)))) continue;
    // templates/en/report.md.hbs in a report without English: right name, wrong language (in a shared
    // --templates folder, another workshop's language).
    if (own === name && !shared && languages.length > 0 && Object.hasOwn(CATALOGUES, folder) && bundled.has(name.slice(folder.length + 1))) {
      warn(file, `“${name}” is the ${folder} report's, and ${folder} is not a language of the report (${languages.join(', ')}).`, `Add ${folder} to \`languages:\` in workshop.yaml, or remove the file.`);
      continue;
    }
    // templates/FR/report.md.hbs: a language's folder is named in lower case (the hint said “Did you mean report.md.hbs?”).
    const lower = folder.toLowerCase();
    if (folder !== lower && Object.hasOwn(CATALOGUES, lower) && bundled.has(name.slice(folder.length + 1))) {
      warn(file, `“${name}” is in ${folder}/, which is not read: a language's templates are in its code's folder, in lower case (templates/${lower}/).`, `Rename the folder ${folder}/ to ${lower}/.`);
      continue;
    }
    // templates/front-matter.md.hbs: a partial's name, beside the documents instead of in partials/.
    if (!own.includes('/')) {
      const stem = own.replace(/(\.md)?\.hbs$/, '');
      const partial = [`${PARTIALS_DIR}${stem}.md.hbs`, `${PARTIALS_DIR}${own}`].find((candidate) => bundled.has(candidate)) ?? (((placed ??= placedPartials(templates)) !== 'any' && placed.has(stem)) ? `${PARTIALS_DIR}${own}` : undefined);
      if (partial !== undefined) {
        warn(file, `“${name}” is named as a partial, which is read from templates/${PARTIALS_DIR}: here it replaces nothing.`, `Move it to templates/${partial}.`);
        continue;
      }
    }
    const near = suggest(own, [...bundled]) ?? suggest(own.toLowerCase(), [...bundled]);
    // A --templates folder is shared (by a programme's workshops): a file another project uses is no
    // mistake here; only one named almost as a default is.
    if (shared && near === undefined) continue;
    warn(file, `“${name}” replaces no default template, and no document or template uses it.`, near
      ? `Did you mean ${near}? A file replaces the default of exactly the same name (names are case-sensitive).`
      : own.startsWith(PARTIALS_DIR) ? `Place it in a template with {{> ${partialName(own)}}}, or remove it.` : 'Name it in report.documents (template:), or remove it.');
  }
  return diagnostics;
}

/**
 * The partials any template places ({{> name}}, {{#> name}}…{{/name}}), from their syntax trees;
 * 'any' when a template computes a partial's name (`{{> (concat "footer-" edition)}}`): then any
 * partial may be placed. A template that does not parse (its syntax error is reported) is read by
 * its text (partialCallsIn): a block closed by another name made the partial it places “unused”,
 * with the advice to remove it.
 */
function placedPartials(templates: TemplateSet): Set<string> | 'any' {
  const placed = new Set<string>();
  let computed = false;
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    const { type, name } = node as { type?: string; name?: { type?: string; original?: unknown } };
    if (type === 'PartialStatement' || type === 'PartialBlockStatement') {
      if (name?.type === 'SubExpression') computed = true;
      else if (typeof name?.original === 'string') placed.add(name.original);
    }
    for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
  };
  for (const file of templates.values()) {
    try {
      visit(Handlebars.parse(file.text));
    } catch {
      const calls = partialCallsIn(file.text);
      if (calls === 'any') computed = true;
      else for (const name of calls) placed.add(name);
    }
  }
  return computed ? 'any' : placed;
}

/** `{{> name}}`, `{{~#> "name"}}`, `{{> [name]}}`, or `{{> (` for a name computed while rendering. */
const PARTIAL_CALL = /\{\{~?#?>\s*(?:(\()|"([^"]*)"|'([^']*)'|\[([^\]]*)\]|([^\s}~()]+))/g;

/**
 * The partials a template's text places, read without parsing it (for a template that does not
 * parse): every `{{> name}}` in it, 'any' for a computed name. One in a comment or a raw block is
 * counted too: a partial is then not called unused, which is the side to err on.
 */
export function partialCallsIn(text: string): Set<string> | 'any' {
  const names = new Set<string>();
  for (const match of text.matchAll(PARTIAL_CALL)) {
    if (match[1]) return 'any';
    names.add((match[2] ?? match[3] ?? match[4] ?? match[5])!);
  }
  return names;
}

/**
 * The partials' files `template` places (`{{> name}}`), and those they place, in the order first
 * placed; none without `templates`, nor for a computed name (`{{> (lookup …)}}`). Pure.
 */
export function partialFilesPlacedBy(template: TemplateFile, templates: TemplateSet | undefined): TemplateFile[] {
  if (!templates) return [];
  const byName = new Map([...templates].filter(([name]) => name.startsWith(PARTIALS_DIR)).map(([name, file]) => [partialName(name), file]));
  const found: TemplateFile[] = [];
  const visit = (file: TemplateFile) => {
    const calls = partialCallsIn(file.text);
    if (calls === 'any') return;
    for (const name of calls) {
      const partial = byName.get(name);
      if (!partial || partial === template || found.includes(partial)) continue;
      found.push(partial);
      visit(partial);
    }
  };
  visit(template);
  return found;
}

/**
 * The project's own files that replace a template of the other kind of project: a programme's
 * (`programme/overview.md.hbs`) in a workshop's templates/ folder, whose build never reads them, or a
 * workshop's (`report.md.hbs`) in a programme's, whose workshops each render with their own folder's.
 * Editing them changed nothing, without a word. Not judged in a --templates folder, which a
 * programme and its workshops share. Pure.
 */
export function otherKindTemplates(templates: TemplateSet, bundled: ReadonlySet<string>, kind: 'workshop' | 'programme'): Diagnostic[] {
  const at = { line: 1, column: 1, offset: 0 };
  const ofKind = (name: string) => isProgrammeTemplate(ownTemplateName(name)) === (kind === 'programme');
  // A partial the kind's own templates place is theirs (a programme's overview may place partials/person).
  let placed: Set<string> | 'any' | undefined;
  const placedHere = (name: string) => (placed ??= placedPartials(new Map([...templates].filter(([other]) => ofKind(other))))) === 'any' || placed.has(partialName(name));
  const warn = (file: { displayPath: string }, message: string, hint: string): Diagnostic => ({ code: 'unused-template', severity: 'warning', stage: 'render', location: { file: file.displayPath, start: at, end: at }, message, hint });
  return [...templates].flatMap(([name, file]) => {
    const own = ownTemplateName(name);
    if (!file.overridden || !bundled.has(own)) return [];
    // A programme's documents are in its one language, from templates/programme/: a language's folder is never read.
    if (kind === 'programme' && own !== name && isProgrammeTemplate(own)) return [warn(file, `“${name}” is in a language's folder: a programme's build reads its templates from templates/${own}, in programme.yaml's language.`, `Move it to templates/${own}, or remove it.`)];
    if (ofKind(name) || (own.startsWith(PARTIALS_DIR) && placedHere(own))) return [];
    return [kind === 'workshop'
      ? warn(file, `“${name}” is a programme's template: a workshop's build does not use it.`, 'Put it in the templates/ folder of the programme (beside programme.yaml), or remove it.')
      : warn(file, `“${name}” is a workshop's template: a programme's build does not use it.`, 'Put it in the templates/ folder of each workshop that should use it, or give the folder to every build with --templates; or remove it.')];
  });
}

