import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgrammeFacts } from './programme-same-as.js';

/** A workshop of a programme, for `actionsElsewhere`: its id (folder name), folder and facts. */
export interface ActionOwner {
  id: string;
  dir: string;
  facts?: ProgrammeFacts | undefined;
}

/**
 * A follow-up report that names an action of another workshop of the programme (saved in the wrong
 * workshop's follow-up/): each `unknown-action` error naming such an id gets a hint saying whose
 * action it is and where the report belongs (`../rabat-2022/follow-up/`), where it only said to use
 * an action of this workshop. Returns each workshop's diagnostics, in the order given (the same
 * array when nothing changes). Pure.
 */
export function actionsElsewhere<T extends { diagnostics: Diagnostic[] }>(members: readonly ActionOwner[], checked: readonly T[]): T[] {
  return checked.map((own, index) => {
    const member = members[index]!;
    let changed = false;
    const diagnostics = own.diagnostics.map((d) => {
      const id = d.code === 'unknown-action' ? d.actual : undefined;
      if (id === undefined || member.facts?.actionIds?.includes(id)) return d;
      const owner = members.find((other) => other !== member && other.facts?.actionIds?.includes(id));
      if (!owner) return d;
      changed = true;
      const folder = `${path.relative(member.dir, owner.dir).split(path.sep).join('/')}/follow-up/`;
      return { ...d, hint: `“${id}” is an action of ${owner.id}: this report belongs in ${folder} (move it there), or name an action of this workshop.` };
    });
    return changed ? { ...own, diagnostics } : own;
  });
}
