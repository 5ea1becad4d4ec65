import GithubSlugger from 'github-slugger';
import type { FootnoteDefinition, Image, RootContent } from 'mdast';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { type FrontMatter, documentFrontMatter } from '../front-matter.js';
import { reportLanguage, wordsFor } from '../../i18n/document-language.js';
import { GlyphCheck, type SourcePoint } from '../glyphs.js';
import { parseMarkdown } from '../markdown.js';
import { toString } from 'mdast-util-to-string';
import type { Metrics } from '../measure.js';
import { PAGE_SIZES } from '../theme.js';
import type { TypesetInput } from '../types.js';
import { layoutBlocks } from './blocks.js';
import type { HeadingInfo, PageBoxes, StructNode } from './boxes.js';
import { chromeBoxes } from './chrome.js';
import { type BlockContext, StructBuilder, TEXT_COLOR, nodeLocation } from './context.js';
import { type PageGeometry, layoutCover } from './cover.js';
import { type Frame, type Slice, flow } from './flow.js';
import { imageLoader } from './load-image.js';
import { tocSlices } from './toc.js';

export interface LayoutResult {
  pages: PageBoxes[];
  /** Every heading, with its 0-based page index. */
  headings: HeadingInfo[];
  struct: StructNode[];
  front: FrontMatter;
  page: PageGeometry;
  diagnostics: Diagnostic[];
}

/** A contents page is worth it from this many level 1–2 headings on. */
const TOC_MIN_ENTRIES = 3;

/** Markdown → pages of positioned boxes: cover, contents, body, running header and footer. Pure. */
export function layoutDocument(input: TypesetInput, m: Metrics): LayoutResult {
  const { theme } = input;
  const root = input.root ?? parseMarkdown(input.markdown, { sections: input.sections });
  const front = documentFrontMatter(root, input.file);
  const labels = wordsFor(front.lang, input.labels, input.labelsByLanguage);
  const page = PAGE_SIZES[theme.pageSize];
  const frame: Frame = { top: theme.margins.top, bottom: page.height - theme.margins.bottom };
  const diagnostics: Diagnostic[] = [];
  const glyphs = new GlyphCheck(m);
  const struct = new StructBuilder();
  const coverSid = struct.add('Sect', null);
  const tocSid = struct.add('Sect', null);
  const bodySid = struct.add('Sect', null);
  const ctx: BlockContext = {
    m,
    theme,
    inline: { glyphs, linkColor: theme.accentColor, codeColor: '#24292F', footnotes: new Map(), imageAsText: imageAsText(input.file, diagnostics) },
    struct,
    parentSid: coverSid,
    x: theme.margins.left,
    width: page.width - theme.margins.left - theme.margins.right,
    capacity: frame.bottom - frame.top,
    color: TEXT_COLOR,
    listDepth: 0,
    headings: [],
    slugger: new GithubSlugger(),
    file: input.file,
    loadImage: imageLoader(input.loadImage, theme.pdfA, diagnostics),
    language: reportLanguage(front.lang) ?? input.language ?? 'en',
    pendingChart: undefined,
  };
  const yaml = root.children.find((c) => c.type === 'yaml');
  const cover = layoutCover(front, labels, page, ctx, yaml ? nodeLocation(input.file, yaml) : undefined, (text) => locate(input.markdown, text));
  const body = withoutMarkingLine(root.children.filter((c) => c.type !== 'yaml' && c.type !== 'footnoteDefinition'), front.classification);
  const slices = layoutBlocks(body, { ...ctx, parentSid: bodySid });
  slices.push(...footnoteSlices(root.children, { ...ctx, parentSid: bodySid }));
  const bodyPages = slices.length > 0 ? flow(slices, frame) : [];

  const pageOfDest = new Map<string, number>();
  bodyPages.forEach((p, i) => {
    for (const b of p.boxes) if (b.kind === 'dest' && !pageOfDest.has(b.name)) pageOfDest.set(b.name, i);
  });
  const entries = ctx.headings.filter((h) => h.level <= 2);
  let tocPages: PageBoxes[] = [];
  if (entries.length >= TOC_MIN_ENTRIES) {
    // First pass only counts the contents pages; the second prints the numbers, which cannot change that count.
    const tocCtx = { ...ctx, parentSid: tocSid, struct: new StructBuilder() };
    const count = flow(tocSlices(labels.contents, entries, () => 0, tocCtx), frame).length;
    tocPages = flow(tocSlices(labels.contents, entries, (h) => 2 + count + (pageOfDest.get(h.id) ?? 0), { ...ctx, parentSid: tocSid }), frame);
  }
  const offset = 1 + tocPages.length;
  const headings = ctx.headings.map((h) => ({ ...h, page: offset + (pageOfDest.get(h.id) ?? 0) }));
  const pages = [cover, ...tocPages, ...bodyPages];
  const safe = (text: string): string => glyphs.check(text, 'regular', locate(input.markdown, text));
  const chrome = {
    ...(front.classification ? { marking: safe(front.classification) } : {}),
    header: safe(front.shortTitle ?? front.title),
    ...(front.document ? { headerRight: safe(front.document) } : {}),
    ...(front.date || front.place ? { footerLeft: [front.place, front.date].filter(Boolean).map((t) => safe(t ?? '')).join(', ') } : {}),
    pageLabel: safe(labels.page),
  };
  pages.forEach((p, i) => {
    if (i > 0) p.boxes.push(...chromeBoxes(i + 1, pages.length, chrome, page, theme, m));
  });
  const glyphDiagnostic = glyphs.diagnostic(input.file);
  if (glyphDiagnostic) diagnostics.push(glyphDiagnostic);
  const rightToLeft = glyphs.rightToLeft(input.file);
  if (rightToLeft) diagnostics.push(rightToLeft);
  return { pages, headings, struct: struct.nodes, front, page, diagnostics };
}

