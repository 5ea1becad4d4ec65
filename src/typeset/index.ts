import { layoutDocument } from './layout/document.js';
import { createMetrics } from './measure.js';
import { paint } from './paint.js';
import type { TypesetInput, TypesetOutput } from './types.js';

export { SectionParses } from './markdown.js';
export type { FontBytes, ImageRefusal, TypesetInput, TypesetLabels, TypesetOutput } from './types.js';
export type { PdfThemeYaml, ResolvedTheme } from './theme.js';

/** Markdown (with YAML front matter) and a theme → PDF bytes, page count and diagnostics. Same input, same bytes. */
export async function typeset(input: TypesetInput): Promise<TypesetOutput> {
  const metrics = createMetrics(input.fonts);
  const layout = layoutDocument(input, metrics);
  const pdf = await paint(layout, {
    fonts: input.fonts,
    creationDate: input.creationDate,
    pdfA: input.theme.pdfA,
    lang: layout.front.lang ?? 'en',
  });
  const text = layout.pages.map((page) => page.boxes.flatMap((b) => (b.kind === 'text' ? [b.text] : [])).join(' ')).join('\n');
  return { pdf, pages: layout.pages.length, diagnostics: layout.diagnostics, text };
}
