import type { Priority, RecommendationNotes } from '../notes/types.js';
import type { CheckedSession } from '../validate/index.js';
import { PRIORITY_RANK } from './order.js';

/** One recommendation as written, with where it was written. */
export interface Occurrence {
  rec: RecommendationNotes;
  sessionIndex: number;
  position: number;
}

/** Recommendations linked by same_as, as one: FORMAT.md's consolidation rules. */
export interface Group {
  /** The end of the chain: its text and theme are the group's. */
  root: Occurrence;
  members: Occurrence[];
  priority: Priority;
  first: Occurrence;
}

/** Groups every recommendation of the (ordered) sessions by following same_as to its end. */
export function groupRecommendations(sessions: ReadonlyArray<{ data: Pick<Partial<CheckedSession['data']>, 'recommendations'> }>): Group[] {
  const occurrences: Occurrence[] = sessions.flatMap((session, sessionIndex) =>
    (session.data.recommendations ?? []).map((rec, position) => ({ rec, sessionIndex, position })));
  const byId = new Map<string, Occurrence>();
  for (const occurrence of occurrences) if (occurrence.rec.id !== undefined) byId.set(occurrence.rec.id, occurrence);

  const rootOf = (occurrence: Occurrence): Occurrence => {
    const seen = new Set<Occurrence>();
    let current = occurrence;
    // Validation has rejected loops; the guard keeps a bad input from hanging here anyway.
    while (current.rec.same_as !== undefined && !seen.has(current)) {
      seen.add(current);
      const next = byId.get(current.rec.same_as);
      if (!next) break;
      current = next;
    }
    return current;
  };

  const groups = new Map<Occurrence, Occurrence[]>();
  for (const occurrence of occurrences) {
    const root = rootOf(occurrence);
    groups.set(root, [...(groups.get(root) ?? []), occurrence]);
  }
  return [...groups].map(([root, members]) => ({
    root,
    members,
    first: members[0]!,
    priority: members.map((m) => m.rec.priority ?? 'medium').sort((a, b) => PRIORITY_RANK[a] - PRIORITY_RANK[b])[0]!,
  }));
}

/** Themes in workshop order, then priority, then where the group first appears. */
export function sortGroups(groups: Group[], themeOrder: readonly string[]): Group[] {
  const themeRank = (group: Group) => themeOrder.indexOf(group.root.rec.theme);
  return [...groups].sort((a, b) =>
    themeRank(a) - themeRank(b)
    || PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority]
    || a.first.sessionIndex - b.first.sessionIndex
    || a.first.position - b.first.position);
}
