import { relatedPlaces, type RuleContext } from '../context.js';

/** ISO dates compare correctly as strings once the schema has checked their form. */
export function checkDates(ctx: RuleContext): void {
  const { workshop, sessions } = ctx.project;
  if (!workshop.data.dates) return;
  const { start, end } = workshop.data.dates;
  if (start > end) {
    ctx.report('date-range', 'error', { file: workshop.file, path: ['dates', 'start'] }, 'value',
      `The workshop starts (${start}) after it ends (${end}).`, 'Check dates.start and dates.end: start must be on or before end.',
      [{ site: { file: workshop.file, path: ['dates', 'end'] }, message: 'end date' }]);
    return;
  }
  // Every session outside the workshop's dates (two or more): the workshop's dates are the likely
  // mistake (a year typed wrong), one error there, rather than one per session.
  const allOutside = ctx.workshopDatesInDoubt;
  // While they are in doubt, other dates are judged against the sessions' own span.
  const judged = ctx.datesToJudgeBy!;
  if (allOutside) {
    const dated = sessions.filter((session) => session.data.date !== undefined);
    ctx.report('session-outside-dates', 'error', { file: workshop.file, path: ['dates'] }, 'key',
      `None of the ${dated.length} dated sessions falls within the workshop dates (${start} to ${end}): they run from ${judged.start} to ${judged.end}.`,
      'Check the workshop dates here (the year?), or the sessions\' dates.',
      relatedPlaces(dated.map((session) => ({ file: session.file, path: ['date'] })), 'a session\'s date'));
  }
  for (const session of sessions) {
    const date = session.data.date;
    if (!allOutside && date !== undefined && (date < start || date > end)) {
      ctx.report('session-outside-dates', 'error', { file: session.file, path: ['date'] }, 'value',
        `The session date ${date} is outside the workshop dates (${start} to ${end}).`,
        'Check the date, or the workshop dates in workshop.yaml.');
    }
    session.data.actions?.forEach((action, index) => {
      const last = judged.end;
      if (action.due !== undefined && action.due < last) {
        ctx.report('action-due-early', 'warning', { file: session.file, path: ['actions', index, 'due'] }, 'value',
          allOutside ? `This action is due on ${action.due}, before the last session (${last}).` : `This action is due on ${action.due}, before the workshop ends (${end}).`,
          'Follow-up actions are due after the workshop; check the year and month.');
      }
    });
  }
}
