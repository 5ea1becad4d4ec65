import type { List, RootContent } from 'mdast';
import type { TextStyle } from './boxes.js';
import type { BlockContext } from './context.js';
import type { Slice } from './flow.js';
import { bulletAt, orderedMarker } from '../../markdown/list-markers.js';

type LayoutBlocks = (nodes: readonly RootContent[], ctx: BlockContext) => Slice[];

/** Ordered and unordered lists with hanging indents; markers sit on the first line of each item. */
export function layoutList(node: List, ctx: BlockContext, layoutBlocks: LayoutBlocks): Slice[] {
  const fs = ctx.theme.fontSize;
  const start = node.start ?? 1;
  const markers = node.children.map((item, i) => {
    if (item.checked === true) return '☑';
    if (item.checked === false) return '☐';
    return node.ordered ? orderedMarker(start + i) : bulletAt(ctx.listDepth);
  });
  const style: TextStyle = { font: 'regular', size: fs, color: node.ordered ? ctx.color : ctx.theme.accentColor };
  const widest = Math.max(...markers.map((mk) => ctx.m.width('regular', mk, fs)));
  const gap = fs * 0.55;
  const indent = Math.max(fs * 1.5, widest + gap);
  const listSid = ctx.struct.add('L', ctx.parentSid);
  const out: Slice[] = [];
  node.children.forEach((item, i) => {
    const liSid = ctx.struct.add('LI', listSid);
    const lblSid = ctx.struct.add('Lbl', liSid);
    const bodySid = ctx.struct.add('LBody', liSid);
    const inner = layoutBlocks(item.children, {
      ...ctx,
      x: ctx.x + indent,
      width: ctx.width - indent,
      parentSid: bodySid,
      listDepth: ctx.listDepth + 1,
    });
    const first = inner[0];
    if (!first) return;
    const marker = markers[i] ?? '';
    const mw = ctx.m.width('regular', marker, fs);
    const baseline = first.baseline ?? fs;
    // The label goes before the item's text so extraction and screen readers meet it first.
    const at = first.boxes.findIndex((b) => b.kind === 'text');
    first.boxes.splice(at < 0 ? first.boxes.length : at, 0, {
      kind: 'text',
      x: node.ordered ? ctx.x + indent - gap - mw : ctx.x + (indent - gap - mw) / 2,
      y: 0,
      width: mw,
      height: Math.min(first.height, fs * 1.4),
      baseline,
      text: marker,
      style,
      sid: lblSid,
    });
    first.spaceBefore = i === 0 ? fs * (ctx.listDepth > 0 ? 0.25 : 0.65) : node.spread ? fs * 0.6 : fs * 0.25;
    out.push(...inner);
  });
  // Neither the first nor the last line of a list sits alone at the foot or the top of a page.
  for (const s of [out[0], out[out.length - 2]]) {
    if (s && out.length > 1) s.keepWithNext = Math.max(1, s.keepWithNext ?? 0);
  }
  return out;
}
