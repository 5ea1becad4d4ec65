import type { TextItem } from '../../notes/types.js';
import type { RuleContext, Site } from '../context.js';
import { locate, type ParsedFile } from '../../load/index.js';

/**
 * What public editions would get wrong: a public recommendation whose text comes from a restricted
 * one (error), a public action implementing a restricted recommendation (warning: the link is
 * dropped), and `restricted: false` inside something restricted (error: it cannot be public).
 */
export function checkRestricted(ctx: RuleContext): void {
  const restrictedIds = new Set<string>();
  for (const session of ctx.project.sessions) {
    session.data.recommendations?.forEach((rec) => {
      if (rec.id !== undefined && (session.data.restricted === true || rec.restricted === true)) restrictedIds.add(rec.id);
    });
  }
  const sites = ctx.recommendationSites;
  const restrictedInChain = firstRestricted(restrictedIds, (id) => sites.get(id)?.sameAs);
  for (const session of ctx.project.sessions) {
    const { data, file } = session;
    const at = (path: Array<string | number>): Site => ({ file, path });
    if (data.restricted === true) {
      contradictions(ctx, file, data as Record<string, unknown>);
      wholeFileAfterList(ctx, file, 'session');
      continue;
    }
    data.recommendations?.forEach((rec, i) => {
      if (rec.restricted === true || rec.same_as === undefined) return;
      const end = restrictedInChain(rec.same_as);
      if (end === undefined) return;
      const target = sites.get(end);
      ctx.report('restricted-same-as', 'error', at(['recommendations', i, 'same_as']), 'value',
        `This public recommendation is the same as the restricted recommendation “${end}”: public editions would print restricted text.`,
        'Mark this recommendation `restricted: true` too, or write it out in its own words without same_as.',
        target ? [{ site: { file: target.file, path: target.path }, message: 'the restricted recommendation' }] : []);
    });
    data.actions?.forEach((action, i) => {
      if (action.restricted === true) return;
      action.recommendations?.forEach((id, j) => {
        if (!restrictedIds.has(id)) return;
        const target = sites.get(id);
        ctx.report('restricted-link', 'warning', at(['actions', i, 'recommendations', j]), 'value',
          `This public action implements the restricted recommendation “${id}”; public editions leave the link out.`,
          'Mark the action `restricted: true` if it reveals the recommendation, or leave it: the action stays public without the link.',
          target ? [{ site: { file: target.file, path: target.path }, message: 'the restricted recommendation' }] : []);
      });
    });
  }
  for (const country of ctx.project.countries) {
    if (country.data.restricted === true) {
      contradictions(ctx, country.file, country.data as Record<string, unknown>);
      wholeFileAfterList(ctx, country.file, 'country file');
    }
  }
}

/**
 * The first restricted id on the same_as chain from an id, if any; memoized, so every id is followed
 * once whatever the length of the chains.
 */
function firstRestricted(restricted: ReadonlySet<string>, next: (id: string) => string | undefined): (start: string) => string | undefined {
  const known = new Map<string, string | undefined>();
  return (start) => {
    const path: string[] = [];
    const seen = new Set<string>();
    let result: string | undefined;
    for (let id: string | undefined = start; id !== undefined; id = next(id)) {
      if (known.has(id)) {
        result = known.get(id);
        break;
      }
      if (seen.has(id)) break;
      seen.add(id);
      path.push(id);
      if (restricted.has(id)) {
        result = id;
        break;
      }
    }
    for (const id of path) known.set(id, result);
    return result;
  };
}

/** `restricted: false` anywhere inside a restricted file. */
function contradictions(ctx: RuleContext, file: Site['file'], data: Record<string, unknown>): void {
  const visit = (value: unknown, path: Array<string | number>): void => {
    if (Array.isArray(value)) value.forEach((item: TextItem | unknown, i) => visit(item, [...path, i]));
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'restricted' && item === false && path.length > 0) {
          ctx.report('restricted-contradiction', 'error', { file, path: [...path, key] }, 'value',
            'This item says it is not restricted, but the whole file is: everything in it is left out of public editions.',
            'Remove `restricted: false`, or move the item to a file that is not restricted.');
        } else visit(item, [...path, key]);
      }
    }
  };
  visit(data, []);
}

/**
 * `restricted: true` at the top level, written just below the items of a list (at the file's end,
 * under its last recommendation): it marks the whole file, whose every note then leaves the public
 * edition, where it was likely meant for the item above, indented one step too little. A warning:
 * the file is valid, and marking a whole session is allowed (written near the top, it is not warned).
 */
/** The lists of a session or country file whose items take a `restricted:` of their own. */
const RESTRICTABLE_LISTS = new Set(['recommendations', 'actions', 'key_points', 'initiatives', 'challenges', 'good_practices', 'needs']);

function wholeFileAfterList(ctx: RuleContext, file: ParsedFile, what: 'session' | 'country file'): void {
  // The entry just before `restricted` (keys keep their written order): a list whose last item is a
  // mapping, which takes a `restricted:` of its own (a recommendation, an action, a `{ text }` item).
  const data = file.data as Record<string, unknown>;
  const keys = Object.keys(data);
  const listKey = keys[keys.indexOf('restricted') - 1] ?? '';
  const before = RESTRICTABLE_LISTS.has(listKey) ? data[listKey] : undefined;
  const last = Array.isArray(before) ? before[before.length - 1] : undefined;
  if (last === null || typeof last !== 'object' || Array.isArray(last)) return;
  // And written below that item (a key at the top, then the list, is not this mistake).
  const at = locate(file, ['restricted'], 'key');
  const item = locate(file, [listKey, (before as unknown[]).length - 1], 'value');
  if (item.end.offset > at.start.offset) return;
  ctx.diagnostics.push({
    code: 'restricted-scope', severity: 'warning', stage: 'validate',
    message: `restricted: true here marks the whole ${what}: all its notes are left out of public editions, not only the item above it.`,
    hint: `If it was meant for the item above, indent it under that item (as the item's other keys are); to mark the whole ${what}, write it near the top, after ${what === 'session' ? 'title:' : 'country:'}.`,
    location: at,
  });
}
