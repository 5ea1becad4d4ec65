import type { DataPath } from '../load/index.js';

/**
 * A value written after a sign of another notation (`type: = plenary`, `order: -> 2`): the sign, and
 * the value meant without it, when that value is one the key takes (`fits`).
 */
export function signBefore(value: unknown, fits: (meant: unknown) => boolean): { sign: string; meant: string } | undefined {
  if (typeof value !== 'string') return undefined;
  const written = /^(:=|=>|->|=|:)[ \t]+(\S.*)$/.exec(value);
  if (!written) return undefined;
  const meant = written[2]!;
  return fits(meant) || fits(Number(meant)) ? { sign: written[1]!, meant } : undefined;
}

/** What to write instead: `Remove the “=”: write “type: plenary”.` (the key from the value's path). */
export function signHint(path: DataPath, found: { sign: string; meant: string }): string {
  const key = path[path.length - 1];
  return `Remove the “${found.sign}”: write “${typeof key === 'number' ? '-' : `${key}:`} ${found.meant}”.`;
}
