import type { ActionNotes, CountryNotes, Language, Organization, Person, TextItem } from '../notes/types.js';
import { sameAsElsewhere } from '../notes/same-as.js';
import { followUpView } from './follow-up.js';
import type { CountryTable } from '../reference/countries.js';
import type { CheckedProject } from '../validate/index.js';
import { Markdown } from './markdown.js';
import type {
  ActionView, AddresseeView, CountryBrief, FollowUpView, CountryNotesView, CountryView, OrganizationView, PersonView,
  RecommendationRef, RecommendationView, ReportModel, SessionRef, SessionView, ThemeView,
} from './model.js';
import { sortSessions } from './order.js';
import { participationView } from './participation.js';
import { groupRecommendations, sortGroups } from './recommendations.js';

export type * from './model.js';
export { Markdown } from './markdown.js';

/** Stage 3: the validated notes → the report model, by FORMAT.md's consolidation rules. Pure. */
export function consolidate(project: CheckedProject, table: CountryTable, options: { asOf?: string } = {}): ReportModel {
  const w = project.workshop.data;
  const language: Language = w.language ?? w.languages?.[0] ?? 'en';
  const country = (code: string): CountryView => ({ code, name: table.name(code, language) });
  const organizations = new Map<string, OrganizationView>([...w.organizers, ...(w.partners ?? [])].map((org) => [org.id, organizationView(org)]));
  const themes: ThemeView[] = w.themes.map((theme, index) => ({ id: theme.id, title: theme.title, number: index + 1 }));
  const themeById = new Map(themes.map((theme) => [theme.id, theme]));
  const beneficiaries = w.countries.map(country);

  const addressee = (id: string): AddresseeView => {
    if (id === 'member-states') return { kind: 'member-states', id, name: id, short: id };
    const org = organizations.get(id);
    if (org) return { kind: 'organization', id, name: org.label, short: org.acronym ?? org.name };
    const name = country(id).name;
    return { kind: 'country', id, name, short: name };
  };
  const person = (p: Person): PersonView => {
    const org = p.organization === undefined ? undefined : organizations.get(p.organization);
    const organization = org ? org.acronym ?? org.name : p.organization;
    const countryName = p.country === undefined ? undefined : country(p.country).name;
    const affiliation = [organization, countryName && !organization?.includes(countryName) ? countryName : undefined].filter(Boolean).join(', ');
    return {
      name: p.name,
      ...(p.title ? { title: p.title } : {}),
      ...(organization ? { organization } : {}),
      ...(p.country ? { country: country(p.country) } : {}),
      ...(affiliation ? { affiliation } : {}),
      ...(p.topic ? { topic: p.topic } : {}),
    };
  };

  const ordered = sortSessions(project.sessions);
  const refs: SessionRef[] = ordered.map((s, index) => ({ id: s.id, number: index + 1, title: s.data.title, date: s.data.date }));

  // Recommendations: group by same_as, order, number.
  const groups = sortGroups(groupRecommendations(ordered), w.themes.map((t) => t.id));
  const numberOf = new Map<string, RecommendationRef>();
  const recommendations: RecommendationView[] = groups.map((group, index) => {
    const ref: RecommendationRef = { number: index + 1, label: `R${index + 1}` };
    const ids = group.members.flatMap((m) => (m.rec.id === undefined ? [] : [m.rec.id]));
    for (const id of ids) numberOf.set(id, ref);
    const sessionIndexes = [...new Set(group.members.map((m) => m.sessionIndex))].sort((a, b) => a - b);
    const id = group.root.rec.id ?? ids[0];
    // A same_as naming another workshop's recommendation merges nothing here: it is kept as a link for the programme.
    const elsewhere = group.members.flatMap((m) => (m.rec.same_as === undefined ? [] : sameAsElsewhere(m.rec.same_as) ?? []));
    return {
      ...ref,
      ...(id !== undefined ? { id } : {}),
      ids,
      text: new Markdown(group.root.rec.text),
      theme: themeById.get(group.root.rec.theme)!,
      priority: group.priority,
      addressed_to: mergeAddressees(group.members.flatMap((m) => m.rec.addressed_to ?? []), w.countries, [...organizations.keys()]).map(addressee),
      sessions: sessionIndexes.map((i) => refs[i]!),
      actions: [],
      ...(elsewhere.length ? { same_as_elsewhere: elsewhere } : {}),
    };
  });
  const sessionRecs = new Map<number, RecommendationRef[]>();
  groups.forEach((group, index) => {
    for (const sessionIndex of new Set(group.members.map((m) => m.sessionIndex))) {
      sessionRecs.set(sessionIndex, [...(sessionRecs.get(sessionIndex) ?? []), recommendations[index]!]);
    }
  });

  // Actions, numbered in session order.
  const actions: ActionView[] = [];
  const actionNotes: Array<{ action: ActionNotes; view: ActionView }> = [];
  ordered.forEach((session, sessionIndex) => {
    for (const action of session.data.actions ?? []) {
      const number = actions.length + 1;
      const implemented = uniqueRefs((action.recommendations ?? []).flatMap((id) => numberOf.get(id) ?? []));
      const view: ActionView = {
        number, label: `A${number}`,
        ...(action.id !== undefined ? { id: action.id } : {}),
        text: new Markdown(action.text),
        owner: addressee(action.owner),
        ...(action.due ? { due: action.due } : {}),
        countries: (action.countries ?? []).map(country),
        recommendations: implemented.map(({ number: n, label }) => ({ number: n, label })),
        session: refs[sessionIndex]!,
      };
      actions.push(view);
      actionNotes.push({ action, view });
      for (const ref of implemented) recommendations[ref.number - 1]!.actions.push(view.label);
    }
  });

  const sessions: SessionView[] = ordered.map((session, index) => {
    const s = session.data;
    return {
      ...refs[index]!,
      type: s.type,
      file: session.file.source.path,
      chairs: (s.chairs ?? []).map(person),
      speakers: (s.speakers ?? []).map(person),
      ...(s.rapporteur ? { rapporteur: person(s.rapporteur) } : {}),
      themes: (s.themes ?? []).map((id) => themeById.get(id)!),
      summary: new Markdown(s.summary),
      key_points: (s.key_points ?? []).map(markdownItem),
      country_notes: w.countries.filter((code) => s.country_notes?.[code]).map((code) => ({ country: country(code), ...notesView(s.country_notes![code]!) })),
      recommendations: (sessionRecs.get(index) ?? []).map(({ number, label }) => ({ number, label })).sort((a, b) => a.number - b.number),
      actions: actions.filter((action) => action.session.id === session.id),
    };
  });

  const participation = participationView(w.participation ?? [], country);
  const briefs: CountryBrief[] = beneficiaries.map((c) => {
    const file = project.countries.find((f) => f.data.country === c.code)?.data;
    const row = participation.rows.find((r) => r.country?.code === c.code);
    return {
      country: c,
      ...(row ? { participation: row } : {}),
      institutions: file?.institutions ?? [],
      ...(file?.summary ? { summary: new Markdown(file.summary) } : {}),
      presentation: notesView(file ?? {}),
      session_notes: sessions.flatMap((s) => s.country_notes.filter((n) => n.country.code === c.code).map(({ country: _, ...notes }) => ({ session: refOf(s), ...notes }))),
      recommendations: recommendations.filter((r) => r.addressed_to.some((a) => a.kind === 'member-states' || a.id === c.code)),
      actions: actions.filter((a) => a.owner.id === c.code || a.countries.some((x) => x.code === c.code)),
    };
  });

  return {
    language,
    workshop: {
      title: w.title,
      ...(w.subtitle ? { subtitle: w.subtitle } : {}),
      short_title: w.short_title ?? w.title,
      report_title: w.report?.title ?? w.title,
      dates: { ...w.dates },
      ...(w.location ? { location: { ...(w.location.venue ? { venue: w.location.venue } : {}), city: w.location.city, country: country(w.location.country) } } : {}),
      organizers: w.organizers.map(organizationView),
      partners: (w.partners ?? []).map(organizationView),
      themes,
      ...(w.summary ? { summary: new Markdown(w.summary) } : {}),
      objectives: (w.objectives ?? []).map(markdownItem),
      ...(w.report?.logo ? { logo: w.report.logo } : {}),
    },
    countries: beneficiaries,
    participation,
    sessions,
    programme: groupByDate(sessions),
    recommendations,
    recommendations_by_theme: themes
      .map((theme) => ({ theme, recommendations: recommendations.filter((r) => r.theme.id === theme.id) }))
      .filter((group) => group.recommendations.length > 0),
    actions,
    briefs,
    ...optionalFollowUp(followUpView({ reports: project.followUps ?? [], ...(options.asOf !== undefined ? { asOf: options.asOf } : {}) }, actionNotes, recommendations, addressee, country, language)),
  };
}

