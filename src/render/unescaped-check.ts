import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { parseText, span } from './template-errors.js';
import type { TemplateFile } from './templates.js';
import { eachMustache } from './mustaches.js';

/**
 * `{{{workshop.title}}}`, `{{&workshop.title}}`: three braces (or `&`) print a value unescaped in
 * Handlebars, and editors reach for them to keep an `&` or to let Markdown through. In these templates
 * they print as two braces do (see compile.ts): the notes' plain text is escaped for Markdown wherever
 * a template puts it, an (md) field or a helper's Markdown prints as it is. A warning at each, found
 * without data (`validate` says it too), so the editor is not left believing the braces did something.
 * A template with a syntax error has none said (its error is). Pure.
 */
export function unescapedProblems(template: TemplateFile): Diagnostic[] {
  const text = template.text;
  if (!text.includes('{{{') && !/\{\{~?&/.test(text) && !text.includes('{{~{')) return [];
  let ast: hbs.AST.Program;
  try {
    ast = parseText(text);
  } catch {
    return [];
  }
  const lines = text.split(/\r?\n/);
  const written = (loc: hbs.AST.SourceLocation): string => {
    const part = lines.slice(loc.start.line - 1, loc.end.line);
    part[part.length - 1] = part[part.length - 1]!.slice(0, loc.end.column);
    part[0] = part[0]!.slice(loc.start.column);
    return part.join(' ').replace(/\s+/g, ' ');
  };
  // Offsets too, so these sort among the template's other warnings (template-html) by place.
  const lineStarts = [0];
  for (const match of text.matchAll(/\r?\n/g)) lineStarts.push(match.index + match[0].length);
  const located = (loc: hbs.AST.SourceLocation): Location => {
    const place = span(template.displayPath, loc);
    place.start.offset = (lineStarts[loc.start.line - 1] ?? 0) + loc.start.column;
    place.end.offset = (lineStarts[loc.end.line - 1] ?? 0) + loc.end.column;
    return place;
  };
  const diagnostics: Diagnostic[] = [];
  eachMustache(ast, (mustache) => {
    if (mustache.escaped === false && mustache.loc) diagnostics.push(unescapedWarning(written(mustache.loc), located(mustache.loc)));
  });
  return diagnostics;
}

function unescapedWarning(written: string, location: Location): Diagnostic {
  // `{{{ workshop.title }}}`, `{{~{x}~}}`, `{{& x}}` → `{{workshop.title}}`, `{{~x~}}`, `{{x}}`.
  const ampersand = /^\{\{~?&/.test(written);
  const inner = written.replace(/^\{\{~?(?:\{|&)\s*/, '').replace(ampersand ? /\s*~?\}\}$/ : /\s*\}~?\}\}$/, '');
  const strip = { open: /^\{\{~/.test(written) ? '~' : '', close: /~\}\}$/.test(written) ? '~' : '' };
  const two = `{{${strip.open}${inner}${strip.close}}}`;
  return {
    code: 'template-unescaped', severity: 'warning', stage: 'render',
    message: `${written} prints as ${two} does: ${ampersand ? 'a “&” after the braces does' : 'three braces do'} not switch off the escaping in these templates, so a text of the notes shows exactly as written (its “*”, “|” and “<” as typed, not as Markdown).`,
    hint: `Write ${two}: two braces leave an “&” as it is (Q&A), and an (md) field keeps its bold, lists and links. To format a value, write the Markdown around it in the template: **{{${inner}}}**.`,
    location,
  };
}
