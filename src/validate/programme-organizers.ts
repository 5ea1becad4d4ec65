import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { locate, type ParsedFile } from '../load/index.js';
import { LIMITS } from '../limits.js';
import { relatedPlaces } from './context.js';

/**
 * programme.yaml's organizers with one id (`uncct` twice): a `duplicate-id` error at each id's
 * second use, naming the first (and the later ones, at most LIMITS.relatedLocations in all), as
 * workshop.yaml's duplicate organization ids are said. An organizer without an id (its schema
 * error) is not counted. Pure.
 */
export function duplicateOrganizerIds(file: ParsedFile, organizers: ReadonlyArray<{ id?: unknown } | undefined> | undefined): Diagnostic[] {
  const uses = new Map<string, number[]>();
  organizers?.forEach((org, index) => {
    if (typeof org?.id !== 'string') return;
    uses.set(org.id, [...(uses.get(org.id) ?? []), index]);
  });
  const diagnostics: Diagnostic[] = [];
  for (const [id, [first, second, ...later]] of uses) {
    if (first === undefined || second === undefined) continue;
    const at = (index: number) => locate(file, ['organizers', index, 'id'], 'value');
    diagnostics.push({
      code: 'duplicate-id', severity: 'error', stage: 'validate',
      message: `The organization id “${id}” is already used earlier in this file${later.length ? `, and ${later.length} more ${later.length === 1 ? 'time' : 'times'} after this` : ''}.`,
      hint: `Ids must be unique across the programme's organizers: rename ${later.length ? 'all but one' : 'one'} of them, or remove the repeated organizer${later.length ? 's' : ''}.`,
      location: at(second),
      related: [{ ...at(first), message: 'first use of this id' }, ...relatedPlaces(later.map((index) => ({ file, path: ['organizers', index, 'id'] })), 'another use', LIMITS.relatedLocations - 1).map(({ site, message }) => ({ ...locate(file, site.path, 'value'), message }))],
    });
  }
  return diagnostics;
}
