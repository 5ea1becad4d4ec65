import type { DocumentEntry } from '../notes/types.js';

/** One output document to render: which template, where it goes, for which country. */
export interface DocumentJob {
  name: string;
  template: string;
  /** Relative to the output folder, without extension: `report`, `countries/MLI`. */
  path: string;
  country?: string;
}

export const DEFAULT_DOCUMENTS: DocumentEntry[] = ['report', 'recommendations', 'country-briefs', 'follow-up'];

/**
 * Expands report.documents (built-in names and custom entries) into one job per file. `follow-up`
 * is written only when there are follow-up reports (`followUp`): nothing changes for a project without.
 */
export function documentJobs(entries: readonly DocumentEntry[], countries: readonly string[], followUp = false): DocumentJob[] {
  return entries.flatMap((entry): DocumentJob[] => {
    if (entry === 'follow-up') return followUp ? [{ name: 'follow-up', template: 'follow-up.md.hbs', path: 'follow-up' }] : [];
    if (entry === 'report') return [{ name: 'report', template: 'report.md.hbs', path: 'report' }];
    if (entry === 'recommendations') return [{ name: 'recommendations', template: 'recommendations.md.hbs', path: 'recommendations' }];
    if (entry === 'country-briefs') return countries.map((code) => ({ name: 'country-briefs', template: 'country-brief.md.hbs', path: `countries/${code}`, country: code }));
    if ((entry.per ?? 'workshop') === 'country') {
      return countries.map((code) => ({ name: entry.name, template: entry.template, path: `${entry.name}/${code}`, country: code }));
    }
    return [{ name: entry.name, template: entry.template, path: entry.name }];
  });
}
