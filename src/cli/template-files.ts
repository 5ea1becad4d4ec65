import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundledPath } from '../assets.js';
import type { TemplateFile } from '../render/index.js';

/** The folder a project's template overrides live in: --templates, else DIR/templates. */
export function templatesFolder(project: string, templates: string | undefined, cwd: string): string {
  return templates ? path.resolve(cwd, templates) : path.resolve(cwd, project, 'templates');
}

/**
 * The bundled templates, with each file the project's templates/ folder has of the same relative
 * name taking its place (and extra files, e.g. custom documents, added).
 */
export async function loadTemplates(projectTemplatesDir?: string): Promise<Map<string, TemplateFile>> {
  const set = new Map<string, TemplateFile>();
  const bundledDir = bundledPath('templates');
  for (const name of await listTemplates(bundledDir)) {
    set.set(name, { text: await readFile(path.join(bundledDir, name), 'utf8'), displayPath: `(bundled) templates/${name}`, overridden: false });
  }
  if (projectTemplatesDir === undefined) return set;
  for (const name of await listTemplates(projectTemplatesDir)) {
    set.set(name, { text: await readFile(path.join(projectTemplatesDir, name), 'utf8'), displayPath: `templates/${name}`, overridden: true });
  }
  return set;
}

async function listTemplates(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true, recursive: true });
    return entries
      .filter((entry) => entry.isFile() && entry.name.endsWith('.hbs'))
      .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
