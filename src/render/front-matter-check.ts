import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { frontMatterText } from '../markdown/front-matter-text.js';
import type { TemplateFile } from './templates.js';

/**
 * The front matter a document begins with (between its `---` lines), when it is not valid YAML: a
 * warning at the template that wrote it, at the line the YAML stumbled on when the template has it
 * (as written, or the line of the same key, its values filled in). Its title, date and organizers
 * were dropped without a word (the PDF's cover then said the file's name). The shipped partial
 * quotes every value; an editor's own front matter may not (`title: Press: release`). Pure.
 */
export function frontMatterProblem(markdown: string, template: TemplateFile): Diagnostic | undefined {
  const yaml = frontMatterText(markdown)?.yaml;
  return yaml === undefined ? undefined : yamlProblem(yaml, template, (wrong) => templateLine(template.text, wrong));
}

/**
 * `frontMatterProblem` without data, for `validate` (and `build` before it renders): the template's
 * own front matter, each `{{…}}` read as a word and each line of only a block (`{{#if …}}`,
 * `{{/if}}`) as an empty one, so its lines are the template's. What only values break (a title with
 * `: ` printed unquoted) is found when a build renders it. Pure.
 */
export function templateFrontMatterProblem(template: TemplateFile): Diagnostic | undefined {
  // Comments first (`{{!-- … --}}`), kept as as many empty lines.
  const text = template.text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ''));
  const lead = /^\s*/.exec(text)![0];
  const yaml = frontMatterText(text.slice(lead.length))?.yaml;
  if (yaml === undefined) return undefined;
  const before = lead.split('\n').length - 1;
  const words = yaml.split('\n').map((line) => (/^\s*\{\{[#/^]|^\s*\{\{else\b/.test(line) && /\}\}\s*$/.test(line) ? '' : line.replace(/\{\{\{?[^}]*\}?\}\}/g, 'x'))).join('\n');
  return yamlProblem(words, template, (_wrong, line) => before + 1 + line);
}

function yamlProblem(yaml: string, template: TemplateFile, lineIn: (wrong: string, line: number) => number): Diagnostic | undefined {
  const [error] = parseDocument(yaml).errors;
  if (!error) return undefined;
  const line = error.linePos?.[0].line ?? 1;
  const wrong = yaml.split('\n')[line - 1]?.trim() ?? '';
  const at = { line: lineIn(wrong, line) || 1, column: 1, offset: 0 };
  const written = template.text.split('\n')[at.line - 1]?.trim() || wrong;
  return {
    code: 'invalid-front-matter', severity: 'warning', stage: 'render',
    message: `The front matter this template writes is not valid YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}${written ? `, in “${written}”` : ''}): its title, date and organizers are not read, and the document's first heading is its title.`,
    hint: 'Put a value with a colon in quotes (title: "Press: release"), or write the front matter with {{> front-matter document="…"}}, which quotes each value.',
    location: { file: template.displayPath, start: at, end: at },
  };
}

/** The template's line (1-based) that wrote `wrong`: as written, else the line of the same key; 0 when none. */
function templateLine(text: string, wrong: string): number {
  const lines = text.split('\n').map((line) => line.trim());
  const key = /^([\w-]+):/.exec(wrong)?.[1];
  const exact = wrong === '' ? -1 : lines.indexOf(wrong);
  return (exact !== -1 || key === undefined ? exact : lines.findIndex((line) => line.startsWith(`${key}:`))) + 1;
}
