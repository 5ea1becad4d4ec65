import { Bookmark, BuilderElement, ExternalHyperlink, FootnoteReferenceRun, ImageRun, InternalHyperlink, type IRunOptions, NextAttributeComponent, type ParagraphChild, TextRun, XmlComponent } from 'docx';
import type { PhrasingContent } from 'mdast';
import { fitImage, isSafeImage } from '../markdown/images.js';
import { bookmarkName } from './bookmarks.js';
import type { DocxContext } from './context.js';
import { STYLE } from './styles.js';
import { wordLanguage } from './language.js';

type RunStyle = Pick<IRunOptions, 'bold' | 'italics' | 'strike' | 'font' | 'style' | 'color'>;

/**
 * Markdown inline content → Word runs: emphasis as formatting, links as hyperlinks (to a bookmark
 * in this document, to another document's `.docx`, or to the web), footnote references as Word
 * footnotes, images embedded at their size. Every run carries the document's language, or its text's own.
 */
export function inlineRuns(nodes: readonly PhrasingContent[], ctx: DocxContext, style: RunStyle = {}, seen: string[] = []): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const documentCtx = ctx;
  for (const node of nodes) {
    // A text in another language (a fallback) carries its own, so Word checks its spelling in that language.
    ctx = node.data?.lang === undefined ? documentCtx : { ...documentCtx, lang: wordLanguage(node.data.lang, 'en') };
    switch (node.type) {
      case 'text':
        out.push(textRun(node.value.replace(/\s*\n\s*/g, ' '), ctx, style, seen));
        break;
      case 'strong':
        out.push(...inlineRuns(node.children, ctx, { ...style, bold: true }, seen));
        break;
      case 'emphasis':
        out.push(...inlineRuns(node.children, ctx, { ...style, italics: true }, seen));
        break;
      case 'delete':
        out.push(...inlineRuns(node.children, ctx, { ...style, strike: true }, seen));
        break;
      case 'inlineCode':
        out.push(textRun(node.value, ctx, { ...style, style: STYLE.inlineCode }, seen));
        break;
      case 'break':
        out.push(new TextRun({ break: 1, language: { value: ctx.lang } }));
        break;
      case 'link': {
        // A hyperlink holds runs of text and images (a logo linking to its site); a footnote cited in its
        // text stays, after the text before it (dropped, the note had no reference: Word numbered the
        // notes after it one lower than their citations).
        let text: Array<TextRun | ImageRun> = [];
        for (const child of inlineRuns(node.children, ctx, { ...style, style: 'Hyperlink' }, seen)) {
          if (child instanceof TextRun || child instanceof ImageRun) text.push(child);
          else if (child instanceof FootnoteReferenceRun || child instanceof Bookmark) {
            if (text.length > 0) out.push(...link(node.url, text));
            out.push(child);
            text = [];
          }
        }
        if (text.length > 0) out.push(...link(node.url, text));
        break;
      }
      case 'image':
        out.push(...image(node.url, node.alt ?? '', node.title ?? undefined, ctx, style, seen));
        break;
      case 'footnoteReference': {
        if (!ctx.footnoteDefinitions.has(node.identifier)) {
          out.push(textRun(`[^${node.label ?? node.identifier}]`, ctx, style, seen));
          break;
        }
        out.push(...footnoteCitation(node.identifier, ctx));
        break;
      }
      case 'html':
        // Comments only: a template's tags were lifted to their words and line breaks (liftRawHtml).
        break;
      default:
        // linkReference/imageReference were resolved by the parser only when defined: show their text.
        if ('children' in node) out.push(...inlineRuns(node.children as PhrasingContent[], ctx, style, seen));
    }
  }
  return out;
}

/**
 * A footnote's citation. Its first is the footnote's reference (Word numbers the footnotes by their
 * references, in the order of the document, which is the order the notes are numbered in here). A
 * note cited again would get a second, empty footnote from a second reference (Word and LibreOffice
 * number every reference), so a later citation is a NOTEREF field to a bookmark on the first, its
 * result the note's number in the footnote reference's style, as Word's own cross-reference to a
 * footnote writes it: Word renumbers it with the footnotes, LibreOffice shows the number written.
 */
function footnoteCitation(identifier: string, ctx: DocxContext): ParagraphChild[] {
  const cited = ctx.footnotes.get(identifier);
  if (cited !== undefined) return noteReferenceField(cited, ctx.lang);
  const n = ctx.footnotes.size + 1;
  ctx.footnotes.set(identifier, n);
  const reference = new FootnoteReferenceRun(n);
  return ctx.citedAgain.has(identifier) ? [new Bookmark({ id: noteBookmarkName(n), children: [reference] })] : [reference];
}

/** The hidden bookmark (a name starting with `_`, as Word's `_Ref…`) on the first reference of the note numbered `n`. */
export const noteBookmarkName = (n: number): string => `_RefNote${n}`;

