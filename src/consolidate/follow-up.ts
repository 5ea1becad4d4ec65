import type { ActionNotes, ActionStatus, FollowUpNotes, Language } from '../notes/types.js';
import { Markdown } from './markdown.js';
import type { ActionView, AddresseeView, CountryView, FollowUpView, RecommendationView } from './model.js';

/** What the follow-up reports say, as of a date: each action's status and history. */
export interface FollowUpInput {
  /** None: nothing is known of any action, whatever `asOf` says (no status, no follow-up document). */
  reports: ReadonlyArray<{ data: FollowUpNotes }>;
  /** `--as-of`; default the date of the latest report (never the clock: builds stay reproducible). */
  asOf?: string;
}

/** The date a project's status is computed as of: the given one, else its latest follow-up report's; none without reports. */
export function asOfDate(reports: ReadonlyArray<{ data: FollowUpNotes }>, asOf?: string): string | undefined {
  if (asOf !== undefined) return asOf;
  return reports.reduce<string | undefined>((latest, report) => (latest === undefined || report.data.date > latest ? report.data.date : latest), undefined);
}

const CLOSED: ReadonlySet<ActionStatus> = new Set(['done', 'dropped']);

/**
 * Each action's status as of the date (its latest report on or before it; not started without
 * one), its history, and whether it is overdue (due before the date and neither done nor dropped);
 * the register: overdue first, then by owner, then by number. Reports after the date are not
 * seen at all. Actions without id, or not in this edition, have no reports. Undefined without any
 * report (README, "Follow-up of the action plan"). Pure.
 */
export function followUpView(
  input: FollowUpInput, notes: ReadonlyArray<{ action: ActionNotes; view: ActionView }>, recommendations: readonly RecommendationView[],
  addressee: (id: string) => AddresseeView, country: (code: string) => CountryView, language: Language,
): FollowUpView | undefined {
  // Without a report, --as-of alone made every action "not started" (overdue once due), said to come from the reports.
  const asOf = input.reports.length === 0 ? undefined : asOfDate(input.reports, input.asOf);
  if (asOf === undefined) return undefined;
  const seen = [...input.reports].filter((r) => r.data.date <= asOf).sort((a, b) => (a.data.date < b.data.date ? -1 : a.data.date > b.data.date ? 1 : 0));
  const byId = new Map(notes.flatMap(({ action, view }) => (action.id !== undefined ? [[action.id, view] as const] : [])));
  for (const { view } of notes) {
    view.status = 'not-started';
    view.history = [];
  }
  const recommendationUpdates: FollowUpView['recommendations'] = [];
  const recById = new Map(recommendations.flatMap((rec) => rec.ids.map((id) => [id, rec] as const)));
  for (const report of seen) {
    for (const update of report.data.updates) {
      const entry = { date: report.data.date, status: update.status, reported_by: addressee(report.data.reported_by), ...(update.note ? { note: new Markdown(update.note) } : {}) };
      if (update.action !== undefined) {
        const view = byId.get(update.action);
        if (!view) continue;
        view.status = update.status;
        view.history!.push(entry);
      } else if (update.recommendation !== undefined) {
        const rec = recById.get(update.recommendation);
        if (rec) recommendationUpdates.push({ ...entry, recommendation: { number: rec.number, label: rec.label, ...(rec.id !== undefined ? { id: rec.id } : {}) }, ...(update.country ? { country: country(update.country) } : {}) });
      }
    }
  }
  for (const { view } of notes) view.overdue = view.due !== undefined && view.due < asOf && !CLOSED.has(view.status!);
  const views = notes.map(({ view }) => view);
  // The language's collation, never the machine's locale.
  const collator = new Intl.Collator(language);
  const register = [...views].sort((a, b) => Number(b.overdue) - Number(a.overdue) || collator.compare(a.owner.short, b.owner.short) || a.number - b.number);
  const count = (status: ActionStatus) => views.filter((v) => v.status === status).length;
  return {
    as_of: asOf,
    register,
    counts: { total: views.length, overdue: views.filter((v) => v.overdue).length, not_started: count('not-started'), in_progress: count('in-progress'), done: count('done'), blocked: count('blocked'), dropped: count('dropped') },
    recommendations: recommendationUpdates,
  };
}
