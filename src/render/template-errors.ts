import Handlebars from 'handlebars';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { suggest } from '../validate/suggest.js';
import { PARTIALS_DIR, partialName, type TemplateSet } from './templates.js';
import { partialCallsIn } from './unused-templates.js';
import { TemplateBudgetError, type BlockSite } from './budget.js';
import { memoize1 } from '../markdown/memo.js';
import { messageKeys } from '../i18n/index.js';
import { HelperArgumentError } from './helpers.js';
import { PrintedObjectError } from './safe-values.js';
import { mismatchedBraces } from './mismatched-braces.js';

type AstNode = { type: string; loc?: { start: { line: number; column: number }; end: { line: number; column: number } }; [key: string]: unknown };

export type TemplateAsts = ReadonlyMap<string, hbs.AST.Program>;

/** A template's tree, kept by text (a programme renders the same templates for every workshop); only read, never changed. */
export const parseText = memoize1((text: string) => Handlebars.parse(text), 1_000);

/**
 * Parses every template once, before anything renders: each syntax error is reported with its
 * file, line and column, and the trees serve the name check and the compiler.
 */
export function parseTemplates(templates: TemplateSet): { asts: TemplateAsts; diagnostics: Diagnostic[] } {
  const asts = new Map<string, hbs.AST.Program>();
  const diagnostics: Diagnostic[] = [];
  for (const [name, file] of templates) {
    try {
      asts.set(name, parseText(file.text));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      // The token the parser stopped at, read off its lexer before anything else lexes: the message's caret
      // counts from the start of a cut, joined excerpt, not from the start of the line (17:21 on a line of 12).
      const stopped = failedToken();
      // `{{#eahc list}}…{{/each}}`: Handlebars names both and the opening block's place (its name's 0-based column).
      const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)$/.exec(message);
      if (mismatch) {
        const [, open, close, lineText, columnText] = mismatch;
        const builtIn = ['each', 'if', 'unless', 'with'];
        diagnostics.push({
          code: 'template-syntax', severity: 'error', stage: 'render',
          message: `The block {{#${open}}} is closed by {{/${close}}}.`,
          location: at(file.displayPath, Number(lineText), Number(columnText) + 1),
          hint: builtIn.includes(close!) && !builtIn.includes(open!) ? `Did you mean {{#${close}}}? A block ends with {{/${close}}}, the same name.` : `Close it with {{/${open}}}: a block ends with its own name.`,
        });
        continue;
      }
      const line = stopped?.line ?? Number(/on line (\d+)/.exec(message)?.[1] ?? 1);
      const caret = message.split('\n').find((l) => /^-*\^$/.test(l));
      const column = stopped?.column ?? (caret ? caret.length : 1);
      const expected = /got '([A-Z_]+)'/.exec(message)?.[1];
      // `{{else}}` or `{{/if}}` where no block is open (or a second {{else}} in one): Handlebars said “near inverse”, past the end of the line.
      const stray = stopped && (expected === 'INVERSE' || expected === 'OPEN_INVERSE_CHAIN' || expected === 'OPEN_ENDBLOCK') ? strayDiagnostic(expected, /^Expecting .*'EOF'/m.test(message), file.text, stopped) : undefined;
      if (stray) {
        diagnostics.push({ code: 'template-syntax', severity: 'error', stage: 'render', ...stray, location: at(file.displayPath, stopped!.line, stopped!.column) });
        continue;
      }
      // `{{{workshop.title}}`, `{{workshop.title}}}`: braces not matched, said as such at the opening.
      const braces = stopped ? mismatchedBraces(file.text, message.split('\n').find((l) => l.startsWith('Expecting ')) ?? '', expected, stopped) : undefined;
      if (braces) {
        diagnostics.push({ code: 'template-syntax', severity: 'error', stage: 'render', message: braces.message, hint: braces.hint, location: at(file.displayPath, braces.line, braces.column) });
        continue;
      }
      // The end of the file came first: the parser does not say which block is open, its tokens do.
      const open = expected === 'EOF' ? unclosedBlock(file.text) : undefined;
      if (open) {
        diagnostics.push({
          code: 'template-syntax', severity: 'error', stage: 'render',
          message: `The block {{#${open.name}}} is never closed: the template ends first.`,
          location: at(file.displayPath, open.line, open.column),
          hint: `Close it with {{/${open.name}}} where the block ends.`,
        });
        continue;
      }
      // `{{workshop.summary` without its `}}`: the parser runs on to the next `{{` or the end, and says so there.
      const unclosed = unclosedMustache(file.text);
      if (unclosed) {
        diagnostics.push({
          code: 'template-syntax', severity: 'error', stage: 'render',
          message: 'This {{ is never closed: the template reads on as part of it.',
          location: at(file.displayPath, unclosed.line, unclosed.column),
          hint: 'Add }} where the expression ends, as in {{workshop.title}}.',
        });
        continue;
      }
      diagnostics.push({
        code: 'template-syntax', severity: 'error', stage: 'render',
        message: expected === 'EOF' ? 'The template ends before a block is closed.' : `Template syntax error${expected ? ` near ${TOKENS[expected] ?? expected.toLowerCase().replace(/_/g, ' ')}` : ''}.`,
        location: at(file.displayPath, line, column),
        hint: 'Check that every {{#block}} has its {{/block}}, and every {{ its }}.',
      });
    }
  }
  return { asts, diagnostics };
}

