import type { RuleContext, Site } from '../context.js';
import { findSimilarPairs, shingles } from '../near-duplicates.js';

/** Recommendations that say the same thing but are not linked by same_as would be counted twice. */
export function checkNearDuplicates(ctx: RuleContext): void {
  const entries: Array<{ site: Site; id?: string; sameAs?: string; group: string }> = [];
  const texts: Set<string>[] = [];
  for (const session of ctx.project.sessions) {
    session.data.recommendations?.forEach((rec, index) => {
      entries.push({ site: { file: session.file, path: ['recommendations', index, 'text'] }, ...(rec.id ? { id: rec.id } : {}), ...(rec.same_as ? { sameAs: rec.same_as } : {}), group: '' });
      texts.push(shingles(rec.text));
    });
  }
  const groupOf = sameAsGroups(entries);
  for (const { a, b, similarity } of findSimilarPairs(texts)) {
    if (groupOf(a) === groupOf(b)) continue;
    const first = entries[a]!;
    const second = entries[b]!;
    ctx.report('near-duplicate', 'warning', second.site, 'value',
      `This recommendation is nearly the same (${Math.round(similarity * 100)}% similar) as one in ${first.site.file.source.path}.`,
      first.id
        ? `If it repeats that recommendation, add “same_as: ${first.id}” so they are consolidated as one; otherwise reword it.`
        : 'If it repeats that recommendation, give that one an id and add `same_as:` here so they are consolidated as one; otherwise reword it.',
      [{ site: first.site, message: 'the similar recommendation' }]);
  }
}

/** Union-find over same_as links: entries in one group are one consolidated recommendation. */
function sameAsGroups(entries: ReadonlyArray<{ id?: string; sameAs?: string }>): (index: number) => number {
  const parent = entries.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const byId = new Map<string, number>();
  entries.forEach((entry, i) => { if (entry.id !== undefined && !byId.has(entry.id)) byId.set(entry.id, i); });
  entries.forEach((entry, i) => {
    const target = entry.sameAs === undefined ? undefined : byId.get(entry.sameAs);
    if (target !== undefined) parent[find(i)] = find(target);
  });
  return find;
}
