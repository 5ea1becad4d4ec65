import type { RuleContext } from '../context.js';

export function checkParticipation(ctx: RuleContext): void {
  const { workshop } = ctx.project;
  workshop.data.participation?.forEach((entry, index) => {
    if (entry.women !== undefined && entry.women > entry.total) {
      ctx.report('women-exceed-total', 'error', { file: workshop.file, path: ['participation', index, 'women'] }, 'value',
        `${entry.women} women is more than the ${entry.total} participants in total.`,
        '`total` counts everyone (women and men); `women` is part of it.',
        [{ site: { file: workshop.file, path: ['participation', index, 'total'] }, message: 'total' }]);
    }
  });
}
