import type { Language } from '../notes/types.js';

const MONTHS: Record<Language, readonly string[]> = {
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
  fr: ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'],
};

interface Parts {
  year: number;
  month: number;
  day: number;
}

/** Dates are calendar dates (YYYY-MM-DD), never instants: no time zone, no machine locale. */
function parts(iso: string): Parts {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

function dayText(day: number, language: Language): string {
  return language === 'fr' && day === 1 ? '1er' : String(day);
}

/** "13 May 2022", "1er mai 2022". */
export function formatDate(iso: string, language: Language): string {
  const { year, month, day } = parts(iso);
  return `${dayText(day, language)} ${MONTHS[language][month - 1]} ${year}`;
}

/** "9 May", "9 mai": for tables where the year is obvious. */
export function formatDayMonth(iso: string, language: Language): string {
  const { month, day } = parts(iso);
  return `${dayText(day, language)} ${MONTHS[language][month - 1]}`;
}

/**
 * A date range. `compact` (tables, headings): "9–13 May 2022"; `prose` (running text) differs in
 * French: "du 9 au 13 mai 2022".
 */
export function formatDateRange(start: string, end: string, language: Language, style: 'compact' | 'prose' = 'compact'): string {
  if (start === end) return formatDate(start, language);
  const a = parts(start);
  const b = parts(end);
  const month = (p: Parts) => MONTHS[language][p.month - 1];
  if (language === 'fr' && style === 'prose') {
    const from = a.year !== b.year ? formatDate(start, language) : a.month !== b.month ? `${dayText(a.day, language)} ${month(a)}` : dayText(a.day, language);
    return `du ${from} au ${formatDate(end, language)}`;
  }
  if (a.year !== b.year) return `${formatDate(start, language)} – ${formatDate(end, language)}`;
  if (a.month !== b.month) return `${dayText(a.day, language)} ${month(a)} – ${formatDate(end, language)}`;
  return `${dayText(a.day, language)}–${formatDate(end, language)}`;
}
