import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { nodeFs, type FileSystem } from '../load/file-system.js';
import { locate, type ParsedFile } from '../load/index.js';

/** A font file the PDF theme of workshop.yaml names (`report.pdf_theme.fonts.regular`), and where. */
export type ThemeFont = [file: string, key: string, location: Location];

/** The font files workshop.yaml's PDF theme names, each with its place. Pure. */
export function themeFonts(workshop: ParsedFile): ThemeFont[] {
  const data = workshop.data as { report?: { pdf_theme?: { fonts?: unknown } } } | undefined;
  const fonts = data?.report?.pdf_theme?.fonts;
  if (!fonts || typeof fonts !== 'object' || Array.isArray(fonts)) return [];
  return Object.entries(fonts as Record<string, unknown>)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].trim() !== '')
    .map(([key, file]) => [file, key, locate(workshop, ['report', 'pdf_theme', 'fonts', key], 'value')]);
}

/**
 * Each named font file that is not there (or is a folder): a warning at its place, since only a
 * PDF build needs it and stops there (exit 2) — `validate` said nothing, and a CI job's build failed
 * after it passed. Looked at on every run (never kept in a cache's verdict): a font file comes and goes
 * without any notes file changing.
 */
export async function themeFontProblems(projectDir: string, fonts: readonly ThemeFont[], fs: FileSystem = nodeFs): Promise<Diagnostic[]> {
  const problems: Diagnostic[] = [];
  for (const [file, key, location] of fonts) {
    const found = await fs.stat(path.resolve(projectDir, file)).catch(() => undefined);
    if (found?.isFile()) continue;
    problems.push({
      code: 'missing-asset', severity: 'warning', stage: 'validate',
      message: `The PDF theme's ${key} font “${file}” ${found ? 'is a folder, not a font file' : 'is not there'}: a PDF build stops at it.`,
      hint: 'Font paths are relative to the project folder (e.g. assets/fonts/NotoSans-Regular.ttf): put the .ttf or .otf file there, or remove the key to use the bundled font.',
      location,
    });
  }
  return problems;
}
