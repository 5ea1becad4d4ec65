import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { suggest } from '../validate/suggest.js';
import { BUILT_IN_OPTIONS, HELPER_VALUES, type HelperOption } from './helpers.js';
import { span } from './template-errors.js';

/** The options `helper` reads, as declared beside it (helpers.ts); none for a helper that declares none. */
export function helperOptions(helper: string): Readonly<Record<string, HelperOption>> | 'label' {
  if (Object.hasOwn(HELPER_VALUES, helper)) return HELPER_VALUES[helper]!.options ?? {};
  return Object.hasOwn(BUILT_IN_OPTIONS, helper) ? BUILT_IN_OPTIONS[helper]! : {};
}

type Literal = hbs.AST.StringLiteral | hbs.AST.NumberLiteral | hbs.AST.BooleanLiteral | hbs.AST.NullLiteral | hbs.AST.UndefinedLiteral;
const LITERALS = new Set(['StringLiteral', 'NumberLiteral', 'BooleanLiteral', 'NullLiteral', 'UndefinedLiteral']);

/** A literal as a template writes it: `"prose"`, `1`, `true`. */
const writtenLiteral = (literal: Literal): string => (literal.type === 'StringLiteral' ? `"${literal.value}"` : literal.type === 'NullLiteral' ? 'null' : literal.type === 'UndefinedLiteral' ? 'undefined' : String(literal.value));

/** `style="prose" or style="compact"`. */
const choices = (name: string, values: readonly string[]): string => {
  const each = values.map((value) => `${name}="${value}"`);
  return each.length === 1 ? each[0]! : `${each.slice(0, -1).join(', ')} or ${each[each.length - 1]}`;
};

/**
 * A helper call's `name=value` options that the helper does not read (`{{dateRange workshop.dates
 * stlye="prose"}}`, `{{date due format="long"}}`: at the option), or whose value, written out, is
 * none of those it knows (`style="prosa"`: at the value). Either was read as if it were not there,
 * without a word. `shown`: the helper as the call writes it (`#each` for a block). {{t}}'s options
 * are its label's places, checked with its label. Pure.
 */
export function optionProblems(helper: string, shown: string, hash: hbs.AST.Hash | undefined, file: string): Array<{ at: hbs.AST.SourceLocation; diagnostic: Diagnostic }> {
  const pairs = hash?.pairs ?? [];
  const options = helperOptions(helper);
  if (pairs.length === 0 || options === 'label') return [];
  const names = Object.keys(options);
  const usage = Object.hasOwn(HELPER_VALUES, helper) ? HELPER_VALUES[helper]!.usage : undefined;
  const described = names.map((name) => (options[name]!.values ? choices(name, options[name]!.values!) : `${name}=…`)).join('; ');
  const problems: Array<{ at: hbs.AST.SourceLocation; diagnostic: Diagnostic }> = [];
  for (const pair of pairs) {
    const option = Object.hasOwn(options, pair.key) ? options[pair.key]! : undefined;
    if (!option) {
      const near = suggest(pair.key, names.filter((name) => !pairs.some((other) => other.key === name)));
      problems.push({
        at: pair.loc,
        diagnostic: {
          code: 'template-unknown-name', severity: 'error', stage: 'render',
          message: names.length > 0
            ? `{{${shown}}} is given “${pair.key}=”, an option it does not take (it takes ${names.join(', ')}): the build would go on as if it were not there.`
            : `{{${shown}}} is given “${pair.key}=”, but it takes no options: the build would go on as if it were not there.`,
          location: span(file, pair.loc),
          hint: near ? `Did you mean ${near}=…? {{${shown}}} takes ${described}.` : names.length > 0 ? `{{${shown}}} takes ${described}; leave “${pair.key}” out.` : `Leave it out${usage ? `: ${usage}` : ''}.`,
        },
      });
      continue;
    }
    // A value written out (not a field, not a helper's result) that the option does not know.
    const value = pair.value;
    if (!option.values || !LITERALS.has(value.type)) continue;
    const literal = value as Literal;
    if (literal.type === 'StringLiteral' && option.values.includes(literal.value)) continue;
    const near = literal.type === 'StringLiteral' ? suggest(literal.value, option.values) : undefined;
    problems.push({
      at: value.loc,
      diagnostic: {
        code: 'template-unknown-name', severity: 'error', stage: 'render',
        message: `{{${shown}}} is given ${pair.key}=${writtenLiteral(literal)}, which it does not know (${pair.key} is ${option.values.map((known) => `"${known}"`).join(' or ')}): the build would go on as if it were not there.`,
        location: span(file, value.loc),
        hint: near ? `Did you mean ${pair.key}="${near}"?` : `Write ${choices(pair.key, option.values)}.`,
      },
    });
  }
  return problems;
}
