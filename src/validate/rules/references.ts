import type { DataPath } from '../../load/index.js';
import { sameAsElsewhere } from '../../notes/same-as.js';
import { invalidIdReference, type RuleContext, type Site } from '../context.js';
import { countryHint, countryMeant } from '../country-suggestion.js';
import { didYouMean } from '../suggest.js';
import { namedOrganizations, partyMeant, type NamedOrganization } from '../party-suggestion.js';
import { UnknownUses } from './unknown-uses.js';

/** A country code as the notes write one (MLI), as opposed to an organization id. */
export const COUNTRY_CODE = /^[A-Z]{3}$/;
const MEMBER_STATES = 'member-states';

/** Country codes, theme ids, organization ids and recommendation ids must refer to something. */
export function checkReferences(ctx: RuleContext): void {
  const { workshop, sessions, countries } = ctx.project;
  const w = workshop.data;
  const inWorkshop = (path: DataPath): Site => ({ file: workshop.file, path });

  w.countries?.forEach((code, i) => anyCountry(ctx, code, inWorkshop(['countries', i])));
  if (w.location) anyCountry(ctx, w.location.country, inWorkshop(['location', 'country']));
  w.participation?.forEach((entry, i) => {
    if (entry.country !== undefined) beneficiary(ctx, entry.country, inWorkshop(['participation', i, 'country']), 'value');
  });

  const recIds = ctx.recommendationSites;
  const themeIds = (w.themes ?? []).flatMap((theme) => theme.id);
  const unknownThemes = new UnknownUses();
  // With whether member-states was allowed where it was first used (an addressee, not an owner).
  const unknownOrganizations = new UnknownUses<boolean>();
  const knownTheme = (theme: string, site: Site) => {
    if (themeIds.includes(theme) || !ctx.knowsAll('themes') || ctx.mayBeLeftOut(theme)) return;
    unknownThemes.add(theme, site, undefined);
  };
  const addressee = (target: string, site: Site, allowMemberStates = true) => knownAddressee(ctx, target, site, allowMemberStates, unknownOrganizations);
  for (const session of sessions) {
    const s = session.data;
    const at = (path: DataPath): Site => ({ file: session.file, path });
    s.themes?.forEach((theme, i) => knownTheme(theme, at(['themes', i])));
    s.speakers?.forEach((speaker, i) => {
      if (speaker.country !== undefined) anyCountry(ctx, speaker.country, at(['speakers', i, 'country']));
    });
    for (const code of Object.keys(s.country_notes ?? {})) beneficiary(ctx, code, at(['country_notes', code]), 'key');
    s.recommendations?.forEach((rec, i) => {
      knownTheme(rec.theme, at(['recommendations', i, 'theme']));
      rec.addressed_to?.forEach((target, j) => addressee(target, at(['recommendations', i, 'addressed_to', j])));
      // A same_as naming another workshop's recommendation (niamey-2022:api-pnr) is checked with the programme.
      if (rec.same_as === undefined || recIds.has(rec.same_as) || sameAsElsewhere(rec.same_as)) return;
      const site = at(['recommendations', i, 'same_as']);
      // Never this recommendation itself: following a "did you mean" of its own id would make a loop.
      const others = [...recIds.keys()].filter((id) => id !== rec.id);
      const meant = ctx.invalidIdMeant('recommendations', rec.same_as, others, at(['recommendations', i]));
      if (meant) {
        const { because, hint, related } = invalidIdReference('recommendation', rec.same_as, meant);
        ctx.report('unknown-same-as', 'error', site, 'value', `“same_as: ${rec.same_as}” names no recommendation: ${because}.`, hint, related);
      } else if (!ctx.mayBeLeftOutOrUnread(rec.same_as, others)) {
        ctx.report('unknown-same-as', 'error', site, 'value', `“same_as: ${rec.same_as}” names no recommendation.`,
          didYouMean(rec.same_as, others) ?? 'Give the id of the recommendation this one repeats; that recommendation needs an `id:`.');
      }
    });
    const knownRecommendation = (id: string, site: Site) => knownRecommendationId(ctx, id, site);
    s.actions?.forEach((action, i) => {
      addressee(action.owner, at(['actions', i, 'owner']), false);
      action.countries?.forEach((code, j) => beneficiary(ctx, code, at(['actions', i, 'countries', j]), 'value'));
      action.recommendations?.forEach((id, j) => knownRecommendation(id, at(['actions', i, 'recommendations', j])));
    });
    // An action its schema error took out whole (an owner written as a name): its recommendations
    // are checked all the same, so one run says both mistakes, not one per run.
    const written = (session.file.data as { actions?: unknown } | undefined)?.actions;
    if (Array.isArray(written)) written.forEach((entry: unknown, i) => {
      if (s.actions?.[i] !== undefined || entry === null || typeof entry !== 'object' || ctx.entryLostKey(session.file, ['actions', i], ['recommendations'])) return;
      const ids = (entry as { recommendations?: unknown }).recommendations;
      if (Array.isArray(ids)) ids.forEach((id: unknown, j) => typeof id === 'string' && /^[A-Za-z0-9][\w-]*$/.test(id) && knownRecommendation(id, at(['actions', i, 'recommendations', j])));
    });
  }
  for (const country of countries) {
    if (country.data.country !== undefined) beneficiary(ctx, country.data.country, { file: country.file, path: ['country'] }, 'value');
  }
  unknownThemes.report(ctx, 'unknown-theme', 'error', (theme) => `“${theme}” is not a theme of this workshop`,
    (theme) => didYouMean(theme, themeIds) ?? `Themes are defined in workshop.yaml: ${themeIds.join(', ')}.`,
    'If a theme\'s id was changed in workshop.yaml, change it back, or give its uses the new id.');
  const choices = (allowMemberStates: boolean) => [...ctx.organizationIds, ...ctx.beneficiaries, ...(allowMemberStates ? [MEMBER_STATES] : [])];
  unknownOrganizations.report(ctx, 'unknown-organization', 'error', (target) => `“${target}” is not an organization id or a beneficiary country code`,
    (target, allowMemberStates) => partyMeant(target, organizationsOf(ctx), allowMemberStates) ?? beneficiaryMeant(ctx, target) ?? didYouMean(target, choices(allowMemberStates)) ?? `Use one of: ${choices(allowMemberStates).join(', ')} (organizations are defined in workshop.yaml).`,
    'If an organization\'s id was changed in workshop.yaml, change it back, or give its uses the new id.');
}

