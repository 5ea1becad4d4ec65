import { suggest } from '../validate/suggest.js';
import { lstat, readdir, readFile, stat } from 'node:fs/promises';
import { parse } from 'yaml';
import { reportLanguages } from '../languages/status.js';
import path from 'node:path';
import { bundledPath } from '../assets.js';
import { SetupError } from '../errors.js';
import { CATALOGUES } from '../i18n/index.js';
import type { Language } from '../notes/types.js';
import type { TemplateFile } from '../render/index.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nodeFs, type FileSystem } from '../load/file-system.js';
import { writeAllOrNothing, type Destination, type Root } from './destinations.js';
import { checkFolderLink, checkLink } from '../load/links.js';
import { decodeUtf8 } from '../load/decode.js';
import { isProgramme } from './programme-folder.js';
import { templatesFolder } from './templates-folder.js';
import { isProgrammeTemplate, ownTemplateName } from '../render/templates.js';

/**
 * The project folder `templates list` and `eject` work on, without --templates, must be a workshop's
 * or a programme's: `--project nowher` made nowher/templates/ and said it had copied there, and
 * `list` showed every template as the default of a project that was not there.
 */
export async function checkTemplatesProject(project: string, templatesOption: string | undefined, cwd: string): Promise<void> {
  if (templatesOption !== undefined) return;
  const workshop = await Promise.all(['workshop.yaml', 'workshop.yml'].map((name) => lstat(path.resolve(cwd, project, name)).then(() => true, () => false)));
  if (workshop.includes(true) || (await isProgramme(project, cwd))) return;
  throw new SetupError(`${project} has no workshop.yaml (nor programme.yaml): it is not a project folder.`,
    'Run the command in the workshop\'s folder or give it with --project; --templates DIR works on a folder of house templates instead.');
}

/** A project's own template files (its templates/ folder, or --templates'), as `[shown path, text]`. */
export async function projectTemplateTexts(projectDir: string, templatesOption?: string, cwd = projectDir): Promise<Array<[string, string]>> {
  const set = await loadTemplates(templatesFolder(projectDir, templatesOption, cwd), [], projectDir);
  return [...set.values()].filter((file) => file.overridden).map((file) => [file.displayPath, file.text]);
}

/**
 * The bundled templates, with each file the project's templates/ folder has of the same relative
 * name taking its place (and extra files, e.g. custom documents, added).
 */
export async function loadTemplates(projectTemplatesDir?: string, diagnostics: Diagnostic[] = [], projectDir?: string): Promise<Map<string, TemplateFile>> {
  const set = new Map<string, TemplateFile>(await bundledTemplates());
  if (projectTemplatesDir === undefined) return set;
  // The project's own templates/ folder may not be a link leading outside the project (--templates may point anywhere).
  const ownFolder = projectDir !== undefined && path.resolve(projectTemplatesDir) === path.resolve(projectDir, 'templates');
  if (ownFolder) {
    const outside = await checkFolderLink(nodeFs, projectDir, 'templates');
    if (outside) {
      diagnostics.push(outside);
      return set;
    }
  }
  // Links may lead anywhere inside the project (its own templates/), or inside the --templates folder.
  // A project need not have a templates/ folder; a folder given with --templates must exist.
  const others: string[] = [];
  for (const name of await listTemplates(projectTemplatesDir, diagnostics, ownFolder ? projectDir : projectTemplatesDir, !ownFolder, others)) {
    // A --templates file is shown where it is (../house/report.md.hbs), relative to the project as every path is.
    const shown = ownFolder || projectDir === undefined ? `templates/${name}` : path.relative(projectDir, path.join(projectTemplatesDir, name)).split(path.sep).join('/');
    const text = templateText(shown, name, await readFile(path.join(projectTemplatesDir, name)), diagnostics);
    if (text !== undefined) set.set(name, { text, displayPath: shown, overridden: true });
  }
  diagnostics.push(...notTemplateFiles(others, new Set((await bundledTemplates()).map(([name]) => name)), (name) => (ownFolder || projectDir === undefined ? `templates/${name}` : path.relative(projectDir, path.join(projectTemplatesDir, name)).split(path.sep).join('/'))));
  return set;
}

/**
 * Files in a templates folder named as a default template without its `.hbs` (`recommendations.md`,
 * `fr/report.md`, `report.md.handlebars`): only .hbs files are templates, so the default stayed in
 * place without a word. One warning each; other files (a README, a picture) are the editor's own. Pure.
 */
