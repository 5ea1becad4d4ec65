import type { ParticipationEntry } from '../notes/types.js';
import type { CountryView, ParticipationRow, ParticipationView } from './model.js';

/** Participation rows with men and women's share, and the totals. */
export function participationView(entries: readonly ParticipationEntry[], country: (code: string) => CountryView): ParticipationView {
  const rows: ParticipationRow[] = entries.map((entry) => {
    const c = entry.country === undefined ? undefined : country(entry.country);
    return {
      label: c?.name ?? entry.group ?? '',
      ...(c ? { country: c } : {}),
      ...(entry.group !== undefined ? { group: entry.group } : {}),
      total: entry.total,
      ...(entry.women !== undefined
        ? { women: entry.women, men: entry.total - entry.women, ...(entry.total > 0 ? { women_share: entry.women / entry.total } : {}) }
        : {}),
    };
  });
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  const withGender = rows.filter((row) => row.women !== undefined);
  const women = withGender.reduce((sum, row) => sum + row.women!, 0);
  const genderTotal = withGender.reduce((sum, row) => sum + row.total, 0);
  return {
    rows,
    total,
    women,
    men: genderTotal - women,
    ...(genderTotal > 0 ? { women_share: women / genderTotal } : {}),
    has_gender: withGender.length > 0,
  };
}
