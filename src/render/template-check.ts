import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { isMessageKey, messagePlaceholders, type MessageKey } from '../i18n/index.js';
import { suggest } from '../validate/suggest.js';
import { missingPartialDiagnostic, span, unknownLabelDiagnostic, unknownNameDiagnostic } from './template-errors.js';
import { PARTIALS_DIR, partialName, type TemplateSet } from './templates.js';
import { HELPER_VALUES } from './helpers.js';
import { optionProblems } from './helper-options.js';

/** What the data looks like at a place in a template, from the context JSON Schema. `open`: anything goes. */
export interface Shape {
  props?: Map<string, Shape>;
  /** The props the data may lack (not `required` in the schema). */
  optional?: Set<string>;
  items?: Shape;
  open?: boolean;
  /** A text, number or yes/no: it has no fields (`{{workshop.title.length}}` stopped the build). */
  scalar?: boolean;
  /** The only values it can have (the schema's `enum`: a priority is high, medium or low). */
  values?: readonly string[];
}

const OPEN: Shape = { open: true };

const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

type JsonSchema = { $ref?: string; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema; allOf?: JsonSchema[]; $defs?: Record<string, JsonSchema>; type?: string | string[]; additionalProperties?: unknown; enum?: unknown[] };

/**
 * Turns the context schema into shapes (`$ref`s and `allOf` resolved). `others`: the schemas another
 * file's `$ref` names (`context.schema.json#/$defs/action` in the programme's), by file name.
 */
export function shapeFromSchema(root: JsonSchema, others: Readonly<Record<string, JsonSchema>> = {}): Shape {
  const cache = new Map<JsonSchema, Shape>();
  /** The schema a `$ref` names, and the root its own local `$ref`s are in. */
  const target = (ref: string, base: JsonSchema): { schema: JsonSchema; base: JsonSchema } | undefined => {
    const [file, pointer = ''] = ref.split('#');
    const where = file ? others[file] : base;
    const schema = pointer ? where?.$defs?.[pointer.replace('/$defs/', '')] : where;
    return schema && where ? { schema, base: where } : undefined;
  };
  const resolve = (schema: JsonSchema, base: JsonSchema): Shape => {
    if (schema.$ref) {
      const found = target(schema.$ref, base);
      return found ? resolve(found.schema, found.base) : OPEN;
    }
    const cached = cache.get(schema);
    if (cached) return cached;
    const shape: Shape = {};
    cache.set(schema, shape);
    const parts: Array<{ schema: JsonSchema; base: JsonSchema }> = [{ schema, base }];
    for (const part of schema.allOf ?? []) parts.push(part.$ref ? target(part.$ref, base) ?? { schema: {}, base } : { schema: part, base });
    // An allOf part's names join the schema's own (an action's fields, and the programme's `workshop` beside them),
    // and so do the names any part requires (a recommendation's progress names its recommendation).
    const required = new Set(parts.flatMap((part) => part.schema.required ?? []));
    for (const part of parts) {
      if (part.schema.properties) {
        shape.props ??= new Map();
        for (const [key, value] of Object.entries(part.schema.properties)) {
          shape.props.set(key, resolve(value, part.base));
          if (!required.has(key)) (shape.optional ??= new Set()).add(key);
        }
      }
      if (part.schema.items) shape.items = resolve(part.schema.items, part.base);
    }
    if (!shape.props && !shape.items) shape.open = schema.type === 'object' || schema.type === undefined;
    const types = [schema.type ?? []].flat();
    if (!shape.props && !shape.items && types.length > 0 && types.every((type) => SCALAR_TYPES.has(type))) shape.scalar = true;
    if (schema.enum?.every((value) => typeof value === 'string')) shape.values = schema.enum as string[];
    return shape;
  };
  return resolve(root, root);
}

/**
 * `(eq priority "High")`: a field of fixed values (the schema's `enum`) compared with a text that is
 * none of them. The comparison is never true (`ne`: always), so what it guards never prints (or always
 * does), without a word: the error is at the text, with the values and the one meant.
 */
