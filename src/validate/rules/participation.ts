import type { RuleContext } from '../context.js';

/**
 * Women no more than the total; and each country or group once: a country's brief shows one entry
 * (a second one's people were left out of it while the report's table counted both).
 */
export function checkParticipation(ctx: RuleContext): void {
  const { workshop } = ctx.project;
  const seen = new Map<string, number>();
  workshop.data.participation?.forEach((entry, index) => {
    const key = entry.country !== undefined ? `country ${entry.country}` : `group ${entry.group ?? ''}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, index);
    else {
      const field = key.startsWith('country') ? 'country' : 'group';
      ctx.report('duplicate-id', 'error', { file: workshop.file, path: ['participation', index, field] }, 'value',
        `${key.startsWith('country') ? 'This country' : 'This group'} is already in the participation list, earlier in this file: its brief would show one entry only, the report's table both.`,
        'Give each country or group one entry, its total counting everyone; if this line is another country, fix its code.',
        [{ site: { file: workshop.file, path: ['participation', first, field] }, message: 'first entry' }]);
    }
    if (entry.women !== undefined && entry.women > entry.total) {
      ctx.report('women-exceed-total', 'error', { file: workshop.file, path: ['participation', index, 'women'] }, 'value',
        `${entry.women} women is more than the ${entry.total} participants in total.`,
        '`total` counts everyone (women and men); `women` is part of it.',
        [{ site: { file: workshop.file, path: ['participation', index, 'total'] }, message: 'total' }]);
    }
  });
}
