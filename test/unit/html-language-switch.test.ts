import { describe, expect, it } from 'vitest';
import { entryEditions, pageTranslations } from '../../src/build/writers/html-sites.js';
import { entryOrder, otherLanguages, type BuiltSite } from '../../src/build/sites.js';
import { entryPage } from '../../src/html/entry-page.js';
import { htmlPage } from '../../src/html/page.js';
import { indexPage } from '../../src/html/site.js';
import type { Language } from '../../src/notes/types.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };

const RESTRICTED = { name: 'restricted', folder: 'restricted/', public: false, marking: 'RESTRICTED: for participants' };
const PUBLIC = { name: 'public', folder: 'public/', public: true };

/** A site of `language` and `edition` holding these documents (paths inside the site). */
function site(language: Language, edition: BuiltSite['edition'], documents: string[], languageFolder = `${language}/`): BuiltSite {
  const folder = `${languageFolder}${edition.folder}`;
  return { language, edition, folder, title: `Title (${language})`, documents: new Set(documents.map((file) => `${folder}${file}`)) };
}

describe('the language switch: each page links to the same page in the edition\'s other languages', () => {
  const sites = [
    site('en', RESTRICTED, ['report.md', 'countries/MLI.md']),
    site('en', PUBLIC, ['report.md', 'countries/MLI.md', 'press-release.md']),
    site('fr', RESTRICTED, ['report.md', 'countries/MLI.md']),
    // The French public site lacks the press release.
    site('fr', PUBLIC, ['report.md', 'countries/MLI.md']),
  ];

  it('offers only the same edition\'s sites in other languages: a public page never links to a restricted one', () => {
    expect(otherLanguages(sites, sites[1]!).map((other) => other.folder)).toEqual(['fr/public/']);
    expect(otherLanguages(sites, sites[0]!).map((other) => other.folder)).toEqual(['fr/restricted/']);
    // One language: nothing to switch to.
    expect(otherLanguages([site('en', PUBLIC, ['report.md'], '')], site('en', PUBLIC, ['report.md'], ''))).toEqual([]);
  });

  it('finds the page at the same path there, relative to this page, and leaves out a language without it', () => {
    const french = otherLanguages(sites, sites[1]!);
    expect(pageTranslations('en/public/report.md', 'en/public/', french)).toEqual([{ language: 'fr', href: '../../fr/public/report.html' }]);
    expect(pageTranslations('en/public/countries/MLI.md', 'en/public/', french)).toEqual([{ language: 'fr', href: '../../../fr/public/countries/MLI.html' }]);
    expect(pageTranslations('en/public/press-release.md', 'en/public/', french)).toEqual([]);
    expect(pageTranslations('en/public/index.md', 'en/public/', french)).toEqual([{ language: 'fr', href: '../../fr/public/index.html' }]);
    // A site without any page has no index to link to.
    expect(pageTranslations('en/public/index.md', 'en/public/', [site('fr', PUBLIC, [])])).toEqual([]);
  });

  it('shows the link in the page\'s header, named in its own language and marked so, in a labelled landmark', () => {
    const { html } = htmlPage('---\ntitle: "T"\nlang: en\n---\n# A\n\nText.\n', { file: 'en/public/report.md', root: '', labels, translations: [{ language: 'fr', href: '../../fr/public/report.html' }] });
    expect(html).toContain('<header><nav class="languages" aria-label="Language"><ul><li><a href="../../fr/public/report.html" hreflang="fr" lang="fr">Français</a></li></ul></nav>');
    const french = htmlPage('---\ntitle: "T"\nlang: fr\n---\n# A\n\nTexte.\n', { file: 'fr/public/report.md', root: '', labels, labelsByLanguage: { fr: { ...labels, languages: 'Langue' } }, translations: [{ language: 'en', href: '../../en/public/report.html' }] }).html;
    expect(french).toContain('<nav class="languages" aria-label="Langue"><ul><li><a href="../../en/public/report.html" hreflang="en" lang="en">English</a></li></ul></nav>');
    const index = indexPage({ title: 'T', organizers: [], partners: [] } as never, [{ href: 'report.html', title: 'Report' }], 'en', [{ language: 'fr', href: '../../fr/public/index.html' }]);
    expect(index).toContain('<header><nav class="languages" aria-label="Language"><ul><li><a href="../../fr/public/index.html" hreflang="fr" lang="fr">Français</a></li></ul></nav></header>');
  });

  it('shows none on a page of one language: it looks as it did', () => {
    for (const translations of [undefined, []]) {
      const { html } = htmlPage('---\ntitle: "T"\n---\n# A\n\nText.\n', { file: 'report.md', root: '', labels, ...(translations ? { translations } : {}) });
      expect(html).not.toContain('languages');
      expect(html).not.toContain('hreflang');
      expect(html).toContain('<header><p class="site">');
    }
    expect(indexPage({ title: 'T', organizers: [], partners: [] } as never, [], 'en')).toContain('<header></header>');
  });
});

describe('the output folder\'s entry page', () => {
  it('lists the public edition first, each edition with its site in each language, its marking under its name', () => {
    const sites = [site('en', RESTRICTED, ['report.md']), site('en', PUBLIC, ['report.md']), site('fr', RESTRICTED, ['report.md']), site('fr', PUBLIC, ['report.md'])];
    expect(entryOrder(sites).map((each) => each.folder)).toEqual(['en/public/', 'fr/public/', 'en/restricted/', 'fr/restricted/']);
    const editions = entryEditions(sites);
    expect(editions).toEqual([
      { name: 'public', sites: [{ language: 'en', href: 'en/public/index.html' }, { language: 'fr', href: 'fr/public/index.html' }] },
      { name: 'restricted', marking: 'RESTRICTED: for participants', sites: [{ language: 'en', href: 'en/restricted/index.html' }, { language: 'fr', href: 'fr/restricted/index.html' }] },
    ]);
    const html = entryPage({ title: 'Title (en)', language: 'en', stylesheet: 'en/public/style.css', editions: editions! });
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(html).toContain('<link rel="stylesheet" href="en/public/style.css">');
    expect(html).toContain('<h2>Public</h2><ul class="sites"><li><a href="en/public/index.html" hreflang="en" lang="en">English</a></li><li><a href="fr/public/index.html" hreflang="fr" lang="fr">Français</a></li></ul><h2>Restricted</h2><p class="marking">RESTRICTED: for participants</p>');
    expect(html).not.toContain('<script');
  });

  it('is made whenever the sites are in folders (editions, or languages without editions), never when the output folder is the one site', () => {
    const FULL = { name: 'full', folder: '', public: false };
    expect(entryEditions([site('en', FULL, ['report.md'], '')])).toBeUndefined();
    // Languages without report.editions: no edition name to show.
    expect(entryEditions([site('en', FULL, ['report.md']), site('fr', FULL, ['report.md'])])).toEqual([{ sites: [{ language: 'en', href: 'en/index.html' }, { language: 'fr', href: 'fr/index.html' }] }]);
    // report.editions with one language: each edition's one site.
    expect(entryEditions([site('en', PUBLIC, ['report.md'], '')])).toEqual([{ name: 'public', sites: [{ language: 'en', href: 'public/index.html' }] }]);
    // A site with no page has no index: it is not listed.
    expect(entryEditions([site('en', PUBLIC, ['report.md']), site('en', RESTRICTED, [])])!.map((edition) => edition.name)).toEqual(['public']);
  });
});
