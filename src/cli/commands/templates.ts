import path from 'node:path';
import { EXIT, type Io } from '../io.js';
import { checkTemplatesProject, ejectTemplates, languageFolder, loadTemplates, projectLanguages } from '../../build/templates.js';
import { templatesFolder } from '../../build/templates-folder.js';
import type { Language } from '../../notes/types.js';
import { isProgramme } from '../../build/programme-folder.js';
import { isProgrammeTemplate, PARTIALS_DIR } from '../../render/templates.js';

export interface TemplatesOptions {
  project?: string;
  templates?: string;
  force?: boolean;
}

/**
 * Every template and partial of the project's kind (as `eject` copies them: a workshop's, or a
 * programme's; all of them for a --templates folder), and whether the project overrides it. The
 * project's own files are all listed; a document of the other kind is said to be unused.
 */
export async function listTemplatesCommand(options: TemplatesOptions, io: Io): Promise<number> {
  await checkTemplatesProject(options.project ?? '.', options.templates, io.cwd);
  const set = await loadTemplates(templatesFolder(options.project ?? '.', options.templates, io.cwd), [], path.resolve(io.cwd, options.project ?? '.'));
  const bundled = await loadTemplates();
  const languages = await projectLanguages(options.project ?? '.', io.cwd);
  const kind = await projectKind(options, io);
  const listed = [...set].filter(([name, file]) => file.overridden || kind === undefined || isProgrammeTemplate(name) === (kind === 'programme'));
  const width = Math.max(...listed.map(([name]) => name.length));
  for (const [name, file] of listed) {
    // templates/fr/report.md.hbs: the French report's (used when the report is in French).
    const language = languageFolder(name);
    const own = language === undefined ? name : name.slice(language.length + 1);
    const unused = language !== undefined && languages !== undefined && !languages.includes(language) ? ', unused: the report has no ' + language : '';
    // A document of the other kind is never read (a partial may still be placed by the project's own templates: build says).
    const otherKind = kind !== undefined && bundled.has(own) && !own.startsWith(PARTIALS_DIR) && isProgrammeTemplate(own) !== (kind === 'programme')
      ? (kind === 'workshop' ? ' (unused: a programme\'s template, which a workshop does not read)' : ' (unused: a workshop\'s template, which a programme does not read)')
      : '';
    const state = !file.overridden ? 'default' : `${bundled.has(own) ? 'overridden by the project' : 'project only'}${language ? ` (${language} only${unused})` : ''}${otherKind}`;
    io.stdout.write(`${name.padEnd(width)}  ${state}\n`);
  }
  return EXIT.ok;
}

/** The kind of project whose templates `list` and `eject` take; undefined for a --templates folder, which a programme and its workshops share. */
async function projectKind(options: TemplatesOptions, io: Io): Promise<'workshop' | 'programme' | undefined> {
  if (options.templates !== undefined) return undefined;
  return (await isProgramme(path.resolve(io.cwd, options.project ?? '.'), io.cwd)) ? 'programme' : 'workshop';
}

/** Copies defaults into the project's templates/ folder to edit; never overwrites an edited file without --force. */
export async function ejectTemplatesCommand(names: string[], options: TemplatesOptions, io: Io): Promise<number> {
  await checkTemplatesProject(options.project ?? '.', options.templates, io.cwd);
  const target = templatesFolder(options.project ?? '.', options.templates, io.cwd);
  // Links may not lead out of the project (its own templates/), or out of the --templates folder: as loadTemplates reads them.
  const root = options.templates ? { folder: target, name: 'the templates folder' } : { folder: path.resolve(io.cwd, options.project ?? '.'), name: 'the project folder' };
  const kind = await projectKind(options, io);
  const { copied, kept } = await ejectTemplates(target, names, options.force ?? false, root, undefined, kind);
  const shown = path.relative(io.cwd, target) || '.';
  if (copied.length) io.stderr.write(`Copied to ${shown}/: ${copied.join(', ')}\n`);
  // fr/report for a report without French: copied (French may come), but said to be unused until then.
  const languages = await projectLanguages(options.project ?? '.', io.cwd);
  const foreign = [...new Set(copied.map(languageFolder).filter((language): language is Language => language !== undefined && languages !== undefined && !languages.includes(language)))];
  for (const language of foreign) io.stderr.write(`Note: ${shown}/${language}/ is used only when ${language} is a language of the report (workshop.yaml has ${languages!.join(', ')}): add it to languages: to use them.\n`);
  if (kept.length) {
    io.stderr.write(`Kept your edited ${kept.join(', ')} (use --force to replace ${kept.length === 1 ? 'it' : 'them'} with the default).\n`);
    return EXIT.problems;
  }
  return EXIT.ok;
}
