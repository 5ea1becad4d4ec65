/** The notes as written in YAML (snake_case), after schema validation. */

export type Language = 'en' | 'fr';
export type Priority = 'high' | 'medium' | 'low';
export type SessionType = 'opening' | 'plenary' | 'panel' | 'working-group' | 'field-visit' | 'closing';
export type Format = 'md' | 'pdf' | 'html' | 'docx';

export interface Organization {
  id: string;
  name: string;
  acronym?: string;
  role?: string;
}

export interface Theme {
  id: string;
  title: string;
  description?: string;
}

export interface ParticipationEntry {
  country?: string;
  group?: string;
  total: number;
  women?: number;
}

export type DocumentEntry = 'report' | 'recommendations' | 'country-briefs' | 'follow-up' | CustomDocument;

export interface CustomDocument {
  name: string;
  template: string;
  per?: 'workshop' | 'country';
  /** The editions it belongs to; every edition when absent. */
  editions?: string[];
}

/** An item of a (md) list: the text, or the text with `restricted: true`. */
export type TextItem = string | { text: string; restricted?: boolean };

export type Attribution = 'names' | 'organizations' | 'none';

export interface EditionSettings {
  name: string;
  marking?: string;
  public?: boolean;
  attribution?: Attribution;
}

export interface ReportSettings {
  title?: string;
  formats?: Format[];
  documents?: DocumentEntry[];
  logo?: string;
  pdf_theme?: Record<string, unknown>;
  /** A Word document whose styles, page size and margins the DOCX files take (as pandoc's --reference-doc). */
  docx_reference?: string;
  editions?: EditionSettings[];
}

export interface WorkshopNotes {
  title: string;
  subtitle?: string;
  short_title?: string;
  language?: Language;
  /** The report's languages, the notes' own first (`languages: [en, fr]`). */
  languages?: Language[];
  dates: { start: string; end: string };
  location?: { venue?: string; city: string; country: string };
  organizers: Organization[];
  partners?: Organization[];
  countries: string[];
  themes: Theme[];
  participation?: ParticipationEntry[];
  summary?: string;
  objectives?: TextItem[];
  report?: ReportSettings;
}

export interface Person {
  name: string;
  title?: string;
  organization?: string;
  country?: string;
  topic?: string;
}

export interface CountryNotes {
  initiatives?: TextItem[];
  challenges?: TextItem[];
  good_practices?: TextItem[];
  needs?: TextItem[];
}


export interface RecommendationNotes {
  id?: string;
  text: string;
  theme: string;
  addressed_to?: string[];
  priority?: Priority;
  same_as?: string;
  restricted?: boolean;
}

export interface ActionNotes {
  id?: string;
  text: string;
  owner: string;
  due?: string;
  countries?: string[];
  recommendations?: string[];
  restricted?: boolean;
}

export interface SessionNotes {
  id?: string;
  title: string;
  date: string;
  order?: number;
  type: SessionType;
  chairs?: Person[];
  speakers?: Person[];
  rapporteur?: Person;
  themes?: string[];
  summary: string;
  key_points?: TextItem[];
  country_notes?: Record<string, CountryNotes>;
  recommendations?: RecommendationNotes[];
  actions?: ActionNotes[];
  restricted?: boolean;
}

export interface CountryFileNotes extends CountryNotes {
  country: string;
  institutions?: string[];
  summary?: string;
  restricted?: boolean;
}

export type ActionStatus = 'not-started' | 'in-progress' | 'done' | 'blocked' | 'dropped';

/** One line of a follow-up report: an action's status, or a recommendation's in one country. */
export interface FollowUpUpdate {
  action?: string;
  recommendation?: string;
  country?: string;
  status: ActionStatus;
  note?: string;
}

/** follow-up/NAME.yaml: a dated progress report on the action plan. */
export interface FollowUpNotes {
  date: string;
  reported_by: string;
  updates: FollowUpUpdate[];
}
