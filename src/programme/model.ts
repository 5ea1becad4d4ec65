import type { ActionView, CountryBrief, CountryView, FollowUpView, OrganizationView, RecommendationView, ReportModel, WorkshopView } from '../consolidate/index.js';
import type { ActionStatus, Language } from '../notes/types.js';
import { recurringRecommendations, workshopNames, type RaisedAt, type RecurringRecommendation } from './recurring.js';

/**
 * What the programme's documents use of a workshop's report model: its title and dates, countries,
 * participation, recommendations, actions and what each brief recommends. A programme holds one
 * per workshop until its documents are made (and a worker thread posts it), so it holds no more:
 * a whole model, with its sessions and briefs, is many times larger.
 */
export interface ProgrammeWorkshopModel extends Pick<ReportModel, 'language' | 'countries' | 'participation' | 'recommendations' | 'actions'> {
  workshop: Pick<WorkshopView, 'title' | 'short_title' | 'dates' | 'location'>;
  briefs: Array<Pick<CountryBrief, 'country' | 'recommendations'>>;
  follow_up?: { as_of: string; recommendations?: FollowUpView['recommendations'] };
}

/** A report model's part the programme uses (see ProgrammeWorkshopModel); the objects themselves, not copies. */
export function programmePart(model: ReportModel): ProgrammeWorkshopModel {
  const { title, short_title, dates, location } = model.workshop;
  return {
    language: model.language,
    workshop: { title, short_title, dates, ...(location ? { location } : {}) },
    countries: model.countries,
    participation: model.participation,
    recommendations: model.recommendations,
    actions: model.actions,
    briefs: model.briefs.map((brief) => ({ country: brief.country, recommendations: brief.recommendations })),
    ...(model.follow_up ? { follow_up: { as_of: model.follow_up.as_of, recommendations: model.follow_up.recommendations } } : {}),
  };
}

/** One workshop of a programme: where it is, and its report model (in the programme's language when it has it). */
export interface ProgrammeWorkshopInput {
  /** The workshop folder's name (`rabat-2022`): its id in the programme. */
  id: string;
  /**
   * Where its reports are, relative to the programme's output folder (`../../rabat-2022/out/en/public/`);
   * none when its only reports print what it marks restricted (no public edition).
   */
  reports?: string;
  model: ProgrammeWorkshopModel;
  /**
   * The same edition in each language of its notes, the notes' own first, for finding recurring
   * recommendations in a language two workshops share; without it, only `model`'s language.
   */
  languages?: ReadonlyArray<{ language: Language; model: Pick<ProgrammeWorkshopModel, 'recommendations'> }>;
}

export interface ProgrammeWorkshopRef {
  id: string;
  title: string;
  short_title: string;
  /** Another workshop of the programme has the same short title: the register and the calendar name it with its id too (`Follow-up workshop (rabat-2022)`). */
  shared_short_title?: true;
  dates: { start: string; end: string };
  place?: string;
  city?: string;
  /** Where its reports are (see ProgrammeWorkshopInput.reports): none when the programme does not link to them. */
  reports?: string;
}

export interface ProgrammeWorkshopView extends ProgrammeWorkshopRef {
  countries: CountryView[];
  participants: number;
  women: number;
  men: number;
  women_share?: number;
  recommendations: number;
  actions: number;
  /** The date its follow-up status is as of, when it has follow-up reports. */
  as_of?: string;
}

export type ProgrammeAction = ActionView & { workshop: ProgrammeWorkshopRef };

export type ProgrammeRaisedAt = RaisedAt<ProgrammeWorkshopRef>;

/** A recommendation in a country's dossier: with the actions implementing it and where else it was raised. */
export type DossierRecommendation = RecommendationView & { implemented_by: ActionView[]; also_raised: ProgrammeRaisedAt[] };

/** The latest progress a follow-up report gave on a recommendation in one country (its workshop's status date). */
export interface CountryProgress {
  label: string;
  status: ActionStatus;
  date: string;
  /** Reported for the recommendation as a whole (its update names no `country:`): in the dossier of each country it is addressed to. */
  all_countries?: boolean;
}

/** A recommendation's latest progress in one country, or as a whole (no country), in its workshop. */
export interface ProgrammeProgress extends Omit<CountryProgress, 'all_countries'> {
  workshop: ProgrammeWorkshopRef;
  /** The recommendation's id in its workshop's notes. */
  id?: string;
  country?: CountryView;
}