function comparedWithNoValue(params: readonly hbs.AST.Expression[], shapes: readonly Shape[], helper: 'eq' | 'ne'): { at: hbs.AST.SourceLocation; diagnostic: Omit<Diagnostic, 'location'> } | undefined {
  for (const [field, text] of [[0, 1], [1, 0]] as const) {
    const values = shapes[field]?.values;
    const literal = params[text];
    const path = params[field];
    if (!values || literal?.type !== 'StringLiteral' || path?.type !== 'PathExpression') continue;
    const value = (literal as hbs.AST.StringLiteral).value;
    if (values.includes(value)) return undefined;
    const name = (path as hbs.AST.PathExpression).original;
    const meant = values.find((candidate) => candidate.toLowerCase() === value.trim().toLowerCase()) ?? suggest(value, values);
    return {
      at: literal.loc,
      diagnostic: {
        code: 'template-compare-value', severity: 'error', stage: 'render',
        message: `(${helper} ${name} "${value}") compares “${name}” with “${value}”, which it never is: its values are ${values.join(', ')}. ${helper === 'eq' ? 'What this guards would never print.' : 'This is always true.'}`,
        hint: `${meant ? `Did you mean "${meant}"? ` : ''}Compare with one of its values, written as the notes write it: ${values.map((v) => `"${v}"`).join(', ')}.`,
      },
    };
  }
  return undefined;
}

/** A count as the check's messages say it: “this call gives none”. */
const COUNTED = ['none', 'one', 'two'];

/** Handlebars' blocks that take exactly one value: each of them stops the build without it (`#if requires exactly one argument`). */
const BUILT_IN_BLOCKS = new Set(['if', 'unless', 'each', 'with']);

/** `{{#if}}`, `{{#each a b}}`: a built-in block without its one value, at its opening. */
function blockArgumentDiagnostic(helper: string, block: hbs.AST.BlockStatement, file: string): Diagnostic {
  const what = helper === 'each' ? 'the list to repeat its block for' : helper === 'with' ? 'the object to enter' : 'the value to test';
  const example = helper === 'each' ? '{{#each recommendations}}…{{/each}}' : helper === 'with' ? '{{#with workshop}}…{{/with}}' : `{{#${helper} workshop.subtitle}}…{{/${helper}}}`;
  return {
    code: 'template-syntax', severity: 'error', stage: 'render',
    message: `{{#${helper}}} takes one value, ${what}; this one has ${block.params.length === 0 ? 'none' : block.params.length}.`,
    location: span(file, block.path.loc),
    hint: `Give it one, e.g. ${example}.`,
  };
}

/** The names of the partials templates define themselves (`{{#*inline "row"}}…{{/inline}}`), anywhere in them. */
function inlinePartialNames(asts: Iterable<hbs.AST.Program>): Set<string> {
  const names = new Set<string>();
  for (const ast of asts) {
    let own = inlineNames.get(ast);
    if (!own) inlineNames.set(ast, (own = inlineNamesOf(ast)));
    for (const name of own) names.add(name);
  }
  return names;
}

/** Each tree's own inline partials, found once: the trees are kept by text and shared by every workshop of a programme. */
const inlineNames = new WeakMap<hbs.AST.Program, readonly string[]>();

function inlineNamesOf(ast: hbs.AST.Program): string[] {
  const names: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const block = node as { type?: string; path?: { original?: string }; params?: Array<{ type: string; value?: unknown }> };
    if (block.type === 'DecoratorBlock' && block.path?.original === 'inline' && block.params?.[0]?.type === 'StringLiteral') names.push(String(block.params[0].value));
    for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object') visit(value);
  };
  visit(ast);
  return names;
}

/** "Did you mean {{date}}? " for a helper name close to one of ours, else nothing. */
function didYouMeanHelper(name: string, helperNames: ReadonlySet<string>): string {
  const near = suggest(name, [...helperNames].filter((helper) => !['blockHelperMissing', 'helperMissing', 'log'].includes(helper)));
  return near ? `Did you mean {{${near} …}}? ` : '';
}

interface Scope {
  shape: Shape;
  /** Paths from this scope that an enclosing {{#if}} has checked (`reports`, `workshop.subtitle`). */
  guarded?: Set<string>;
  /** Block parameters named here (`{{#each sessions as |session index|}}`): the item's shape, and the index's. */
  params?: Map<string, Shape>;
}

/**
 * Checks the field names a template uses against the data model before rendering, so a misspelt
 * name is an error even where strict mode is silent (inside #if, #each, helper arguments). With
 * `optionalFields` (`validate`), also warns of a field the data may lack printed outside an {{#if}}
 * on it: `build` stops there, with its own error, when the data lacks it.
 */
