import { ImageRun, Paragraph } from 'docx';
import type { FrontMatter } from '../typeset/front-matter.js';
import type { DocxContext } from './context.js';
import { paragraphText } from './inline.js';
import { STYLE } from './styles.js';

export interface CoverLabels {
  organizedBy: string;
  withSupportOf: string;
}

/**
 * The cover, as the PDF's: the logo, the edition's marking, the kind of document, the title in
 * Title, the subtitle in Subtitle, date and place, then the organizers and partners.
 */
export function coverParagraphs(front: FrontMatter, labels: CoverLabels, ctx: DocxContext): Paragraph[] {
  const out: Paragraph[] = [];
  const logo = front.logo ? ctx.loadImage(front.logo) : undefined;
  if (logo) {
    const scale = Math.min(1, 96 / logo.height, 290 / logo.width);
    out.push(new Paragraph({ children: [new ImageRun({ type: logo.type, data: logo.data, transformation: { width: Math.round(logo.width * scale), height: Math.round(logo.height * scale) }, altText: { name: 'Logo', description: 'Logo', title: 'Logo' } })] }));
  }
  if (front.classification) out.push(new Paragraph({ style: STYLE.marking, spacing: { after: 480 }, children: paragraphText(front.classification, ctx) }));
  out.push(new Paragraph({ spacing: { before: logo ? 1200 : 2400 }, style: STYLE.coverLabel, children: paragraphText(front.document ?? '', ctx) }));
  out.push(new Paragraph({ style: STYLE.title, children: paragraphText(front.title, ctx) }));
  if (front.subtitle) out.push(new Paragraph({ style: STYLE.subtitle, children: paragraphText(front.subtitle, ctx) }));
  if (front.date) out.push(new Paragraph({ children: paragraphText(front.date, ctx, { bold: true }) }));
  if (front.place) out.push(new Paragraph({ spacing: { after: 1600 }, children: paragraphText(front.place, ctx) }));
  for (const group of [{ label: labels.organizedBy, names: front.organizers }, { label: labels.withSupportOf, names: front.partners }]) {
    if (group.names.length === 0) continue;
    out.push(new Paragraph({ style: STYLE.coverLabel, children: paragraphText(group.label, ctx) }));
    for (const name of group.names) out.push(new Paragraph({ spacing: { after: 0 }, children: paragraphText(name, ctx) }));
  }
  return out;
}