/** `{{t "KEY"}}` with a key the catalogue lacks: found by the template check (a written key) or when rendering (a computed one). */
export function unknownLabelDiagnostic(code: 'template-unknown-name' | 'template-runtime', label: string, location: Location): Diagnostic {
  const near = suggest(label, messageKeys());
  return {
    code, severity: 'error', stage: 'render',
    message: `{{t "${label}"}} names no label.`,
    location,
    hint: near ? `Did you mean {{t "${near}"}}?` : '{{t}} takes a key of the tool\'s message catalogue (src/i18n/en.ts in its repository), the same in every language: {{t "recommendations"}}.',
  };
}

/** Where Handlebars' parser stopped: the place (1-based) of the token its lexer read last. Read right after a failed parse. */
function failedToken(): { line: number; column: number } | undefined {
  const { lexer } = (Handlebars as unknown as { Parser: HandlebarsParser }).Parser;
  const loc = lexer.yylloc as { first_line?: number; first_column?: number } | undefined;
  return loc?.first_line !== undefined && loc.first_column !== undefined ? { line: loc.first_line, column: loc.first_column + 1 } : undefined;
}

/**
 * `{{else}}` outside any block (`topLevel`: the parser expected the end of the template), a second
 * `{{else}}` in a block, or `{{/if}}` closing no block: what the editor wrote, said in their words.
 * `at`: the place of its `{{`.
 */
function strayDiagnostic(token: string, topLevel: boolean, text: string, at: { line: number; column: number }): { message: string; hint: string } | undefined {
  const rest = (text.split(/\r?\n/)[at.line - 1] ?? '').slice(at.column - 1);
  const written = /^\{\{[^}]*\}\}/.exec(rest)?.[0];
  if (!written) return undefined;
  const shown = written.replace(/\s+/g, ' ').replace(/^\{\{~? ?/, '{{').replace(/ ?~?\}\}$/, '}}');
  if (token === 'OPEN_ENDBLOCK') {
    const name = /^\{\{\/ ?([^\s}]+)\}\}$/.exec(shown)?.[1];
    if (!topLevel || !name) return undefined;
    return {
      message: `{{/${name}}} closes no block: no {{#${name} …}} is open here.`,
      hint: `Remove it, or open it with {{#${name} …}} where the block starts.`,
    };
  }
  if (!topLevel) {
    return {
      message: `${shown} is the second {{else}} of its block: a block has one.`,
      hint: 'Remove one, or test another value with {{else if …}}: {{#if a}}…{{else if b}}…{{else}}…{{/if}}.',
    };
  }
  return {
    message: `${shown} is outside any {{#if}}, {{#each}} or {{#unless}} block.`,
    hint: 'Remove it, or put it inside a block, between its opening and its closing: {{#if …}}…{{else}}…{{/if}}.',
  };
}

