import { translate } from '../i18n/index.js';
import { didYouMean } from '../validate/suggest.js';
import type { CountryTable } from '../reference/countries.js';
import type { DocumentEntry, Language, WorkshopNotes } from '../notes/types.js';
import type { AffiliationName } from './filter.js';
import { editionsOf, type Edition } from './edition.js';
import { SetupError } from '../errors.js';

export { editionsOf, type Edition } from './edition.js';
export { forEdition, type AffiliationName } from './filter.js';
export { alsoPublicDiagnostic, editionGuard, findLeaks, hasRestricted, leakDiagnostic, leakedTexts, leakSearch, PROGRAMME_GUARD, restrictedTexts, type LeakGuardOwner, type RestrictedText } from './leaks.js';
export { textsIn } from './text-search.js';
export { markDocument } from './marking.js';

/** The edition called `name` (default: the first); a SetupError names the editions there are. */
export function editionNamed(workshop: WorkshopNotes, name: string | undefined): Edition {
  const editions = editionsOf(workshop);
  const found = name === undefined ? editions[0] : editions.find((edition) => edition.name === name);
  if (!found) {
    const meant = workshop.report?.editions ? didYouMean(name!, editions.map((e) => e.name)) : undefined;
    throw new SetupError(`This workshop has no edition called “${name}”.`, workshop.report?.editions ? `${meant ? `${meant} ` : ''}Its editions (report.editions): ${editions.map((e) => e.name).join(', ')}.` : 'It has one edition with everything; define report.editions in workshop.yaml to have more.');
  }
  return found;
}

/** The documents of one edition: a custom document with `editions:` belongs only to those it names. */
export function documentsOf(entries: readonly DocumentEntry[], edition: Edition): DocumentEntry[] {
  return entries.filter((entry) => typeof entry === 'string' || entry.editions === undefined || entry.editions.includes(edition.name));
}

/** How `attribution: organizations` names a person: their organization (acronym, else name, else the text), else their country. */
export function affiliationNames(workshop: WorkshopNotes, table: CountryTable, language: Language): AffiliationName {
  const organizations = new Map([...workshop.organizers, ...(workshop.partners ?? [])].map((org) => [org.id, org.acronym ?? org.name]));
  return (person) => {
    const of = person.organization !== undefined ? organizations.get(person.organization) ?? person.organization : person.country !== undefined ? table.name(person.country, language) : undefined;
    return of ? translate(language, 'representative_of', { of }) : translate(language, 'a_participant');
  };
}
