import type { DocxSettings } from '../../src/docx/document.js';
import { embeddedFonts } from '../../src/docx/fonts.js';
import { resolveTheme } from '../../src/typeset/theme.js';

/** What the DOCX tests give docxDocument: the bundled fonts, an accent colour, English words, no images. */
export async function docxSettings(): Promise<DocxSettings> {
  return {
    theme: resolveTheme({ accent_color: '#336699' }),
    language: 'en',
    labels: { page: 'Page {page} of {pages}', contents: 'Contents', organizedBy: 'Organized by', withSupportOf: 'With the support of' },
    date: new Date('2022-05-13T00:00:00Z'),
    fonts: await embeddedFonts(),
    loadImage: () => undefined,
  };
}

