import PDFDocument from 'pdfkit';
import type { Box, HeadingInfo, LinkBox, PageBoxes } from './layout/boxes.js';
import type { LayoutResult } from './layout/document.js';
import { parsedFont } from './measure.js';
import { showText } from './show-text.js';
import { StructTagger } from './tagging.js';
import type { FontBytes, FontKey } from './types.js';

export interface PaintOptions {
  fonts: FontBytes;
  creationDate: Date;
  pdfA: boolean;
  lang: string;
}

const FONT_KEYS: readonly FontKey[] = ['regular', 'bold', 'italic', 'boldItalic', 'mono'];

/** Boxes → pdfkit calls. All positions are final: pdfkit never wraps or places text itself. */
export function paint(layout: LayoutResult, o: PaintOptions): Promise<Uint8Array> {
  const doc = new PDFDocument({
    autoFirstPage: false,
    size: [layout.page.width, layout.page.height],
    margin: 0,
    pdfVersion: '1.7',
    tagged: true,
    lang: o.lang,
    displayTitle: true,
    ...(o.pdfA ? { subset: 'PDF/A-2a' as const } : {}),
    info: {
      Title: layout.front.title,
      ...(layout.front.subtitle ? { Subject: layout.front.subtitle } : {}),
      Creator: 'workshop-report',
      Producer: 'workshop-report (PDFKit)',
      CreationDate: o.creationDate,
      // pdfkit's PDF/A metadata has no xmp:ModifyDate, and PDF/A wants Info and XMP to agree.
      ...(o.pdfA ? {} : { ModDate: o.creationDate }),
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (c: Uint8Array) => chunks.push(c));
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  // pdfkit accepts an already parsed fontkit font; each is registered once per document.
  for (const key of FONT_KEYS) doc.registerFont(key, parsedFont(o.fonts[key]) as unknown as Buffer);
  const tagger = new StructTagger(doc, layout.struct, layout.pages);
  const byId = new Map(layout.headings.map((h) => [h.id, h]));
  const outline = new Outline(doc, layout.page.width);
  const state = { font: '', size: 0, color: '' };
  for (const page of layout.pages) {
    doc.addPage({ size: [layout.page.width, layout.page.height], margin: 0 });
    state.font = '';
    state.color = '';
    paintPage(doc, page, tagger, state);
    for (const b of page.boxes) {
      if (b.kind !== 'dest') continue;
      doc.addNamedDestination(b.name, 'XYZ', null, Math.max(0, b.y - 6), null);
      const h = byId.get(b.name);
      if (h) outline.add(h, b.y);
    }
  }
  tagger.end();
  doc.end();
  return done;
}

function paintPage(doc: PDFKit.PDFDocument, page: PageBoxes, tagger: StructTagger, state: { font: string; size: number; color: string }): void {
  for (const b of page.boxes) {
    if (b.kind === 'dest') continue;
    if (b.kind === 'link') {
      const parent = tagger.linkParent(b.sid);
      link(doc, b, parent);
      // Ending it now, on its page, gives the annotation reference the right /Pg.
      parent?.end();
      continue;
    }
    tagger.mark(b, () => draw(doc, b, state));
  }
  tagger.closePage();
}

function draw(doc: PDFKit.PDFDocument, b: Exclude<Box, { kind: 'dest' | 'link' }>, state: { font: string; size: number; color: string }): void {
  switch (b.kind) {
    case 'text':
      if (state.font !== b.style.font) doc.font((state.font = b.style.font));
      if (state.size !== b.style.size) doc.fontSize((state.size = b.style.size));
      if (state.color !== b.style.color) doc.fillColor((state.color = b.style.color));
      showText(doc, b.text, b.x, b.baseline);
      return;
    case 'rect':
      state.color = b.fill;
      doc.rect(b.x, b.y, b.width, b.height).fill(b.fill);
      return;
    case 'line':
      doc.moveTo(b.x1, b.y1).lineTo(b.x2, b.y2).lineWidth(b.width).strokeColor(b.color).stroke();
      return;
    case 'image':
      // Layout checked the bytes; a file pdfkit still rejects is left out rather than failing the document.
      try {
        doc.image(Buffer.from(b.data), b.x, b.y, { width: b.width, height: b.height });
      } catch {
        doc.rect(b.x, b.y, b.width, b.height).lineWidth(0.75).strokeColor('#C8CCD0').stroke();
      }
      return;
  }
}

function link(doc: PDFKit.PDFDocument, b: LinkBox, parent: PDFKit.PDFStructureElement | undefined): void {
  const { x, y, width: w, height: h, target: t } = b;
  const options = { ...(parent ? { structParent: parent } : {}), ...(b.text ? { Contents: new String(b.text) } : {}) } as PDFKit.Mixins.AnnotationOption;
  if (t.kind === 'uri') doc.link(x, y, w, h, t.uri, options);
  else if (t.kind === 'dest') doc.goTo(x, y, w, h, t.name, options);
  else {
    // A relative file: GoToR opens the other PDF, at a named destination when there is one.
    const action = doc.ref({ S: 'GoToR', F: new String(t.file), D: t.dest !== undefined ? new String(t.dest) : [0, 'Fit'] });
    (action as unknown as { end(): void }).end();
    doc.annotate(x, y, w, h, { Contents: new String(''), ...options, Subtype: 'Link', A: action } as unknown as PDFKit.Mixins.AnnotationOption);
  }
}

/** Bookmarks: level-1 headings at the top, level 2 nested under the last level 1. */
class Outline {
  private lastTop: PDFKit.PDFOutline | undefined;
  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly pageWidth: number,
  ) {}
  add(h: HeadingInfo, y: number): void {
    // pdfkit computes the destination's left as width − left; passing the width puts it at 0.
    const options = { top: Math.max(0, y - 6), left: this.pageWidth, expanded: true } as unknown as { expanded?: boolean };
    if (h.level === 1) this.lastTop = this.doc.outline.addItem(h.text, options);
    else if (h.level === 2) (this.lastTop ?? this.doc.outline).addItem(h.text, options);
  }
}
