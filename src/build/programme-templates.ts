import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateSet } from '../render/index.js';
import { PARTIALS_DIR } from '../render/templates.js';
import { programmeTemplateProblems } from '../programme/render.js';
import { otherKindTemplates, unusedTemplates } from '../render/unused-templates.js';
import { templateMarkupProblems } from './project-templates.js';
import { loadTemplates } from './templates.js';
import { templatesFolder } from './templates-folder.js';

/**
 * The templates a programme's documents render with, and their problems: syntax, names its data does
 * not have, and files in templates/programme/ that replace nothing. `build` checks them before any
 * workshop is built, `validate` with the workshops.
 */
export async function programmeTemplates(programmeDir: string, templatesOption: string | undefined, cwd: string, optionalFields = false): Promise<{ templates: TemplateSet; diagnostics: Diagnostic[]; sources: Map<string, string> }> {
  const diagnostics: Diagnostic[] = [];
  const templates = await loadTemplates(templatesFolder(programmeDir, templatesOption, cwd), diagnostics, programmeDir);
  diagnostics.push(...programmeTemplateProblems(templates, optionalFields));
  // Only programme/ files are the programme's to judge: --templates DIR also holds the workshops'.
  if ([...templates.values()].some((file) => file.overridden)) {
    const bundled = new Set((await loadTemplates()).keys());
    // A workshop's template in the programme's own folder: each workshop renders with its own folder's.
    if (templatesOption === undefined) diagnostics.push(...otherKindTemplates(templates, bundled, 'programme'));
    diagnostics.push(...unusedTemplates(templates, bundled, [], [], (name) => name.startsWith('programme/')));
    // HTML the writers do not carry, images they cannot show, as in a workshop's templates (a
    // --templates folder's partials are the workshops' to report).
    const own = new Set([...templates].filter(([name, file]) => file.overridden && (name.startsWith('programme/') || (templatesOption === undefined && name.startsWith(PARTIALS_DIR)))).map(([, file]) => file));
    diagnostics.push(...await templateMarkupProblems([...own], programmeDir));
  }
  return { templates, diagnostics, sources: new Map([...templates.values()].map((file) => [file.displayPath, file.text])) };
}

