/** The `pdf:` block of the project configuration, as written in YAML (snake_case, millimetres). */
export interface PdfThemeYaml {
  page_size?: 'A4' | 'Letter';
  margins?: { top?: number; right?: number; bottom?: number; left?: number };
  font_size?: number;
  accent_color?: string;
  fonts?: { regular?: string; bold?: string; italic?: string; bold_italic?: string; mono?: string };
  pdf_a?: boolean;
}

/** Theme with every default applied; lengths in PDF points. */
export interface ResolvedTheme {
  pageSize: 'A4' | 'LETTER';
  margins: { top: number; right: number; bottom: number; left: number };
  fontSize: number;
  accentColor: string;
  pdfA: boolean;
}

const MM = 72 / 25.4;

/** Applies defaults (A4, margins 25/20/25/20 mm, 10.5 pt, #1F4E79). Invalid values fall back to defaults: validation is the schema's job. */
export function resolveTheme(raw: PdfThemeYaml | undefined): ResolvedTheme {
  const m = raw?.margins ?? {};
  const mm = (v: number | undefined, d: number): number => (typeof v === 'number' && v >= 0 && v < 100 ? v : d) * MM;
  const size = raw?.font_size;
  const color = raw?.accent_color;
  return {
    pageSize: raw?.page_size === 'Letter' ? 'LETTER' : 'A4',
    margins: { top: mm(m.top, 25), right: mm(m.right, 20), bottom: mm(m.bottom, 25), left: mm(m.left, 20) },
    fontSize: typeof size === 'number' && size >= 6 && size <= 24 ? size : 10.5,
    accentColor: typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color.toUpperCase() : '#1F4E79',
    pdfA: raw?.pdf_a === true,
  };
}

/** Page sizes in points, as pdfkit defines them. */
export const PAGE_SIZES: Record<ResolvedTheme['pageSize'], { width: number; height: number }> = {
  A4: { width: 595.28, height: 841.89 },
  LETTER: { width: 612, height: 792 },
};
