import path from 'node:path';
import type { EntryEdition } from '../../html/entry-page.js';
import type { PageTranslation } from '../../html/language-switch.js';
import { entryOrder, type BuiltSite } from '../sites.js';

/**
 * Where the page of `file` (a document, `en/public/countries/MLI.md`, or the site's index,
 * `en/public/index.md`) is in each of `others` (the edition's sites in its other languages) that
 * has it, from the page itself (`../../../fr/public/countries/MLI.html`): a language without that
 * page is left out. `folder` is the page's site's folder (`en/public/`). Pure.
 */
export function pageTranslations(file: string, folder: string, others: readonly BuiltSite[]): PageTranslation[] {
  const inSite = file.slice(folder.length);
  const isIndex = inSite === 'index.md';
  return others.flatMap((site) => {
    const there = `${site.folder}${inSite}`;
    const exists = isIndex ? site.documents.size > 0 : site.documents.has(there);
    return exists ? [{ language: site.language, href: path.posix.relative(path.posix.dirname(file), there.replace(/\.md$/, '.html')) }] : [];
  });
}

/**
 * What the output folder's entry page lists, when its sites are in folders of their own (several
 * languages, or report.editions); undefined when the output folder is itself the one site (its
 * index.html is the site's) or no site has a page. Each edition (public first) with its site in
 * each language, linked from the output folder. Pure.
 */
export function entryEditions(sites: readonly BuiltSite[]): EntryEdition[] | undefined {
  const listed = entryOrder(sites.filter((site) => site.documents.size > 0));
  if (listed.length === 0 || listed.some((site) => site.folder === '')) return undefined;
  const editions = new Map<string, { name?: string; marking?: string; sites: PageTranslation[] }>();
  for (const site of listed) {
    const { name, folder, marking } = site.edition;
    // The one edition of a project without report.editions (its sites are the languages' folders) has no name to show.
    if (!editions.has(name)) editions.set(name, { ...(folder !== '' ? { name } : {}), ...(marking !== undefined ? { marking } : {}), sites: [] });
    editions.get(name)!.sites.push({ language: site.language, href: `${site.folder}index.html` });
  }
  return [...editions.values()];
}
