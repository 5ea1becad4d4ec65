import type { CheckedSession } from '../validate/index.js';

/** FORMAT.md's session order: date, then `order` (sessions without one last), then file name. */
export function sortSessions(sessions: readonly CheckedSession[]): CheckedSession[] {
  return [...sessions].sort((a, b) =>
    compare(a.data.date, b.data.date)
    || compareOrder(a.data.order, b.data.order)
    || compare(a.file.source.path, b.file.source.path));
}

function compareOrder(a: number | undefined, b: number | undefined): number {
  if (a === undefined) return b === undefined ? 0 : 1;
  if (b === undefined) return -1;
  return a - b;
}

/** Code-point comparison: never the machine's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const PRIORITY_RANK = { high: 0, medium: 1, low: 2 } as const;
