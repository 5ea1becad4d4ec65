import { LIMITS } from '../../limits.js';
import { relatedPlaces, type RuleContext, type Site } from '../context.js';

type Part = 'value' | 'mapping-start';

/**
 * Duplicate session, recommendation, organization and theme ids: one error per repeated id, at its
 * second use, naming the first (and the later ones, at most LIMITS.relatedLocations of them).
 */
export function checkDuplicateIds(ctx: RuleContext): void {
  const { workshop, sessions } = ctx.project;
  const orgs = new Ids('organization');
  const orgLists = [['organizers', workshop.data.organizers ?? []], ['partners', workshop.data.partners ?? []]] as const;
  for (const [key, list] of orgLists) {
    list.forEach((org, index) => orgs.add(org.id, { file: workshop.file, path: [key, index, 'id'] }));
  }
  const themes = new Ids('theme');
  workshop.data.themes?.forEach((theme, index) => themes.add(theme.id, { file: workshop.file, path: ['themes', index, 'id'] }));

  const sessionIds = new Ids('session', ' A session without an id takes its file name.');
  const recs = new Ids('recommendation');
  const actions = new Ids('action');
  // A session file that repeats another whole is said once, in it (repeated-session): its ids are the other's.
  for (const session of sessions.filter((one) => !ctx.sessionCopies.has(one.file))) {
    const site: Site = { file: session.file, path: session.data.id === undefined ? [] : ['id'] };
    sessionIds.add(session.id, site, session.data.id === undefined ? 'mapping-start' : 'value');
    session.data.recommendations?.forEach((rec, index) => {
      if (rec.id !== undefined) recs.add(rec.id, { file: session.file, path: ['recommendations', index, 'id'] });
    });
    session.data.actions?.forEach((action, index) => {
      if (action.id !== undefined) actions.add(action.id, { file: session.file, path: ['actions', index, 'id'] });
    });
  }
  for (const ids of [orgs, themes, sessionIds, recs, actions]) ids.report(ctx);
}

/** Where each id of one kind is used, in reading order. */
class Ids {
  private readonly uses = new Map<string, Array<{ site: Site; part: Part }>>();

  constructor(private readonly kind: string, private readonly note = '') {}

  add(id: string, site: Site, part: Part = 'value'): void {
    const list = this.uses.get(id);
    if (list) list.push({ site, part });
    else this.uses.set(id, [{ site, part }]);
  }

  report(ctx: RuleContext): void {
    for (const [id, uses] of this.uses) {
      if (uses.length < 2) continue;
      const [first, second, ...later] = uses as [{ site: Site }, { site: Site; part: Part }, ...Array<{ site: Site }>];
      const where = first.site.file === second.site.file ? 'earlier in this file' : `in ${first.site.file.source.path}`;
      ctx.report('duplicate-id', 'error', second.site, second.part,
        `The ${this.kind} id “${id}” is already used ${where}${later.length ? `, and ${later.length} more ${later.length === 1 ? 'time' : 'times'} after this` : ''}.`,
        `Ids must be unique across the workshop: rename ${later.length ? 'all but one' : 'one'} of them.${this.note}`,
        [{ site: first.site, message: 'first use of this id' }, ...relatedPlaces(later.map((use) => use.site), 'another use', LIMITS.relatedLocations - 1)]);
    }
  }
}
