import { distance } from 'fastest-levenshtein';
import type { RuleContext, Site } from '../context.js';
import { UnknownUses } from './unknown-uses.js';

/** Free-text organizations are allowed, but `unoct-rabt` is almost surely the id `unoct-rabat`. */
export function checkOrganizationTypos(ctx: RuleContext): void {
  if (!ctx.knowsAll('organizers')) return;
  const ids = [...ctx.organizationIds];
  // Each name once, at its first use with the others listed (see UnknownUses), with the id it is close to.
  const typos = new UnknownUses<string>();
  const check = (organization: string | undefined, site: Site) => {
    if (organization === undefined || ctx.organizationIds.has(organization)) return;
    const near = ids.map((id) => ({ id, d: distance(organization, id) })).filter(({ d }) => d <= 2).sort((a, b) => a.d - b.d)[0]?.id;
    if (near) typos.add(organization, site, near);
  };
  for (const session of ctx.project.sessions) {
    for (const key of ['chairs', 'speakers'] as const) {
      session.data[key]?.forEach((person, index) => check(person.organization, { file: session.file, path: [key, index, 'organization'] }));
    }
    check(session.data.rapporteur?.organization, { file: session.file, path: ['rapporteur', 'organization'] });
  }
  typos.report(ctx, 'organization-typo', 'warning', (organization, near) => `“${organization}” is not an organization id, but is close to “${near}”`,
    (_organization, near) => `Did you mean “${near}”? Free text is shown as written; an id is shown as the organization's name.`,
    'If an organization\'s id was changed in workshop.yaml, change it back, or give its uses the new id.');
}
