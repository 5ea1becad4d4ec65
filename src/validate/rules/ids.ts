import type { RuleContext, Site } from '../context.js';

/** Duplicate session, recommendation, organization and theme ids: reported at the second, naming the first. */
export function checkDuplicateIds(ctx: RuleContext): void {
  const { workshop, sessions } = ctx.project;
  const orgs = new Map<string, Site>();
  const orgLists = [['organizers', workshop.data.organizers ?? []], ['partners', workshop.data.partners ?? []]] as const;
  for (const [key, list] of orgLists) {
    list.forEach((org, index) => claim(ctx, orgs, org.id, { file: workshop.file, path: [key, index, 'id'] }, 'organization'));
  }
  const themes = new Map<string, Site>();
  workshop.data.themes?.forEach((theme, index) => claim(ctx, themes, theme.id, { file: workshop.file, path: ['themes', index, 'id'] }, 'theme'));

  const sessionIds = new Map<string, Site>();
  const recs = new Map<string, Site>();
  for (const session of sessions) {
    const site: Site = { file: session.file, path: session.data.id === undefined ? [] : ['id'] };
    claim(ctx, sessionIds, session.id, site, 'session', session.data.id === undefined ? 'mapping-start' : 'value');
    session.data.recommendations?.forEach((rec, index) => {
      if (rec.id !== undefined) claim(ctx, recs, rec.id, { file: session.file, path: ['recommendations', index, 'id'] }, 'recommendation');
    });
  }
}

function claim(ctx: RuleContext, seen: Map<string, Site>, id: string, site: Site, kind: string, part: 'value' | 'mapping-start' = 'value'): void {
  const first = seen.get(id);
  if (!first) {
    seen.set(id, site);
    return;
  }
  const where = first.file === site.file ? 'earlier in this file' : `in ${first.file.source.path}`;
  ctx.report('duplicate-id', 'error', site, part, `The ${kind} id “${id}” is already used ${where}.`,
    `Ids must be unique across the workshop: rename one of them.${kind === 'session' ? ' A session without an id takes its file name.' : ''}`,
    [{ site: first, message: 'first use of this id' }]);
}
