import type { CountryTable } from '../reference/countries.js';
import { folded, NAME_LANGUAGES } from './country-suggestion.js';

/** An organizer or partner as workshop.yaml defines it, for suggestions. */
export interface NamedOrganization {
  id: string;
  name?: string;
  acronym?: string;
  /** Its role, as written (`host`, `field-visit host`, `expert`). */
  role?: string;
}

/** The organizers and partners of workshop.yaml (as far as they were read), with their names, acronyms and roles. Pure. */
export function namedOrganizations(workshop: { organizers?: ReadonlyArray<Partial<NamedOrganization>>; partners?: ReadonlyArray<Partial<NamedOrganization>> }): NamedOrganization[] {
  return [...workshop.organizers ?? [], ...workshop.partners ?? []].flatMap((org) => (typeof org?.id === 'string' ? [{ id: org.id, ...(typeof org.name === 'string' ? { name: org.name } : {}), ...(typeof org.acronym === 'string' ? { acronym: org.acronym } : {}), ...(typeof org.role === 'string' ? { role: org.role } : {}) }] : []));
}

/**
 * The organizations of workshop.yaml that stand for the country `code` (an organization has no
 * country of its own): those whose name or id names it by one of its UN names (`Kingdom of
 * Morocco`, `morocco-interior` for MAR), and, when it is the host country (`host`), one whose role
 * is a host's; a host's first, then the shortest name. Pure.
 */
export function countryOrganizations(code: string, table: CountryTable, host: boolean, organizations: readonly NamedOrganization[]): NamedOrganization[] {
  // `Bolivia (Plurinational State of)`: its name without the part in brackets.
  const names = [...new Set(NAME_LANGUAGES.map((language) => folded(table.name(code, language).replace(/\s*\(.*\)\s*$/, ''))))].filter((name) => name.length > 0 && name !== folded(code));
  const words = (text: string) => ` ${folded(text).replace(/[^\p{L}\p{N}']+/gu, ' ').trim()} `;
  const namesIt = (org: NamedOrganization) => [org.name, org.id.replace(/[-_]+/g, ' ')].some((text) => text !== undefined && names.some((name) => words(text).includes(` ${name} `)));
  const hosting = (org: NamedOrganization) => host && org.role !== undefined && /\bhost\b/i.test(org.role);
  return organizations
    .flatMap((org) => {
      const named = namesIt(org);
      return named || hosting(org) ? [{ org, rank: (hosting(org) ? 0 : 2) + (named ? 0 : 1) }] : [];
    })
    .sort((a, b) => a.rank - b.rank || (a.org.name ?? a.org.id).length - (b.org.name ?? b.org.id).length)
    .map(({ org }) => org);
}

/**
 * The hint for a name written where an owner's, an addressee's or a reporter's id goes
 * (`owner: Ministry of Interior`): the one meant (partyMeant), else the ids it may be. Undefined for
 * a word without spaces (an id mistyped: its own rules say it). Pure.
 */
export function partyHint(written: string, organizations: readonly NamedOrganization[], beneficiaries: readonly string[], allowMemberStates: boolean): string | undefined {
  const name = written.trim();
  if (!/\s/.test(name)) return undefined;
  const ids = [...organizations.map((org) => org.id), ...beneficiaries];
  return partyMeant(written, organizations, allowMemberStates)
    ?? `“${name}” is written as a name: an owner, addressee or reporter is named by an id, one of ${ids.join(', ') || 'the organizations and beneficiary countries of workshop.yaml'}. To name another body, add it to \`partners:\` in workshop.yaml with an id, or name the country and say the body in the text.`;
}

// (`The International Organization for Migration` is its name too.)
const normal = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/[\s_-]+/g, ' ').replace(/^(?:(?:the|les|la|le) |l['’])/, '');

/**
 * The organization, or `member-states`, that a value written where an owner, an addressee or a
 * reporter goes was meant to name: `IOM` or `Iom` (its id or acronym in other case), `International
 * Organization for Migration` (its name), `Member States` or `all` (every beneficiary, where
 * member-states may go). As a hint, or undefined. Pure.
 */
export function partyMeant(written: string, organizations: readonly NamedOrganization[], allowMemberStates: boolean): string | undefined {
  const word = normal(written);
  if (allowMemberStates && ['member states', 'all', 'all member states', 'all countries', 'everyone', 'memberstates'].includes(word)) {
    return 'Did you mean “member-states” (every beneficiary country)?';
  }
  const org = organizations.find((o) => o.id !== written && [o.id, o.acronym, o.name].some((form) => form !== undefined && normal(form) === word));
  if (!org) return undefined;
  return `Did you mean “${org.id}”${org.name && normal(org.name) !== normal(org.id) ? ` (${org.name})` : ''}? An organization is named by its id in workshop.yaml.`;
}