export function checkTemplateNames(template: string, templates: TemplateSet, asts: ReadonlyMap<string, hbs.AST.Program>, root: Shape, helperNames: ReadonlySet<string>, optionalFields = false): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  const visitedPartials = new Set<string>();
  const inlinePartials = inlinePartialNames(asts.values());
  /** While a plain {{path}} is resolved: the only lookup strict mode makes stop at a field of a text (in helper arguments and {{#if}}, `title.length` is read). */
  let plainMustache = false;
  /** How many partials deep the file being checked is. */
  let partialDepth = 0;

  const checkFile = (name: string, scopes: Scope[], depth: number) => {
    const file = templates.get(name);
    const ast = asts.get(name);
    if (!file || !ast || depth > 8) return;
    const once = (loc: hbs.AST.SourceLocation, diagnostic: () => Diagnostic) => {
      const key = `${file.displayPath}:${loc.start.line}:${loc.start.column}`;
      if (seen.has(key)) return;
      seen.add(key);
      diagnostics.push(diagnostic());
    };
    /** While a helper's values are checked: a bare word there (`(eq priority high)`) may be a value meant in quotes. */
    let inArguments = 0;
    /** Inside an {{#if}} or {{#unless}} given no value to test. */
    let untested = 0;
    const report = (node: { loc: hbs.AST.SourceLocation; original?: string }, missing: string, candidates: Iterable<string>, field?: string) => {
      const names = [...candidates];
      const guess = suggest(missing, names);
      const value = inArguments > 0 && guess === undefined && node.original === missing ? missing : undefined;
      once(node.loc, () => unknownNameDiagnostic(missing, node.original, span(file.displayPath, node.loc), guess, ' here', field !== undefined ? { field, names } : undefined, value));
    };

    /**
     * A helper's arguments: each a name the data must have, and the field a helper names in quotes
     * ({{join countries "name"}}, {{lookup workshop "title"}}, (sortBy countries "name")), which
     * the items (or the object, for lookup) must have: a misspelt one printed "undefined" or nothing.
     */
    const helperArguments = (node: { path: hbs.AST.Expression; params: hbs.AST.Expression[]; hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation }, local: Scope[]): Shape[] => {
      const path = node.path as hbs.AST.PathExpression;
      const helper = path.type === 'PathExpression' ? path.original : '';
      if (path.type === 'PathExpression' && path.parts.length === 1 && !path.data && !helperNames.has(helper)) {
        once(path.loc, () => ({
          code: 'template-unknown-name', severity: 'error', stage: 'render',
          message: `{{${helper} …}} calls a helper that does not exist.`,
          location: span(file.displayPath, path.loc),
          hint: helper === 'log'
            ? 'Handlebars’ log is not available: it prints to the console, not to the report. `workshop-report context` shows the data a template gets.'
            : `${didYouMeanHelper(helper, helperNames)}The helpers are listed in docs/templates.md (Helpers): t, date, join, num, percent, …`,
        }));
      }
      // (Not {{#each …}}, {{#if …}}, {{#with …}}: what they are given is a field.)
      const values = !BUILT_IN_BLOCKS.has(helper);
      if (values) inArguments++;
      const shapes = node.params.map((param) => expression(param, local));
      if (values) inArguments--;
      // {{date due "long"}}: a value past the last the helper takes is never read.
      const takes = Object.hasOwn(HELPER_VALUES, helper) ? HELPER_VALUES[helper] : undefined;
      const most = takes?.most;
      const extra = most !== undefined ? node.params[most] : undefined;
      if (takes && most !== undefined && extra) {
        once(extra.loc, () => ({
          code: 'template-syntax', severity: 'error', stage: 'render',
          message: `{{${helper}}} takes ${most === 1 ? 'one value' : `${most === 2 ? 'two' : 'three'} values`}; this call gives ${node.params.length}, and the ${node.params.length - most === 1 ? 'last is' : `last ${node.params.length - most} are`} never read.`,
          location: span(file.displayPath, extra.loc),
          hint: `Write it as ${takes.usage}.`,
        }));
      }
      // {{cell}}, {{gt}}: fewer values than the helper needs printed “[object Object]”, “false” or nothing, without a word.
      // A bare {{date}} formats the `date` of the item it is in ({{#each sessions}}{{date}}{{/each}}): a field there, or data the check cannot see, is fine.
      const here = local[local.length - 1]!.shape;
      const bareDate = helper === 'date' && node.params.length === 0 && (here.open || here.props?.has('date'));
      if (takes && node.params.length < takes.least && !bareDate) {
        once(node.loc, () => ({
          code: 'template-syntax', severity: 'error', stage: 'render',
          message: `{{${helper}}} takes ${takes.takes}; this call gives ${COUNTED[node.params.length] ?? node.params.length}${helper === 'date' && node.params.length === 0 ? ', and what it is in has no “date” field for it to format' : ''}.`,
          location: span(file.displayPath, node.loc),
          hint: `Write it as ${takes.usage}.${helper === 'date' ? ' A bare {{date}} formats the “date” of the item it is in: {{#each sessions}}{{date}}{{/each}}.' : ''}`,
        }));
      }
      // {{cell workshop.location}}: a part of the data with fields (or a list of them) where the helper takes a text or a number.
      if (takes?.text) {
        for (const [index, param] of node.params.entries()) {
          if (takes.text !== 'all' && !takes.text.includes(index)) continue;
          const shape = shapes[index]!;
          const problem = fieldsWhereTextGoes(shape, param, node, helper, takes.takes, takes.number?.includes(index) ?? false);
          if (problem) once(param.loc, () => ({ code: 'template-runtime', severity: 'error', stage: 'render', ...problem, location: span(file.displayPath, param.loc) }));
        }
      }
      if (helper === 'eq' || helper === 'ne') {
        const problem = comparedWithNoValue(node.params, shapes, helper);
        if (problem) once(problem.at, () => ({ ...problem.diagnostic, location: span(file.displayPath, problem.at) }));
      }
      for (const pair of node.hash?.pairs ?? []) expression(pair.value, local);
      // {{dateRange workshop.dates stlye="prose"}}: an option the helper does not read, or a value it does not know (a helper that does not exist is said above).
      if (helperNames.has(helper)) {
        const shown = (node as { type?: string }).type === 'BlockStatement' ? `#${helper}` : helper;
        optionProblems(helper, shown, node.hash, file.displayPath).forEach((problem) => once(problem.at, () => problem.diagnostic));
      }
      // {{t "KEY"}}: a label of the catalogue (a misspelt one stopped the build, after validate had passed).
      const key = node.params[0];
      if (helper === 't' && key?.type === 'StringLiteral' && !isMessageKey((key as hbs.AST.StringLiteral).value)) {
        const label = (key as hbs.AST.StringLiteral).value;
        once(key.loc, () => unknownLabelDiagnostic('template-unknown-name', label, span(file.displayPath, key.loc)));
      } else if (helper === 't' && key?.type === 'StringLiteral') {
        placeholderProblems((key as hbs.AST.StringLiteral).value as MessageKey, node, file.displayPath).forEach((problem) => once(problem.at, () => problem.diagnostic));
      }
      const named = node.params[1];
      if ((helper === 'lookup' || helper === 'join' || helper === 'sortBy') && named?.type === 'StringLiteral') {
        const field = (named as hbs.AST.StringLiteral).value;
        const shape = helper === 'lookup' ? shapes[0] : shapes[0]?.items;
        if (shape && !shape.open && shape.props && !shape.props.has(field)) report({ loc: named.loc, original: `${helper} … "${field}"` }, field, shape.props.keys());
      }
      return shapes;
    };

    /** Where a path starts (its scope, or the block that names its first part: `param`), and its parts from there. */
    const guardKey = (node: hbs.AST.PathExpression, local: Scope[]): { scope: number; param: boolean; parts: string[] } | undefined => {
      if (node.data) return node.parts[0] === 'root' ? { scope: 0, param: false, parts: node.parts.slice(1) } : undefined;
      const named = node.depth === 0 && node.parts.length > 0 ? local.findLastIndex((scope) => scope.params?.has(node.parts[0]!)) : -1;
      return named >= 0 ? { scope: named, param: true, parts: node.parts } : { scope: Math.max(0, local.length - 1 - node.depth), param: false, parts: node.parts };
    };
    /** `local` with `key`'s path known to be there (inside {{#if key}}). */
    const guard = (local: Scope[], key: { scope: number; parts: string[] }): Scope[] =>
      local.map((scope, index) => (index === key.scope ? { ...scope, guarded: new Set([...(scope.guarded ?? []), key.parts.join('.')]) } : scope));

    /**
     * A field the data may lack, printed outside an {{#if}} on it ({{reports}}): strict mode stops
     * the build where the data has none, which `validate` cannot see. A warning: the data may have it.
     */
    const unguardedOptional = (node: hbs.AST.PathExpression, local: Scope[]) => {
      if (untested > 0) return;
      const key = guardKey(node, local);
      if (!key) return;
      const at = local[key.scope]!;
      let shape: Shape | undefined = node.data ? root : key.param ? at.params!.get(key.parts[0]!) : at.shape;
      for (let i = key.param ? 1 : 0; i < key.parts.length && shape && !shape.open; i++) {
        const part = key.parts[i]!;
        if (/^\d+$/.test(part) && shape.items) {
          shape = shape.items;
          continue;
        }
        if (shape.optional?.has(part)) {
          const prefix = key.parts.slice(0, i + 1).join('.');
          // {{#if workshop.subtitle}} says that workshop.subtitle is there, and workshop too.
          if ([...(at.guarded ?? [])].some((path) => path === prefix || path.startsWith(`${prefix}.`))) return;
          once(node.loc, () => ({
            code: 'template-optional-field', severity: 'warning', stage: 'render',
            message: `{{${node.original}}} prints “${part}”, which the data may not have: where it is missing, the build stops.`,
            location: span(file.displayPath, node.loc),
            hint: `Print it only when it is there: {{#if ${node.data ? '@root.' : '../'.repeat(key.param ? 0 : node.depth)}${prefix}}}…{{/if}}.`,
          }));
          return;
        }
        shape = shape.props?.get(part);
      }
    };

    /** The shape a path points to, reporting the first unknown segment. */
    const resolvePath = (node: hbs.AST.PathExpression, local: Scope[]): Shape => {
      // @root.workshop.title is a path of the data from its top (in a partial too); @index, @first and the like are open.
      if (node.data) return node.parts[0] === 'root' ? walk(node, root, node.parts.slice(1)) : OPEN;
      // {{../../follow_up}} above the top of the data: the build stopped with “Cannot read properties of undefined”, at no place.
      if (node.depth > local.length - 1) {
        once(node.loc, () => aboveTheTop(node, local.length - 1, partialDepth > 0, file.displayPath));
        return OPEN;
      }
      // A block parameter, from the innermost block that names it: the rest of the path is in its shape.
      const param = node.depth === 0 && node.parts.length > 0 ? [...local].reverse().find((scope) => scope.params?.has(node.parts[0]!))?.params?.get(node.parts[0]!) : undefined;
      const scope = local[local.length - 1 - node.depth] ?? local[0]!;
      return walk(node, param ?? scope.shape, param ? node.parts.slice(1) : node.parts);
    };

    /** The shape `parts` lead to from `shape`, reporting the first unknown one (at `node`). */
    const walk = (node: hbs.AST.PathExpression, from: Shape, parts: readonly string[]): Shape => {
      let shape = from;
      for (const [index, part] of parts.entries()) {
        if (shape.open) return OPEN;
        if (/^\d+$/.test(part) && shape.items) {
          shape = shape.items;
          continue;
        }
        if (part === 'length' && shape.items) return OPEN;
        const next = shape.props?.get(part);
        if (!next) {
          if (shape.scalar && plainMustache) {
            const field = parts[index - 1];
            once(node.loc, () => ({
              code: 'template-unknown-name', severity: 'error', stage: 'render',
              message: `The template uses “${part}” of ${field === undefined ? 'a value' : `“${field}”`} (in {{${node.original}}}), which is a text or a number: it has no fields.`,
              location: span(file.displayPath, node.loc),
              hint: `Print {{${node.original.slice(0, node.original.lastIndexOf(`.${part}`)) || node.original}}} itself; \`workshop-report context\` shows every field the templates receive.`,
            }));
            return OPEN;
          }
          if (!shape.props && shape.items === undefined) return OPEN;
          // (A field's fields are listed; the top's are many, and `context` shows them.)
          const field = index > 0 && !/^\d+$/.test(parts[index - 1]!) ? parts[index - 1] : undefined;
          report(node, part, shape.props?.keys() ?? [], field);
          return OPEN;
        }
        shape = next;
      }
      return shape;
    };

    /**
     * {{owner}}, {{countries}}: a part of the data with fields, or a list, printed as it is: the
     * report would show “[object Object]” (rendering stops there, at no place in the template).
     */
    const printedObject = (node: hbs.AST.PathExpression, shape: Shape) => {
      if (shape.open || shape.scalar || (!shape.props && !shape.items)) return;
      once(node.loc, () => ({ code: 'template-runtime', severity: 'error', stage: 'render', ...printedObjectText(node.original || 'this', shape), location: span(file.displayPath, node.loc) }));
    };

    const expression = (node: hbs.AST.Expression, local: Scope[]): Shape => {
      if (node.type === 'PathExpression') return resolvePath(node as hbs.AST.PathExpression, local);
      if (node.type === 'SubExpression') {
        const sub = node as hbs.AST.SubExpression;
        // sortBy returns its list, sorted: the items keep their shape.
        return callResult((sub.path as hbs.AST.PathExpression).original, helperArguments(sub, local));
      }
      return OPEN;
    };

    const isHelperCall = (node: { path: hbs.AST.Expression; params: hbs.AST.Expression[] }) => {
      const path = node.path as hbs.AST.PathExpression;
      // {{this.date}}, {{./date}}: a field, never a helper (Handlebars' scopedId).
      return path.type === 'PathExpression' && !path.data && path.parts.length === 1 && path.depth === 0 && !/^\.|^this\b/.test(path.original) && (helperNames.has(path.parts[0]!) || node.params.length > 0);
    };

    /** The text of the template at `loc`, as the editor wrote it. */
    const written = (loc: hbs.AST.SourceLocation): string => {
      const lines = file.text.split(/\r?\n/).slice(loc.start.line - 1, loc.end.line);
      if (lines.length === 0) return '';
      lines[lines.length - 1] = lines[lines.length - 1]!.slice(0, loc.end.column);
      lines[0] = lines[0]!.slice(loc.start.column);
      return lines.join('\n');
    };

    /**
     * `{{cell workshop.location}}`, `(concat workshop.dates)`: a value with fields, or a list of such,
     * given where `helper` takes a text or a number. What to say, with the call written with one of
     * its fields in place of the value; nothing for a value that has none (or that the check cannot see).
     */
    const fieldsWhereTextGoes = (shape: Shape, param: hbs.AST.Expression, call: { loc: hbs.AST.SourceLocation; params: hbs.AST.Expression[] }, helper: string, takes: string, number: boolean): { message: string; hint: string } | undefined => {
      if (shape.open || shape.scalar) return undefined;
      const item = shape.items;
      if (!shape.props && !(item && item.props && !item.open)) return undefined;
      const value = param.type === 'PathExpression' ? (param as hbs.AST.PathExpression).original || 'this' : written(param.loc);
      const names = (of: Shape) => [...(of.props?.keys() ?? [])];
      const listed = (list: string[]) => `${list.slice(0, 5).join(', ')}${list.length > 5 ? ', …' : ''}`;
      const pick = (of: Shape) => ['name', 'title', 'label', 'text', 'city', 'start'].find((name) => of.props?.get(name)?.scalar) ?? names(of).find((name) => of.props?.get(name)?.scalar);
      // The call as written, with `replacement` in place of the value.
      const call_ = written(call.loc);
      const at = (param.loc.start.line === call.loc.start.line ? param.loc.start.column - call.loc.start.column : -1);
      const rewrite = (replacement: string) => (at >= 0 && call_.slice(at).startsWith(written(param.loc)) ? `${call_.slice(0, at)}${replacement}${call_.slice(at + written(param.loc).length)}` : undefined);
      const said = `{{${helper}}} takes ${takes}`;
      if (shape.props && number) {
        return {
          message: `${value} has fields (${listed(names(shape))}): ${said}, not a part of the data with fields.`,
          hint: `Give it the one of its fields that holds a number; \`workshop-report context\` shows them.`,
        };
      }
      if (shape.props) {
        const field = pick(shape);
        const example = field ? rewrite(`${value === 'this' || value === '.' ? '' : `${value}.`}${field}`) : undefined;
        return {
          message: `${value} has fields (${listed(names(shape))}): ${said}, not a part of the data with fields.`,
          hint: example ? `Give it one of them, e.g. ${example}.` : 'Give it one of its fields; `workshop-report context` shows them.',
        };
      }
      const field = number ? undefined : pick(item!);
      const joined = field ? rewrite(`(join ${value} "${field}")`) : undefined;
      return {
        message: `${value} is a list (of ${listed(names(item!))}): ${said}, not a list.`,
        hint: joined ? `Give it a field of each item: ${joined}, or one item's in an {{#each ${value}}}…{{/each}}.` : `Go through the list with {{#each ${value}}}…{{/each}} and give it a field of each item.`,
      };
    };

    /** What a helper's call gives back, as far as the check knows: sortBy gives its list, sorted. */
    const callResult = (helper: string, shapes: Shape[]): Shape => (helper === 'sortBy' && shapes[0] ? shapes[0] : OPEN);

    const statements = (body: hbs.AST.Statement[], local: Scope[]): void => {
      for (const statement of body) {
        switch (statement.type) {
          case 'MustacheStatement': {
            const m = statement as hbs.AST.MustacheStatement;
            if (isHelperCall(m)) {
              // {{sortBy sessions}} prints the list it gives back: “[object Object]”, found while rendering at the template's first line.
              const helper = (m.path as hbs.AST.PathExpression).original;
              const result = callResult(helper, helperArguments(m, local));
              if (!result.open && (result.props || result.items)) {
                const call = written(m.loc).replace(/^\{\{\{?[~&]?\s*|\s*~?\}?\}\}$/g, '');
                once(m.loc, () => ({ code: 'template-runtime', severity: 'error', stage: 'render', ...printedObjectText(call, result, `(${call})`), location: span(file.displayPath, m.loc) }));
              }
            } else {
              plainMustache = true;
              const shape = expression(m.path, local);
              plainMustache = false;
              if (m.path.type === 'PathExpression') printedObject(m.path as hbs.AST.PathExpression, shape);
              if (optionalFields && m.path.type === 'PathExpression') unguardedOptional(m.path as hbs.AST.PathExpression, local);
            }
            break;
          }
          case 'BlockStatement': {
            const b = statement as hbs.AST.BlockStatement;
            const helper = (b.path as hbs.AST.PathExpression).original;
            if (BUILT_IN_BLOCKS.has(helper) && b.params.length !== 1) once(b.loc, () => blockArgumentDiagnostic(helper, b, file.displayPath));
            const params = b.params.length > 0 ? helperArguments(b, local) : [];
            if (b.params.length === 0) for (const pair of b.hash?.pairs ?? []) expression(pair.value, local);
            const first = params[0] ?? OPEN;
            const blockParams = b.program?.blockParams ?? [];
            if (helper === 'each') {
              const inner = first.open ? OPEN : first.items ?? (first.props ? { open: true } : OPEN);
              // as |item index|: the item, and its index (or key) which has no fields.
              const params = new Map(blockParams.map((name, index) => [name, index === 0 ? inner : OPEN]));
              if (b.program) statements(b.program.body, [...local, { shape: inner, ...(params.size ? { params } : {}) }]);
            } else if (helper === 'with') {
              const params = new Map(blockParams.slice(0, 1).map((name) => [name, first]));
              if (b.program) statements(b.program.body, [...local, { shape: first, ...(params.size ? { params } : {}) }]);
            } else if (helper === 'if' || helper === 'unless') {
              // What {{#if path}} checked is there in its block ({{#unless}}: in its else).
              const checked = optionalFields && b.params[0]?.type === 'PathExpression' ? guardKey(b.params[0] as hbs.AST.PathExpression, local) : undefined;
              const known = checked ? guard(local, checked) : local;
              // {{#if}} without its value (an error said above): what it was meant to test is unknown, so nothing inside is said to be unguarded.
              if (b.params.length === 0) untested++;
              if (b.program) statements(b.program.body, helper === 'if' ? known : local);
              if (b.inverse) statements(b.inverse.body, helper === 'unless' ? known : local);
              if (b.params.length === 0) untested--;
              break;
            } else if (!helperNames.has(helper) && b.params.length === 0) {
              // {{#field}}…{{/field}}: a section on a data field.
              const shape = expression(b.path, local);
              if (b.program) statements(b.program.body, [...local, { shape: shape.items ?? shape }]);
            } else if (b.program) {
              statements(b.program.body, [...local, { shape: OPEN }]);
            }
            if (b.inverse) statements(b.inverse.body, local);
            break;
          }
          case 'PartialStatement': {
            const p = statement as hbs.AST.PartialStatement;
            const name = (p.name as hbs.AST.PathExpression).original;
            const target = [...templates.keys()].find((t) => t.startsWith(PARTIALS_DIR) && partialName(t) === name);
            if (!target) {
              // {{> (lookup …)}}, a name computed while rendering, is the renderer's to find; {{> @partial-block}}
              // and a partial a template defines ({{#*inline "row"}}) are no files.
              if (p.name.type === 'PathExpression' && !name.startsWith('@') && !inlinePartials.has(name)) once(p.loc, () => missingPartialDiagnostic(name, span(file.displayPath, p.loc), templates));
              break;
            }
            const base = p.params[0] ? expression(p.params[0], local) : local[local.length - 1]!.shape;
            const hashProps = new Map<string, Shape>();
            for (const pair of p.hash?.pairs ?? []) hashProps.set(pair.key, expression(pair.value, local));
            const shape: Shape = base.open ? OPEN : { props: new Map([...(base.props ?? []), ...hashProps]), ...(base.items ? { items: base.items } : {}) };
            const key = `${target}|${[...(shape.props?.keys() ?? [])].join(',')}|${shape.open ? 'open' : ''}`;
            if (visitedPartials.has(key)) break;
            visitedPartials.add(key);
            // A partial starts from the data it is given: its `../` do not reach the caller's blocks (no `compat` mode).
            partialDepth++;
            checkFile(target, [{ shape }], depth + 1);
            partialDepth--;
            break;
          }
          default:
            break;
        }
      }
    };
    statements(ast.body, scopes);
  };

  checkFile(template, [{ shape: root }], 0);
  return diagnostics;
}

