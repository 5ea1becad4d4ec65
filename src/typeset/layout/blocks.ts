import type { Blockquote, Code, Heading, Html, Paragraph, RootContent } from 'mdast';
import type { Box, TextStyle } from './boxes.js';
import { parseChartDirective } from '../../markdown/chart.js';
import { takeImages } from '../../markdown/images.js';
import { layoutChart } from './chart.js';
import { type BlockContext, MUTED_COLOR, RULE_COLOR, tint } from './context.js';
import type { Slice } from './flow.js';
import { layoutImage } from './image.js';
import { inlineSpans, plainText } from './inline.js';
import { layoutList } from './list.js';
import { textSlices } from './paragraph.js';
import { layoutTable } from './table.js';

/** Lays out a sequence of Markdown blocks into slices for the current column. */
export function layoutBlocks(nodes: readonly RootContent[], ctx: BlockContext): Slice[] {
  const out: Slice[] = [];
  for (const node of nodes) out.push(...layoutBlock(node, ctx));
  return out;
}

function layoutBlock(node: RootContent, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  switch (node.type) {
    case 'heading':
      return layoutHeading(node, ctx);
    case 'paragraph':
      return layoutParagraph(node, ctx);
    case 'list':
      return layoutList(node, ctx, layoutBlocks);
    case 'blockquote':
      return layoutQuote(node, ctx);
    case 'code':
      return layoutCode(node, ctx);
    case 'thematicBreak': {
      const h = fs * 1.8;
      return [{ height: h, spaceBefore: fs * 0.3, boxes: [{ kind: 'line', x1: ctx.x, y1: h / 2, x2: ctx.x + ctx.width, y2: h / 2, color: RULE_COLOR, width: 0.75 }] }];
    }
    case 'table': {
      const chart = ctx.pendingChart;
      ctx.pendingChart = undefined;
      if (!chart) return layoutTable(node, ctx);
      const bars = layoutChart(node, chart.columns, ctx);
      if (!chart.keepTable) return bars;
      const last = bars[bars.length - 1];
      // The chart and the start of its table stay on one page.
      if (last) last.keepWithNext = 2;
      return [...bars, ...layoutTable(node, ctx)];
    }
    case 'html':
      return layoutHtml(node, ctx);
    default:
      // Front matter, definitions and footnote definitions are handled by the document layout.
      return [];
  }
}

function layoutHtml(node: Html, ctx: BlockContext): Slice[] {
  const chart = parseChartDirective(node.value);
  if (chart) ctx.pendingChart = chart;
  return [];
}

const HEADING_SCALE = [1.9, 1.45, 1.2, 1.05, 1, 1] as const;

function layoutHeading(node: Heading, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const level = node.depth;
  const size = fs * (HEADING_SCALE[level - 1] ?? 1);
  const accent = level <= 3;
  const font = level === 5 ? 'boldItalic' : level === 6 ? 'italic' : 'bold';
  const base: TextStyle = { font, size, color: accent ? ctx.theme.accentColor : level === 6 ? MUTED_COLOR : ctx.color };
  const text = plainText(node);
  const id = ctx.slugger.slug(text);
  const sid = ctx.struct.add(`H${Math.min(level, 6)}`, ctx.parentSid);
  const spaceBefore = level === 1 ? 0 : level === 2 ? fs * 1.6 : fs * 1.1;
  const slices = textSlices(inlineSpans(node.children, base, ctx.inline), { x: ctx.x, width: ctx.width, size, leading: 1.25, sid }, ctx.m, spaceBefore);
  const first = slices[0];
  const last = slices[slices.length - 1];
  if (!first || !last) return [];
  first.boxes.unshift({ kind: 'dest', name: id, y: 0 });
  if (level === 1) {
    first.pageBreakBefore = true;
    last.boxes.push({ kind: 'line', x1: ctx.x, y1: last.height + fs * 0.35, x2: ctx.x + ctx.width, y2: last.height + fs * 0.35, color: ctx.theme.accentColor, width: 1 });
  }
  last.height += level === 1 ? fs * 1.1 : fs * 0.3;
  for (const s of slices) s.keepWithNext = 1;
  // The heading travels with at least the first two lines of what follows.
  last.keepWithNext = 2;
  ctx.headings.push({ level, text, id, page: -1 });
  return slices;
}

/**
 * A paragraph's text, then each image it shows as a block of its own (scaled as a block image is,
 * in reading order): a line cannot hold a photo, and the image is not left out. The text's last
 * line stays with the first image (“Photo:” above the photo).
 */
function layoutParagraph(node: Paragraph, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const { text, images } = takeImages(node.children);
  const out: Slice[] = [];
  if (text.length > 0) {
    const sid = ctx.struct.add('P', ctx.parentSid);
    const base: TextStyle = { font: 'regular', size: fs, color: ctx.color };
    out.push(...textSlices(inlineSpans(text, base, ctx.inline), { x: ctx.x, width: ctx.width, size: fs, sid }, ctx.m, fs * 0.65));
  }
  const last = out[out.length - 1];
  if (last && images.length > 0) last.keepWithNext = Math.max(last.keepWithNext ?? 0, 1);
  for (const { image, url } of images) out.push(...layoutImage(image, ctx, url));
  return out;
}

function layoutQuote(node: Blockquote, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const indent = fs * 1.3;
  const sid = ctx.struct.add('BlockQuote', ctx.parentSid);
  const inner = layoutBlocks(node.children, { ...ctx, x: ctx.x + indent, width: ctx.width - indent, parentSid: sid, color: '#3A3A3A' });
  inner.forEach((s, i) => {
    s.boxes.unshift({ kind: 'rect', x: ctx.x + 1, y: 0, width: 3, height: s.height, fill: tint(ctx.theme.accentColor, 0.55), ...(i > 0 ? { stretchUp: true } : {}) });
  });
  const first = inner[0];
  if (first) first.spaceBefore = Math.max(first.spaceBefore, fs * 0.65);
  return inner;
}

function layoutCode(node: Code, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const size = fs * 0.85;
  const lh = size * 1.4;
  const pad = fs * 0.6;
  const sid = ctx.struct.add('Code', ctx.parentSid);
  const charW = ctx.m.charWidth('mono', 0x30, size);
  const perLine = Math.max(8, Math.floor((ctx.width - 2 * pad) / charW));
  const text = ctx.inline.glyphs.check(node.value.replace(/\t/g, '    '), 'mono', node.position?.start);
  const rows: string[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const chars = [...raw];
    if (chars.length === 0) rows.push('');
    for (let i = 0; i < chars.length; i += perLine) rows.push(chars.slice(i, i + perLine).join(''));
  }
  const style: TextStyle = { font: 'mono', size, color: '#24292F' };
  return rows.map((row, i) => {
    const top = i === 0 ? pad : 0;
    const height = lh + top + (i === rows.length - 1 ? pad : 0);
    const boxes: Box[] = [{ kind: 'rect', x: ctx.x, y: 0, width: ctx.width, height, fill: '#F2F4F7' }];
    if (row.trim() !== '') {
      const width = ctx.m.width('mono', row, size);
      boxes.push({ kind: 'text', x: ctx.x + pad, y: top, width, height: lh, baseline: top + lh / 2 + size * 0.33, text: row, style, sid });
    }
    const slice: Slice = { height, spaceBefore: i === 0 ? fs * 0.65 : 0, boxes };
    if (rows.length > 1 && (i === 0 || i === rows.length - 2)) slice.keepWithNext = 1;
    return slice;
  });
}
