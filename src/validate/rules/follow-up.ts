import type { ParsedFile } from '../../load/index.js';
import type { ActionStatus, FollowUpUpdate } from '../../notes/types.js';
import { baseName, invalidIdReference, type RuleContext, type Site } from '../context.js';
import { didYouMean, suggest } from '../suggest.js';
import { beneficiaryMeant, COUNTRY_CODE, knownRecommendationId, organizationsOf } from './references.js';
import { groupRecommendations } from '../../consolidate/recommendations.js';
import { countryOrganizations, partyMeant } from '../party-suggestion.js';

/**
 * Follow-up reports (FORMAT.md, "Follow-up"): every update names an action or a recommendation
 * that exists, a recommendation's country is a beneficiary, the reporter is an organization or a
 * beneficiary, no report predates the workshop, two reports of the same action (or of the same
 * recommendation for the same country) on the same date agree, the same update is not reported twice (a copied report: warning), and an action does not
 * go from done back to not started (warning); an update whose action, recommendation or country is
 * in error takes no part in the agreement or the repeats (that error is said). With follow-up reports,
 * an action without an id cannot be reported on: a warning suggests one.
 */
export function checkFollowUps(ctx: RuleContext): void {
  const { sessions, followUps } = ctx.project;
  if (followUps.length === 0) return;
  const actionIds = new Map<string, Site>();
  for (const session of sessions) session.data.actions?.forEach((action, index) => {
    if (action.id !== undefined && !actionIds.has(action.id)) actionIds.set(action.id, { file: session.file, path: ['actions', index, 'id'] });
  });
  // An action whose id was left out as not valid (reported there) is not "without an id", and a reference to it is that error's consequence (ctx.invalidIdMeant).
  const judged = (file: ParsedFile, index: number) => !ctx.invalidIdAt(file, ['actions', index, 'id']) && !ctx.entryLostKey(file, ['actions', index], ['id']);
  for (const { session, index, id } of actionsWithoutId(sessions, judged)) {
    ctx.report('action-without-id', 'warning', { file: session.file, path: ['actions', index] }, 'mapping-start', 'This action has no id, so follow-up reports cannot refer to it.', `Give it one, e.g. \`id: ${id}\`.`);
  }
  const recIds = ctx.recommendationSites;
  // (While the workshop's dates are in doubt, against its sessions' first day.)
  const start = ctx.datesToJudgeBy?.start;
  const doubt = ctx.workshopDatesInDoubt;
  const known = (id: string) => ctx.organizationIds.has(id) || ctx.beneficiaries.has(id);
  // Each action's reports in date order, for agreement and regressions; and each recommendation's for one country, for agreement.
  const reports = new Map<string, Reported[]>();
  // By the recommendation as the report consolidates it: same_as makes several ids one (api-pnr, port-screening: R5).
  const recommendationReports = new Map<string, { country?: string; list: Reported[] }>();
  const merged = mergedRecommendations(ctx);
  // Each update by what it reports on, its date and reporter: the same one twice (a copied file) counted twice.
  const updates = new Map<string, { status: string; site: Site; id: string }>();
  // The updates that take part in the agreement of reports and their repeats: not one whose action,
  // recommendation or country is in error (said there), which, once corrected, may report on something else.
  const sound = new Set<Named>();
  // Each recommendation's addressees, once a progress report names a country.
  let addressees: Map<string, ReadonlySet<string>> | undefined;
  for (const followUp of followUps) {
    const { file, data } = followUp;
    // A report whose date or updates failed their schema was reported there; what is left is checked.
    // A file named by its date (follow-up/2022-11-30.yaml) that says another: one of the two is mistyped.
    // A file named for a period (2022-12-01_2023-03-31.yaml) may be dated any day of it.
    const name = file.source.path.slice(file.source.path.lastIndexOf('/') + 1);
    const days = /^\d{4}-\d{2}-\d{2}(?!\d)/.test(name) ? [...name.matchAll(/(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)/g)].map((match) => match[0]).sort() : [];
    const named = days.length === 0 ? undefined : days.length === 1 ? days[0]! : `${days[0]} to ${days[days.length - 1]}`;
    const misnamed = named !== undefined && data.date !== undefined && (data.date < days[0]! || data.date > days[days.length - 1]!);
    if (start !== undefined && data.date !== undefined && data.date < start) {
      ctx.report('follow-up-before-workshop', 'error', { file, path: ['date'] }, 'value', doubt ? `This report is dated ${data.date}, before the first session (${start}).` : `This report is dated ${data.date}, before the workshop began (${start}).`, `Check the date: follow-up reports come after the workshop.${misnamed ? ` The file is named for ${named}.` : ''}`);
    } else if (misnamed) {
      ctx.report('follow-up-date-mismatch', 'warning', { file, path: ['date'] }, 'value', `This report is dated ${data.date}, but its file is named for ${named}.`, 'One of them is mistyped, and the date decides where the report counts (its place in each action\'s history, and --as-of). Correct `date:`, or rename the file.');
    }
    // (A country code may be a beneficiary that workshop.yaml misspells, or not yet read.)
    const mayBeBeneficiary = (code: string) => COUNTRY_CODE.test(code) && (!ctx.knowsAll('countries') || ctx.mayBeMisspeltBeneficiary(code));
    if (data.reported_by !== undefined && !known(data.reported_by) && ctx.knowsAll('organizers') && !mayBeBeneficiary(data.reported_by)) {
      ctx.report('unknown-organization', 'error', { file, path: ['reported_by'] }, 'value', `“${data.reported_by}” is neither an organization of workshop.yaml nor a beneficiary country.`,
        partyMeant(data.reported_by, organizationsOf(ctx), false) ?? beneficiaryMeant(ctx, data.reported_by) ?? reporterHint(ctx, data.reported_by));
    }
    const date = data.date;
    // An update its schema error took out (a mistyped status) still names what it reports on: a typo there is said now, not after that fix.
    const each: Array<[Named, number]> = [];
    data.updates?.forEach((update, index) => void each.push([update, index]));
    each.push(...takenOut(ctx, followUp.file, data.updates));
    each.sort((a, b) => a[1] - b[1]);
    for (const [update, index] of each) {
      const at = (key: string): Site => ({ file, path: ['updates', index, key] });
      const status = update.status;
      if (status === undefined && (update.action === undefined) === (update.recommendation === undefined)) continue;
      if ((update.action === undefined) === (update.recommendation === undefined)) {
        const both = update.action !== undefined;
        // Neither, because a key in error was left out (`actoin:`): that error says so.
        if (!both && ctx.entryLostKey(file, ['updates', index], ['action', 'recommendation'])) continue;
        ctx.report(both ? 'invalid-value' : 'required', 'error', { file, path: ['updates', index] }, 'mapping-start', both ? 'An update names an action or a recommendation, not both.' : 'An update must name the action (`action: ID`) or the recommendation (`recommendation: ID`) it reports on.', 'Write one update per action or recommendation.');
        continue;
      }
      if (update.action !== undefined) {
        const site = actionIds.get(update.action);
        if (!site) {
          const meant = ctx.invalidIdMeant('actions', update.action, actionIds.keys());
          if (meant) {
            const { because, hint, related } = invalidIdReference('action', update.action, meant);
            ctx.report('unknown-action', 'error', at('action'), 'value', `No action has the id “${update.action}”: ${because}.`, hint, related, update.action);
          } else if (!ctx.mayBeLeftOutOrUnread(update.action, actionIds.keys())) {
            ctx.report('unknown-action', 'error', at('action'), 'value', `No action has the id “${update.action}”.`, didYouMean(update.action, actionIds.keys()) ?? 'Use the `id:` of an action in a session file (give the action one if it has none).', [], update.action);
          }
          continue;
        }
        // An action is not per country: a country written on its update would be printed nowhere.
        if (update.country !== undefined) {
          // (Reporting on a recommendation in that country is a way out only for a beneficiary: MAR, the host, would be not-beneficiary there.)
          const beneficiary = ctx.beneficiaries.has(update.country) || mayBeBeneficiary(update.country);
          ctx.report('invalid-value', 'error', at('country'), 'value', `\`country:\` is for the progress on a recommendation in one country; this update is about action “${update.action}”, which has none.`,
            `Remove \`country: ${update.country}\` (say which country in \`note:\`)${beneficiary ? `, or report on a recommendation: \`recommendation: ID\` with \`country: ${update.country}\`` : ''}.`);
          continue;
        }
        sound.add(update);
        if (date === undefined || status === undefined) continue;
        const list = reports.get(update.action) ?? [];
        list.push({ date, status, site: at('status'), id: update.action });
        reports.set(update.action, list);
      } else if (update.recommendation !== undefined) {
        knownRecommendationId(ctx, update.recommendation, at('recommendation'), true);
        const notBeneficiary = update.country !== undefined && !ctx.beneficiaries.has(update.country) && !mayBeBeneficiary(update.country);
        if (notBeneficiary) {
          ctx.report('not-beneficiary', 'error', at('country'), 'value', `${update.country} is not one of the workshop's beneficiary countries.`, `Report progress for a country listed in workshop.yaml's countries (${[...ctx.beneficiaries].join(', ')}).`);
        }
        if (update.country !== undefined && ctx.beneficiaries.has(update.country) && recIds.has(update.recommendation)) {
          addressees ??= addresseesById(ctx);
          const to = addressees.get(update.recommendation);
          if (to !== undefined && !to.has('member-states') && !to.has(update.country)) {
            const countries = [...to].filter((id) => ctx.beneficiaries.has(id));
            ctx.report('not-addressed', 'warning', at('country'), 'value', `Recommendation “${update.recommendation}” is not addressed to ${update.country}: ${countries.length > 0 ? `its addressed_to names ${countries.join(', ')}` : to.size > 0 ? 'its addressed_to names no beneficiary country' : 'it has no addressed_to'}.`,
              `Check the country, or add ${update.country} to the recommendation's \`addressed_to\`: ${update.country}'s country brief and programme dossier list only the recommendations addressed to it (the dossier shows this progress without the recommendation).`, [{ site: recIds.get(update.recommendation)!, message: 'the recommendation' }]);
          }
        }
        // A country refused by its schema (`Niger` for NER) is left out: the update is not then one for no country.
        if (!recIds.has(update.recommendation) || notBeneficiary || ctx.entryLostKey(file, ['updates', index], ['country'])) continue;
        sound.add(update);
        if (date === undefined || status === undefined) continue;
        const key = `${merged.get(update.recommendation) ?? update.recommendation}\u0000${update.country ?? ''}`;
        const entry = recommendationReports.get(key) ?? { ...(update.country !== undefined ? { country: update.country } : {}), list: [] };
        entry.list.push({ date, status, site: at('status'), id: update.recommendation });
        recommendationReports.set(key, entry);
      }
    }
  }
  // A copy is blamed, not the report it copies: `2023-11-30-copie.yaml` is read before `2023-11-30.yaml`
  // (“-” sorts before “.”), so the shorter name is taken as the original.
  for (const followUp of [...followUps].sort((a, b) => baseName(a.file.source.path).length - baseName(b.file.source.path).length)) checkRepeatedUpdates(ctx, followUp, updates, merged, sound);
  for (const [id, list] of reports) {
    list.sort(byDate);
    for (let i = 1; i < list.length; i++) {
      const [before, now] = [list[i - 1]!, list[i]!];
      if (conflicting(ctx, () => `action “${id}”`, before, now)) continue;
      // Done, then not started, in progress or blocked: the work was reopened, or a status was mistyped.
      if (before.status === 'done' && now.status !== 'done' && now.status !== 'dropped') {
        ctx.report('status-regression', 'warning', now.site, 'value', `Action “${id}” was reported done on ${before.date} and is now ${now.status.replace('-', ' ')}.`, 'If the work is to be done again, say so in the note; otherwise correct the status.', [{ site: before.site, message: 'reported done here' }]);
      }
    }
  }
  for (const { country, list } of recommendationReports.values()) {
    list.sort(byDate);
    for (let i = 1; i < list.length; i++) conflicting(ctx, (id) => recommendationSubject(id, country), list[i - 1]!, list[i]!);
  }
  checkLatestDate(ctx, followUps);
}

/** Up to this many reporters a workshop may have, the hint for an unknown one lists them all. */
const LISTED_REPORTERS = 12;

/**
 * The hint for a reporter that is neither an organization nor a beneficiary (and not written as
 * a name: partyMeant and beneficiaryMeant said those). A country's code (`MAR`, the host) is no
 * typo of a beneficiary's, however near (MLI): the organization that stands for that country
 * (countryOrganizations), else the reporters there are. Any other value: a near miss only when
 * plausible (one letter, or two swapped, in a short id), else the reporters there are.
 */
function reporterHint(ctx: RuleContext, written: string): string {
  const reporters = [...ctx.organizationIds, ...ctx.beneficiaries];
  const listed = reporters.length > 0 && reporters.length <= LISTED_REPORTERS ? `: ${reporters.join(', ')}` : '';
  if (COUNTRY_CODE.test(written) && ctx.table.has(written)) {
    const host = ctx.project.workshop.data.location?.country === written;
    const country = `${ctx.table.name(written, 'en')} (${written}) is ${host ? 'the host country, not a beneficiary' : 'not a beneficiary country of this workshop'}`;
    const standing = countryOrganizations(written, ctx.table, host, organizationsOf(ctx)).slice(0, 3);
    if (standing.length > 0) {
      const named = standing.map((org) => `“${org.id}”${org.name !== undefined ? ` (${org.name})` : ''}`);
      return `${country}: a report of its own is \`reported_by\` the id of its organization in workshop.yaml. Did you mean ${named.length === 1 ? named[0] : `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`}?`;
    }
    return `${country}: a report comes from an organization of workshop.yaml or a beneficiary${listed}. Add ${written} to workshop.yaml's \`countries\` if it is a beneficiary, or the body reporting to \`partners:\` with an id.`;
  }
  const near = plausibleNearMiss(written, reporters);
  if (near !== undefined) return `Did you mean “${near}”?`;
  return `Use the id of an organizer or partner, or the code of a beneficiary country${listed}.`;
}

/** The candidate `written` is likely a typo of: one letter off or two letters swapped for a short id (NRE for NER, not MAR for MLI), as didYouMean allows for a longer one. */
function plausibleNearMiss(written: string, candidates: readonly string[]): string | undefined {
  const swapped = candidates.find((candidate) => candidate.length === written.length && candidate !== written && [...candidate].sort().join('') === [...written].sort().join('') && [...candidate].filter((c, i) => c !== written[i]).length === 2);
  return suggest(written, candidates, written.length < 6 ? 1 : undefined) ?? swapped;
}

/** Years between the latest follow-up report and the one before it (or the workshop) past which its date is likely mistyped. */
const FAR_YEARS = 2;

/**
 * The latest report sets the date every status is computed as of: one dated years after the
 * report before it, or after the workshop when it is the only one (`2033-06-02` for 2023), made
 * every open action overdue in every document, without a word. A warning at its date. (Never
 * against the clock: a build says the same any day.) Said for a build without --as-of; a build
 * with it says what the date does then (see farReportWords).
 */
function checkLatestDate(ctx: RuleContext, followUps: RuleContext['project']['followUps']): void {
  const far = farLatestReport(followUps, ctx.datesToJudgeBy?.end);
  if (!far) return;
  const { message, hint } = farReportWords(far);
  ctx.report('follow-up-date-far', 'warning', { file: far.file, path: ['date'] }, 'value', message, hint);
}

/** The latest follow-up report, dated far after what came before it (see checkLatestDate). */
export interface FarReport<F> {
  file: F;
  date: string;
  /** Whole years after `before`. */
  years: number;
  before: { date: string; what: string };
}

/**
 * The latest report when it is dated more than FAR_YEARS after the report before it, or after the
 * workshop's end (`workshopEnd`) when it is the only one; else undefined. Pure.
 */
export function farLatestReport<F>(followUps: ReadonlyArray<{ file: F; data: { date?: unknown } }>, workshopEnd: string | undefined): FarReport<F> | undefined {
  const dated = followUps.flatMap((followUp) => (typeof followUp.data.date === 'string' ? [{ date: followUp.data.date, file: followUp.file }] : [])).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = dated[dated.length - 1];
  const before = dated.length > 1 ? { date: dated[dated.length - 2]!.date, what: 'the report before it' } : workshopEnd !== undefined ? { date: workshopEnd, what: 'the workshop' } : undefined;
  if (!latest || !before) return undefined;
  const years = (Date.parse(latest.date) - Date.parse(before.date)) / (365.25 * 86_400_000);
  if (!(years > FAR_YEARS)) return undefined;
  return { file: latest.file, date: latest.date, years: Math.floor(years), before };
}

/**
 * What follow-up-date-far says of a report dated far on: without --as-of (`validate`, a build
 * without it), every status is computed as of its date; with it, the status is computed as of
 * --as-of, and the report is either after it (not seen at all: its updates are missing) or seen,
 * at its date in each action's history. Pure.
 */
export function farReportWords(far: Pick<FarReport<unknown>, 'date' | 'years' | 'before'>, asOf?: string): { message: string; hint: string } {
  const fact = `This report is dated ${far.date}, ${far.years} years after ${far.before.what} (${far.before.date})`;
  const hint = 'Check the year. If the date is right, nothing is wrong; a report in between would show how the actions went.';
  if (asOf === undefined) return { message: `${fact}: every action's status is computed as of this date, and each one still open is overdue by then.`, hint };
  if (asOf < far.date) return { message: `${fact}: it is after --as-of ${asOf}, so none of its updates is seen (without --as-of, every action's status would be computed as of ${far.date}, and each one still open overdue by then).`, hint };
  return { message: `${fact}: --as-of ${asOf} is after it, so its updates count, each at ${far.date} in its action's history.`, hint };
}

/** An update as far as it is written right: one taken out by its errors has no status. */
type Named = Omit<FollowUpUpdate, 'status'> & { status?: ActionStatus };

/**
 * The updates of a report that its schema errors took out whole (one missing its status after a
 * mistyped one: `status: finished`), as far as what they name is written right: the action or the
 * recommendation, and its country, each a text that was not itself taken out. Without a status, so
 * only what they name is checked. Each with its index.
 */
function takenOut(ctx: RuleContext, file: ParsedFile, kept: readonly FollowUpUpdate[] | undefined): Array<[Named, number]> {
  const written = (file.data as { updates?: unknown } | undefined)?.updates;
  if (!Array.isArray(written)) return [];
  const out: Array<[Named, number]> = [];
  written.forEach((entry: unknown, index) => {
    if (kept?.[index] !== undefined || entry === null || typeof entry !== 'object') return;
    const text = (key: string) => {
      const value = (entry as Record<string, unknown>)[key];
      return typeof value === 'string' && !ctx.entryLostKey(file, ['updates', index], [key]) ? { [key]: value } : {};
    };
    out.push([{ ...text('action'), ...text('recommendation'), ...text('country') }, index]);
  });
  return out;
}

function byDate(a: { date: string }, b: { date: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/** An update as the agreement of reports compares it: its date, status, place, and the id it names. */
interface Reported {
  date: string;
  status: ActionStatus;
  site: Site;
  id: string;
}

/** `recommendation “api-pnr” for NER`: what a recommendation's update reports on, as its messages say it. */
function recommendationSubject(id: string, country: string | undefined): string {
  return `recommendation “${id}”${country !== undefined ? ` for ${country}` : ''}`;
}

/**
 * Two reports of one subject (an action, a recommendation for a country) on the same date that
 * disagree: an error at the later, the other related; whether they were. `subject`: the subject as
 * named by an id. Two ids of one recommendation (same_as) are one subject, and the message says so.
 */
function conflicting(ctx: RuleContext, subject: (id: string) => string, before: Reported, now: Reported): boolean {
  if (before.date !== now.date || before.status === now.status) return false;
  const alias = before.id === now.id ? '' : `“${before.id}”`;
  // Two updates of one report (a line added at the end, the earlier one forgotten) are not “two reports”.
  if (before.site.file === now.site.file) {
    ctx.report('conflicting-follow-up', 'error', now.site, 'value', `This report gives ${subject(now.id)} twice, and they disagree: ${before.status} above${alias && ` (as ${alias}, which same_as makes the same recommendation)`} and ${now.status} here.`, 'Keep one of the two updates: a report says where things stand on its date once.', [{ site: before.site, message: `the other update in this report${alias && `, on ${alias}`}` }]);
    return true;
  }
  const disagree = alias ? `${now.status} here, and ${before.status} in the other, which names it ${alias} (same_as makes them one recommendation)` : `${before.status} and ${now.status}`;
  ctx.report('conflicting-follow-up', 'error', now.site, 'value', `Two reports of ${before.date} disagree on ${subject(now.id)}: ${disagree}.`, 'Correct one of them, or date the later report on its own day.', [{ site: before.site, message: `the other report of that date${alias && `, on ${alias}`}` }]);
  return true;
}

/**
 * Each recommendation id, with the id of the recommendation the report makes of it: the end of its
 * same_as chain (groupRecommendations), itself when it is merged with none.
 */
function mergedRecommendations(ctx: RuleContext): Map<string, string> {
  const byId = new Map<string, string>();
  for (const group of groupRecommendations(ctx.project.sessions)) {
    const key = group.root.rec.id ?? group.members.find(({ rec }) => rec.id !== undefined)?.rec.id;
    if (key === undefined) continue;
    for (const { rec } of group.members) if (rec.id !== undefined && !byId.has(rec.id)) byId.set(rec.id, key);
  }
  return byId;
}

/**
 * The same update twice (what it reports on, date, reporter and status): a report copied under
 * another name, every update of which would count twice. One warning for a report that repeats
 * another whole, else one per repeated update, each with the first as a related place. `seen`: the
 * updates of the reports before, by what they report on, date and reporter. Only the updates in
 * `sound` (none whose action, recommendation or country is in error) are compared.
 */
function checkRepeatedUpdates(ctx: RuleContext, followUp: RuleContext['project']['followUps'][number], seen: Map<string, { status: string; site: Site; id: string }>, merged: ReadonlyMap<string, string>, sound: ReadonlySet<Named>): void {
  const { file, data } = followUp;
  if (data.date === undefined || data.reported_by === undefined) return;
  const repeats: Array<{ index: number; subject: string; action: boolean; status: string; first: Site }> = [];
  data.updates?.forEach((update, index) => {
    if (update.status === undefined || !sound.has(update)) return;
    const id = (update.action ?? update.recommendation)!;
    // Two ids of one recommendation (same_as) are one: its progress would show the update twice all the same.
    const what = update.action !== undefined ? `action\u0000${id}` : `recommendation\u0000${merged.get(id) ?? id}\u0000${update.country ?? ''}`;
    const key = `${what}\u0000${data.date}\u0000${data.reported_by}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, { status: update.status, site: { file, path: ['updates', index, 'status'] }, id });
    else if (first.status === update.status) {
      const named = update.action !== undefined ? `action “${id}”` : recommendationSubject(id, update.country);
      repeats.push({ index, subject: first.id === id ? named : `${named} (as “${first.id}”, which same_as makes the same recommendation)`, action: update.action !== undefined, status: update.status, first: first.site });
    }
  });
  if (repeats.length === 0) return;
  const other = repeats[0]!.first.file;
  if (other !== file && repeats.length === data.updates?.length && repeats.every((repeat) => repeat.first.file === other)) {
    ctx.report('repeated-follow-up', 'warning', { file, path: ['date'] }, 'value', `This report repeats ${other.source.path}: the same date, reporter and ${repeats.length === 1 ? 'update' : `${repeats.length} updates`}, each of which would count twice.`, 'Delete one of the two (a copy?), or correct the date and updates of one.', [{ site: { file: other, path: ['date'] }, message: 'the report it repeats' }]);
    return;
  }
  for (const repeat of repeats) {
    const where = repeat.first.file === file ? 'earlier in this report' : `in ${repeat.first.file.source.path}`;
    ctx.report('repeated-follow-up', 'warning', { file, path: ['updates', repeat.index] }, 'mapping-start', `${data.reported_by} already reported ${repeat.subject} as ${repeat.status} on ${data.date}, ${where}: ${repeat.action ? 'the action\'s history' : 'its progress'} would show it twice.`, 'Delete one of the two, or correct its date or status.', [{ site: repeat.first, message: 'the same update' }]);
  }
}

/**
 * Each action of `sessions` without an id (and with a text), in order, with the id to suggest for
 * it: from its first words, unique among the workshop's action ids and the ids suggested before it,
 * so the workshop's rule and the programme's suggest the same. `judged`: whether an action is (one
 * whose id was refused is not “without an id”). Pure.
 */
export function actionsWithoutId<S extends { file: ParsedFile; data: { actions?: ReadonlyArray<{ id?: string; text?: unknown }> | undefined } }>(sessions: readonly S[], judged: (file: ParsedFile, index: number) => boolean = () => true): Array<{ session: S; index: number; id: string }> {
  const taken = new Set(sessions.flatMap((session) => (session.data.actions ?? []).flatMap((action) => action.id ?? [])));
  const found: Array<{ session: S; index: number; id: string }> = [];
  for (const session of sessions) session.data.actions?.forEach((action, index) => {
    if (action.id !== undefined || typeof action.text !== 'string' || !judged(session.file, index)) return;
    const id = actionIdFor(action.text, taken);
    taken.add(id);
    found.push({ session, index, id });
  });
  return found;
}

/** An id for an action from its first words (`organize-a-national-workshop`), not one of `taken`. */
function actionIdFor(text: string, taken: ReadonlySet<string>): string {
  const words = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim().split(' ').filter(Boolean).slice(0, 4);
  const base = words.join('-') || 'action';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * Who each recommendation (by id) is addressed to: its own `addressed_to` and those of the
 * recommendations merged with it by `same_as`, in the groups the report makes (groupRecommendations).
 */
function addresseesById(ctx: RuleContext): Map<string, ReadonlySet<string>> {
  const byId = new Map<string, ReadonlySet<string>>();
  for (const group of groupRecommendations(ctx.project.sessions)) {
    const addressees = new Set(group.members.flatMap(({ rec }) => (rec.addressed_to ?? []).filter((id) => typeof id === 'string')));
    for (const { rec } of group.members) if (rec.id !== undefined && !byId.has(rec.id)) byId.set(rec.id, addressees);
  }
  return byId;
}
