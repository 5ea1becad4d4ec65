import { distance } from 'fastest-levenshtein';
import type { RuleContext, Site } from '../context.js';

/** Free-text organizations are allowed, but `unoct-rabt` is almost surely the id `unoct-rabat`. */
export function checkOrganizationTypos(ctx: RuleContext): void {
  if (!ctx.knowsAll('organizers')) return;
  const ids = [...ctx.organizationIds];
  const check = (organization: string | undefined, site: Site) => {
    if (organization === undefined || ctx.organizationIds.has(organization)) return;
    const near = ids.map((id) => ({ id, d: distance(organization, id) })).filter(({ d }) => d <= 2).sort((a, b) => a.d - b.d)[0]?.id;
    if (near) {
      ctx.report('organization-typo', 'warning', site, 'value', `“${organization}” is not an organization id, but is close to “${near}”.`,
        `Did you mean “${near}”? Free text is shown as written; an id is shown as the organization's name.`);
    }
  };
  for (const session of ctx.project.sessions) {
    for (const key of ['chairs', 'speakers'] as const) {
      session.data[key]?.forEach((person, index) => check(person.organization, { file: session.file, path: [key, index, 'organization'] }));
    }
    check(session.data.rapporteur?.organization, { file: session.file, path: ['rapporteur', 'organization'] });
  }
}