/** What Handlebars' token names stand for, as an editor types them. */
const TOKENS: Record<string, string> = {
  OPEN: '“{{”', CLOSE: '“}}”', OPEN_UNESCAPED: '“{{{”', CLOSE_UNESCAPED: '“}}}”', OPEN_BLOCK: '“{{#”', OPEN_ENDBLOCK: '“{{/”',
  OPEN_INVERSE: '“{{^”', OPEN_PARTIAL: '“{{>”', OPEN_SEXPR: '“(”', CLOSE_SEXPR: '“)”', EQUALS: '“=”', ID: 'a name', STRING: 'a quoted text',
  NUMBER: 'a number', INVALID: 'a character that cannot be there', SEP: '“.” or “/”', DATA: '“@”', OPEN_BLOCK_PARAMS: '“as |”', CLOSE_BLOCK_PARAMS: '“|”',
};

/**
 * The first `{{` with no `}}` before the next `{{` (or the end): an expression left open, by
 * Handlebars' own lexer, as unclosedBlock (comments, raw blocks and `\\{{` are what it says they are).
 */
function unclosedMustache(text: string): { line: number; column: number } | undefined {
  const parser = (Handlebars as unknown as { Parser: HandlebarsParser }).Parser;
  const { lexer } = parser;
  let pending: { line: number; column: number } | undefined;
  try {
    lexer.setInput(text);
    for (let token = lexer.lex(); token !== parser.symbols_.EOF; token = lexer.lex()) {
      const kind = typeof token === 'number' ? parser.terminals_[token]! : token;
      if (kind.startsWith('CLOSE') && kind !== 'CLOSE_SEXPR' && kind !== 'CLOSE_BLOCK_PARAMS') pending = undefined;
      else if (kind.startsWith('OPEN') && kind !== 'OPEN_SEXPR' && kind !== 'OPEN_BLOCK_PARAMS') {
        if (pending) return pending;
        pending = { line: lexer.yylloc.first_line, column: lexer.yylloc.first_column + 1 };
      }
    }
  } catch {
    return pending;
  }
  return pending;
}

/**
 * The innermost block still open at the end of `text` (`{{#each list}}` without `{{/each}}`), by
 * Handlebars' own lexer (comments and raw blocks are skipped as the parser skips them); its place is
 * that of its name, 1-based.
 */
function unclosedBlock(text: string): { name: string; line: number; column: number } | undefined {
  const parser = (Handlebars as unknown as { Parser: HandlebarsParser }).Parser;
  const { lexer } = parser;
  const open: Array<{ name: string; line: number; column: number }> = [];
  try {
    lexer.setInput(text);
    let opening = false;
    for (let token = lexer.lex(); token !== parser.symbols_.EOF; token = lexer.lex()) {
      const kind = typeof token === 'number' ? parser.terminals_[token] : token;
      if (kind === 'OPEN_BLOCK' || kind === 'OPEN_INVERSE' || kind === 'OPEN_PARTIAL_BLOCK') opening = true;
      else if (kind === 'OPEN_ENDBLOCK') open.pop();
      else if (kind === 'CLOSE') opening = false;
      else if (kind === 'ID' && opening) {
        // At its name, as Handlebars places a mismatched block.
        open.push({ name: lexer.yytext, line: lexer.yylloc.first_line, column: lexer.yylloc.first_column + 1 });
        opening = false;
      }
    }
  } catch {
    return undefined;
  }
  return open.at(-1);
}

/** What unclosedBlock uses of Handlebars' parser (generated by Jison; not in its type definitions). */
interface HandlebarsParser {
  lexer: { setInput(text: string): void; lex(): number | string; yytext: string; yylloc: { first_line: number; first_column: number } };
  symbols_: Record<string, number>;
  terminals_: Record<number, string>;
}

/**
 * Turns a Handlebars exception into a located diagnostic. Strict mode names the wrong segment
 * (`{{sesion.title}}` says "title" not defined in undefined) and a 0-based column: find the path at
 * that place in the template's AST and name the segment that is really missing.
 */
