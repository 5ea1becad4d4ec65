import { AlignmentType, BorderStyle, Bookmark, type FileChild, HeadingLevel, type IParagraphOptions, Paragraph, TextRun } from 'docx';
import type { BlockContent, DefinitionContent, Heading, List, Paragraph as MdParagraph, PhrasingContent, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { parseChartDirective } from '../markdown/chart.js';
import { takeImages } from '../markdown/images.js';
import { bookmarkName } from './bookmarks.js';
import { chartParagraphs } from './chart.js';
import { type DocxContext, quoteIndent } from './context.js';
import { paragraphRuns, paragraphText } from './inline.js';
import { LIST_HANGING, listIndent, wordListLevel } from './lists.js';
import { STYLE } from './styles.js';
import { wordTable } from './table.js';

/** Twips of space between a table or a code block and what follows. */
const GAP = 160;

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3, HeadingLevel.HEADING_4, HeadingLevel.HEADING_5, HeadingLevel.HEADING_6];

/** Where a block sits in a list: the numbering of its item's first paragraph, or the indent of the others. */
interface ListPlace {
  level: number;
  numbering?: { reference: string; level: number; instance: number };
  /** How many block quotes the list is in (the item's own content may open more). */
  quote?: number;
}

/**
 * Markdown blocks → Word paragraphs and tables, in order: headings in Heading 1–6 with a bookmark
 * named after their anchor, lists as numbering, tables, the chart directive's chart before its
 * table, code in a code style, quotes in Quote. A template's raw HTML reaches here as its words
 * (see liftRawHtml); what is left of it, comments, is not shown (as in the PDF).
 */
export function wordBlocks(nodes: readonly RootContent[], ctx: DocxContext, place?: ListPlace): FileChild[] {
  const out: FileChild[] = [];
  let chart: { columns: string[]; keepTable: boolean } | undefined;
  let afterTable = false;
  for (const node of nodes) {
    if (node.type === 'html') {
      chart = parseChartDirective(node.value) ?? chart;
      continue;
    }
    if (node.type === 'table') {
      if (chart) out.push(...chartParagraphs(node, chart.columns, ctx));
      if (!chart || chart.keepTable) out.push(wordTable(node, ctx));
      chart = undefined;
      afterTable = true;
      continue;
    }
    chart = undefined;
    // A Word table has no space after it: the paragraph that follows takes it before.
    out.push(...block(node, afterTable && node.type === 'paragraph' ? { ...ctx, spaceBefore: true } : ctx, place));
    afterTable = false;
    // Only an item's first paragraph carries its number.
    if (place?.numbering && out.length > 0) place = { level: place.level };
  }
  return out;
}

function block(node: RootContent, ctx: DocxContext, place: ListPlace | undefined): FileChild[] {
  switch (node.type) {
    case 'heading':
      return [heading(node, ctx)];
    case 'paragraph':
      return paragraphWithImages(node, ctx, place);
    case 'list':
      return list(node, ctx, place);
    case 'blockquote':
      return wordBlocks(node.children, { ...ctx, quote: (ctx.quote ?? 0) + 1 }, place);
    case 'code': {
      // One paragraph a line (Word's own way with code); the last one keeps the space after a block.
      // In a quote, indented with it.
      const indent = quoteIndent(ctx) > 0 ? { indent: { left: quoteIndent(ctx) + ctx.indents.code } } : {};
      const lines = node.value.split('\n');
      return lines.map((line, i) => new Paragraph({ style: STYLE.code, ...indent, ...(i === lines.length - 1 ? { spacing: { after: GAP } } : {}), children: paragraphText(line.replace(/\t/g, '    '), ctx) }));
    }
    case 'thematicBreak':
      return [new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'C8CCD0', space: 1 } }, children: [] })];
    case 'footnoteDefinition':
    case 'definition':
    case 'yaml':
      return [];
    default:
      return 'children' in node ? wordBlocks(node.children as Array<BlockContent | DefinitionContent>, ctx, place) : [];
  }
}

function heading(node: Heading, ctx: DocxContext): Paragraph {
  const slug = ctx.slugger.slug(toString(node));
  const children = paragraphRuns(node.children, ctx);
  return new Paragraph({ heading: HEADINGS[node.depth - 1], ...(node.depth === 1 && ctx.chapterBreaks ? { pageBreakBefore: true } : {}), children: [new Bookmark({ id: bookmarkName(slug), children })] });
}

