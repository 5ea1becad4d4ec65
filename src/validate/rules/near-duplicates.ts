import { LIMITS } from '../../limits.js';
import { idsMeant, type RuleContext, type Site } from '../context.js';
import { findSimilarGroups, jaccard, shingles, type SearchStats } from '../near-duplicates.js';

interface Entry {
  site: Site;
  id?: string;
  /** What an `id:` that is not valid was meant as (`r-1` for `r 1`): a same_as naming it links to this one. */
  meant?: readonly string[];
  sameAs?: string;
  text: string;
}

/**
 * Recommendations that say the same thing but are not linked by same_as would be counted twice.
 * One warning per group of alike recommendations, at the first that repeats an earlier one, with
 * the others as related places (at most LIMITS.relatedLocations, then how many more). Work grows
 * with the recommendations and the groups, never with the pairs. `stats` counts the similarity
 * checks, for complexity tests.
 */
export function checkNearDuplicates(ctx: RuleContext, stats: SearchStats = { comparisons: 0 }): void {
  const entries: Entry[] = [];
  // A session file that repeats another whole is said once, in it (repeated-session), not as its recommendations.
  for (const session of ctx.project.sessions.filter((one) => !ctx.sessionCopies.has(one.file))) {
    session.data.recommendations?.forEach((rec, index) => {
      const invalid = rec.id === undefined ? ctx.invalidIdAt(session.file, ['recommendations', index, 'id']) : undefined;
      entries.push({ site: { file: session.file, path: ['recommendations', index, 'text'] }, text: rec.text, ...(rec.id ? { id: rec.id } : {}), ...(invalid ? { meant: idsMeant(invalid.value) } : {}), ...(rec.same_as ? { sameAs: rec.same_as } : {}) });
    });
  }
  const groupOf = sameAsGroups(entries);
  for (const members of findSimilarGroups(entries.map((entry) => entry.text), undefined, stats)) {
    const first = entries[members[0]!]!;
    const repeat = members.find((i) => groupOf(i) !== groupOf(members[0]!));
    if (repeat === undefined) continue; // all consolidated as one already
    const at = entries[repeat]!;
    const others = members.filter((i) => i !== repeat && groupOf(i) !== groupOf(repeat));
    const shown = others.slice(0, LIMITS.relatedLocations);
    const related = shown.map((i, k) => ({ site: entries[i]!.site, message: k === shown.length - 1 && others.length > shown.length ? `a similar recommendation, and ${others.length - shown.length} more` : 'the similar recommendation' }));
    const message = others.length === 1
      ? `This recommendation is nearly the same (${Math.round(similarity(at.text, entries[others[0]!]!.text) * 100)}% similar) as one in ${entries[others[0]!]!.site.file.source.path}.`
      : `This recommendation is nearly the same as ${others.length} others (in ${count(new Set(others.map((i) => entries[i]!.site.file.source.path)).size, 'file')}).`;
    ctx.report('near-duplicate', 'warning', at.site, 'value', message,
      first.id
        ? `If it repeats that recommendation, add “same_as: ${first.id}” so they are consolidated as one; otherwise reword it.`
        : 'If it repeats that recommendation, give that one an id and add `same_as:` here so they are consolidated as one; otherwise reword it.',
      related);
  }
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function similarity(a: string, b: string): number {
  return jaccard(shingles(a), shingles(b));
}

/**
 * Union-find over same_as links: entries in one group are one consolidated recommendation. Entries
 * with the same id are one group too: the same recommendation written twice (a session file
 * copied), which duplicate-id reports; a same_as between them would point one at itself.
 */
function sameAsGroups(entries: ReadonlyArray<{ id?: string; meant?: readonly string[]; sameAs?: string }>): (index: number) => number {
  const parent = entries.map((_, i) => i);
  // Iterative (path halving): a same_as chain thousands of links long must not overflow the stack.
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  const byId = new Map<string, number>();
  entries.forEach((entry, i) => {
    if (entry.id === undefined) return;
    const first = byId.get(entry.id);
    if (first === undefined) byId.set(entry.id, i);
    else parent[find(i)] = find(first);
  });
  // An id that is not valid (its own error) still says which recommendation a same_as names, unless a valid one has it.
  entries.forEach((entry, i) => entry.meant?.forEach((id) => {
    if (!byId.has(id)) byId.set(id, i);
  }));
  entries.forEach((entry, i) => {
    const target = entry.sameAs === undefined ? undefined : byId.get(entry.sameAs);
    if (target !== undefined) parent[find(i)] = find(target);
  });
  return find;
}