export function templateDiagnostic(error: unknown, template: string, templates: TemplateSet, knownNames: ReadonlySet<string>, modelNames: ReadonlySet<string> = new Set()): Diagnostic {
  if (error instanceof TemplateBudgetError) return budgetDiagnostic(error, templates);
  const message = error instanceof Error ? error.message : String(error);
  const file = templates.get(template);
  const where = file?.displayPath ?? template;
  const missing = /^"([^"]+)" not defined in (.*) - (\d+):(\d+)$/.exec(message);
  if (missing) {
    const [, segment, container, lineText, columnText] = missing;
    const line = Number(lineText);
    const column = Number(columnText);
    // The error may come from a partial: find which file has a path there that mentions the segment.
    const found = findPath(templates, template, line, column, segment!);
    const parts = found?.parts ?? [segment!];
    const index = parts.indexOf(segment!);
    const name = container === 'undefined' && index > 0 ? parts[index - 1]! : segment!;
    const location = at(found?.file ?? where, line, column + 1);
    // A field of the data model that this item lacks (a speaker without a topic): the template is
    // right, the field is optional, and this data is the first without it.
    if (modelNames.has(name)) {
      return {
        code: 'template-runtime', severity: 'error', stage: 'render',
        message: `“${name}”${found?.original !== undefined && found.original !== name ? ` (in {{${found.original}}})` : ''} is an optional field, and an item here has none.`,
        location,
        hint: `Print it only when it is there: {{#if ${found?.original ?? name}}}…{{/if}}.`,
      };
    }
    return unknownNameDiagnostic(name, found?.original, location, suggest(name, knownNames), '');
  }
  if (error instanceof HelperArgumentError) {
    // In the template being rendered, then the partials it may place.
    // The call at the place Handlebars gave, in the template being rendered or a partial it placed.
    const start = error.loc?.start;
    const call = findNode([...(file ? [file] : []), ...[...templates].filter(([name]) => name.startsWith(PARTIALS_DIR)).map(([, partial]) => partial)], (node) =>
      (node.path as { original?: string } | undefined)?.original === error.helper && (start === undefined || (node.loc!.start.line === start.line && node.loc!.start.column === start.column)));
    return { code: 'template-runtime', severity: 'error', stage: 'render', message: error.message, location: call ?? at(where, 1, 1), hint: error.hint };
  }
  if (error instanceof PrintedObjectError) {
    // (Handlebars gives no place for a printed value; the template check finds those it can follow, at their {{…}}.)
    return { code: 'template-runtime', severity: 'error', stage: 'render', message: error.message, location: at(where, 1, 1), hint: error.hint };
  }
  const label = /^Unknown message key “(.*)”\.$/.exec(message);
  if (label) return unknownLabelDiagnostic('template-runtime', label[1]!, findLabelCall(templates, template, label[1]!) ?? at(where, 1, 1));
  const partial = /The partial (.+) could not be found/.exec(message);
  if (partial) {
    const caller = findPartialCall(templates, partial[1]!);
    return missingPartialDiagnostic(partial[1]!, caller ?? at(where, 1, 1), templates, caller ? '' : ` (called while rendering ${template})`);
  }
  if (error instanceof RangeError && /call stack/i.test(message)) {
    // At the call that closes a loop of partials (`{{> person}}` in partials/person), where it was at 1:1 of the document's template.
    const loop = partialLoop(templates);
    if (loop) return { code: 'template-runtime', severity: 'error', stage: 'render', message: `The partial “${loop.names[0]}” includes itself${loop.names.length > 1 ? ` through ${loop.names.slice(1).map((name) => `“${name}”`).join(', ')}` : ''}, without end.`, location: loop.call, hint: 'Take out this {{> …}}, or place it only inside an {{#if}} that becomes false.' };
    return { code: 'template-runtime', severity: 'error', stage: 'render', message: 'The template calls itself without end (a partial that includes itself).', location: at(where, 1, 1), hint: 'Check the partials this template uses for one that includes itself, directly or through another.' };
  }
  return { code: 'template-runtime', severity: 'error', stage: 'render', message: `The template failed: ${message.split('\n')[0]}`, location: at(where, 1, 1) };
}

/** `{{> name}}` with no templates/partials/NAME.md.hbs: found by the template check, or while rendering (`where`: which document, when the call is not found). */
export function missingPartialDiagnostic(name: string, location: Location, templates: TemplateSet, where = ''): Diagnostic {
  return {
    code: 'template-missing-partial', severity: 'error', stage: 'render',
    message: `The partial “${name}” does not exist${where}.`,
    location,
    hint: `Partials live in templates/partials/NAME.md.hbs.${suggestPartial(name, templates)}`,
  };
}

