import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate } from '../load/index.js';
import { sameAsElsewhere } from '../notes/same-as.js';
import type { CheckedProject } from './index.js';
import { suggest } from './suggest.js';

/** A workshop of a programme: its id there (folder name) and its checked notes, absent when they failed their schema. */
export interface ProgrammeMember {
  id: string;
  project?: CheckedProject;
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
  const idsOf = new Map(members.map((member) => [member.id, member.project ? recommendationIds(member.project) : undefined]));
  return members.map((member) => {
    const diagnostics: Diagnostic[] = [];
    for (const session of member.project?.sessions ?? []) {
      session.data.recommendations?.forEach((rec, index) => {
        const ref = rec.same_as === undefined ? undefined : sameAsElsewhere(rec.same_as);
        if (!ref) return;
        const report = (code: Diagnostic['code'], severity: Diagnostic['severity'], message: string, hint: string) =>
          diagnostics.push({ code, severity, stage: 'validate', message, hint, location: locate(session.file, ['recommendations', index, 'same_as'], 'value') });
        if (!idsOf.has(ref.workshop)) {
          const near = suggest(ref.workshop, idsOf.keys());
          report('unknown-programme-recommendation', 'error', `“${ref.workshop}” is not a workshop of the programme.`,
            near !== undefined ? `Did you mean “${near}:${ref.id}”?` : `Name a workshop by its folder name as programme.yaml lists it: ${[...idsOf.keys()].join(', ')}.`);
          return;
        }
        const ids = idsOf.get(ref.workshop);
        if (ids === undefined) return;
        if (!ids.has(ref.id)) {
          const near = suggest(ref.id, ids);
          report('unknown-programme-recommendation', 'error', `${ref.workshop} has no recommendation “${ref.id}”.`,
            near !== undefined ? `Did you mean “${ref.workshop}:${near}”?` : `Give the id of a recommendation of ${ref.workshop}; that recommendation needs an \`id:\`.`);
          return;
        }
        if (ref.workshop === member.id) {
          report('same-as-own-workshop', 'warning', `“${rec.same_as}” names a recommendation of this same workshop: a WORKSHOP:ID same_as links to another workshop and merges nothing.`,
            `Write “same_as: ${ref.id}” to consolidate them as one recommendation.`);
        }
      });
    }
    return diagnostics;
  });
}

function recommendationIds(project: CheckedProject): Set<string> {
  return new Set(project.sessions.flatMap((session) => (session.data.recommendations ?? []).flatMap((rec) => rec.id ?? [])));
}
