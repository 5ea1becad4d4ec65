import Handlebars from 'handlebars';
import { memoize1 } from '../markdown/memo.js';
import { helpers } from './helpers.js';
import { eachMustache } from './mustaches.js';

/** Our helpers, known when compiling: a mustache naming one calls it, without first asking whether it is a helper or a field. */
const KNOWN_HELPERS = Object.fromEntries(Object.keys(helpers('en')).map((name) => [name, true]));

/** Options every template is compiled with. */
export const COMPILE_OPTIONS = { strict: true, preventIndent: true } as const;

interface CompilerEnvironment {
  parse(input: string, options: object): unknown;
  Compiler: new () => { compile(ast: unknown, options: object): unknown };
  JavaScriptCompiler: new () => { compile(environment: unknown, options: object, context: undefined, asObject: true): TemplateSpecification };
}

/**
 * A template's compiled form, as `Handlebars.compile` makes it, kept by text: a programme renders
 * the same templates for each of its workshops (each in its own environment, with its language's
 * helpers), and compiling them took an eighth of building 100 workshops. A compiled form holds no
 * helper or partial; `hb.template` binds it to an environment.
 */
const specOf = memoize1((text: string): TemplateSpecification => {
  const env = Handlebars as unknown as CompilerEnvironment;
  const options = { ...COMPILE_OPTIONS, data: true, knownHelpers: KNOWN_HELPERS };
  const ast = env.parse(text, options);
  escapeEverywhere(ast);
  return new env.JavaScriptCompiler().compile(new env.Compiler().compile(ast, options), options, undefined, true);
}, 1_000);

/**
 * Marks every `{{{…}}}` and `{{&…}}` of a freshly parsed tree as a `{{…}}`: three braces print as two
 * do, through escapeForMarkdown, so the notes' plain text is escaped wherever a template puts it (a
 * title's `*draft*` stays words, its `<script>` text) and an (md) field, a helper's Markdown, print
 * as they would with two braces. `template-unescaped` tells the editor (see unescaped-check.ts).
 */
function escapeEverywhere(ast: unknown): void {
  eachMustache(ast, (mustache) => {
    mustache.escaped = true;
  });
}

type Delegate = Handlebars.TemplateDelegate & {
  _setup?: (options: unknown) => unknown;
  _child?: (...args: unknown[]) => unknown;
};

/** `hb.compile(text, COMPILE_OPTIONS)`: compiled on first use (errors surface when rendering, as there), from the shared form. */
export function compileTemplate(hb: typeof Handlebars, text: string): Handlebars.TemplateDelegate {
  let compiled: Delegate | undefined;
  const get = () => (compiled ??= hb.template(specOf(text)) as Delegate);
  const template = ((context: unknown, options?: Handlebars.RuntimeOptions) => get()(context, options)) as Delegate;
  template._setup = (options) => get()._setup!(options);
  template._child = (...args) => get()._child!(...args);
  return template;
}