/**
 * A name the data does not have, found by the check before rendering (`where` ' here': in that
 * block's scope) or by strict mode while rendering; `original` is the whole path, when it says more.
 */
export function unknownNameDiagnostic(name: string, original: string | undefined, location: Location, guess: string | undefined, where: ' here' | '', fieldsOf?: { field: string; names: readonly string[] }, value?: string): Diagnostic {
  // `{{owner.label}}`: what `owner` does have, where the hint only sent the editor to `context`.
  const has = fieldsOf && fieldsOf.names.length > 0 && fieldsOf.names.length <= LISTED_FIELDS ? `“${fieldsOf.field}” has ${fieldsOf.names.join(', ')}. ` : '';
  return {
    code: 'template-unknown-name', severity: 'error', stage: 'render',
    message: `The template uses “${name}”${original !== undefined && original !== name ? ` (in {{${original}}})` : ''}, which the data does not have${where}.`,
    location,
    // `(eq priority high)`: a word given to a helper, which reads it as a field; a value to compare with is written in quotes.
    hint: `${guess ? `Did you mean “${guess}”? ` : ''}${value !== undefined ? `If “${value}” is a value to compare with, not a field, put it in quotes: "${value}". ` : ''}${has}Run \`workshop-report context\` to see every field the templates receive.`,
  };
}

/** Up to this many, the fields of the part of the data a name was looked for in are listed. */
const LISTED_FIELDS = 15;

/** Past the work limits: at the block that was running, with the loops around it. */
function budgetDiagnostic(error: TemplateBudgetError, templates: TemplateSet): Diagnostic {
  const limit = error.limit.toLocaleString('en');
  const message = error.kind === 'steps'
    ? `This template did more than ${limit} steps of work rendering ${error.document}; it probably loops over a list inside a loop over the same list.`
    : `This template wrote more than ${limit} characters rendering ${error.document}; it probably repeats long texts inside nested loops.`;
  const related = error.loops.map((loop) => ({ ...siteLocation(loop, templates), message: 'inside this loop' }));
  return {
    code: 'template-runtime', severity: 'error', stage: 'render', message,
    location: siteLocation(error.site, templates),
    hint: 'Each {{#each}} inside another multiplies the work by the length of its list: loop over a shorter list (a theme’s or a brief’s recommendations rather than all of them), or move the inner loop out of the outer one.',
    ...(related.length ? { related } : {}),
  };
}

function siteLocation(site: BlockSite, templates: TemplateSet): Location {
  const file = templates.get(site.template)?.displayPath ?? site.template;
  if (site.loc) return span(file, site.loc);
  // A partial placed outside any block: point at the first place that file places it.
  if (site.partial) {
    const text = templates.get(site.template)?.text;
    let found: Location | undefined;
    if (text !== undefined) {
      walk(parseQuietly(text), (node) => {
        const name = node.type === 'PartialStatement' || node.type === 'PartialBlockStatement' ? (node.name as { original?: string }).original : undefined;
        if (!found && name === site.partial && node.loc) found = span(file, node.loc);
      });
    }
    if (found) return found;
  }
  return at(file, 1, 1);
}

/** A Handlebars location (0-based columns) as a diagnostic's (1-based). */
export function span(file: string, loc: NonNullable<BlockSite['loc']>): Location {
  return { file, start: { line: loc.start.line, column: loc.start.column + 1, offset: 0 }, end: { line: loc.end.line, column: loc.end.column + 1, offset: 0 } };
}

function findPath(templates: TemplateSet, template: string, line: number, column: number, segment: string): { file: string; parts: string[]; original: string } | undefined {
  const order = [template, ...[...templates.keys()].filter((name) => name !== template)];
  for (const name of order) {
    const file = templates.get(name)!;
    let hit: { file: string; parts: string[]; original: string } | undefined;
    walk(parseQuietly(file.text), (node) => {
      if (!hit && node.type === 'PathExpression' && node.loc?.start.line === line && node.loc.start.column === column) {
        const parts = node.parts as string[];
        if (parts.includes(segment)) hit = { file: file.displayPath, parts, original: String(node.original) };
      }
    });
    if (hit) return hit;
  }
  return undefined;
}

