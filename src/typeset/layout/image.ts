import type { Image } from 'mdast';
import type { Box, TextStyle } from './boxes.js';
import { type BlockContext, MUTED_COLOR, RULE_COLOR, nodeLocation } from './context.js';
import type { Slice } from './flow.js';
import { resolveLink } from './inline.js';
import { fitImage } from '../../markdown/images.js';
import { textBoxes } from './paragraph.js';

/**
 * A block image scaled to the column (never enlarged past 96 dpi), with its title as a caption; a
 * framed placeholder if it cannot be used. Inside a link (`url`), the image is the link's area.
 */
export function layoutImage(node: Image, ctx: BlockContext, url?: string): Slice[] {
  const fs = ctx.theme.fontSize;
  const img = ctx.loadImage(node.url, nodeLocation(ctx.file, node));
  const sid = ctx.struct.add('Figure', ctx.parentSid, { alt: node.alt || node.title || node.url });
  const boxes: Box[] = [];
  let height: number;
  if (img) {
    // At 96 pixels to the inch (0.75 pt a pixel), within the column and 80% of the page's text height.
    const { width: w, height: h } = fitImage({ width: img.width * 0.75, height: img.height * 0.75 }, { width: ctx.width, height: ctx.capacity * 0.8 });
    boxes.push({ kind: 'image', x: ctx.x + (ctx.width - w) / 2, y: 0, width: w, height: h, data: img.data, sid });
    const target = url === undefined ? undefined : resolveLink(url);
    if (target) boxes.push({ kind: 'link', x: ctx.x + (ctx.width - w) / 2, y: 0, width: w, height: h, target, text: node.alt || url!, sid });
    height = h;
  } else {
    height = fs * 3;
    const frame = { x1: ctx.x, x2: ctx.x + ctx.width, y1: 0, y2: height };
    for (const [x1, y1, x2, y2] of [
      [frame.x1, 0, frame.x2, 0],
      [frame.x1, height, frame.x2, height],
      [frame.x1, 0, frame.x1, height],
      [frame.x2, 0, frame.x2, height],
    ] as const) {
      boxes.push({ kind: 'line', x1, y1, x2, y2, color: RULE_COLOR, width: 0.75 });
    }
    const style: TextStyle = { font: 'italic', size: fs * 0.9, color: MUTED_COLOR };
    const label = ctx.inline.glyphs.check(`[${node.alt || node.url}]`, 'italic', node.position?.start);
    boxes.push(...textBoxes([{ text: label, style }], fs, { x: ctx.x + fs, width: ctx.width - 2 * fs, size: style.size, align: 'center', sid }, ctx.m).boxes);
  }
  if (node.title) {
    const style: TextStyle = { font: 'italic', size: fs * 0.9, color: MUTED_COLOR };
    const capSid = ctx.struct.add('Caption', sid);
    const cap = textBoxes([{ text: ctx.inline.glyphs.check(node.title, 'italic', node.position?.start), style }], height + fs * 0.4, { x: ctx.x, width: ctx.width, size: style.size, align: 'center', sid: capSid }, ctx.m);
    boxes.push(...cap.boxes);
    height += fs * 0.4 + cap.height;
  }
  return [{ height, spaceBefore: fs * 0.9, boxes }];
}