function optionalFollowUp(view: FollowUpView | undefined): { follow_up?: FollowUpView } {
  return view ? { follow_up: view } : {};
}

function organizationView(org: Organization): OrganizationView {
  return {
    id: org.id, name: org.name,
    ...(org.acronym ? { acronym: org.acronym } : {}),
    ...(org.role ? { role: org.role } : {}),
    label: org.acronym && org.acronym !== org.name ? `${org.name} (${org.acronym})` : org.name,
  };
}

/** Union of addressees; member-states covers every beneficiary, so those are not listed again. */
function mergeAddressees(ids: string[], beneficiaries: readonly string[], organizations: readonly string[]): string[] {
  const set = new Set(ids);
  const memberStates = set.has('member-states');
  return [
    ...(memberStates ? ['member-states'] : []),
    ...beneficiaries.filter((code) => set.has(code) && !memberStates),
    ...organizations.filter((id) => set.has(id)),
  ];
}

/** A list item's text; whether it is restricted was settled before (editions filter the notes). */
function markdownItem(item: TextItem): Markdown {
  return new Markdown(typeof item === 'string' ? item : item.text);
}

function notesView(notes: CountryNotes): CountryNotesView {
  const md = (list: TextItem[] | undefined) => (list ?? []).map(markdownItem);
  return { initiatives: md(notes.initiatives), challenges: md(notes.challenges), good_practices: md(notes.good_practices), needs: md(notes.needs) };
}

function uniqueRefs(refs: RecommendationRef[]): RecommendationRef[] {
  return [...new Map(refs.map((ref) => [ref.number, ref])).values()].sort((a, b) => a.number - b.number);
}

function refOf(session: SessionView): SessionRef {
  return { id: session.id, number: session.number, title: session.title, date: session.date };
}

function groupByDate(sessions: SessionView[]): Array<{ date: string; sessions: SessionView[] }> {
  const days = new Map<string, SessionView[]>();
  for (const session of sessions) days.set(session.date, [...(days.get(session.date) ?? []), session]);
  return [...days].map(([date, list]) => ({ date, sessions: list }));
}
