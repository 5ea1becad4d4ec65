import type { Edition } from '../editions/index.js';
import type { Language } from '../notes/types.js';

/** One site a build makes: one language's edition, in its folder of the output folder. */
export interface BuiltSite {
  language: Language;
  /** Its folder is '' for the one edition of a project without report.editions. */
  edition: Pick<Edition, 'name' | 'folder' | 'public' | 'marking'>;
  /** `fr/public/`, `public/`, `fr/`, or '' (the output folder itself: one language, no report.editions). */
  folder: string;
  /** The workshop's title in the site's language. */
  title: string;
  /** The documents it holds, by their path in the output folder (`fr/public/countries/MLI.md`). */
  documents: ReadonlySet<string>;
}

/**
 * The same edition's sites in the report's other languages: the only ones a site's pages may link to
 * as their translations. Never another edition's: a public page neither links to nor names a
 * restricted one. Empty with one language. Pure.
 */
export function otherLanguages(sites: readonly BuiltSite[], site: BuiltSite): BuiltSite[] {
  return sites.filter((other) => other.edition.name === site.edition.name && other.language !== site.language);
}

/**
 * The sites as the output folder's entry page lists them: public editions first, then the others,
 * each group as report.editions lists them, each edition in the report's languages' order. Pure.
 */
export function entryOrder(sites: readonly BuiltSite[]): BuiltSite[] {
  const editions = [...new Set(sites.map((site) => site.edition.name))];
  const isPublic = (name: string) => sites.some((site) => site.edition.name === name && site.edition.public);
  const ordered = [...editions.filter(isPublic), ...editions.filter((name) => !isPublic(name))];
  return ordered.flatMap((name) => sites.filter((site) => site.edition.name === name));
}
