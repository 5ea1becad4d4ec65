import { distance } from 'fastest-levenshtein';
import type { RuleContext, Site } from '../context.js';
import { UnknownUses } from './unknown-uses.js';
import { hiddenCharactersHint } from '../hidden-characters.js';

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
  typos.report(ctx, 'organization-typo', 'warning', (organization, near) => organization.trim() === near ? `“${organization}” has a space around it, so it is not the organization id “${near}”`
    : /^[“”„‘’‚«‹]/.test(organization) && organization.slice(1, -1).trim() === near ? `${organization} is in typographic quotes, so it is not the organization id “${near}”`
    : hiddenCharactersHint(organization) ? `“${organization}” holds a character that does not show, so it is not the organization id “${near}”`
    : `“${organization}” is not an organization id, but is close to “${near}”`,
    (organization, near) => `${whatDiffers(organization, near)}Free text is shown as written; an id is shown as the organization's name.`,
    'If an organization\'s id was changed in workshop.yaml, change it back, or give its uses the new id.');
}

/** What sets `written` apart from the id `near` when it looks the same (quotes curled by a word processor, a space), else “Did you mean”. */
function whatDiffers(written: string, near: string): string {
  // (`unc​ct` with a zero-width space: the message quoted what looked like the id itself.)
  const hidden = hiddenCharactersHint(written, near);
  if (hidden) return `${hidden} `;
  if (written.trim() === near) return `Write it without the space${written.length - near.length > 1 ? 's' : ''}: “${near}”. `;
  if (written.slice(1, -1).trim() === near && /^[“”„‘’‚«‹]/.test(written)) return `Its quotes are typographic (${written[0]} ${written[written.length - 1]}), which YAML keeps as part of the text: write ${near} without them. `;
  return `Did you mean “${near}”? `;
}
