/** An organizer or partner as workshop.yaml defines it, for suggestions. */
export interface NamedOrganization {
  id: string;
  name?: string;
  acronym?: string;
}

const normal = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/[\s_-]+/g, ' ');

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
