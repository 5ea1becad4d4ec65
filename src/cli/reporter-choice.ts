import type { Io } from './io.js';

export const REPORTERS = ['pretty', 'json', 'github'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** The reporter `--reporter` chooses (github by default inside GitHub Actions, else pretty), or undefined for a name no reporter has. */
export function reporterOf(options: { reporter?: string }, io: Io): ReporterName | undefined {
  const reporter = options.reporter ?? (io.env.GITHUB_ACTIONS === 'true' ? 'github' : 'pretty');
  return REPORTERS.includes(reporter as ReporterName) ? reporter as ReporterName : undefined;
}
