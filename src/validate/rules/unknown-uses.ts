import type { RuleId, Severity } from '../../diagnostics/diagnostic.js';
import { relatedPlaces, type RuleContext, type Site } from '../context.js';

/**
 * The uses of names that name nothing (a theme, an organization), gathered so that each name is
 * reported once: at its first use, with the others listed (at most LIMITS.relatedLocations). A
 * definition renamed in workshop.yaml is one mistake, not one per use.
 */
export class UnknownUses<Detail = undefined> {
  private readonly uses = new Map<string, { sites: Site[]; detail: Detail }>();

  /** A use of `name`; `detail`: what its message and hint depend on, as at its first use. */
  add(name: string, site: Site, detail: Detail): void {
    const uses = this.uses.get(name);
    if (uses) uses.sites.push(site);
    else this.uses.set(name, { sites: [site], detail });
  }

  /** One diagnostic per name; `message` gets ", and N more places use it" added, `hint` the advice for a renamed definition. */
  report(ctx: RuleContext, code: RuleId, severity: Severity, message: (name: string, detail: Detail) => string, hint: (name: string, detail: Detail) => string, renamed: string): void {
    for (const [name, { sites: [first, ...others], detail }] of this.uses) {
      const uses = others.length ? `, and ${others.length} more ${others.length === 1 ? 'place uses' : 'places use'} it` : '';
      ctx.report(code, severity, first!, 'value', `${message(name, detail)}${uses}.`, others.length ? `${hint(name, detail)} ${renamed}` : hint(name, detail),
        relatedPlaces(others, 'another use'));
    }
  }
}
