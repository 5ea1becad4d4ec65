import { parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { frontMatterText } from '../markdown/front-matter-text.js';
import type { TemplateFile, TemplateSet } from './templates.js';
import { partialFilesPlacedBy } from './unused-templates.js';

/**
 * The front matter a document begins with (between its `---` lines), when it is not valid YAML: a
 * warning at the template that wrote it, at the line the YAML stumbled on when the template has it
 * (as written, or the line of the same key, its values filled in). Its title, date and organizers
 * were dropped without a word (the PDF's cover then said the file's name). The shipped partial
 * quotes every value; an editor's own front matter may not (`title: Press: release`). The line is
 * looked for in the document's template, then in the partials it places (`{{> front-matter}}`, and
 * theirs), given `templates`: a partial's broken line was said at line 1 of every template placing it,
 * quoting its first comment. Found nowhere: at the template's first line that writes something. Pure.
 */
export function frontMatterProblem(markdown: string, template: TemplateFile, templates?: TemplateSet): Diagnostic | undefined {
  const yaml = frontMatterText(markdown)?.yaml;
  if (yaml === undefined) return undefined;
  const files = [template, ...partialFilesPlacedBy(template, templates)];
  return yamlProblem(yaml, (wrong) => {
    // The line as written, in any of them, before the line of the same key.
    for (const exact of [true, false]) {
      for (const file of files) {
        const line = templateLine(file.text, wrong, exact);
        if (line > 0) return { file, line };
      }
    }
    return { file: template, line: firstWritingLine(template.text), quoted: false };
  });
}

/** The first line (1-based) of a template that is not blank once its comments are left out; 1 when none. */
function firstWritingLine(text: string): number {
  const lines = withoutComments(text).split('\n');
  return lines.findIndex((line) => line.trim() !== '') + 1 || 1;
}

/** `{{!-- … --}}` and `{{! … }}` left out, each kept as as many empty lines. */
function withoutComments(text: string): string {
  return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (comment) => comment.replace(/[^\n]/g, ''));
}

/**
 * `frontMatterProblem` without data, for `validate` (and `build` before it renders): the template's
 * own front matter, each `{{…}}` read as a word and each line of only a block (`{{#if …}}`,
 * `{{/if}}`) as an empty one, so its lines are the template's. What only values break (a title with
 * `: ` printed unquoted) is found when a build renders it. Pure.
 */
export function templateFrontMatterProblem(template: TemplateFile): Diagnostic | undefined {
  // Comments first (`{{!-- … --}}`), kept as as many empty lines.
  const text = withoutComments(template.text);
  const lead = /^\s*/.exec(text)![0];
  const yaml = frontMatterText(text.slice(lead.length))?.yaml;
  if (yaml === undefined) return undefined;
  const before = lead.split('\n').length - 1;
  const words = yaml.split('\n').map((line) => (/^\s*\{\{[#/^]|^\s*\{\{else\b/.test(line) && /\}\}\s*$/.test(line) ? '' : line.replace(/\{\{\{?[^}]*\}?\}\}/g, 'x'))).join('\n');
  return yamlProblem(words, (_wrong, line) => ({ file: template, line: before + 1 + line }));
}

/**
 * `lineIn`: the template and its line (1-based) that wrote the line YAML stumbled on (`wrong`, the
 * `line`th of the front matter); `quoted: false` when that line is only near it (the line is then quoted as written out).
 */
function yamlProblem(yaml: string, lineIn: (wrong: string, line: number) => { file: TemplateFile; line: number; quoted?: false }): Diagnostic | undefined {
  const [error] = parseDocument(yaml).errors;
  if (!error) return undefined;
  const line = error.linePos?.[0].line ?? 1;
  const wrong = yaml.split('\n')[line - 1]?.trim() ?? '';
  const place = lineIn(wrong, line);
  const template = place.file;
  const at = { line: place.line || 1, column: 1, offset: 0 };
  // Quoted from the template when its line is the one (not a line merely near the front matter's).
  const written = (place.quoted === false ? '' : template.text.split('\n')[at.line - 1]?.trim()) || wrong;
  return {
    code: 'invalid-front-matter', severity: 'warning', stage: 'render',
    message: `The front matter this template writes is not valid YAML (${error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '')}${written ? `, in “${written}”` : ''}): its title, date and organizers are not read, and the document's first heading is its title.`,
    hint: 'Put a value with a colon in quotes (title: "Press: release"), or write the front matter with {{> front-matter document="…"}}, which quotes each value.',
    location: { file: template.displayPath, start: at, end: at },
  };
}

/** The template's line (1-based) that wrote `wrong`: as written (`exact`), else the line of the same key; 0 when none. */
function templateLine(text: string, wrong: string, exact: boolean): number {
  const lines = withoutComments(text).split('\n').map((line) => line.trim());
  if (exact) return wrong === '' ? 0 : lines.indexOf(wrong) + 1;
  const key = /^([\w-]+):/.exec(wrong)?.[1];
  return key === undefined ? 0 : lines.findIndex((line) => line.startsWith(`${key}:`)) + 1;
}
