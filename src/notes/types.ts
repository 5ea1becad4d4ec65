/** The notes as written in YAML (snake_case), after schema validation. */

export type Language = 'en' | 'fr';
export type Priority = 'high' | 'medium' | 'low';
export type SessionType = 'opening' | 'plenary' | 'panel' | 'working-group' | 'field-visit' | 'closing';
export type Format = 'md' | 'pdf';

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

export type DocumentEntry = 'report' | 'recommendations' | 'country-briefs' | CustomDocument;

export interface CustomDocument {
  name: string;
  template: string;
  per?: 'workshop' | 'country';
}

export interface ReportSettings {
  title?: string;
  formats?: Format[];
  documents?: DocumentEntry[];
  logo?: string;
  pdf_theme?: Record<string, unknown>;
}

export interface WorkshopNotes {
  title: string;
  subtitle?: string;
  short_title?: string;
  language?: Language;
  dates: { start: string; end: string };
  location?: { venue?: string; city: string; country: string };
  organizers: Organization[];
  partners?: Organization[];
  countries: string[];
  themes: Theme[];
  participation?: ParticipationEntry[];
  summary?: string;
  objectives?: string[];
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
  initiatives?: string[];
  challenges?: string[];
  good_practices?: string[];
  needs?: string[];
}


export interface RecommendationNotes {
  id?: string;
  text: string;
  theme: string;
  addressed_to?: string[];
  priority?: Priority;
  same_as?: string;
}

export interface ActionNotes {
  text: string;
  owner: string;
  due?: string;
  countries?: string[];
  recommendations?: string[];
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
  key_points?: string[];
  country_notes?: Record<string, CountryNotes>;
  recommendations?: RecommendationNotes[];
  actions?: ActionNotes[];
}

export interface CountryFileNotes extends CountryNotes {
  country: string;
  institutions?: string[];
  summary?: string;
}
