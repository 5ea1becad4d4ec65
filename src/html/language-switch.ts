import type { Element } from 'hast';
import { OWN_NAMES } from '../i18n/language-names.js';
import type { Language } from '../notes/types.js';
import { h, text } from './elements.js';

/** The same page in another language of the same edition, and its address from this page. */
export interface PageTranslation {
  language: Language;
  href: string;
}

/**
 * Links to the same page in the edition's other languages, each named in its own language and
 * marked so (`lang`: a screen reader says “Français” in French; `hreflang`: where the link goes),
 * in a navigation landmark named in the page's language. Undefined when there is no such page.
 */
export function languageSwitch(translations: readonly PageTranslation[], label: string): Element | undefined {
  if (translations.length === 0) return undefined;
  return h('nav', { class: 'languages', 'aria-label': label }, [
    h('ul', {}, translations.map((translation) => h('li', {}, [languageLink(translation)]))),
  ]);
}

/** A link to a page in `language`, its text the language's own name. */
export function languageLink({ language, href }: PageTranslation): Element {
  return h('a', { href, hreflang: language, lang: language }, [text(OWN_NAMES[language])]);
}
