import GithubSlugger from 'github-slugger';
import { Document, type FileChild, type ISectionOptions, Paragraph, TableOfContents } from 'docx';
import type { FootnoteDefinition, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Language } from '../notes/types.js';
import { documentFrontMatter } from '../typeset/front-matter.js';
import { parseMarkdown } from '../typeset/markdown.js';
import type { HeadingPages } from '../typeset/types.js';
import { PAGE_SIZES, type ResolvedTheme } from '../typeset/theme.js';
import { wordBlocks } from './blocks.js';
import { pageChrome } from './chrome.js';
import type { DocxContext, DocxImage } from './context.js';
import { coverParagraphs, type CoverLabels } from './cover.js';
import { fontsFor, type EmbeddedFont } from './fonts.js';
import { paragraphText } from './inline.js';
import { wordLanguage } from './language.js';
import { reportLanguage, wordsFor } from '../i18n/document-language.js';
import { Lists } from './lists.js';
import { compileReproducibly, compressLargeParts, zipParts } from './package.js';
import { fillPageNumbers, pageNumberPlaceholders } from './page-numbers.js';
import type { ReferenceDocument } from './reference.js';
import { sharedStyles } from './shared-styles.js';
import { blockIndents, STYLE, themeStyles } from './styles.js';
import { tableTextWidth } from './table-text.js';

/** What every document of a build shares. */
export interface DocxSettings {
  theme: ResolvedTheme;
  /** The workshop's language, for a document whose front matter has none. */
  language: Language;
  labels: CoverLabels & { page: string; contents: string };
  /** The same words in other languages, for a document whose front matter's `lang` is one of them. */
  labelsByLanguage?: Partial<Record<Language, CoverLabels & { page: string; contents: string }>>;
  /** Created and modified date of the core properties: the workshop's, or SOURCE_DATE_EPOCH. */
  date: Date;
  reference?: ReferenceDocument;
  fonts: EmbeddedFont[];
  loadImage: (src: string) => DocxImage | undefined;
}

/** A contents field is worth it from this many level 1–2 headings on, as in the PDF. */
const TOC_MIN_ENTRIES = 3;

/** A document made but not yet zipped: its contents' page numbers are filled in last. */
export interface PreparedDocx {
  /** What a reader sees. */
  text: string;
  /** The .docx, with the page numbers where the typesetter put the headings (blank without them). */
  finish(pages: HeadingPages | undefined): Uint8Array;
}

/** One document made and zipped at once (see prepareDocx). */
export async function docxDocument(markdown: string, file: string, settings: DocxSettings, pages?: HeadingPages): Promise<{ bytes: Uint8Array; text: string }> {
  const prepared = prepareDocx(parseMarkdown(markdown), file, settings, pages !== undefined);
  return { bytes: prepared.finish(pages), text: prepared.text };
}

/**
 * One rendered Markdown document, parsed (parseMarkdown) → a .docx, from the same parsed tree the PDF is typeset from:
 * a cover section without header or footer, then the contents (a TOC field with its entries and,
 * when `numbered`, their page numbers, which `finish` fills in once the typesetter has laid the
 * document out, so that the DOCX thread need not wait for it; Word updates them on opening) and
 * the body with the running header and "Page X of Y".
 */