/** `NOTEREF _RefNoteN \f \h`: the number of note `n`, formatted as a footnote reference (`\f`), a link to it (`\h`). */
function noteReferenceField(n: number, lang: string): TextRun[] {
  const run = (child: XmlComponent | string) => new TextRun({ style: 'FootnoteReference', language: { value: lang }, children: [child] });
  const fieldChar = (type: 'begin' | 'separate' | 'end') => new BuilderElement({ name: 'w:fldChar', attributes: { type: { key: 'w:fldCharType', value: type } } });
  return [
    run(fieldChar('begin')),
    run(new FieldInstruction(`NOTEREF ${noteBookmarkName(n)} \\f \\h`)),
    run(fieldChar('separate')),
    run(String(n)),
    run(fieldChar('end')),
  ];
}

/** A field's instruction (`w:instrText`), which the docx library makes only for its own fields. */
class FieldInstruction extends XmlComponent {
  constructor(code: string) {
    super('w:instrText');
    this.root.push(new NextAttributeComponent({ space: { key: 'xml:space', value: 'preserve' } }));
    this.root.push(` ${code} `);
  }
}

/** A paragraph's runs; its text becomes one line of what a reader sees (the leak guard reads it). */
export function paragraphRuns(nodes: readonly PhrasingContent[], ctx: DocxContext, style: RunStyle = {}): ParagraphChild[] {
  const seen: string[] = [];
  const runs = inlineRuns(nodes, ctx, style, seen);
  ctx.text.push(seen.join(''));
  return runs;
}

/** A paragraph of plain text, seen as such. */
export function paragraphText(text: string, ctx: DocxContext, style: RunStyle = {}): TextRun[] {
  const seen: string[] = [];
  const run = textRun(text, ctx, style, seen);
  ctx.text.push(text);
  return [run];
}

/** One run of text in the document's language; `seen` collects what a reader sees. */
export function textRun(text: string, ctx: DocxContext, style: RunStyle, seen: string[]): TextRun {
  seen.push(text);
  return new TextRun({ text, ...style, language: { value: ctx.lang } });
}

/**
 * `#anchor` → the bookmark in this document; `other.md#anchor` → `other.docx` and its bookmark (the
 * same name, see bookmarkName); anything else is a web address. A link nobody can follow becomes its text.
 */
function link(url: string, children: Array<TextRun | ImageRun>): ParagraphChild[] {
  if (url.startsWith('#')) {
    return url.length > 1 ? [new InternalHyperlink({ anchor: bookmarkName(decoded(url.slice(1))), children })] : children;
  }
  const local = /^(?![a-z][a-z0-9+.-]*:|\/)([^#]*)\.md(?:#(.*))?$/i.exec(url);
  if (local) {
    const fragment = local[2] ? `#${bookmarkName(decoded(local[2]))}` : '';
    return [new ExternalHyperlink({ link: `${local[1]}.docx${fragment}`, children })];
  }
  if (!/^(https?|mailto):/i.test(url)) return children;
  return [new ExternalHyperlink({ link: url, children })];
}

/** A link's fragment as the heading's anchor reads: percent-decoded, unless that is not valid (`#100%`). */
function decoded(fragment: string): string {
  try {
    return decodeURIComponent(fragment);
  } catch {
    return fragment;
  }
}

/**
 * An image inside the project, at its size (96 pixels to the inch) but fitted to the text area (see
 * imageSize); else its alt text, plain, as a build shows it in every format (it leaves such an image
 * out of the Markdown, see leaveOutImages).
 */
function image(src: string, alt: string, title: string | undefined, ctx: DocxContext, style: RunStyle, seen: string[]): ParagraphChild[] {
  const loaded = isSafeImage(src) ? ctx.loadImage(src) : undefined;
  if (!loaded) return alt ? [textRun(alt, ctx, style, seen)] : [];
  return [new ImageRun({
    type: loaded.type,
    data: loaded.data,
    transformation: imageSize(loaded, ctx),
    altText: { name: src.split('/').pop() ?? src, description: alt, title: title ?? alt },
  })];
}

/**
 * An image's size in pixels (96 to the inch), as the PDF fits a block image: its own size, never
 * enlarged, no wider than the text and no higher than 80% of the text's height (a tall chart ran past
 * the page's bottom margin, its lower part cut off), its proportions kept.
 */
export function imageSize(image: { width: number; height: number }, area: { widthPx: number; heightPx: number }): { width: number; height: number } {
  const maxHeight = Math.floor(area.heightPx * 0.8);
  const fitted = fitImage(image, { width: area.widthPx, height: maxHeight });
  return { width: Math.max(1, Math.min(area.widthPx, Math.round(fitted.width))), height: Math.max(1, Math.min(maxHeight, Math.round(fitted.height))) };
}