function findPartialCall(templates: TemplateSet, partial: string): Location | undefined {
  return findNode(templates.values(), (node) => node.type === 'PartialStatement' && (node.name as { original?: string }).original === partial);
}

/**
 * A loop of partials that place each other (`person` → `person`, or `a` → `b` → `a`): its names from
 * the one whose call closes it, and that call. Undefined when there is none.
 */
function partialLoop(templates: TemplateSet): { names: string[]; call: Location } | undefined {
  const partials = new Map([...templates].filter(([name]) => name.startsWith(PARTIALS_DIR)).map(([name, file]) => [partialName(name), file] as const));
  const calls = new Map([...partials].map(([name, file]) => {
    const called = partialCallsIn(file.text);
    return [name, called === 'any' ? [] : [...called].filter((other) => partials.has(other))] as const;
  }));
  const path: string[] = [];
  const done = new Set<string>();
  const visit = (name: string): { names: string[]; call: Location } | undefined => {
    const at = path.indexOf(name);
    if (at >= 0) {
      const names = path.slice(at);
      const last = names[names.length - 1]!;
      const call = findNode([partials.get(last)!], (node) => (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') && (node.name as { original?: string }).original === name);
      return call ? { names: [name, ...names.slice(1)], call } : undefined;
    }
    if (done.has(name)) return undefined;
    path.push(name);
    for (const next of calls.get(name) ?? []) {
      const found = visit(next);
      if (found) return found;
    }
    path.pop();
    done.add(name);
    return undefined;
  };
  for (const name of partials.keys()) {
    const found = visit(name);
    if (found) return found;
  }
  return undefined;
}

/** Where a template (this one first, then the partials) calls {{t "KEY"}} with this key. */
function findLabelCall(templates: TemplateSet, template: string, key: string): Location | undefined {
  const first = templates.get(template);
  return findNode([...(first ? [first] : []), ...templates.values()], (node) => {
    const param = (node.params as Array<{ type: string; value?: unknown }> | undefined)?.[0];
    return (node.path as { original?: string } | undefined)?.original === 't' && param?.type === 'StringLiteral' && param.value === key;
  });
}

/** The place of the first node that `matches`, in the first of `files` that has one. */
function findNode(files: Iterable<{ text: string; displayPath: string }>, matches: (node: AstNode) => boolean): Location | undefined {
  for (const file of files) {
    let found: Location | undefined;
    walk(parseQuietly(file.text), (node) => {
      if (!found && node.loc && matches(node)) found = at(file.displayPath, node.loc.start.line, node.loc.start.column + 1);
    });
    if (found) return found;
  }
  return undefined;
}

function suggestPartial(name: string, templates: TemplateSet): string {
  const partials = [...templates.keys()].filter((n) => n.startsWith('partials/')).map((n) => n.slice('partials/'.length).replace(/\.md\.hbs$|\.hbs$/, ''));
  // `{{> partials/person}}`: the name `templates eject` takes, with the folder; a partial is named without it.
  const inFolder = /^(?:\.\/)?(?:templates\/)?partials\/(.+?)(?:\.md\.hbs|\.hbs|\.md)?$/.exec(name)?.[1];
  if (inFolder !== undefined) {
    const meant = partials.includes(inFolder) ? inFolder : suggest(inFolder, partials);
    if (meant !== undefined) return ` Did you mean “${meant}”? A partial is named without its folder: {{> ${meant}}}.`;
  }
  const guess = suggest(name, partials);
  return guess ? ` Did you mean “${guess}”?` : '';
}

function parseQuietly(text: string): AstNode {
  try {
    return Handlebars.parse(text) as unknown as AstNode;
  } catch {
    return { type: 'Program', body: [] };
  }
}

function walk(node: unknown, visit: (node: AstNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) walk(item, visit);
    return;
  }
  const ast = node as AstNode;
  if (typeof ast.type === 'string') visit(ast);
  for (const [key, value] of Object.entries(ast)) if (key !== 'loc' && value && typeof value === 'object') walk(value, visit);
}

function at(file: string, line: number, column: number): Location {
  return { file, start: { line, column, offset: 0 }, end: { line, column, offset: 0 } };
}