export function prepareDocx(root: Root, file: string, settings: DocxSettings, numbered: boolean): PreparedDocx {
  const front = documentFrontMatter(root, file);
  const lang = wordLanguage(front.lang, settings.language);
  const labels = wordsFor(front.lang, settings.labels, settings.labelsByLanguage);
  const page = pageGeometry(settings);
  let text = '';
  const entries = root.children.filter((c) => c.type === 'heading' && c.depth <= 2).length;
  const styles = themeStyles(settings.theme, lang);
  // Made once per thread, outside the packing: styles hold no ids, and a document's ids must not depend on
  // whether the thread had made them before.
  const shared = settings.reference ? undefined : sharedStyles(styles);
  const citedAgain = notesCitedAgain(root);
  // Everything else of the docx library is made inside the packing (see compileReproducibly), where its ids are fixed.
  const make = (reseed: () => void): Document => {
    const lists = new Lists();
    const ctx: DocxContext = {
      lang,
      language: reportLanguage(front.lang) ?? settings.language,
      accent: settings.theme.accentColor.slice(1),
      widthPx: Math.floor((page.width - page.margins.left - page.margins.right) / 15),
      widthTwips: page.width - page.margins.left - page.margins.right,
      tableText: tableTextWidth(settings.theme.fontSize, settings.reference),
      heightPx: Math.floor((page.height - page.margins.top - page.margins.bottom) / 15),
      footnotes: new Map(),
      footnoteDefinitions: new Map(root.children.filter((c): c is FootnoteDefinition => c.type === 'footnoteDefinition').map((c) => [c.identifier, c])),
      citedAgain,
      slugger: new GithubSlugger(),
      lists,
      text: [],
      loadImage: settings.loadImage,
      chapterBreaks: !settings.reference,
      indents: blockIndents(settings.theme.fontSize),
    };
    const cover = coverParagraphs(front, labels, ctx);
    const body = wordBlocks(withoutMarkingLine(root.children.filter((c) => c.type !== 'yaml'), front.classification), ctx);
    const footnotes: Record<string, { children: Paragraph[] }> = {};
    for (const [id, n] of ctx.footnotes) {
      const definition = ctx.footnoteDefinitions.get(id)!;
      footnotes[String(n)] = { children: wordBlocks(definition.children, ctx).filter((c): c is Paragraph => c instanceof Paragraph) };
    }
    const properties = { page: { size: { width: page.width, height: page.height }, margin: page.margins } };
    const chrome = () => {
      const { header, footer } = pageChrome(front, labels.page, lang, ctx.widthTwips);
      return { headers: { default: header }, footers: { default: footer } };
    };
    const sections: ISectionOptions[] = [{ properties, children: cover }];
    if (entries >= TOC_MIN_ENTRIES) {
      const contents: FileChild[] = [
        new Paragraph({ style: STYLE.tocHeading, children: paragraphText(labels.contents, ctx) }),
        // Dirty even with its page numbers: Word asks to update the fields on opening and then numbers
        // them by its own layout; everything else (LibreOffice, previews) shows the numbers written.
        new TableOfContents(labels.contents, { hyperlink: true, headingStyleRange: '1-2', beginDirty: true }),
      ];
      sections.push({ properties, ...chrome(), children: contents });
    }
    sections.push({ properties, ...chrome(), children: body.length > 0 ? body : [new Paragraph({})] });
    const reference = settings.reference;
    text = ctx.text.filter(Boolean).join('\n');
    reseed();
    return new Document({
      title: front.title,
      ...(front.document ?? front.subtitle ? { subject: front.document ?? front.subtitle } : {}),
      ...(front.subtitle ? { description: front.subtitle } : {}),
      creator: front.organizers.join('; '),
      lastModifiedBy: front.organizers.join('; '),
      ...(reference
        ? {
            externalStyles: reference.styles,
            styles: {
              paragraphStyles: (styles.paragraphStyles ?? []).filter((style) => !reference.styleIds.has(style.id)),
              characterStyles: (styles.characterStyles ?? []).filter((style) => !reference.styleIds.has(style.id)),
            },
          }
        : { styles: shared, fonts: fontsFor(settings.fonts, root) }),
      numbering: lists.options(),
      footnotes,
      // The contents' page numbers from our typesetter's layout, not the library's docx/layout
      // (laying the pages out as Word would costs 0.3–0.7 s a document; see the README).
      ...(numbered && !reference ? { pageNumbers: pageNumberPlaceholders() } : {}),
      sections,
    });
  };
  const parts = compressLargeParts(compileReproducibly(make, settings.date, lang));
  return { text, finish: (pages) => zipParts(fillPageNumbers(parts, pages)) };
}

/** The identifiers of the footnotes cited more than once, in the body or in other notes. */
function notesCitedAgain(root: Root): Set<string> {
  const cited = new Set<string>();
  const again = new Set<string>();
  const visit = (node: Root | RootContent): void => {
    if (node.type === 'footnoteReference') (cited.has(node.identifier) ? again : cited).add(node.identifier);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(root);
  return again;
}

/** The page in twips: the reference document's, else the PDF theme's. */
function pageGeometry(settings: DocxSettings): { width: number; height: number; margins: { top: number; right: number; bottom: number; left: number; header: number; footer: number } } {
  if (settings.reference?.page) return settings.reference.page;
  const size = PAGE_SIZES[settings.theme.pageSize];
  const t = (pt: number) => Math.round(pt * 20);
  const m = settings.theme.margins;
  return { width: t(size.width), height: t(size.height), margins: { top: t(m.top), right: t(m.right), bottom: t(m.bottom), left: t(m.left), header: t(m.top * 0.45), footer: t(m.bottom * 0.45) } };
}

/** The edition's marking opens the Markdown as a bold line; the cover and every header carry it already (as in the PDF). */
function withoutMarkingLine(blocks: RootContent[], marking: string | undefined): RootContent[] {
  const first = blocks[0];
  const isMarking = marking !== undefined && first?.type === 'paragraph' && first.children.length === 1 && first.children[0]!.type === 'strong' && toString(first) === marking;
  return isMarking ? blocks.slice(1) : blocks;
}
