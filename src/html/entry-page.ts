import { toHtml } from 'hast-util-to-html';
import { xmlSafe } from '../characters.js';
import type { Language } from '../notes/types.js';
import { h, text } from './elements.js';
import { languageLink, type PageTranslation } from './language-switch.js';

/** One edition as the entry page lists it: its sites, one per language. */
export interface EntryEdition {
  /** report.editions' name; absent for the one edition of a project without editions. */
  name?: string;
  marking?: string;
  /** Each language's site: its index page, from the output folder. */
  sites: readonly PageTranslation[];
}

export interface EntryPageContent {
  /** The workshop's title, in `language`. */
  title: string;
  /** The page's language: the notes'. */
  language: Language;
  /** The stylesheet of one of the sites, from the output folder (`en/public/style.css`). */
  stylesheet: string;
  /** In the order listed (public first). */
  editions: readonly EntryEdition[];
}

/**
 * The output folder's own index.html when its sites are in folders of their own (several languages,
 * or report.editions): the workshop's title, then each edition (its name and marking) with a link to
 * its site in each language, named in that language. Its only words are the notes'. No script. Pure.
 */
export function entryPage(content: EntryPageContent): string {
  const page = h('html', { lang: content.language }, [
    h('head', {}, [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, [text(content.title)]),
      h('link', { rel: 'stylesheet', href: content.stylesheet }),
    ]),
    h('body', {}, [
      h('main', { id: 'main', tabindex: '-1' }, [
        h('div', { class: 'title-block' }, [h('h1', { class: 'title' }, [text(content.title)])]),
        ...content.editions.flatMap((edition) => [
          // (Its name as a heading: `public` → “Public”, as a reader names it.)
          ...(edition.name !== undefined ? [h('h2', {}, [text(`${edition.name.charAt(0).toLocaleUpperCase(content.language)}${edition.name.slice(1)}`)])] : []),
          ...(edition.marking !== undefined ? [h('p', { class: 'marking' }, [text(edition.marking)])] : []),
          h('ul', { class: 'sites' }, edition.sites.map((site) => h('li', {}, [languageLink(site)]))),
        ]),
      ]),
    ]),
  ]);
  return `<!doctype html>\n${xmlSafe(toHtml(page))}\n`;
}