export interface ProgrammeModel {
  language: Language;
  programme: { title: string; subtitle?: string; organizers: OrganizationView[] };
  /** The workshops in date order. */
  workshops: ProgrammeWorkshopView[];
  /** Every action of every workshop: overdue first, then by workshop (date order), then by number. */
  actions: ProgrammeAction[];
  counts: { workshops: number; participants: number; recommendations: number; actions: number; overdue: number; open: number };
  /**
   * Per beneficiary country of any workshop: the recommendations addressed to it, with the actions
   * implementing each and where else in the programme it was raised.
   */
  dossiers: Array<{ country: CountryView; workshops: Array<{ workshop: ProgrammeWorkshopRef; recommendations: DossierRecommendation[]; progress: CountryProgress[] }> }>;
  /**
   * Every recommendation's latest progress that the follow-up reports give, per country and as a
   * whole (no country), by workshop (date order) and number: what the dossiers show, and the
   * progress on a recommendation addressed to no beneficiary, which no dossier shows.
   */
  progress: ProgrammeProgress[];
  /** Recommendations raised at more than one workshop, in the order first raised. */
  recurring: Array<RecurringRecommendation<ProgrammeWorkshopRef>>;
  /** `--as-of`, when given: every workshop's status is as of this date (else each as of its own latest follow-up report). */
  as_of?: string;
}

/**
 * The programme's roll-up of its workshops' report models: the overview, the action register
 * across workshops, and one dossier per country. Pure.
 */
export function programmeModel(programme: { title: string; subtitle?: string; organizers: OrganizationView[] }, language: Language, inputs: readonly ProgrammeWorkshopInput[], asOf?: string): ProgrammeModel {
  const ordered = [...inputs].sort((a, b) => (a.model.workshop.dates.start < b.model.workshop.dates.start ? -1 : a.model.workshop.dates.start > b.model.workshop.dates.start ? 1 : 0));
  // One reference per workshop, shared by its actions and dossier entries (the render stage copies a shared object once).
  const refs = new Map<ProgrammeWorkshopInput, ProgrammeWorkshopRef>();
  // Two workshops with the same short title (two "Follow-up workshop"s) are told apart by their ids.
  const shortTitles = ordered.map((input) => input.model.workshop.short_title);
  const shared = new Set(shortTitles.filter((title, index) => shortTitles.indexOf(title) !== index));
  const ref = (input: ProgrammeWorkshopInput): ProgrammeWorkshopRef => {
    let made = refs.get(input);
    if (!made) {
      const w = input.model.workshop;
      refs.set(input, (made = { id: input.id, title: w.title, short_title: w.short_title, ...(shared.has(w.short_title) ? { shared_short_title: true as const } : {}), dates: w.dates, ...(w.location ? { place: `${w.location.city}, ${w.location.country.name}`, city: w.location.city } : {}), ...(input.reports !== undefined ? { reports: input.reports } : {}) }));
    }
    return made;
  };
  const workshops = ordered.map((input): ProgrammeWorkshopView => {
    const m = input.model;
    return {
      ...ref(input),
      countries: m.countries,
      participants: m.participation.total,
      women: m.participation.women,
      men: m.participation.men,
      ...(m.participation.women_share !== undefined ? { women_share: m.participation.women_share } : {}),
      recommendations: m.recommendations.length,
      actions: m.actions.length,
      ...(m.follow_up ? { as_of: m.follow_up.as_of } : {}),
    };
  });
  const order = new Map(ordered.map((input, index) => [input.id, index]));
  // Each recommendation an action implements with its id in the notes where it has one (programme.json gives it: a label may differ from the workshop's own report, an id never).
  const actions = ordered.flatMap((input) => {
    const ids = new Map(input.model.recommendations.flatMap((rec) => (rec.id !== undefined ? [[rec.number, rec.id] as const] : [])));
    const withId = (rec: ActionView['recommendations'][number]) => (rec.id === undefined && ids.has(rec.number) ? { ...rec, id: ids.get(rec.number)! } : rec);
    return input.model.actions.map((action): ProgrammeAction => ({ ...action, ...(action.recommendations.some((rec) => rec.id === undefined && ids.has(rec.number)) ? { recommendations: action.recommendations.map(withId) } : {}), workshop: ref(input) }));
  })
    .sort((a, b) => Number(b.overdue ?? false) - Number(a.overdue ?? false) || order.get(a.workshop.id)! - order.get(b.workshop.id)! || a.number - b.number);
  const names = workshopNames(workshops);
  const found = recurringRecommendations(ordered.map((input, w) => ({ id: input.id, ref: ref(input), name: names[w]!, model: input.model, languages: input.languages ?? [{ language: input.model.language, model: input.model }] })), language);
  const codes = [...new Map(ordered.flatMap((input) => input.model.countries.map((c) => [c.code, c] as const))).values()];
  const implementing = ordered.map((input) => actionsByRecommendation(input.model.actions));
  // A recommendation addressed to several countries is in each of their dossiers: one object, shared
  // (the render stage then prepares it once; a programme's dossiers hold tens of thousands).
  const withActions = ordered.map(() => new Map<RecommendationView, DossierRecommendation>());
  const dossierEntry = (w: number, rec: RecommendationView): DossierRecommendation => {
    let entry = withActions[w]!.get(rec);
    if (!entry) withActions[w]!.set(rec, (entry = { ...rec, implemented_by: implementing[w]!.get(rec.number) ?? [], also_raised: found.elsewhere(w, rec.label) }));
    return entry;
  };
  const dossiers = codes.map((country) => ({
    country,
    workshops: ordered.flatMap((input, w) => {
      const brief = input.model.briefs.find((b) => b.country.code === country.code);
      if (!brief) return [];
      return [{ workshop: ref(input), recommendations: brief.recommendations.map((rec) => dossierEntry(w, rec)), progress: countryProgress(input.model.follow_up?.recommendations, country.code, new Set(brief.recommendations.map((rec) => rec.number))) }];
    }),
  }));
  const progress = ordered.flatMap((input) => latestProgress(input.model.follow_up?.recommendations).map((report): ProgrammeProgress => ({
    workshop: ref(input), label: report.recommendation.label, ...(report.recommendation.id !== undefined ? { id: report.recommendation.id } : {}), ...(report.country ? { country: report.country } : {}), status: report.status, date: report.date,
  })));
  const isOpen = (a: ActionView) => a.status !== 'done' && a.status !== 'dropped';
  return {
    language,
    programme,
    workshops,
    actions,
    counts: {
      workshops: workshops.length,
      participants: workshops.reduce((sum, w) => sum + w.participants, 0),
      recommendations: workshops.reduce((sum, w) => sum + w.recommendations, 0),
      actions: actions.length,
      overdue: actions.filter((a) => a.overdue).length,
      open: actions.filter(isOpen).length,
    },
    dossiers,
    progress,
    recurring: found.recurring,
    ...(asOf !== undefined ? { as_of: asOf } : {}),
  };
}

