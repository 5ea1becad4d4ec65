/** An organizer or partner as workshop.yaml defines it, for suggestions. */
export interface NamedOrganization {
  id: string;
  name?: string;
  acronym?: string;
}

/** The organizers and partners of workshop.yaml (as far as they were read), with their names and acronyms. Pure. */
export function namedOrganizations(workshop: { organizers?: ReadonlyArray<Partial<NamedOrganization>>; partners?: ReadonlyArray<Partial<NamedOrganization>> }): NamedOrganization[] {
  return [...workshop.organizers ?? [], ...workshop.partners ?? []].flatMap((org) => (typeof org?.id === 'string' ? [{ id: org.id, ...(typeof org.name === 'string' ? { name: org.name } : {}), ...(typeof org.acronym === 'string' ? { acronym: org.acronym } : {}) }] : []));
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
