import { CATALOGUES } from '../i18n/index.js';

/** A template's text and the path to show in diagnostics (bundled or the project's override). */
export interface TemplateFile {
  text: string;
  /** `templates/report.md.hbs` for an override, `(bundled) report.md.hbs` for a default. */
  displayPath: string;
  overridden: boolean;
}

/** Templates by relative name (`report.md.hbs`, `partials/front-matter.md.hbs`). */
export type TemplateSet = ReadonlyMap<string, TemplateFile>;

export const PARTIALS_DIR = 'partials/';

/** `partials/front-matter.md.hbs` → `front-matter`. */
export function partialName(name: string): string {
  return name.slice(PARTIALS_DIR.length).replace(/\.md\.hbs$|\.hbs$/, '');
}

/** Whether a shipped template's name is a programme's: its documents and their front matter (a language's folder, `fr/`, taken off first by the caller). */
export function isProgrammeTemplate(name: string): boolean {
  return /^(?:programme\/|partials\/programme-front-matter\.md\.hbs$)/.test(name);
}

/** A template's name without the folder of a language the tool has (`fr/report.md.hbs` → `report.md.hbs`): the default it stands for. */
export function ownTemplateName(name: string): string {
  const folder = name.slice(0, name.indexOf('/'));
  return folder && Object.hasOwn(CATALOGUES, folder) ? name.slice(folder.length + 1) : name;
}
