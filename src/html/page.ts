import GithubSlugger from 'github-slugger';
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { xmlSafe } from '../characters.js';
import type { Heading, Nodes, Paragraph, Root, RootContent, Table } from 'mdast';
import { toHast, type State } from 'mdast-util-to-hast';
import { toString } from 'mdast-util-to-string';
import { type FrontMatter, documentFrontMatter } from '../typeset/front-matter.js';
import { parseMarkdown, type SectionParses } from '../typeset/markdown.js';
import { parseChartDirective } from '../markdown/chart.js';
import { isSafeImage, takeImages } from '../markdown/images.js';
import { stackedBars } from './chart.js';
import { h, text } from './elements.js';
import { languageSwitch, type PageTranslation } from './language-switch.js';
import { reportLanguage, wordsFor } from '../i18n/document-language.js';
import type { Language } from '../notes/types.js';

/** What mdast-util-to-hast says of footnotes (in English whatever the page's language, by default). */
const FOOTNOTE_WORDS = {
  en: { label: 'Footnotes', back: (n: number, again: number) => `Back to reference ${n}${again > 1 ? `-${again}` : ''}` },
  fr: { label: 'Notes', back: (n: number, again: number) => `Retour à l’appel ${n}${again > 1 ? `-${again}` : ''}` },
} as const;

export { h, text } from './elements.js';

/** The words a page prints around the document's own text (`languages`: the name of its language switch). */
export type PageLabels = { contents: string; skip: string; documents: string; languages: string } & TitleBlockLabels;

/** What a page needs besides its Markdown: where the site's shared files are, and the words it prints. */
export interface PageContext {
  /** The document's path in the output folder (`countries/NER.md`): its title when it has no other. */
  file: string;
  /** `../` from a page in `countries/` to the site's root. */
  root: string;
  labels: PageLabels;
  /** The same words in other languages, for a document whose front matter's `lang` is one of them. */
  labelsByLanguage?: Partial<Record<Language, PageLabels>>;
  /** The same page in the edition's other languages (see languageSwitch); none with one language. */
  translations?: readonly PageTranslation[];
  /** The edition's language, for a document whose front matter names none (English when not given). */
  language?: Language;
  /** The sections of this document's last version (watch mode, the preview): only changed sections are parsed again. */
  sections?: SectionParses;
  /**
   * Whether the image at this path inside the project can be shown (it is there, a PNG or JPEG within
   * the limits), as the PDF judges it; one that cannot is its alt text. Every image is shown when not given.
   */
  usableImage?: (src: string) => boolean;
}

/**
 * One rendered Markdown document → one HTML page, from the same parsed tree the PDF is typeset
 * from: mdast → hast → HTML (no string concatenation of content). Raw HTML never reaches the page
 * (the Markdown's fields were already sanitised, a template's tags are lifted to their words, see
 * liftRawHtml; hast keeps no raw node), links to other documents
 * point at their pages, tables scroll sideways inside a labelled region, the participation chart is
 * an inline SVG with a text alternative beside its table. No script. Pure.
 */
export function htmlPage(markdown: string, context: PageContext): { html: string; front: FrontMatter; images: string[] } {
  // The trees may be shared with the last build (`sections`): nothing below changes them.
  const root = parseMarkdown(markdown, { sections: context.sections });
  const front = documentFrontMatter(root, context.file);
  const images: string[] = [];
  const language = reportLanguage(front.lang) ?? context.language ?? 'en';
  const body = rewrite(root, context.root, images, front.classification, language, context.usableImage ?? (() => true));
  // The footnotes' heading and back links, read out by screen readers, in the page's language.
  const notes = FOOTNOTE_WORDS[language];
  const labels = wordsFor(front.lang, context.labels, context.labelsByLanguage);
  const hast = toHast(body, { handlers: { table: tableHandler }, footnoteLabel: notes.label, footnoteBackLabel: (reference, again) => notes.back(reference + 1, again) }) as HastRoot;
  const headings = collectHeadings(body);
  const languages = languageSwitch(context.translations ?? [], labels.languages);
  const page = h('html', { lang: front.lang ?? 'en' }, [
    h('head', {}, [
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', {}, [text([front.document, front.title].filter(Boolean).join(' · '))]),
      h('link', { rel: 'stylesheet', href: `${context.root}style.css` }),
    ]),
    h('body', headings.length > 1 ? { class: 'with-contents' } : {}, [
      h('a', { class: 'skip', href: '#main' }, [text(labels.skip)]),
      h('header', {}, [
        // First in the header: the reader who cannot read this language finds theirs at once.
        ...(languages ? [languages] : []),
        ...(front.classification ? [h('p', { class: 'marking' }, [text(front.classification)])] : []),
        h('p', { class: 'site' }, [h('a', { href: `${context.root}index.html` }, [text(front.shortTitle ?? front.title)])]),
        ...(front.document ? [h('p', { class: 'kind' }, [text(front.document)])] : []),
        // Above the contents and the text, across both columns: on a phone, the first thing read.
        titleBlock(front, labels),
      ]),
      ...(headings.length > 1 ? [h('nav', { 'aria-label': labels.contents }, [h('p', { class: 'nav-title' }, [text(labels.contents)]), contentsList(headings)])] : []),
      h('main', { id: 'main', tabindex: '-1' }, hast.children as ElementContent[]),
      h('footer', {}, [text([front.place, front.date].filter(Boolean).join(', '))]),
    ]),
  ]);
  // No character XML 1.0 forbids (HTML forbids them too), whatever reached the page.
  return { html: `<!doctype html>\n${xmlSafe(toHtml(page))}\n`, front, images };
}

