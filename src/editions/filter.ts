import type { Checked, CheckedProject, CheckedSession } from '../validate/index.js';
import type { ActionNotes, CountryFileNotes, CountryNotes, Person, RecommendationNotes, SessionNotes, TextItem, WorkshopNotes } from '../notes/types.js';
import { sameAsElsewhere } from '../notes/same-as.js';
import type { Edition } from './edition.js';

/** How an edition that attributes to organizations names a person: "a representative (UNCCT)", "a participant". */
export type AffiliationName = (person: Person) => string;

/**
 * The notes one edition may show, before anything is consolidated or rendered: a public edition
 * has no restricted session, recommendation, action, country file or list item, no link to one,
 * and people attributed as the edition says. Templates therefore never receive what they must not
 * print. List items become plain text in every edition. Pure.
 */
export function forEdition(project: CheckedProject, edition: Edition, affiliation: AffiliationName): CheckedProject {
  const keep = (restricted: boolean | undefined) => !(edition.public && restricted === true);
  const items = (list: TextItem[] | undefined) => list?.flatMap((item) => (typeof item === 'string' ? [item] : keep(item.restricted) ? [item.text] : []));
  const people = (list: Person[] | undefined) => (edition.attribution === 'none' ? undefined : list?.map((person) => attribute(person, edition, affiliation)));

  const sessions = project.sessions.filter((session) => keep(session.data.restricted));
  const kept = new Set(sessions.flatMap((session) => (session.data.recommendations ?? []).filter((rec) => keep(rec.restricted)).flatMap((rec) => rec.id ?? [])));
  const session = (s: CheckedSession): CheckedSession => {
    const d = s.data;
    const recommendations = d.recommendations?.filter((rec) => keep(rec.restricted)).map((rec) => linkedRecommendation(rec, kept));
    const actions = d.actions?.filter((action) => keep(action.restricted)).map((action) => linkedAction(action, kept));
    const data: SessionNotes = {
      ...d,
      ...optional('chairs', people(d.chairs)),
      ...optional('speakers', people(d.speakers)),
      ...optional('key_points', items(d.key_points)),
      ...optional('country_notes', d.country_notes && countryNotes(d.country_notes, items)),
      ...optional('recommendations', recommendations),
      ...optional('actions', actions),
    };
    if (edition.attribution === 'none') {
      delete data.chairs;
      delete data.speakers;
      delete data.rapporteur;
    } else if (d.rapporteur) data.rapporteur = attribute(d.rapporteur, edition, affiliation);
    return { ...s, data };
  };
  const country = (c: Checked<CountryFileNotes>): Checked<CountryFileNotes> => ({ ...c, data: { ...c.data, ...listsOf(c.data, items) } });
  const w = project.workshop.data;
  const workshop: WorkshopNotes = { ...w, ...optional('objectives', items(w.objectives)) };
  return {
    ...project,
    workshop: { ...project.workshop, data: workshop },
    sessions: sessions.map(session),
    countries: project.countries.filter((c) => keep(c.data.restricted)).map(country),
  };
}

/**
 * A public recommendation never takes its text from a left-out one (a validation error); its link is
 * dropped here too. A link to another workshop's recommendation (`rabat-2022:api-pnr`) stays: it is
 * no merge, and the programme shows it only when that recommendation is in the other's edition too.
 */
function linkedRecommendation(rec: RecommendationNotes, kept: ReadonlySet<string>): RecommendationNotes {
  if (rec.same_as === undefined || kept.has(rec.same_as) || sameAsElsewhere(rec.same_as)) return rec;
  const { same_as: _dropped, ...rest } = rec;
  return rest;
}

/** An action's links to left-out recommendations are dropped (a warning tells the organizer). */
function linkedAction(action: ActionNotes, kept: ReadonlySet<string>): ActionNotes {
  if (!action.recommendations) return action;
  const { recommendations, ...rest } = action;
  const links = recommendations.filter((id) => kept.has(id));
  return links.length ? { ...rest, recommendations: links } : rest;
}

function countryNotes(notes: Record<string, CountryNotes>, items: (list: TextItem[] | undefined) => string[] | undefined): Record<string, CountryNotes> {
  const result: Record<string, CountryNotes> = {};
  for (const [code, entry] of Object.entries(notes)) {
    const lists = listsOf(entry, items);
    // A country whose every note was left out is not listed at all.
    if (Object.values(lists).some((list) => list && list.length > 0)) result[code] = { ...entry, ...lists };
  }
  return result;
}

function listsOf(notes: CountryNotes, items: (list: TextItem[] | undefined) => string[] | undefined): CountryNotes {
  return {
    ...optional('initiatives', items(notes.initiatives)),
    ...optional('challenges', items(notes.challenges)),
    ...optional('good_practices', items(notes.good_practices)),
    ...optional('needs', items(notes.needs)),
  };
}

/** `organizations`: a person is "a representative" of their organization (or country); names otherwise. */
function attribute(person: Person, edition: Edition, affiliation: AffiliationName): Person {
  if (edition.attribution !== 'organizations') return person;
  return { name: affiliation(person), ...(person.topic ? { topic: person.topic } : {}) };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
