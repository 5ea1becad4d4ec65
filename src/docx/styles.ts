import { AlignmentType, type IStylesOptions, LineRuleType } from 'docx';
import type { ResolvedTheme } from '../typeset/theme.js';

/** The shipped OFL fonts, as the PDF uses them (embedded, see fonts.ts). */
export const BODY_FONT = 'Source Sans 3';
export const CODE_FONT = 'Source Code Pro';
export const TEXT_COLOR = '1A1A1A';
export const MUTED_COLOR = '555555';
export const MARKING_COLOR = 'A1111B';

/** Style ids the writer uses; the names are Word's own, so a house template's styles replace them. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  caption: 'Caption',
  tableText: 'TableText',
  code: 'SourceCode',
  quote: 'Quote',
  coverLabel: 'CoverLabel',
  marking: 'Marking',
  tocHeading: 'TOCHeading',
  inlineCode: 'VerbatimChar',
} as const;

const half = (pt: number) => Math.round(pt * 2);
const twips = (pt: number) => Math.round(pt * 20);

/** The "Table text" style's size, in half-points, at a theme's body size (table-text.ts measures at it). */
export const tableTextSize = (fontSize: number): number => half(fontSize * 0.92);

/**
 * The left indents, in twips, of the Quote style (one level of block quote: a quote in a quote is
 * indented twice as far, as in the PDF) and of the Source Code style, at a theme's body size.
 */
export function blockIndents(fontSize: number): { quote: number; code: number } {
  return { quote: twips(fontSize * 2), code: twips(fontSize) };
}

/**
 * Paragraph and character styles that follow the PDF theme: its body size, its accent colour for
 * headings and links, Source Sans 3. Title, Subtitle, Heading 1–3, Normal, List Paragraph and
 * Caption are Word's built-in styles (so the Navigation pane and a house template know them);
 * "Table text", "Source Code", "Quote" and the cover's are the report's own.
 */
export function themeStyles(theme: ResolvedTheme, language: string): IStylesOptions {
  const fs = theme.fontSize;
  const accent = theme.accentColor.slice(1);
  const indents = blockIndents(fs);
  const heading = (size: number, before: number, after: number) => ({
    run: { font: BODY_FONT, size: half(size), bold: true, color: accent },
    paragraph: { spacing: { before: twips(before), after: twips(after) }, keepNext: true, keepLines: true },
  });
  return {
    default: {
      document: {
        run: { font: BODY_FONT, size: half(fs), color: TEXT_COLOR, language: { value: language } },
        paragraph: { spacing: { after: twips(fs * 0.6), line: 276, lineRule: LineRuleType.AUTO } },
      },
      title: { run: { font: BODY_FONT, size: half(fs * 2.55), bold: true, color: TEXT_COLOR }, paragraph: { spacing: { after: twips(fs * 0.9) } } },
      // No space before: a level-1 heading starts a page, as in the PDF (see blocks.ts).
      heading1: heading(fs * 1.8, 0, fs * 0.6),
      heading2: heading(fs * 1.35, fs * 1.3, fs * 0.45),
      heading3: heading(fs * 1.12, fs, fs * 0.35),
      heading4: heading(fs, fs * 0.8, fs * 0.3),
      listParagraph: { paragraph: { spacing: { after: twips(fs * 0.25) } } },
      caption: { run: { italics: true, size: half(fs * 0.9), color: MUTED_COLOR }, paragraph: { spacing: { before: twips(fs * 0.3), after: twips(fs * 0.8) } } },
      hyperlink: { run: { color: accent, underline: {} } },
    },
    paragraphStyles: [
      { id: STYLE.subtitle, name: 'Subtitle', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { size: half(fs * 1.4), color: MUTED_COLOR }, paragraph: { spacing: { after: twips(fs * 2) } } },
      { id: STYLE.tableText, name: 'Table text', basedOn: 'Normal', quickFormat: true, run: { size: tableTextSize(fs) }, paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } } },
      { id: STYLE.code, name: 'Source Code', basedOn: 'Normal', run: { font: CODE_FONT, size: half(fs * 0.85) }, paragraph: { spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO }, indent: { left: indents.code } } },
      { id: STYLE.quote, name: 'Quote', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { color: MUTED_COLOR }, paragraph: { indent: { left: indents.quote } } },
      { id: STYLE.coverLabel, name: 'Cover label', basedOn: 'Normal', run: { bold: true, allCaps: true, size: half(fs * 0.85), color: accent }, paragraph: { spacing: { before: twips(fs * 1.2), after: twips(fs * 0.3) } } },
      { id: STYLE.tocHeading, name: 'TOC Heading', basedOn: 'Normal', next: 'Normal', run: { size: half(fs * 1.8), bold: true, color: accent }, paragraph: { spacing: { after: twips(fs) }, keepNext: true } },
      // The contents' entries (Word's "toc 1", "toc 2"): tight, so a long contents keeps to its page.
      { id: 'TOC1', name: 'toc 1', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { before: twips(fs * 0.35), after: 0 } } },
      { id: 'TOC2', name: 'toc 2', basedOn: 'Normal', next: 'Normal', paragraph: { spacing: { after: 0 }, indent: { left: twips(fs * 1.2) } } },
      { id: STYLE.marking, name: 'Marking', basedOn: 'Normal', run: { bold: true, color: MARKING_COLOR }, paragraph: { alignment: AlignmentType.LEFT } },
    ],
    // Inline code, as pandoc names it: Source Code Pro, a little smaller than the text around it.
    characterStyles: [{ id: STYLE.inlineCode, name: 'Verbatim Char', run: { font: CODE_FONT, size: half(fs * 0.9) } }],
  };
}