/** The words of the title block (see titleBlock), in the document's language. */
export interface TitleBlockLabels {
  organizedBy: string;
  withSupportOf: string;
}

/**
 * What the PDF's and the DOCX's cover say, at the top of the page: the title (the page's first
 * heading, as the cover's is tagged), the subtitle, the dates and place, then who organized the
 * workshop and with whose support. On a document's page it ends the header, under the site's
 * name and the kind of document.
 */
export function titleBlock(front: FrontMatter, labels: TitleBlockLabels, textLanguage?: string): Element {
  const when = [front.date, front.place].filter((part): part is string => part !== undefined);
  const groups = [{ label: labels.organizedBy, names: front.organizers }, { label: labels.withSupportOf, names: front.partners }].filter((group) => group.names.length > 0);
  // The front matter's texts, in another language than the page's (the site's index, in the edition's): marked with theirs.
  const lang: Record<string, string> = textLanguage ? { lang: textLanguage } : {};
  return h('div', { class: 'title-block' }, [
    h('h1', { class: 'title', ...lang }, [text(front.title)]),
    ...(front.subtitle ? [h('p', { class: 'subtitle', ...lang }, [text(front.subtitle)])] : []),
    ...(when.length > 0 ? [h('p', { class: 'when', ...lang }, [text(when.join(' · '))])] : []),
    ...(groups.length > 0 ? [h('dl', { class: 'organizers' }, groups.flatMap((group) => [h('dt', {}, [text(group.label)]), ...group.names.map((name) => h('dd', {}, [text(name)]))]))] : []),
  ]);
}

/**
 * Ids on headings (as GitHub makes them, the anchors the Markdown's links use), links to pages, the
 * chart; images (paths inside the project, see isSafeImage, that `usable` finds) are listed, to be
 * copied beside the pages; any other image is its alt text, plain, as a build shows it in every
 * format (it leaves such an image out of the Markdown, see leaveOutImages): the page never asks for a
 * file outside the site, nor one that is not there.
 */
