import type { RuleContext } from '../context.js';

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
  for (const session of sessions) {
    const date = session.data.date;
    if (date !== undefined && (date < start || date > end)) {
      ctx.report('session-outside-dates', 'error', { file: session.file, path: ['date'] }, 'value',
        `The session date ${date} is outside the workshop dates (${start} to ${end}).`,
        'Check the date, or the workshop dates in workshop.yaml.');
    }
    session.data.actions?.forEach((action, index) => {
      if (action.due !== undefined && action.due < end) {
        ctx.report('action-due-early', 'warning', { file: session.file, path: ['actions', index, 'due'] }, 'value',
          `This action is due on ${action.due}, before the workshop ends (${end}).`,
          'Follow-up actions are due after the workshop; check the year and month.');
      }
    });
  }
}
