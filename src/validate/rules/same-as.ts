import type { RuleContext, Site } from '../context.js';

/** same_as chains must end somewhere, and their members should share the theme of that end. */
export function checkSameAs(ctx: RuleContext): void {
  const sites = ctx.recommendationSites;
  const reported = new Set<string>();
  for (const session of ctx.project.sessions) {
    session.data.recommendations?.forEach((rec, index) => {
      if (rec.same_as === undefined || !sites.has(rec.same_as)) return;
      const site: Site = { file: session.file, path: ['recommendations', index, 'same_as'] };
      const chain: string[] = rec.id === undefined ? [] : [rec.id];
      let current: string | undefined = rec.same_as;
      while (current !== undefined && !chain.includes(current)) {
        chain.push(current);
        current = sites.get(current)?.sameAs;
      }
      if (current !== undefined) {
        const loop = chain.slice(chain.indexOf(current));
        const key = [...loop].sort().join(' ');
        if (reported.has(key) || !loop.includes(rec.id ?? '')) return;
        reported.add(key);
        const related = loop.filter((id) => id !== rec.id).map((id) => ({ site: { ...sites.get(id)!, path: [...sites.get(id)!.path, 'same_as'] }, message: `“${id}” is part of the loop` }));
        ctx.report('same-as-loop', 'error', site, 'value',
          loop.length === 1 ? `The recommendation “${rec.id}” says it is the same as itself.` : `same_as links go round in a loop: ${[...loop, current].join(' → ')}.`,
          'same_as points from a repeated recommendation to the one it repeats; one recommendation of the group must have no same_as.',
          related);
        return;
      }
      const end = sites.get(chain[chain.length - 1]!)!;
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