function rewrite(root: Root, siteRoot: string, images: string[], marking: string | undefined, language: Language, usable: (src: string) => boolean): Root {
  const slugger = new GithubSlugger();
  const children: RootContent[] = [];
  let chart: string[] | undefined;
  for (const node of root.children) {
    if (node.type === 'yaml') continue;
    // The edition's marking line: the page header shows it already.
    if (children.length === 0 && marking !== undefined && node.type === 'paragraph' && toString(node) === marking) continue;
    if (node.type === 'html') {
      chart = parseChartDirective(node.value)?.columns;
      continue;
    }
    if (node.type === 'table' && chart) {
      const figure = stackedBars(node, chart, language);
      // An empty paragraph that mdast-util-to-hast turns into the figure (data.hName / hChildren).
      if (figure) children.push({ type: 'paragraph', children: [], data: { hName: 'figure', hProperties: figure.properties, hChildren: figure.children } } as RootContent);
      chart = undefined;
    }
    children.push(node);
  }
  // Copies where something changes, never the parsed nodes themselves (they may be reused by the next build).
  const visit = <T extends Nodes>(node: T): T => {
    let out: Nodes = node;
    if (out.type === 'heading') {
      const id = slugger.slug(toString(out));
      out = { ...out, data: { ...out.data, hProperties: { ...(out.data?.hProperties ?? {}), id } } };
    }
    // A block holding right-to-left letters (an Arabic name, a key point in Arabic) takes its direction
    // from its first strong letter, as the browser's `dir="auto"` does: a key point wholly in Arabic in
    // an English list had its full stop on the wrong side.
    if ((out.type === 'paragraph' || out.type === 'listItem' || out.type === 'heading' || out.type === 'tableCell') && RIGHT_TO_LEFT.test(toString(out))) {
      out = { ...out, data: { ...out.data, hProperties: { ...(out.data?.hProperties ?? {}), dir: 'auto' } } };
    }
    // Only http(s) and mailto of the schemes stay links, as in the PDF and the DOCX: a template that
    // writes one itself (`[Open](javascript:…)`) could otherwise put a `javascript:` link on the page.
    if (out.type === 'link' && UNSAFE_SCHEME.test(out.url)) {
      out = { type: 'emphasis', children: out.children, data: { hName: 'span' } };
    }
    if (out.type === 'definition' && UNSAFE_SCHEME.test(out.url)) out = { ...out, url: '' };
    if ((out.type === 'link' || out.type === 'definition') && /^(?![a-z][a-z0-9+.-]*:|\/|#)[^#]*\.md(#|$)/i.test(out.url)) {
      out = { ...out, url: out.url.replace(/\.md(?=#|$)/i, '.html') };
    }
    if (out.type === 'image') {
      if (isSafeImage(out.url) && usable(out.url)) {
        images.push(out.url);
        out = { ...out, url: `${siteRoot}${out.url}` };
      } else {
        out = { type: 'text', value: out.alt ?? '', ...(out.position ? { position: out.position } : {}) };
      }
    }
    if (out.data?.lang !== undefined) {
      // A text in another language (a fallback): `lang` on its element, a span around bare text.
      const hName = out.type === 'text' ? 'span' : out.data.hName;
      out = { ...out, data: { ...out.data, ...(hName ? { hName } : {}), hProperties: { ...(out.data.hProperties ?? {}), lang: out.data.lang } } };
    }
    if ('children' in out) out = { ...out, children: (out.children as Nodes[]).flatMap(figures).map((child) => visit(child)) } as Nodes;
    return out as T;
  };
  return visit({ type: 'root', children } as Root);
}

/**
 * A paragraph's text, then each of its images in a figure of its own, centred, its title the
 * caption, as the PDF and the DOCX show them (takeImages). Anything else as it is.
 */
function figures(node: Nodes): Nodes[] {
  if (node.type !== 'paragraph') return [node];
  const { text, images } = takeImages(node.children);
  if (images.length === 0) return [node];
  return [
    ...(text.length > 0 ? [{ ...node, children: text }] : []),
    ...images.map(({ image, url }): Paragraph => ({
      type: 'paragraph',
      children: [url === undefined ? image : { type: 'link', url, children: [image] }, ...(image.title ? [{ type: 'emphasis' as const, children: [{ type: 'text' as const, value: image.title }], data: { hName: 'figcaption' } }] : [])],
      data: { hName: 'figure', hProperties: { className: ['image'] } },
    })),
  ];
}

/** Letters of a right-to-left script. */
const RIGHT_TO_LEFT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}\p{Script=Samaritan}\p{Script=Mandaic}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}]/u;

/** A URL with a scheme other than http(s) and mailto (`javascript:`, `data:`, `file:`). */
const UNSAFE_SCHEME = /^\s*(?!https?:|mailto:)[a-z][a-z0-9+.-]*:/i;

/** The contents: top-level headings, each with its sections nested below it. */
function contentsList(headings: ReadonlyArray<{ id: string; label: string; depth: number }>): Element {
  const top = Math.min(...headings.map((heading) => heading.depth));
  const items: Element[] = [];
  let nested: Element[] | undefined;
  for (const { id, label, depth } of headings) {
    const link = h('a', { href: `#${id}` }, [text(label)]);
    if (depth === top || !nested) {
      nested = [];
      items.push(h('li', {}, [link]));
      const item = items[items.length - 1]!;
      const list = h('ul', {}, []);
      nested = list.children as Element[];
      item.children.push(list);
    } else nested.push(h('li', {}, [link]));
  }
  for (const item of items) if ((item.children[1] as Element).children.length === 0) item.children.pop();
  return h('ul', {}, items);
}

function collectHeadings(root: Root): Array<{ id: string; label: string; depth: number }> {
  return root.children.flatMap((node) => (node.type === 'heading' && node.depth <= 2 ? [{ id: String((node as Heading).data?.hProperties?.['id'] ?? ''), label: toString(node), depth: node.depth }] : []));
}

/** A table in a focusable region that scrolls sideways on a narrow screen; header cells with scope. */
function tableHandler(state: State, node: Table): Element {
  const [head, ...rows] = node.children;
  const align = node.align ?? [];
  const cells = (row: Table['children'][number], tag: 'th' | 'td', scope?: string): Element => h('tr', {}, row.children.map((cell, i) => h(tag, { ...(scope ? { scope } : {}), ...(align[i] ? { style: `text-align: ${align[i]}` } : {}), ...(cell.data?.hProperties?.dir === 'auto' ? { dir: 'auto' } : {}) }, state.all(cell) as ElementContent[])));
  const table = h('table', {}, [
    ...(head ? [h('thead', {}, [cells(head, 'th', 'col')])] : []),
    ...(rows.length ? [h('tbody', {}, rows.map((row) => cells(row, 'td')))] : []),
  ]);
  const label = head ? head.children.map((cell) => toString(cell)).join(', ') : '';
  return h('div', { class: 'table', role: 'region', tabindex: '0', 'aria-label': label }, [table]);
}
