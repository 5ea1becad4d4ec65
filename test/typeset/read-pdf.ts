import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export type PdfDoc = Awaited<ReturnType<typeof getDocument>['promise']>;

export async function openPdf(pdf: Uint8Array): Promise<PdfDoc> {
  // pdfjs takes ownership of the buffer it is given, so hand it a copy.
  return getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
}

/** Text of one page (1-based) in content order, items joined with spaces, whitespace collapsed. */
export async function pageText(doc: PdfDoc, pageNo: number): Promise<string> {
  const page = await doc.getPage(pageNo);
  const content = await page.getTextContent();
  return content.items
    .map((i) => ('str' in i ? i.str : ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function allText(doc: PdfDoc): Promise<string[]> {
  const out: string[] = [];
  for (let p = 1; p <= doc.numPages; p++) out.push(await pageText(doc, p));
  return out;
}
