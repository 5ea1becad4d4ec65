import type { Metrics } from '../measure.js';
import type { ResolvedTheme } from '../theme.js';
import type { Box, TextStyle } from './boxes.js';
import { MARKING_COLOR, MUTED_COLOR, RULE_COLOR } from './context.js';
import type { PageGeometry } from './cover.js';
import { breakLines } from './line-break.js';
import { type TextBlockOptions, lineBoxes } from './paragraph.js';

export interface ChromeText {
  /** The edition's marking, on a line of its own above the header. */
  marking?: string;
  header: string;
  headerRight?: string;
  footerLeft?: string;
  /** 'Page {page} of {pages}' */
  pageLabel: string;
}

// Running texts get one line: a long short title is cut with an ellipsis rather than spilling into the page.
function oneLine(text: string, style: TextStyle, top: number, o: TextBlockOptions, m: Metrics): Box[] {
  const lines = breakLines([{ text, style }], o.width, m, style.size);
  let line = lines[0];
  if (!line) return [];
  if (lines.length > 1) {
    const cut = breakLines([{ text, style }], o.width - m.width(style.font, ' …', style.size), m, style.size)[0];
    const first = cut?.frags[0];
    if (cut && first) line = { ...cut, frags: [{ ...first, text: `${first.text} …` }] };
  }
  return lineBoxes(line, top, style.size * 1.4, o, m);
}

/** Running header and footer of one page, drawn in the margins and marked as artifacts. */
export function chromeBoxes(pageNo: number, pages: number, text: ChromeText, page: PageGeometry, theme: ResolvedTheme, m: Metrics): Box[] {
  const { margins } = theme;
  const size = theme.fontSize * 0.78;
  const style: TextStyle = { font: 'regular', size, color: MUTED_COLOR };
  const x = margins.left;
  const width = page.width - margins.left - margins.right;
  const headTop = Math.max(4, margins.top - size * 3.2);
  const footTop = page.height - margins.bottom + size * 1.8;
  const left: TextBlockOptions = { x, width: width * 0.6, size, artifact: true };
  const right: TextBlockOptions = { x: x + width * 0.62, width: width * 0.38, size, align: 'right', artifact: true };
  const boxes: Box[] = oneLine(text.header, style, headTop, left, m);
  if (text.marking) {
    const full: TextBlockOptions = { x, width, size, align: 'center', artifact: true };
    boxes.push(...oneLine(text.marking, { font: 'bold', size, color: MARKING_COLOR }, Math.max(2, headTop - size * 1.6), full, m));
  }
  if (text.headerRight) boxes.push(...oneLine(text.headerRight, style, headTop, right, m));
  const ruleY = headTop + size * 1.4 + 3;
  boxes.push({ kind: 'line', x1: x, y1: ruleY, x2: x + width, y2: ruleY, color: RULE_COLOR, width: 0.5, artifact: true });
  if (text.footerLeft) boxes.push(...oneLine(text.footerLeft, style, footTop, left, m));
  const label = text.pageLabel.replace('{page}', String(pageNo)).replace('{pages}', String(pages));
  boxes.push(...oneLine(label, style, footTop, right, m));
  return boxes;
}
