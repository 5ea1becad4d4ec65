import type { RuleContext, Site } from '../context.js';

type Resolution = { end: string } | { loop: string[] };

/**
 * same_as chains must end somewhere, and their members should share the theme of that end. Each id's
 * chain is followed once (memoized), so a chain of n recommendations costs n steps, not n² or n³.
 */
export function checkSameAs(ctx: RuleContext): void {
  const sites = ctx.recommendationSites;
  const resolve = chainResolver((id) => {
    const next = sites.get(id)?.sameAs;
    return next !== undefined && sites.has(next) ? next : undefined;
  });
  const reported = new Set<string>();
  for (const session of ctx.project.sessions) {
    session.data.recommendations?.forEach((rec, index) => {
      if (rec.same_as === undefined || !sites.has(rec.same_as)) return;
      const site: Site = { file: session.file, path: ['recommendations', index, 'same_as'] };
      const resolution = resolve(rec.same_as);
      if ('loop' in resolution) {
        const at = rec.id === undefined ? -1 : resolution.loop.indexOf(rec.id);
        const key = [...resolution.loop].sort().join(' ');
        if (at === -1 || reported.has(key)) return;
        reported.add(key);
        const loop = [...resolution.loop.slice(at), ...resolution.loop.slice(0, at)];
        const related = loop.filter((id) => id !== rec.id).map((id) => ({ site: { ...sites.get(id)!, path: [...sites.get(id)!.path, 'same_as'] }, message: `“${id}” is part of the loop` }));
        ctx.report('same-as-loop', 'error', site, 'value',
          loop.length === 1 ? `The recommendation “${rec.id}” says it is the same as itself.` : `same_as links go round in a loop: ${[...loop, loop[0]].join(' → ')}.`,
          'same_as points from a repeated recommendation to the one it repeats; one recommendation of the group must have no same_as.',
          related);
        return;
      }
      const end = sites.get(resolution.end)!;
      const themes = new Set(ctx.project.workshop.data.themes?.map((theme) => theme.id));
      if (end.theme !== rec.theme && themes.has(end.theme) && themes.has(rec.theme)) {
        ctx.report('same-as-theme', 'warning', site, 'value',
          `This recommendation has theme “${rec.theme}” but the one it is the same as has “${end.theme}”.`,
          `The consolidated recommendation takes the theme “${end.theme}” of the end of the same_as chain; give both the same theme.`,
          [{ site: { ...end, path: [...end.path, 'theme'] }, message: 'theme of the end of the chain' }]);
      }
    });
  }
}

/**
 * Where following `next` from an id leads: the last id of the chain, or the loop it runs into (ids
 * leading into a loop get that loop). Each id is followed once over all calls.
 */
export function chainResolver(next: (id: string) => string | undefined): (start: string) => Resolution {
  const resolved = new Map<string, Resolution>();
  return (start) => {
    const path: string[] = [];
    const position = new Map<string, number>();
    let current = start;
    let result: Resolution;
    for (;;) {
      const known = resolved.get(current);
      if (known) {
        result = known;
        break;
      }
      const seen = position.get(current);
      if (seen !== undefined) {
        result = { loop: path.slice(seen) };
        break;
      }
      position.set(current, path.length);
      path.push(current);
      const following = next(current);
      if (following === undefined) {
        result = { end: current };
        break;
      }
      current = following;
    }
    for (const id of path) resolved.set(id, result);
    return result;
  };
}
