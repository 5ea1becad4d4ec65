import type { ActionStatus, Language, Priority, SessionType } from '../notes/types.js';
import type { ElsewhereRef } from '../notes/same-as.js';
import type { Markdown } from './markdown.js';

/**
 * The report model: everything the templates receive (`workshop-report context` prints it).
 * snake_case like the notes, so editors meet the names they know from the YAML.
 */
export interface ReportModel {
  language: Language;
  workshop: WorkshopView;
  /** The beneficiary countries, in workshop.yaml order. */
  countries: CountryView[];
  participation: ParticipationView;
  /** Sessions in programme order: date, then `order`, then file name. */
  sessions: SessionView[];
  /** The programme: sessions grouped by day. */
  programme: Array<{ date: string; sessions: SessionView[] }>;
  /** Consolidated recommendations, numbered R1, R2, … in this order. */
  recommendations: RecommendationView[];
  recommendations_by_theme: Array<{ theme: ThemeView; recommendations: RecommendationView[] }>;
  /** Follow-up actions, numbered A1, A2, … in session order. */
  actions: ActionView[];
  /** One brief per beneficiary country, in workshop.yaml order. */
  briefs: CountryBrief[];
  /** With follow-up reports: the status of the action plan as of a date; absent without them. */
  follow_up?: FollowUpView;
}

export interface FollowUpEntry {
  date: string;
  status: ActionStatus;
  reported_by: AddresseeView;
  note?: Markdown;
}

export interface FollowUpView {
  /** The date the statuses are as of (YYYY-MM-DD). */
  as_of: string;
  /** Every action: overdue first, then by owner, then by number. */
  register: ActionView[];
  counts: { total: number; overdue: number; not_started: number; in_progress: number; done: number; blocked: number; dropped: number };
  /** Progress reported on recommendations, per country, in date order. */
  recommendations: Array<FollowUpEntry & { recommendation: RecommendationRef; country?: CountryView }>;
}

export interface WorkshopView {
  title: string;
  subtitle?: string;
  short_title: string;
  report_title: string;
  dates: { start: string; end: string };
  location?: { venue?: string; city: string; country: CountryView };
  organizers: OrganizationView[];
  partners: OrganizationView[];
  themes: ThemeView[];
  summary?: Markdown;
  objectives: Markdown[];
  logo?: string;
}

export interface CountryView {
  code: string;
  name: string;
}

export interface OrganizationView {
  id: string;
  name: string;
  acronym?: string;
  role?: string;
  /** "United Nations Counter-Terrorism Centre (UNCCT)". */
  label: string;
}

export interface ThemeView {
  id: string;
  title: string;
  number: number;
}

export interface ParticipationRow {
  label: string;
  country?: CountryView;
  group?: string;
  total: number;
  women?: number;
  men?: number;
  women_share?: number;
}

export interface ParticipationView {
  rows: ParticipationRow[];
  total: number;
  /** Sum over the rows that give `women`. */
  women: number;
  men: number;
  /** women ÷ total over the rows that give `women`; absent when none does. */
  women_share?: number;
  has_gender: boolean;
}

export interface PersonView {
  name: string;
  title?: string;
  /** An organization's acronym (else name) when the notes give its id, else the text as written. */
  organization?: string;
  country?: CountryView;
  /** "UNCCT", "Ministry of Security, Mali": organization and country, without saying the country twice. */
  affiliation?: string;
  topic?: string;
}

export interface CountryNotesView {
  initiatives: Markdown[];
  challenges: Markdown[];
  good_practices: Markdown[];
  needs: Markdown[];
}

export interface SessionRef {
  id: string;
  number: number;
  title: string;
  date: string;
}

export interface SessionView extends SessionRef {
  type: SessionType;
  file: string;
  chairs: PersonView[];
  speakers: PersonView[];
  rapporteur?: PersonView;
  themes: ThemeView[];
  summary: Markdown;
  key_points: Markdown[];
  country_notes: Array<{ country: CountryView } & CountryNotesView>;
  /** Numbers of the consolidated recommendations this session contributed to. */
  recommendations: RecommendationRef[];
  actions: ActionView[];
}

export interface AddresseeView {
  kind: 'member-states' | 'country' | 'organization';
  id: string;
  /** The full name ("United Nations Counter-Terrorism Centre (UNCCT)"); `member-states` for all Member States. */
  name: string;
  /** For tables: an organization's acronym, else its name. */
  short: string;
}

export interface RecommendationRef {
  number: number;
  label: string;
  /** Its id in the notes (the end of its same_as chain), where a reference carries it: its number may differ between editions and a programme's documents, its id never. */
  id?: string;
}

export interface RecommendationView extends RecommendationRef {
  /** The id of the end of the same_as chain, else the first id in the group. */
  id?: string;
  ids: string[];
  text: Markdown;
  theme: ThemeView;
  priority: Priority;
  addressed_to: AddresseeView[];
  /** Every session it was made in, in session order. */
  sessions: SessionRef[];
  /** Labels of the actions implementing it. */
  actions: string[];
  /** Other workshops' recommendations its members say they raise again (`same_as: niamey-2022:api-pnr`), in session order; absent when none. */
  same_as_elsewhere?: ElsewhereRef[];
}

export interface ActionView {
  number: number;
  label: string;
  id?: string;
  /** With follow-up reports: the status as of the date, whether it is overdue, and the reports on it. */
  status?: ActionStatus;
  overdue?: boolean;
  history?: FollowUpEntry[];
  text: Markdown;
  owner: AddresseeView;
  due?: string;
  countries: CountryView[];
  recommendations: RecommendationRef[];
  session: SessionRef;
}

export interface CountryBrief {
  country: CountryView;
  participation?: ParticipationRow;
  institutions: string[];
  summary?: Markdown;
  /** The country's own file (countries/CODE.yaml) lists. */
  presentation: CountryNotesView;
  /** What each session noted about the country. */
  session_notes: Array<{ session: SessionRef } & CountryNotesView>;
  recommendations: RecommendationView[];
  actions: ActionView[];
}
