import type { DataPath } from '../../load/index.js';
import { sameAsElsewhere } from '../../notes/same-as.js';
import type { RuleContext, Site } from '../context.js';
import { LIMITS } from '../../limits.js';
import { didYouMean } from '../suggest.js';

const COUNTRY_CODE = /^[A-Z]{3}$/;
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
  // Each unknown theme once, with its uses: a theme renamed in workshop.yaml is one mistake, not one per use.
  const unknownThemes = new Map<string, Site[]>();
  const knownTheme = (theme: string, site: Site) => {
    if (themeIds.includes(theme) || !ctx.knowsAll('themes') || ctx.mayBeLeftOut(theme)) return;
    unknownThemes.set(theme, [...(unknownThemes.get(theme) ?? []), site]);
  };
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
      rec.addressed_to?.forEach((target, j) => addressee(ctx, target, at(['recommendations', i, 'addressed_to', j])));
      // A same_as naming another workshop's recommendation (niamey-2022:api-pnr) is checked with the programme.
      if (rec.same_as !== undefined && !recIds.has(rec.same_as) && !ctx.mayBeLeftOut(rec.same_as) && !sameAsElsewhere(rec.same_as)) {
        ctx.report('unknown-same-as', 'error', at(['recommendations', i, 'same_as']), 'value',
          `“same_as: ${rec.same_as}” names no recommendation.`,
          didYouMean(rec.same_as, recIds.keys()) ?? 'Give the id of the recommendation this one repeats; that recommendation needs an `id:`.');
      }
    });
    s.actions?.forEach((action, i) => {
      addressee(ctx, action.owner, at(['actions', i, 'owner']), false);
      action.countries?.forEach((code, j) => beneficiary(ctx, code, at(['actions', i, 'countries', j]), 'value'));
      action.recommendations?.forEach((id, j) => {
        if (!recIds.has(id) && !ctx.mayBeLeftOut(id)) {
          ctx.report('unknown-recommendation', 'error', at(['actions', i, 'recommendations', j]), 'value',
            `No recommendation has the id “${id}”.`,
            didYouMean(id, recIds.keys()) ?? 'Use the `id:` of a recommendation in any session file.');
        }
      });
    });
  }
  for (const country of countries) {
    if (country.data.country !== undefined) beneficiary(ctx, country.data.country, { file: country.file, path: ['country'] }, 'value');
  }
  reportUnknownThemes(ctx, unknownThemes, themeIds);
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
  } else if (!ctx.beneficiaries.has(code) && ctx.knowsAll('countries')) {
    ctx.report('not-beneficiary', 'error', site, part, `${ctx.table.name(code, 'en')} (${code}) is not a beneficiary country of this workshop.`,
      `Beneficiary countries (workshop.yaml \`countries\`): ${[...ctx.beneficiaries].join(', ')}. Add ${code} there if it is one.`);
  }
}

/** One error per unknown theme, at its first use, listing the others (at most LIMITS.relatedLocations). */
function reportUnknownThemes(ctx: RuleContext, unknown: ReadonlyMap<string, Site[]>, themeIds: readonly string[]): void {
  for (const [theme, [first, ...others]] of unknown) {
    const shown = others.slice(0, LIMITS.relatedLocations);
    const more = others.length - shown.length;
    const hint = didYouMean(theme, themeIds) ?? `Themes are defined in workshop.yaml: ${themeIds.join(', ')}.`;
    ctx.report('unknown-theme', 'error', first!, 'value',
      `“${theme}” is not a theme of this workshop${others.length ? `, and ${others.length} more ${others.length === 1 ? 'place uses' : 'places use'} it` : ''}.`,
      others.length ? `${hint} If a theme's id was changed in workshop.yaml, change it back, or give its uses the new id.` : hint,
      shown.map((site, k) => ({ site, message: k === shown.length - 1 && more > 0 ? `another use, and ${more} more` : 'another use' })));
  }
}

/** addressed_to and owner: member-states (addressees only), a beneficiary code or an organization id. */
function addressee(ctx: RuleContext, target: string, site: Site, allowMemberStates = true): void {
  if (allowMemberStates && target === MEMBER_STATES) return;
  if (ctx.organizationIds.has(target) || ctx.mayBeLeftOut(target)) return;
  if (COUNTRY_CODE.test(target)) {
    beneficiary(ctx, target, site, 'value');
    return;
  }
  if (!ctx.knowsAll('organizers') || (ctx.project.workshop.data.partners !== undefined && !ctx.knowsAll('partners'))) return;
  const choices = [...ctx.organizationIds, ...ctx.beneficiaries, ...(allowMemberStates ? [MEMBER_STATES] : [])];
  ctx.report('unknown-organization', 'error', site, 'value', `“${target}” is not an organization id or a beneficiary country code.`,
    didYouMean(target, choices) ?? `Use one of: ${choices.join(', ')} (organizations are defined in workshop.yaml).`);
}
