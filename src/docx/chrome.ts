import { BorderStyle, Footer, Header, PageNumber, Paragraph, TabStopType, TextRun } from 'docx';
import type { FrontMatter } from '../typeset/front-matter.js';
import { MARKING_COLOR, MUTED_COLOR } from './styles.js';

/**
 * The running header (the marking, the short title, the kind of document) and footer (place and
 * date, "Page X of Y" from the PAGE and NUMPAGES fields) of every page after the cover.
 */
export function pageChrome(front: FrontMatter, pageLabel: string, lang: string, widthTwips: number): { header: Header; footer: Footer } {
  const run = (text: string, extra: { bold?: boolean; color?: string } = {}) => new TextRun({ text, size: 16, color: MUTED_COLOR, ...extra, language: { value: lang } });
  const right = [{ type: TabStopType.RIGHT, position: widthTwips }];
  const header = new Header({
    children: [
      ...(front.classification ? [new Paragraph({ children: [run(front.classification, { bold: true, color: MARKING_COLOR })] })] : []),
      new Paragraph({
        tabStops: right,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: 'C8CCD0', space: 4 } },
        children: [run(front.shortTitle ?? front.title), ...(front.document ? [run(`\t${front.document}`)] : [])],
      }),
    ],
  });
  // 'Page {page} of {pages}' → text, PAGE, text, NUMPAGES, text.
  const page = pageLabel.split(/(\{page\}|\{pages\})/).filter(Boolean).map((part) => {
    if (part === '{page}') return new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED_COLOR, language: { value: lang } });
    if (part === '{pages}') return new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED_COLOR, language: { value: lang } });
    return run(part);
  });
  const footer = new Footer({
    children: [new Paragraph({ tabStops: right, children: [run([front.place, front.date].filter(Boolean).join(', ')), run('\t'), ...page] })],
  });
  return { header, footer };
}
