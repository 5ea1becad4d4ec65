import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundledFontPaths } from '../../src/typeset/font-files.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import type { FontBytes, TypesetInput, TypesetLabels } from '../../src/typeset/types.js';

export const fixtures = fileURLToPath(new URL('../fixtures/typeset/', import.meta.url));

const paths = bundledFontPaths();
export const fonts: FontBytes = {
  regular: readFileSync(paths.regular),
  bold: readFileSync(paths.bold),
  italic: readFileSync(paths.italic),
  boldItalic: readFileSync(paths.boldItalic),
  mono: readFileSync(paths.mono),
};

export const labels: TypesetLabels = {
  page: 'Page {page} of {pages}',
  contents: 'Contents',
  organizedBy: 'Organized by',
  withSupportOf: 'With the support of',
};

export function fixture(name: string): string {
  return readFileSync(fixtures + name, 'utf8');
}

export function loadFixtureImage(src: string): Uint8Array | undefined {
  try {
    return readFileSync(fixtures + src);
  } catch {
    return undefined;
  }
}

/** A typeset input with the bundled fonts, default theme and a fixed date. */
export function input(markdown: string, extra: Partial<TypesetInput> = {}): TypesetInput {
  return {
    markdown,
    file: 'report.md',
    theme: resolveTheme(undefined),
    fonts,
    labels,
    creationDate: new Date('2022-05-20T10:00:00Z'),
    loadImage: loadFixtureImage,
    ...extra,
  };
}
