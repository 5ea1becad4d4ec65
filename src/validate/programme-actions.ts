import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { ProgrammeFacts } from './programme-same-as.js';

/** A workshop of a programme, for `idsElsewhere`: its id (folder name), folder and facts. */
export interface ActionOwner {
  id: string;
  dir: string;
  facts?: ProgrammeFacts | undefined;
}

/**
 * A follow-up report that names an action or a recommendation of another workshop of the programme
 * (saved in the wrong workshop's follow-up/): each `unknown-action` or `unknown-recommendation` error
 * of a follow-up update (one that carries the id, `actual`) naming such an id gets a hint saying whose
 * it is and where the report belongs (`../rabat-2022/follow-up/`), where it only said to use one of
 * this workshop. What the workshop alone said is kept when it said more: its "Did you mean" (an id
 * of its own, one letter away) is kept after it; one naming an `id:` of its own that is not valid
 * (with a `see:` there) is left as it is. Returns each workshop's diagnostics, in the order given (the
 * same array when nothing changes). Pure.
 */
export function idsElsewhere<T extends { diagnostics: Diagnostic[] }>(members: readonly ActionOwner[], checked: readonly T[]): T[] {
  return checked.map((own, index) => {
    const member = members[index]!;
    let changed = false;
    const diagnostics = own.diagnostics.map((d) => {
      const kind = d.code === 'unknown-action' ? 'action' : d.code === 'unknown-recommendation' ? 'recommendation' : undefined;
      const id = kind === undefined || d.related?.length ? undefined : d.actual;
      if (kind === undefined || id === undefined) return d;
      const ids = (facts: ProgrammeFacts | undefined) => (kind === 'action' ? facts?.actionIds : facts?.recommendationIds);
      if (ids(member.facts)?.includes(id)) return d;
      const owner = members.find((other) => other !== member && ids(other.facts)?.includes(id));
      if (!owner) return d;
      changed = true;
      const folder = `${path.relative(member.dir, owner.dir).split(path.sep).join('/')}/follow-up/`;
      const near = d.hint?.startsWith('Did you mean ') ? `: d${d.hint.slice(1)}` : '.';
      return { ...d, hint: `“${id}” is ${kind === 'action' ? 'an action' : 'a recommendation'} of ${owner.id}: this report belongs in ${folder} (move it there), or name ${kind === 'action' ? 'an action' : 'a recommendation'} of this workshop${near}` };
    });
    return changed ? { ...own, diagnostics } : own;
  });
}

/** What an action without an id costs in a programme: its calendar entry's UID is its label. */
const CALENDAR_UID = 'its task\'s UID in the programme\'s actions.ics is its number (A1, A2…), which changes when actions are renumbered (one added or removed before it): a calendar that imported an earlier build then duplicates the task, or mixes it up with another.';

/**
 * `action-without-id` in a programme: its build exports every action of every workshop to
 * actions.ics, whose UID for an action without an id is its label, renumbered when actions are
 * added or removed (re-importing duplicated tasks). Each such action (not restricted: the programme
 * shows none) gets the warning, at the action, with the id its workshop's rule would suggest; where
 * that rule already gave it (the workshop has follow-up reports), its message says both. Returns each
 * workshop's diagnostics, in the order given (the same object when nothing changes). Pure.
 */
export function actionsWithoutCalendarId<T extends { diagnostics: Diagnostic[] }>(members: readonly ActionOwner[], checked: readonly T[]): T[] {
  return checked.map((own, index) => {
    const unnamed = members[index]!.facts?.actionsWithoutId ?? [];
    if (unnamed.length === 0) return own;
    const at = (d: Diagnostic, location: Location) => d.location?.file === location.file && d.location.start.offset === location.start.offset;
    const said = own.diagnostics.filter((d) => d.code === 'action-without-id');
    const diagnostics = own.diagnostics.map((d) => (d.code === 'action-without-id' && unnamed.some((action) => at(d, action.location)) ? { ...d, message: `This action has no id, so follow-up reports cannot refer to it, and ${CALENDAR_UID}` } : d));
    for (const action of unnamed) {
      if (said.some((d) => at(d, action.location))) continue;
      diagnostics.push({ code: 'action-without-id', severity: 'warning', stage: 'validate', message: `This action has no id, so ${CALENDAR_UID}`, hint: `Give it one, e.g. \`id: ${action.id}\`.`, location: action.location });
    }
    return { ...own, diagnostics };
  });
}