/** What to say of {{path}} printing a part of the data with fields, or a list (see checkTemplateNames). */
function printedObjectText(path: string, shape: Shape, list = path): { message: string; hint: string } {
  const fields = (of: Shape | undefined) => [...(of?.props?.keys() ?? [])];
  // The field to print of it: its words, where it has them.
  const field = (of: Shape | undefined) => ['name', 'title', 'label', 'text', 'city'].find((name) => of?.props?.get(name)?.scalar) ?? fields(of).find((name) => of?.props?.get(name)?.scalar);
  const listed = (names: string[]) => `${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}`;
  if (shape.items) {
    const item = field(shape.items);
    return {
      message: `{{${path}}} prints a list${fields(shape.items).length > 0 ? ` (of ${listed(fields(shape.items))})` : ''}: the report would show “[object Object]”.`,
      hint: item
        ? `Print a field of each item: {{#each ${list}}}{{${item}}}{{/each}}, or {{join ${list} "${item}"}}.`
        : `Go through the list with {{#each ${list}}}…{{/each}} and print a field of each item.`,
    };
  }
  const one = field(shape);
  return {
    message: `{{${path}}} prints a part of the data with fields (${listed(fields(shape))}), not a text: the report would show “[object Object]”.`,
    hint: one ? `Print one of its fields, e.g. {{${path === 'this' || path === '.' ? one : `${path}.${one}`}}}.` : 'Print one of its fields; `workshop-report context` shows them.',
  };
}

