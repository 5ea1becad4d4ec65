import { lstat } from 'node:fs/promises';
import path from 'node:path';

// Where a project's own templates are, without loading the template machinery (templates.ts).

/** The folder a project's template overrides live in: --templates, else DIR/templates. */
export function templatesFolder(project: string, templates: string | undefined, cwd: string): string {
  return templates ? path.resolve(cwd, templates) : path.resolve(cwd, project, 'templates');
}

/** Whether a project has a templates/ folder (or a link by that name): templates of its own to check. */
export async function hasTemplatesFolder(projectDir: string): Promise<boolean> {
  return lstat(path.join(projectDir, 'templates')).then(() => true, () => false);
}