/**
 * A country's progress on a workshop's recommendations, as its follow-up reports give it (each
 * recommendation's latest report for that country), in the recommendations' order. A report that
 * names no country is about the recommendation as a whole: it counts for each country of `addressed`
 * (the recommendations addressed to this one, by number), marked so, unless a report for the
 * country itself is as recent.
 */
function countryProgress(reports: FollowUpView['recommendations'] | undefined, code: string, addressed: ReadonlySet<number>): CountryProgress[] {
  const latest = new Map<number, CountryProgress>();
  // In date order: a later report replaces an earlier one.
  for (const report of reports ?? []) {
    const { number, label } = report.recommendation;
    const whole = report.country === undefined;
    if (whole ? !addressed.has(number) : report.country!.code !== code) continue;
    const before = latest.get(number);
    if (whole && before && !before.all_countries && before.date === report.date) continue;
    latest.set(number, { label, status: report.status, date: report.date, ...(whole ? { all_countries: true } : {}) });
  }
  return [...latest].sort(([a], [b]) => a - b).map(([, progress]) => progress);
}

/** Each recommendation's latest report per country, and as a whole, in the recommendations' order, countries in their reports' order. */
function latestProgress(reports: FollowUpView['recommendations'] | undefined): FollowUpView['recommendations'] {
  const latest = new Map<string, FollowUpView['recommendations'][number]>();
  for (const report of reports ?? []) {
    const key = `${report.recommendation.number}\u0000${report.country?.code ?? ''}`;
    // (A later report replaces an earlier one in its place: a country stays where its first report put it.)
    latest.set(key, report);
  }
  return [...latest.values()].sort((a, b) => a.recommendation.number - b.recommendation.number);
}

/** A workshop's actions by the number of each recommendation they implement, in the actions' order. */
function actionsByRecommendation(actions: readonly ActionView[]): Map<number, ActionView[]> {
  const by = new Map<number, ActionView[]>();
  for (const action of actions) {
    for (const number of new Set(action.recommendations.map((r) => r.number))) {
      const list = by.get(number);
      if (list) list.push(action);
      else by.set(number, [action]);
    }
  }
  return by;
}
