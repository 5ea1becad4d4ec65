import type { Location } from '../../diagnostics/diagnostic.js';
import type { FrontMatter } from '../front-matter.js';
import type { SourcePoint } from '../glyphs.js';
import type { TypesetLabels } from '../types.js';
import { type Box, type PageBoxes, type TextStyle, translate } from './boxes.js';
import { type BlockContext, MARKING_COLOR, MUTED_COLOR, TEXT_COLOR, tint } from './context.js';
import { textBoxes, textLines } from './paragraph.js';

export interface PageGeometry {
  width: number;
  height: number;
}

/** The cover: document kind, title, subtitle, date and place, then organizers and partners at the foot. */
export function layoutCover(
  fm: FrontMatter,
  labels: TypesetLabels,
  page: PageGeometry,
  ctx: BlockContext,
  at: Location | undefined,
  locate: (text: string) => SourcePoint | undefined,
): PageBoxes {
  const { margins, accentColor } = ctx.theme;
  const fs = ctx.theme.fontSize;
  const x = margins.left;
  const width = page.width - margins.left - margins.right;
  const boxes: Box[] = [
    { kind: 'rect', x: 0, y: 0, width: page.width, height: margins.top * 0.45, fill: accentColor },
    { kind: 'rect', x: 0, y: page.height - margins.bottom * 0.3, width: page.width, height: margins.bottom * 0.3, fill: tint(accentColor, 0.35) },
  ];
  const sect = ctx.parentSid;
  // Front matter values are found in the source so a missing glyph is reported where it was typed.
  const check = (text: string, font: TextStyle['font']): string => ctx.inline.glyphs.check(text, font, locate(text));
  let into = boxes;
  const put = (text: string, style: TextStyle, y: number, type = 'P', leading = 1.3): number => {
    const sid = ctx.struct.add(type, sect);
    const r = textBoxes([{ text: check(text, style.font), style }], y, { x, width, size: style.size, leading, sid }, ctx.m);
    into.push(...r.boxes);
    return y + r.height;
  };

  let logoBottom = margins.top;
  if (fm.logo) {
    const img = ctx.loadImage(fm.logo, at);
    if (img) {
      const w0 = img.width * 0.75;
      const h0 = img.height * 0.75;
      const scale = Math.min(1, 72 / h0, 220 / w0);
      const sid = ctx.struct.add('Figure', sect, { alt: 'Logo' });
      boxes.push({ kind: 'image', x, y: margins.top + fs, width: w0 * scale, height: h0 * scale, data: img.data, sid });
      logoBottom = margins.top + fs + h0 * scale;
    }
  }

  // The title block is built from y = 0 and placed once the foot block's height is known.
  const main: Box[] = [];
  into = main;
  let y = 0;
  if (fm.classification) {
    y = put(fm.classification, { font: 'bold', size: fs * 1.05, color: MARKING_COLOR }, y);
    y += fs * 1.2;
  }
  if (fm.document) {
    y = put(fm.document.toUpperCase(), { font: 'bold', size: fs * 1.05, color: accentColor }, y);
    y += fs * 0.5;
  }
  main.push({ kind: 'rect', x, y, width: 56, height: 3.5, fill: accentColor });
  y += fs * 1.6;
  y = put(fm.title, { font: 'bold', size: fs * 2.55, color: TEXT_COLOR }, y, 'H1', 1.15);
  if (fm.subtitle) y = put(fm.subtitle, { font: 'regular', size: fs * 1.4, color: MUTED_COLOR }, y + fs * 0.9, 'P', 1.3);
  y += fs * 2;
  if (fm.date) y = put(fm.date, { font: 'bold', size: fs * 1.2, color: TEXT_COLOR }, y);
  if (fm.place) y = put(fm.place, { font: 'regular', size: fs * 1.2, color: TEXT_COLOR }, y);
  const mainHeight = y;
  into = boxes;

  // The foot block grows upwards from the bottom margin.
  const groups = [
    { label: labels.organizedBy, names: fm.organizers },
    { label: labels.withSupportOf, names: fm.partners },
  ].filter((g) => g.names.length > 0);
  const labelStyle: TextStyle = { font: 'bold', size: fs * 0.85, color: accentColor };
  const nameStyle: TextStyle = { font: 'regular', size: fs, color: TEXT_COLOR };
  const heightOf = (text: string, style: TextStyle): number => textLines([{ text, style }], { x, width, size: style.size }, ctx.m).height;
  let footH = 0;
  for (const g of groups) {
    footH += heightOf(g.label.toUpperCase(), labelStyle) + fs * 0.3 + fs * 1.2;
    for (const n of g.names) footH += heightOf(n, nameStyle);
  }
  let fy = page.height - margins.bottom - footH + fs * 1.2;
  // A third of the way down, unless a long title and a long list of organizers need the room.
  const top = Math.max(logoBottom + fs * 2, Math.min(page.height * 0.3, fy - fs * 3.5 - mainHeight));
  for (const b of main) boxes.push(translate(b, 0, top));
  if (groups.length > 0) boxes.push({ kind: 'line', x1: x, y1: fy - fs * 1.3, x2: x + width, y2: fy - fs * 1.3, color: tint(accentColor, 0.6), width: 0.75 });
  for (const g of groups) {
    fy = put(g.label.toUpperCase(), labelStyle, fy) + fs * 0.3;
    for (const n of g.names) fy = put(n, nameStyle, fy);
    fy += fs * 1.2;
  }
  return { boxes };
}
