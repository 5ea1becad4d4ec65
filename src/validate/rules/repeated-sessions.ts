import type { RuleContext } from '../context.js';

/**
 * A session file that repeats another whole (copied in the file manager: `01-opening - Copy.yaml`,
 * `01-opening (2).yaml`) put that session in the report twice without a word. One diagnostic, in
 * the copy (see RuleContext.sessionCopies), naming the file it repeats. An error when the copy holds
 * ids (the session's own, its recommendations' or actions'): they are each used twice, and a build
 * would number and link them wrong; the duplicate-id errors between the two are this one. Else a warning.
 */
export function checkRepeatedSessions(ctx: RuleContext): void {
  for (const session of ctx.project.sessions) {
    const original = ctx.sessionCopies.get(session.file);
    if (!original) continue;
    const { data } = session;
    const ids = [
      ...(data.id !== undefined ? [data.id] : []),
      ...(data.recommendations ?? []).flatMap((rec) => rec.id ?? []),
      ...(data.actions ?? []).flatMap((action) => action.id ?? []),
    ];
    const shown = ids.slice(0, 3).map((id) => `“${id}”`).join(', ') + (ids.length > 3 ? ` and ${ids.length - 3} more` : '');
    const related = [{ site: { file: original, path: [] }, part: 'mapping-start' as const, message: 'the session file it repeats' }];
    if (ids.length > 0) {
      ctx.report('repeated-session', 'error', { file: session.file, path: [] }, 'mapping-start',
        `This file repeats ${original.source.path} whole, ids and all: its session would be in the report twice, and ${ids.length === 1 ? 'its id' : 'its ids'} (${shown}) used twice.`,
        `Delete ${session.file.source.path} if it is a copy; if it is meant as another session, write that session's notes in it, with ids of its own.`,
        related);
    } else {
      ctx.report('repeated-session', 'warning', { file: session.file, path: [] }, 'mapping-start',
        `This file repeats ${original.source.path} whole: its session would be in the report twice.`,
        `Delete ${session.file.source.path} if it is a copy; if it is meant as another session, write that session's notes in it.`,
        related);
    }
  }
}
