import type { RuleContext } from '../context.js';

/** A beneficiary nobody wrote about is usually a forgotten file or a wrong code. */
export function checkMentions(ctx: RuleContext): void {
  // A mention may be in what was left out.
  if (ctx.gaps.unreadFiles || ctx.gaps.notesLeftOut || ctx.gaps.anyLeftOut) return;
  const mentioned = new Set<string>(ctx.project.countries.flatMap((country) => country.data.country ?? []));
  for (const { data } of ctx.project.sessions) {
    for (const code of Object.keys(data.country_notes ?? {})) mentioned.add(code);
    for (const speaker of data.speakers ?? []) if (speaker.country) mentioned.add(speaker.country);
    for (const rec of data.recommendations ?? []) for (const target of rec.addressed_to ?? []) mentioned.add(target);
    for (const action of data.actions ?? []) {
      mentioned.add(action.owner);
      for (const code of action.countries ?? []) mentioned.add(code);
    }
  }
  const { workshop } = ctx.project;
  workshop.data.countries?.forEach((code, index) => {
    if (!mentioned.has(code) && ctx.table.has(code)) {
      ctx.report('unmentioned-country', 'warning', { file: workshop.file, path: ['countries', index] }, 'value',
        `No session or country file mentions ${ctx.table.name(code, 'en')} (${code}).`,
        `Add notes for ${code} under a session's country_notes, or a countries/${code}.yaml file; its country brief would otherwise be nearly empty.`);
    }
  });
}
