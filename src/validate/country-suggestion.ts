import type { CountryTable, NameLanguage } from '../reference/countries.js';
import { suggest } from './suggest.js';

/** The languages whose UN names a country written by name is looked up in. */
export const NAME_LANGUAGES: readonly NameLanguage[] = ['en', 'fr', 'es'];

/** A name as compared: no accents, no case, single spaces (`Côte d’Ivoire` and `cote d'ivoire` alike). */
export function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[’‘]/g, '\'').replace(/\s+/g, ' ').trim();
}

/**
 * The country code a value written where a code goes probably means: the code in other case
 * (`mli` → MLI), a country's UN name (`Mali`, `Niger`), or a name close to a beneficiary's
 * (`Maly`). A beneficiary (workshop.yaml's `countries`) is preferred to any other country.
 * Undefined when nothing fits.
 */
export function countryMeant(written: string, beneficiaries: readonly string[], table: CountryTable): string | undefined {
  const code = written.trim().toUpperCase();
  if (/^[A-Z]{3}$/.test(code) && (beneficiaries.includes(code) || table.has(code))) return code;
  const name = folded(written);
  if (name.length === 0) return undefined;
  const named = (codes: readonly string[]) => codes.find((candidate) => NAME_LANGUAGES.some((language) => folded(table.name(candidate, language)) === name));
  const exact = named(beneficiaries) ?? named(table.codes());
  if (exact !== undefined) return exact;
  // A name close to a beneficiary's only: the whole table has too many near names to guess among.
  const byName = new Map(beneficiaries.flatMap((candidate) => NAME_LANGUAGES.map((language) => [folded(table.name(candidate, language)), candidate] as const)));
  const near = suggest(name, byName.keys());
  return near === undefined ? undefined : byName.get(near);
}

/** "Did you mean “MLI”?" (with the UN name when a name was written) for a value written where a country code goes, else undefined. */
export function countryHint(written: string, beneficiaries: readonly string[], table: CountryTable): string | undefined {
  const code = countryMeant(written, beneficiaries, table);
  if (code === undefined) return undefined;
  const sameLetters = written.trim().toUpperCase() === code;
  return sameLetters ? `Did you mean “${code}”? Country codes are written in capitals.` : `Did you mean “${code}” (${table.name(code, 'en')})? A country is written as its ISO 3166-1 alpha-3 code.`;
}