/**
 * A paragraph where it is: in a block quote it takes the Quote style, whose indent is one level of
 * quote; a quote in a quote is indented one level further each time, and a list item in a quote (or
 * its later paragraphs) by the quote's indent and the list's together, as the PDF nests them. Word
 * indents a numbered paragraph as its numbering level says unless the paragraph says otherwise.
 */
function paragraph(children: IParagraphOptions['children'], ctx: DocxContext, place: ListPlace | undefined, own: Pick<IParagraphOptions, 'alignment' | 'keepNext' | 'style'> = {}): Paragraph {
  const spacing = ctx.spaceBefore ? { spacing: { before: GAP } } : {};
  const quoted = quoteIndent(ctx);
  const quote = quoted > 0 ? { style: STYLE.quote } : {};
  if (place?.numbering) {
    // The number or bullet stays where the list is; the text is indented by the quotes around the list and in the item.
    const inside = Math.min(((ctx.quote ?? 0) - (place.quote ?? 0)) * ctx.indents.quote, Math.floor(ctx.widthTwips / 4));
    const indent = quoted > 0 ? { indent: { left: quoted + listIndent(place.level), hanging: LIST_HANGING + inside } } : {};
    return new Paragraph({ numbering: place.numbering, children, ...spacing, ...quote, ...indent, ...own });
  }
  if (place) return new Paragraph({ style: 'ListParagraph', ...quote, indent: { left: quoted + listIndent(place.level) }, children, ...spacing, ...own });
  // One level of quote is the Quote style's own indent (a reference document's, with one).
  return new Paragraph({ children, ...spacing, ...quote, ...((ctx.quote ?? 0) > 1 ? { indent: { left: quoted } } : {}), ...own });
}

/**
 * A paragraph's text, then each of its images in a centred paragraph of its own, its title a
 * caption below it, as the PDF shows them (takeImages): the text's last line stays with the first
 * image (“Photo:” above the photo). In a list item, the first paragraph carries the item's number.
 */
function paragraphWithImages(node: MdParagraph, ctx: DocxContext, place: ListPlace | undefined): Paragraph[] {
  const { text, images } = takeImages(node.children);
  if (images.length === 0) return [paragraph(paragraphRuns(node.children, ctx), ctx, place)];
  const out: Paragraph[] = [];
  const next = () => (out.length === 0 ? place : place && { level: place.level, ...(place.quote !== undefined ? { quote: place.quote } : {}) });
  if (text.length > 0) out.push(paragraph(paragraphRuns(text, ctx), ctx, next(), { keepNext: true }));
  for (const { image, url } of images) {
    const shown: PhrasingContent = url === undefined ? image : { type: 'link', url, children: [image] };
    out.push(paragraph(paragraphRuns([shown], ctx), ctx, next(), { alignment: AlignmentType.CENTER, ...(image.title ? { keepNext: true } : {}) }));
    if (image.title) out.push(paragraph(paragraphText(image.title, ctx), ctx, next(), { alignment: AlignmentType.CENTER, style: STYLE.caption }));
  }
  return out;
}

function list(node: List, ctx: DocxContext, place: ListPlace | undefined): FileChild[] {
  const level = place ? place.level + 1 : 0;
  const numbering = ctx.lists.next(node.ordered === true, node.start);
  const out: FileChild[] = [];
  for (const item of node.children) {
    const itemPlace: ListPlace = { level, numbering: { reference: numbering.reference, level: wordListLevel(level), instance: numbering.instance }, quote: ctx.quote ?? 0 };
    const children = item.children.length > 0 ? item.children : [{ type: 'paragraph' as const, children: [] }];
    const [first, ...rest] = children;
    if (item.checked != null && first?.type === 'paragraph') {
      // A task list item: its box as a character, as the PDF draws it.
      const box = new TextRun({ text: item.checked ? '☒ ' : '☐ ', language: { value: ctx.lang } });
      out.push(paragraph([box, ...paragraphRuns(first.children, ctx)], ctx, itemPlace));
      out.push(...wordBlocks(rest, ctx, { level }));
    } else {
      out.push(...wordBlocks(children, ctx, itemPlace));
    }
  }
  return out;
}