/**
 * A recommendation id an action or a follow-up update names (`recommendations: [api-pnr]`,
 * `recommendation: api-pnr`): `unknown-recommendation` at `site` when no recommendation has it,
 * said as the consequence of an `id:` that is not valid when it names one (with where that is),
 * and not at all when it may name one left out. `report`: whether a follow-up report names it: the
 * error then carries the id (`actual`), for a programme to say whose recommendation it is (idsElsewhere).
 */
export function knownRecommendationId(ctx: RuleContext, id: string, site: Site, report = false): void {
  const recIds = ctx.recommendationSites;
  if (recIds.has(id)) return;
  const meant = ctx.invalidIdMeant('recommendations', id, recIds.keys());
  if (meant) {
    const { because, hint, related } = invalidIdReference('recommendation', id, meant);
    ctx.report('unknown-recommendation', 'error', site, 'value', `No recommendation has the id “${id}”: ${because}.`, hint, related, report ? id : undefined);
  } else if (!ctx.mayBeLeftOutOrUnread(id, recIds.keys())) {
    ctx.report('unknown-recommendation', 'error', site, 'value', `No recommendation has the id “${id}”.`,
      didYouMean(id, recIds.keys()) ?? 'Use the `id:` of a recommendation in a session file.', [], report ? id : undefined);
  }
}

/**
 * `addressed_to: [mali]`, `owner: Niger`: the beneficiary meant, said as where a country code goes
 * ("Did you mean “MLI” (Mali)?"). A country that is not a beneficiary is not one an addressee or an
 * owner may be, so it is not suggested.
 */
export function beneficiaryMeant(ctx: RuleContext, target: string): string | undefined {
  const beneficiaries = [...ctx.beneficiaries];
  const code = countryMeant(target, beneficiaries, ctx.table);
  return code !== undefined && ctx.beneficiaries.has(code) ? countryHint(target, beneficiaries, ctx.table) : undefined;
}

function anyCountry(ctx: RuleContext, code: string, site: Site): boolean {
  if (ctx.table.has(code)) return true;
  ctx.report('unknown-country', 'error', site, 'value', `“${code}” is not a country code in the UN M49 table.`,
    didYouMean(code, ctx.table.codes()) ?? 'Use the ISO 3166-1 alpha-3 code, e.g. MLI for Mali, BFA for Burkina Faso.');
  return false;
}

function beneficiary(ctx: RuleContext, code: string, site: Site, part: 'key' | 'value'): void {
  if (!ctx.table.has(code)) {
    ctx.report('unknown-country', 'error', site, part, `“${code}” is not a country code in the UN M49 table.`,
      didYouMean(code, ctx.beneficiaries) ?? 'Use the ISO 3166-1 alpha-3 code of a beneficiary country.');
  } else if (!ctx.beneficiaries.has(code) && ctx.knowsAll('countries') && !ctx.mayBeMisspeltBeneficiary(code)) {
    ctx.report('not-beneficiary', 'error', site, part, `${ctx.table.name(code, 'en')} (${code}) is not a beneficiary country of this workshop.`,
      `Beneficiary countries (workshop.yaml \`countries\`): ${[...ctx.beneficiaries].join(', ')}. Add ${code} there if it is one.`);
  }
}

/** The organizers and partners of workshop.yaml, with their names and acronyms. */
export function organizationsOf(ctx: RuleContext): NamedOrganization[] {
  return namedOrganizations(ctx.project.workshop.data);
}

/** addressed_to and owner: member-states (addressees only), a beneficiary code or an organization id (an unknown one goes to `unknown`). */
function knownAddressee(ctx: RuleContext, target: string, site: Site, allowMemberStates: boolean, unknown: UnknownUses<boolean>): void {
  if (allowMemberStates && target === MEMBER_STATES) return;
  if (ctx.organizationIds.has(target) || ctx.mayBeLeftOut(target)) return;
  // `IOM`: three capitals, but an organization's acronym, not a country (said as a country code not in the M49 table).
  if (COUNTRY_CODE.test(target) && (ctx.table.has(target) || partyMeant(target, organizationsOf(ctx), allowMemberStates) === undefined)) {
    beneficiary(ctx, target, site, 'value');
    return;
  }
  if (!ctx.knowsAll('organizers') || (ctx.project.workshop.data.partners !== undefined && !ctx.knowsAll('partners'))) return;
  unknown.add(target, site, allowMemberStates);
}
