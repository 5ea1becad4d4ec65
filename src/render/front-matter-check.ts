import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { TemplateFile } from './templates.js';

/**
 * The front matter a document begins with (between its `---` lines), when it is not valid YAML: a
 * warning at the template that wrote it, at the line the YAML stumbled on when the template has it
 * as written. Its title, date and organizers were dropped without a word (the PDF's cover then said
 * the file's name). The shipped partial quotes every value; an editor's own front matter may not
 * (`title: Press: release`). Pure.
 */
export function frontMatterProblem(markdown: string, template: TemplateFile): Diagnostic | undefined {
  if (!markdown.startsWith('---\n')) return undefined;
  const end = markdown.indexOf('\n---\n', 3);
  if (end === -1) return undefined;
  const yaml = markdown.slice(4, end + 1);
  const [error] = parseDocument(yaml).errors;
  if (!error) return undefined;
  const wrong = yaml.split('\n')[(error.linePos?.[0].line ?? 1) - 1]?.trim() ?? '';
  // The line as written, else the template's line of the same key (its values are filled in).
  const lines = template.text.split('\n').map((line) => line.trim());
  const key = /^([\w-]+):/.exec(wrong)?.[1];
  const exact = wrong === '' ? -1 : lines.indexOf(wrong);
  const index = exact !== -1 || key === undefined ? exact : lines.findIndex((line) => line.startsWith(`${key}:`));
  const at = { line: index + 1 || 1, column: 1, offset: 0 };
  return {
    code: 'invalid-front-matter', severity: 'warning', stage: 'render',
    message: `The front matter this template writes is not valid YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}${wrong ? `, in “${wrong}”` : ''}): its title, date and organizers are not read, and the document's first heading is its title.`,
    hint: 'Put a value with a colon in quotes (title: "Press: release"), or write the front matter with {{> front-matter document="…"}}, which quotes each value.',
    location: { file: template.displayPath, start: at, end: at },
  };
}
