import type { HeadingInfo, TextStyle } from './boxes.js';
import { type BlockContext, MUTED_COLOR, TEXT_COLOR } from './context.js';
import type { Slice } from './flow.js';
import { breakLines } from './line-break.js';
import { lineBoxes } from './paragraph.js';

/**
 * Contents (levels 1–2) with dot leaders; each entry links to its heading. The page number column has a
 * fixed width, so the number of contents pages does not depend on the numbers printed in it.
 */
export function tocSlices(title: string, entries: readonly HeadingInfo[], pageNumber: (h: HeadingInfo) => number, ctx: BlockContext): Slice[] {
  const fs = ctx.theme.fontSize;
  const accent = ctx.theme.accentColor;
  const titleSize = fs * 1.9;
  const tocSid = ctx.struct.add('TOC', ctx.parentSid);
  const titleSid = ctx.struct.add('H1', ctx.parentSid);
  const titleStyle: TextStyle = { font: 'bold', size: titleSize, color: accent };
  const titleLine = breakLines([{ text: ctx.inline.glyphs.check(title, 'bold', undefined), style: titleStyle }], ctx.width, ctx.m, titleSize)[0];
  const titleH = titleSize * 1.25;
  const slices: Slice[] = [
    {
      height: titleH + fs * 1.6,
      spaceBefore: 0,
      keepWithNext: 1,
      boxes: [
        ...(titleLine ? lineBoxes(titleLine, 0, titleH, { x: ctx.x, width: ctx.width, size: titleSize, sid: titleSid }, ctx.m) : []),
        { kind: 'line', x1: ctx.x, y1: titleH + fs * 0.35, x2: ctx.x + ctx.width, y2: titleH + fs * 0.35, color: accent, width: 1 },
      ],
    },
  ];
  const numW = ctx.m.width('bold', '0000', fs);
  for (const h of entries) {
    const sid = ctx.struct.add('TOCI', tocSid);
    const top = h.level === 1;
    const indent = top ? 0 : fs * 1.4;
    const style: TextStyle = { font: top ? 'bold' : 'regular', size: fs, color: top ? TEXT_COLOR : ctx.color };
    const textW = ctx.width - indent - numW - fs * 1.5;
    const lines = breakLines([{ text: ctx.inline.glyphs.check(h.text, style.font, undefined), style }], textW, ctx.m, fs);
    const lh = fs * 1.45;
    const o = { x: ctx.x + indent, width: textW, size: fs, sid };
    lines.forEach((line, i) => {
      const boxes = lineBoxes(line, 0, lh, o, ctx.m);
      if (i === lines.length - 1) {
        const num = String(pageNumber(h));
        const nw = ctx.m.width(style.font, num, fs);
        const dotStyle: TextStyle = { font: 'regular', size: fs, color: MUTED_COLOR };
        const dotW = ctx.m.width('regular', ' .', fs);
        const from = ctx.x + indent + line.width + fs * 0.4;
        const to = ctx.x + ctx.width - numW - fs * 0.2;
        const count = Math.floor((to - from) / dotW);
        if (count > 2) {
          const dots = ' .'.repeat(count);
          boxes.push({ kind: 'text', x: to - count * dotW, y: 0, width: count * dotW, height: lh, baseline: lh / 2 + fs * 0.33, text: dots, style: dotStyle, artifact: true });
        }
        boxes.push({ kind: 'text', x: ctx.x + ctx.width - nw, y: 0, width: nw, height: lh, baseline: lh / 2 + fs * 0.33, text: num, style, sid });
      }
      boxes.push({ kind: 'link', x: ctx.x + indent, y: 0, width: ctx.width - indent, height: lh, target: { kind: 'dest', name: h.id }, sid, text: h.text });
      slices.push({ height: lh, spaceBefore: i === 0 ? (top ? fs * 0.7 : fs * 0.1) : 0, boxes, ...(i < lines.length - 1 ? { keepWithNext: 1 } : {}) });
    });
  }
  return slices;
}
