import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { locate } from '../load/index.js';
import { sameAsElsewhere } from '../notes/same-as.js';
import type { CheckedProject } from './index.js';
import { actionsWithoutId } from './rules/follow-up.js';
import { suggest } from './suggest.js';

/**
 * What the programme's rules need of a workshop, as plain data (a worker thread posts it, a cache
 * keeps it with the workshop's verdict): its recommendations' and actions' ids, its actions without
 * one, and each `same_as: WORKSHOP:ID` it writes, located.
 */
export interface ProgrammeFacts {
  recommendationIds: string[];
  /** Its actions' ids (a follow-up report of another workshop that names one was saved in the wrong folder). */
  actionIds?: string[];
  /**
   * Its actions without an id that the programme exports (not restricted, nor in a restricted
   * session): where each is, and the id `action-without-id` suggests (see actionsWithoutCalendarId).
   */
  actionsWithoutId?: Array<{ id: string; location: Location }>;
  links: Array<{ value: string; workshop: string; id: string; location: Location }>;
}

/** A workshop's programme facts, from its checked notes. Pure. */
export function programmeFacts(project: CheckedProject): ProgrammeFacts {
  const links: ProgrammeFacts['links'] = [];
  for (const session of project.sessions) {
    session.data.recommendations?.forEach((rec, index) => {
      const ref = rec.same_as === undefined ? undefined : sameAsElsewhere(rec.same_as);
      if (ref) links.push({ value: rec.same_as!, workshop: ref.workshop, id: ref.id, location: locate(session.file, ['recommendations', index, 'same_as'], 'value') });
    });
  }
  const actionIds = project.sessions.flatMap((session) => (session.data.actions ?? []).flatMap((action) => (action.id === undefined ? [] : [action.id])));
  // (Suggested among all of them, as the workshop's own rule suggests, though a restricted one is in no export.)
  const withoutId = actionsWithoutId(project.sessions).flatMap(({ session, index, id }) => (session.data.restricted === true || session.data.actions?.[index]?.restricted === true ? [] : [{ id, location: locate(session.file, ['actions', index], 'mapping-start') }]));
  return { recommendationIds: [...recommendationIds(project)], actionIds, ...(withoutId.length > 0 ? { actionsWithoutId: withoutId } : {}), links };
}

/** A workshop of a programme: its id there (folder name) and its facts, absent when its notes failed their schema. */
export interface ProgrammeMember {
  id: string;
  facts?: ProgrammeFacts | undefined;
}

/**
 * `same_as: WORKSHOP:ID` across a programme: WORKSHOP must be one of the programme's workshops and ID
 * one of its recommendations (restricted ones too: which edition shows the link is the programme's
 * business, and no text is merged), else `unknown-programme-recommendation` at the value, with the
 * nearest name as a hint. Naming the recommendation's own workshop is `same-as-own-workshop` (a
 * warning: a prefixed same_as never merges). A workshop whose notes failed their schema is not
 * judged, and nothing is said about references into it. Returns each workshop's diagnostics, in
 * the order given. Pure.
 */
export function checkProgrammeSameAs(members: readonly ProgrammeMember[]): Diagnostic[][] {
  const idsOf = new Map(members.map((member) => [member.id, member.facts ? new Set(member.facts.recommendationIds) : undefined]));
  return members.map((member) => {
    const diagnostics: Diagnostic[] = [];
    for (const link of member.facts?.links ?? []) {
      const report = (code: Diagnostic['code'], severity: Diagnostic['severity'], message: string, hint: string) =>
        diagnostics.push({ code, severity, stage: 'validate', message, hint, location: link.location });
      if (!idsOf.has(link.workshop)) {
        const near = suggest(link.workshop, idsOf.keys());
        report('unknown-programme-recommendation', 'error', `“${link.workshop}” is not a workshop of the programme.`,
          near !== undefined ? `Did you mean “${near}:${link.id}”?` : `Name a workshop by its folder name as programme.yaml lists it: ${[...idsOf.keys()].join(', ')}.`);
        continue;
      }
      const ids = idsOf.get(link.workshop);
      if (ids === undefined) continue;
      if (!ids.has(link.id)) {
        const near = suggest(link.id, ids);
        report('unknown-programme-recommendation', 'error', `${link.workshop} has no recommendation “${link.id}”.`,
          near !== undefined ? `Did you mean “${link.workshop}:${near}”?` : `Give the id of a recommendation of ${link.workshop}; that recommendation needs an \`id:\`.`);
        continue;
      }
      if (link.workshop === member.id) {
        report('same-as-own-workshop', 'warning', `“${link.value}” names a recommendation of this same workshop: a WORKSHOP:ID same_as links to another workshop and merges nothing.`,
          `Write “same_as: ${link.id}” to consolidate them as one recommendation.`);
      }
    }
    return diagnostics;
  });
}

function recommendationIds(project: CheckedProject): Set<string> {
  return new Set(project.sessions.flatMap((session) => (session.data.recommendations ?? []).flatMap((rec) => rec.id ?? [])));
}