function notTemplateFiles(names: readonly string[], bundledNames: ReadonlySet<string>, shown: (name: string) => string): Diagnostic[] {
  const at = { line: 1, column: 1, offset: 0 };
  return names.flatMap((name) => {
    const meant = [`${name}.hbs`, name.replace(/\.(handlebars|hbs\.\w+|txt)$/i, '.hbs'), name.replace(/(\.md)?\.txt$/i, '.md.hbs')].find((candidate) => candidate !== name && bundledNames.has(ownTemplateName(candidate)));
    if (meant === undefined) return [];
    const base = (file: string) => file.slice(file.lastIndexOf('/') + 1);
    return [{
      code: 'unused-template' as const, severity: 'warning' as const, stage: 'render' as const,
      message: `“${name}” is not read: template files end in .hbs, so the default ${ownTemplateName(meant)} is used.`,
      hint: `Rename it ${base(meant)} to replace the default.`,
      location: { file: shown(name), start: at, end: at },
    }];
  });
}

/**
 * A template file's text, as an editor wrote it: strict UTF-8 (a Latin-1 byte was printed as
 * U+FFFD), CRLF line ends as LF (a \r came through into the Markdown). A document template with
 * nothing in it (a save cut short) is an error: its document would be blank, and the build said
 * nothing. A partial may be empty, to leave out what it prints.
 */
function templateText(shown: string, name: string, bytes: Uint8Array, diagnostics: Diagnostic[]): string | undefined {
  const decoded = decodeUtf8(shown, bytes);
  if (!decoded.ok) {
    diagnostics.push({ ...decoded.diagnostic, hint: decoded.diagnostic.hint?.replace('a YAML text file', 'a template text file') });
    return undefined;
  }
  const text = decoded.text.replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
  if (text.trim() === '' && !name.startsWith('partials/')) {
    diagnostics.push({ code: 'empty-file', severity: 'error', stage: 'render', message: 'This template is empty: its document would be blank.', hint: 'Write the template (`workshop-report templates eject NAME` copies a default to start from), or delete the file (a default of the same name then takes its place).', location: { file: shown, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } } });
  }
  return text;
}

let bundled: Promise<ReadonlyArray<[string, TemplateFile]>> | undefined;

/** The names of the shipped templates (`report.md.hbs`, `partials/person.md.hbs`, `programme/overview.md.hbs`). */
export async function shippedTemplateNames(): Promise<ReadonlySet<string>> {
  return new Set((await bundledTemplates()).map(([name]) => name));
}

/**
 * The bundled templates, read once per thread: they are the package's own files, which do not
 * change while it runs, and a programme's build loads them for each of its workshops.
 */
function bundledTemplates(): Promise<ReadonlyArray<[string, TemplateFile]>> {
  bundled ??= (async () => {
    const dir = bundledPath('templates');
    const names = await listTemplates(dir, [], dir, true);
    return Promise.all(names.map(async (name): Promise<[string, TemplateFile]> => [name, { text: await readFile(path.join(dir, name), 'utf8'), displayPath: `(bundled) templates/${name}`, overridden: false }]));
  })();
  // A failed read is tried again next time.
  bundled.catch(() => { bundled = undefined; });
  return bundled;
}

/** The .hbs files below `dir` (its other files' names to `others`); a symbolic link is followed only to a file inside `root`, else reported. */
async function listTemplates(dir: string, diagnostics: Diagnostic[], root: string, required: boolean, others?: string[]): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    const names: string[] = [];
    if (others) for (const entry of entries) if (!entry.name.endsWith('.hbs') && entry.isFile()) others.push(path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
    for (const entry of entries.filter((e) => e.name.endsWith('.hbs'))) {
      const name = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
      const link = entry.isSymbolicLink() ? await checkLink(nodeFs, root, entry, `templates/${name}`) : entry.isFile() ? 'file' : undefined;
      if (link === 'file') names.push(name);
      else if (link) diagnostics.push(link);
    }
    return names.sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (required && code === 'ENOENT') throw new SetupError(`The templates folder ${dir} does not exist.`, TEMPLATES_OPTION_HINT);
    if (code === 'ENOTDIR') throw notAFolder(dir, !required);
    if (code === 'ENOENT') return [];
    throw error;
  }
}

const TEMPLATES_OPTION_HINT = 'Check the folder given to --templates (relative to the current folder), or leave --templates out to use the project\'s templates/ folder.';

/** The templates folder is a file: the project's own templates/, or the folder --templates names. */
function notAFolder(dir: string, own: boolean): SetupError {
  if (!own) return new SetupError(`The templates folder ${dir} is a file, not a folder.`, TEMPLATES_OPTION_HINT);
  return new SetupError(`The project's templates (${dir}) is a file, not a folder: its own templates go in a folder templates/.`, 'Rename or remove that file; `workshop-report templates eject NAME` creates the folder with the template to change.');
}

/**
 * Copies the named default templates (all without names) into `target`. A file that differs from
 * the default (edited) is kept unless `force`. Every destination is checked before any is written
 * (a file where a folder goes, a folder where a file goes, a link leading out of `root`: a setup
 * error), and a write that fails undoes the others: a failed eject writes nothing.
 */