/**
 * {{t "session_number" numbr=number}}: a value the label has no place for, or a place the call
 * leaves unfilled: the document printed “Session {number}” without a word. At the value, or at the call.
 */
function placeholderProblems(key: MessageKey, node: { params: hbs.AST.Expression[]; hash?: hbs.AST.Hash; loc: hbs.AST.SourceLocation }, file: string): Array<{ at: hbs.AST.SourceLocation; diagnostic: Diagnostic }> {
  const { required, allowed: places } = messagePlaceholders(key);
  const given = node.hash?.pairs ?? [];
  const problems: Array<{ at: hbs.AST.SourceLocation; diagnostic: Diagnostic }> = [];
  const listed = [...places].map((name) => `{${name}}`).join(', ');
  for (const pair of given) {
    if (places.has(pair.key)) continue;
    const near = suggest(pair.key, [...places].filter((name) => !given.some((other) => other.key === name)));
    problems.push({
      at: pair.loc,
      diagnostic: {
        code: 'template-unknown-name', severity: 'error', stage: 'render',
        message: `{{t "${key}"}} is given “${pair.key}”, which its label has no place for${places.size > 0 ? ` (it has ${listed})` : ' (it has none)'}.`,
        location: span(file, pair.loc),
        hint: near ? `Did you mean ${near}=…?` : places.size > 0 ? `Give the label's own names: ${[...places].map((name) => `${name}=…`).join(' ')}.` : `Leave it out: {{t "${key}"}}.`,
      },
    });
  }
  const unfilled = [...required].filter((name) => !given.some((pair) => pair.key === name));
  // (A misspelt value is said above, with the name it may be; the place it leaves unfilled is the same mistake.)
  if (unfilled.length > 0 && given.every((pair) => places.has(pair.key))) {
    problems.push({
      at: node.loc,
      diagnostic: {
        code: 'template-unknown-name', severity: 'error', stage: 'render',
        message: `{{t "${key}"}} leaves ${unfilled.map((name) => `{${name}}`).join(' and ')} of its label unfilled: the document would print “{${unfilled[0]}}” as it is.`,
        location: span(file, node.loc),
        hint: `Give ${unfilled.length === 1 ? 'it' : 'them'}: {{t "${key}" ${unfilled.map((name) => `${name}=…`).join(' ')}}}.`,
      },
    });
  }
  return problems;
}

/** {{../../x}} going up more blocks than there are around it. */
function aboveTheTop(node: hbs.AST.PathExpression, levels: number, inPartial: boolean, file: string): Diagnostic {
  const rest = node.parts.join('.');
  const within = levels === 0 ? 'it is in no {{#each}} or {{#with}}' : `it is ${levels === 1 ? 'one block' : `${levels} blocks`} in ({{#each}}, {{#with}})`;
  return {
    code: 'template-unknown-name', severity: 'error', stage: 'render',
    message: `{{${node.original}}} goes up ${node.depth === 1 ? 'one level' : `${node.depth} levels`}, above the top of the data: ${within}${inPartial ? ', and a partial starts from the data it is given' : ''}.`,
    location: span(file, node.loc),
    hint: `${levels > 0 ? `Go up at most ${levels === 1 ? 'one level' : `${levels} levels`} (${'../'.repeat(levels)}${rest}), or start` : 'Start'} from the top of the data: {{@root.${rest}}}${inPartial ? ', or give the partial what it needs: {{> name field=…}}' : ''}.`,
  };
}
