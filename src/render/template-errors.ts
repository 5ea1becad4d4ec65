import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { TemplateSet } from './templates.js';

/**
 * Turns a Handlebars exception into a located diagnostic. Handlebars columns are 0-based;
 * diagnostics are 1-based.
 */
export function templateDiagnostic(error: unknown, template: string, templates: TemplateSet): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const file = templates.get(template)?.displayPath ?? template;
  const parse = /Parse error on line (\d+):/.exec(message);
  if (parse) {
    return { code: 'template-syntax', severity: 'error', stage: 'render', message: `Template syntax error: ${message.split('\n').slice(-1)[0]}`, location: at(file, Number(parse[1]), 1), hint: 'Check that every {{#block}} has its {{/block}} and every {{ has its }}.' };
  }
  const missing = /"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(message);
  if (missing) {
    return { code: 'template-unknown-name', severity: 'error', stage: 'render', message: `The template uses “${missing[1]}”, which the data does not have.`, location: at(file, Number(missing[2]), Number(missing[3]) + 1), hint: 'Run `workshop-report context` to see every field the templates receive.' };
  }
  const partial = /The partial (.+) could not be found/.exec(message);
  if (partial) {
    return { code: 'template-missing-partial', severity: 'error', stage: 'render', message: `The partial “${partial[1]}” does not exist.`, location: at(file, 1, 1), hint: 'Partials live in templates/partials/NAME.md.hbs.' };
  }
  return { code: 'template-runtime', severity: 'error', stage: 'render', message: `The template failed: ${message.split('\n')[0]}`, location: at(file, 1, 1) };
}

function at(file: string, line: number, column: number): Location {
  return { file, start: { line, column, offset: 0 }, end: { line, column, offset: 0 } };
}