export async function ejectTemplates(target: string, names: readonly string[], force: boolean, root: Root, fs: FileSystem = nodeFs, kind?: 'workshop' | 'programme'): Promise<{ copied: string[]; kept: string[] }> {
  const bundled = await loadTemplates();
  // All of them: those of the project's kind (a workshop's build never reads a programme's templates, nor the reverse); every one into a shared --templates folder.
  const all = [...bundled.keys()].filter((name) => kind === undefined || isProgrammeTemplate(name) === (kind === 'programme'));
  const wanted = names.length ? names.map((name) => resolveName(name, [...bundled.keys()])) : all.map((name) => ({ from: name, to: name }));
  // A template the project's build would never read (templates list and validate then called it unused): refused before anything is written.
  if (kind !== undefined) for (const { from, to } of wanted) refuseOtherKind(from, to, kind);
  const folder = await stat(target).catch(() => undefined);
  if (folder && !folder.isDirectory()) throw notAFolder(target, path.resolve(target) === path.resolve(root.folder, 'templates'));
  const copies: Destination[] = [];
  const kept: string[] = [];
  for (const { from, to } of wanted) {
    const destination = path.join(target, to);
    const text = bundled.get(from)!.text;
    const existing = await readFile(destination, 'utf8').catch(() => undefined);
    if (existing !== undefined && !force && existing !== text) kept.push(to);
    else copies.push({ file: destination, text });
  }
  await writeAllOrNothing(copies, root, fs);
  return { copied: copies.map(({ file }) => path.relative(target, file).split(path.sep).join('/')), kept };
}

/** `eject NAME` of a template the project's kind of build does not read: a programme's into a workshop, a workshop's or a language's copy into a programme. */
function refuseOtherKind(from: string, to: string, kind: 'workshop' | 'programme'): void {
  const programme = isProgrammeTemplate(from);
  if (kind === 'programme' && programme && to !== from) {
    throw new SetupError(`A programme's documents are in programme.yaml's language, from templates/${from}: templates/${to} would never be read.`, `Eject ${from.replace(/\.md\.hbs$/, '')} instead.`);
  }
  // Partials: a programme's templates may place a workshop's (partials/person).
  if (from.startsWith('partials/') || programme === (kind === 'programme')) return;
  throw new SetupError(kind === 'programme'
    ? `${from} is a workshop's template: a programme's build does not read it.`
    : `${from} is a programme's template: a workshop's build does not read it.`,
  kind === 'programme' ? 'Eject it into a workshop of the programme (--project ../rabat-2022), or give a shared folder with --templates.' : 'Eject it into the programme\'s folder (--project ../sahel-programme), or give a shared folder with --templates.');
}

/**
 * `report`, `report.md.hbs`, `person`, `partials/person.md.hbs` all name the same file; `fr/report`
 * is the default report copied into `fr/`, to become the French one (see templatesIn).
 */
function resolveName(name: string, names: string[]): { from: string; to: string } {
  const language = languageFolder(name);
  const rest = language === undefined ? name : name.slice(language.length + 1);
  const candidates = [rest, `${rest}.md.hbs`, `partials/${rest}`, `partials/${rest}.md.hbs`];
  const found = candidates.find((candidate) => names.includes(candidate));
  const near = found === undefined ? suggest(rest, names.flatMap((n) => [n, n.replace(/\.md\.hbs$/, ''), n.replace(/^partials\//, '').replace(/\.md\.hbs$/, '')])) : undefined;
  if (!found) throw new SetupError(`There is no default template called “${name}”.`, `${near ? `Did you mean “${language === undefined ? '' : `${language}/`}${near}”? ` : ''}Run \`workshop-report templates list\` to see them: ${names.join(', ')} (each also as LANG/NAME, e.g. fr/report, for one language of the report).`);
  return { from: found, to: language === undefined ? found : `${language}/${found}` };
}

/** The language a template's folder names (`fr` of `fr/report.md.hbs`), when it is one the tool has. */
export function languageFolder(name: string): Language | undefined {
  const folder = name.slice(0, Math.max(0, name.indexOf('/')));
  return Object.hasOwn(CATALOGUES, folder) ? folder as Language : undefined;
}

/** The report's languages as workshop.yaml says them, or undefined when it cannot be read (no project yet, a YAML error: `validate` says so). */
export async function projectLanguages(project: string, cwd: string): Promise<Language[] | undefined> {
  try {
    const data: unknown = parse(await readFile(path.resolve(cwd, project, 'workshop.yaml'), 'utf8'));
    if (!data || typeof data !== 'object') return undefined;
    const { language, languages } = data as { language?: unknown; languages?: unknown };
    return reportLanguages({ ...(typeof language === 'string' ? { language: language as Language } : {}), ...(Array.isArray(languages) ? { languages: languages as Language[] } : {}) });
  } catch {
    return undefined;
  }
}
