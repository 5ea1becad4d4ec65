import { toHtml } from 'hast-util-to-html';
import { xmlSafe } from '../characters.js';
import type { Language } from '../notes/types.js';
import type { FrontMatter } from '../typeset/front-matter.js';
import { translate } from '../i18n/index.js';
import { h, text } from './elements.js';
import { languageSwitch, type PageTranslation } from './language-switch.js';
import { titleBlock, type TitleBlockLabels } from './page.js';

/** The web fonts the site ships (SIL Open Font License, from the source-sans package): no external request. */
export const WEB_FONTS = [
  { file: 'SourceSans3-Regular.ttf.woff2', weight: 400, style: 'normal' },
  { file: 'SourceSans3-Bold.ttf.woff2', weight: 700, style: 'normal' },
  { file: 'SourceSans3-It.ttf.woff2', weight: 400, style: 'italic' },
  { file: 'SourceSans3-BoldIt.ttf.woff2', weight: 700, style: 'italic' },
] as const;

/** `languages` names the language switch's landmark, read out by screen readers. */
const WORDS: Record<Language, { skip: string; documents: string; languages: string }> = {
  en: { skip: 'Skip to the content', documents: 'Documents', languages: 'Language' },
  fr: { skip: 'Aller au contenu', documents: 'Documents', languages: 'Langue' },
};

export function siteWords(language: Language): { skip: string; documents: string; languages: string } & TitleBlockLabels {
  return { ...WORDS[language], organizedBy: translate(language, 'organized_by'), withSupportOf: translate(language, 'with_support_of') };
}

/** The site's one stylesheet: the PDF theme's accent colour, the shipped fonts, a phone, a desktop, print. */
export function stylesheet(accent: string): string {
  const faces = WEB_FONTS.map((font) => `@font-face { font-family: "Source Sans 3"; font-weight: ${font.weight}; font-style: ${font.style}; font-display: swap; src: url("fonts/${font.file}") format("woff2"); }`).join('\n');
  return `${faces}
:root { --accent: ${accent}; --text: #1a1a1a; --muted: #555555; --rule: #c8ccd0; --marking: #a1111b; }
* { box-sizing: border-box; }
html { font-family: "Source Sans 3", "Segoe UI", Arial, sans-serif; font-size: 112.5%; line-height: 1.5; color: var(--text); background: #ffffff; }
body { margin: 0 auto; max-width: 52rem; padding: 0 1rem 2rem; overflow-wrap: break-word; }
a { color: var(--accent); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.skip { position: absolute; left: -999rem; }
.skip:focus { position: static; display: inline-block; margin: 0.5rem 0; }
header { border-bottom: 1px solid var(--rule); padding: 0.75rem 0 0.5rem; }
header p { margin: 0; }
.marking { color: var(--marking); font-weight: 700; }
nav.languages { float: right; margin: 0 0 0.25rem 1rem; }
.languages ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 0 1rem; }
.languages a, ul.sites a { display: inline-block; padding: 0.25rem 0; font-weight: 700; }
ul.sites { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 0 1.5rem; }
.site a { font-weight: 700; text-decoration: none; }
.kind { color: var(--muted); }
nav { margin: 1rem 0; }
.nav-title { font-weight: 700; margin: 0 0 0.25rem; }
main img { max-width: 100%; height: auto; }
nav ul { margin: 0; padding-left: 1.25rem; }
nav ul ul { list-style: circle; }
h1, h2, h3, h4 { color: var(--accent); line-height: 1.2; }
h1 { font-size: 1.9rem; border-bottom: 2px solid var(--accent); padding-bottom: 0.25rem; }
.title-block { margin: 1.5rem 0 1rem; }
header .title-block { margin-bottom: 0.5rem; }
.title-block h1.title { font-size: 2.2rem; color: var(--text); border-bottom: none; margin: 0 0 0.5rem; padding: 0; }
.title-block .subtitle { font-size: 1.2rem; color: var(--muted); margin: 0 0 0.75rem; }
.title-block .when { font-weight: 700; margin: 0 0 1rem; }
.title-block dl { margin: 0; font-size: 0.9rem; }
.title-block dt { color: var(--accent); font-weight: 700; text-transform: uppercase; font-size: 0.8rem; letter-spacing: 0.03em; margin-top: 0.5rem; }
.title-block dd { margin: 0; }
h2 { font-size: 1.4rem; }
h3 { font-size: 1.15rem; }
.table { overflow-x: auto; margin: 1rem 0; }
table { border-collapse: collapse; min-width: 100%; }
th, td { border-bottom: 1px solid var(--rule); padding: 0.35rem 0.5rem; vertical-align: top; text-align: left; }
th { background: #eef2f6; }
figure.chart { margin: 1rem 0; }
figure.image { margin: 1rem 0; text-align: center; }
figure.image figcaption { font-style: italic; color: var(--muted); font-size: 0.9rem; }
figure.chart svg { width: 100%; height: auto; font-size: 13px; fill: var(--text); }
footer { border-top: 1px solid var(--rule); margin-top: 2rem; padding-top: 0.5rem; color: var(--muted); }
@media (max-width: 30rem) { html { font-size: 100%; } h1 { font-size: 1.5rem; } .title-block h1.title { font-size: 1.6rem; } .title-block .subtitle { font-size: 1.05rem; } }
@media (min-width: 64rem) {
  body.with-contents { max-width: 78rem; display: grid; grid-template-columns: 17rem minmax(0, 1fr); column-gap: 3rem; }
  body.with-contents > header, body.with-contents > footer { grid-column: 1 / -1; }
  body.with-contents > nav { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow-y: auto; font-size: 0.85rem; padding-top: 1rem; }
  body.with-contents > main { max-width: 50rem; }
}
@media print {
  .skip, nav { display: none; }
  html { font-size: 11pt; }
  body { max-width: none; }
  a { color: inherit; text-decoration: none; }
  h1, h2, h3 { break-after: avoid; }
  tr { break-inside: avoid; }
  .table { overflow: visible; }
}
`;
}

/** The site's first page: the workshop, and a link to each document; to the edition's site in each other language (`translations`). */
export function indexPage(front: FrontMatter, documents: ReadonlyArray<{ href: string; title: string }>, language: Language, translations: readonly PageTranslation[] = []): string {
  const words = siteWords(language);
  const languages = languageSwitch(translations, words.languages);
  // The page's words are the edition's language's: so is its lang (a first document with `lang: fr` in an English edition made it French).
  const page = h('html', { lang: language }, [
    h('head', {}, [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, [text(front.title)]),
      h('link', { rel: 'stylesheet', href: 'style.css' }),
    ]),
    h('body', {}, [
      h('a', { class: 'skip', href: '#main' }, [text(words.skip)]),
      h('header', {}, [
        ...(languages ? [languages] : []),
        ...(front.classification ? [h('p', { class: 'marking' }, [text(front.classification)])] : []),
      ]),
      h('main', { id: 'main', tabindex: '-1' }, [
        titleBlock(front, words, front.lang && front.lang !== language ? front.lang : undefined),
        h('h2', {}, [text(words.documents)]),
        h('ul', {}, documents.map((doc) => h('li', {}, [h('a', { href: doc.href }, [text(doc.title)])]))),
      ]),
    ]),
  ]);
  return `<!doctype html>\n${xmlSafe(toHtml(page))}\n`;
}