/**
 * An edition's marking opens the Markdown document as a bold line; on paper the cover and every
 * page's header carry it, so that line is not laid out again (it would stand alone before a heading
 * that starts a page).
 */
function withoutMarkingLine(blocks: RootContent[], marking: string | undefined): RootContent[] {
  const first = blocks[0];
  const isMarking = marking !== undefined && first?.type === 'paragraph' && first.children.length === 1 && first.children[0]!.type === 'strong' && toString(first) === marking;
  return isMarking ? blocks.slice(1) : blocks;
}

/** Where `text` first appears in the source (front matter values), as a 1-based point. */
function locate(source: string, text: string): SourcePoint | undefined {
  const offset = source.indexOf(text);
  if (offset < 0) return undefined;
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n'), offset };
}

// Footnotes are gathered after the body, numbered in order of first reference.
function footnoteSlices(children: readonly RootContent[], ctx: BlockContext): Slice[] {
  const defs = new Map<string, FootnoteDefinition>();
  for (const c of children) if (c.type === 'footnoteDefinition') defs.set(c.identifier, c);
  const numbered = [...ctx.inline.footnotes.entries()].filter(([id]) => defs.has(id));
  if (numbered.length === 0) return [];
  const fs = ctx.theme.fontSize;
  const small: BlockContext = { ...ctx, theme: { ...ctx.theme, fontSize: fs * 0.85 } };
  const out: Slice[] = [{ height: fs, spaceBefore: fs * 1.5, boxes: [{ kind: 'line', x1: ctx.x, y1: fs / 2, x2: ctx.x + ctx.width / 3, y2: fs / 2, color: ctx.theme.accentColor, width: 0.75 }], keepWithNext: 1 }];
  const indent = fs * 1.6;
  for (const [id, n] of numbered) {
    const def = defs.get(id);
    if (!def) continue;
    const sid = ctx.struct.add('Note', ctx.parentSid);
    const inner = layoutBlocks(def.children, { ...small, x: ctx.x + indent, width: ctx.width - indent, parentSid: sid });
    const first = inner[0];
    if (!first) continue;
    const label = `${n}.`;
    const w = ctx.m.width('regular', label, fs * 0.85);
    first.boxes.unshift({ kind: 'dest', name: `fn-${n}`, y: 0 });
    first.boxes.unshift({ kind: 'text', x: ctx.x + indent - w - fs * 0.4, y: 0, width: w, height: first.height, baseline: first.baseline ?? fs, text: label, style: { font: 'regular', size: fs * 0.85, color: ctx.theme.accentColor }, sid });
    first.spaceBefore = fs * 0.3;
    out.push(...inner);
  }
  return out;
}

/**
 * An image a table cell or a heading shows is drawn as its alt text (a line has no room for it):
 * said once per place, at the image (the build points it at the notes), not silently dropped.
 */
function imageAsText(file: string, diagnostics: Diagnostic[]): (image: Image) => void {
  const told = new Set<number>();
  return (image) => {
    const at = nodeLocation(file, image);
    const key = at?.start.offset ?? -1;
    if (told.has(key)) return;
    told.add(key);
    diagnostics.push({
      code: 'image', severity: 'warning', stage: 'typeset', actual: image.url, ...(at ? { location: at } : {}),
      message: 'The PDF shows this image as its alt text only: it is in a table cell or a heading, where the PDF places no image (the HTML and DOCX show it).',
      hint: 'For the image to show in the PDF, put it in a text printed as paragraphs (a summary, a key point) rather than one printed in a table.',
    });
  };
}
