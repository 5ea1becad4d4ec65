import { layoutDocument } from './layout/document.js';
import { createMetrics } from './measure.js';
import { paint } from './paint.js';
import type { HeadingPages, TypesetInput, TypesetOutput } from './types.js';
import type { LayoutResult } from './layout/document.js';

export { SectionParses } from './markdown.js';
export type { FontBytes, HeadingPages, ImageRefusal, TypesetInput, TypesetLabels, TypesetOutput } from './types.js';
export type { PdfThemeYaml, ResolvedTheme } from './theme.js';

/** Markdown (with YAML front matter) and a theme → PDF bytes, page count and diagnostics. Same input, same bytes. */
export async function typeset(input: TypesetInput): Promise<TypesetOutput> {
  const metrics = createMetrics(input.fonts);
  const layout = layoutDocument(input, metrics);
  const headingPages = headingPagesOf(layout);
  input.onLayout?.(headingPages);
  const pdf = await paint(layout, {
    fonts: input.fonts,
    creationDate: input.creationDate,
    pdfA: input.theme.pdfA,
    lang: layout.front.lang ?? 'en',
  });
  const text = layout.pages.map((page) => page.boxes.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join(' ')).join('\n');
  return { pdf, pages: layout.pages.length, diagnostics: layout.diagnostics, text, headingPages };
}

/** Where the headings fall, from the layout alone (no painting): the DOCX contents' page numbers when no PDF is made. */
export function layoutHeadingPages(input: TypesetInput): HeadingPages {
  return headingPagesOf(layoutDocument(input, createMetrics(input.fonts)));
}

function headingPagesOf(layout: LayoutResult): HeadingPages {
  return { pageCount: layout.pages.length, headings: layout.headings.map((h) => ({ id: h.id, page: h.page + 1 })) };
}
