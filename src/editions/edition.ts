import type { Attribution, WorkshopNotes } from '../notes/types.js';

/** One edition of the reports, as workshop.yaml's report.editions defines it. */
export interface Edition {
  name: string;
  /** The folder inside the output folder (`public/`), or '' for the one edition of a project without editions. */
  folder: string;
  marking?: string;
  /** Every restricted item is left out. */
  public: boolean;
  attribution: Attribution;
}

/** The editions to build: report.editions, else one edition with everything, written into the output folder itself. */
export function editionsOf(workshop: WorkshopNotes): Edition[] {
  const listed = workshop.report?.editions;
  if (!listed?.length) return [{ name: 'full', folder: '', public: false, attribution: 'names' }];
  return listed.map((edition) => ({
    name: edition.name,
    folder: `${edition.name}/`,
    ...(edition.marking !== undefined ? { marking: edition.marking } : {}),
    public: edition.public ?? false,
    attribution: edition.attribution ?? 'names',
  }));
}
