import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontBytes } from './types.js';

/** Absolute paths of the bundled TTFs (Source Sans 3, Source Code Pro), resolved from this module, never from the cwd. */
export function bundledFontPaths(): Record<keyof FontBytes, string> {
  const require = createRequire(import.meta.url);
  const sans = join(dirname(require.resolve('source-sans/package.json')), 'TTF');
  const code = join(dirname(require.resolve('source-code-pro/package.json')), 'TTF');
  return {
    regular: join(sans, 'SourceSans3-Regular.ttf'),
    bold: join(sans, 'SourceSans3-Bold.ttf'),
    italic: join(sans, 'SourceSans3-It.ttf'),
    boldItalic: join(sans, 'SourceSans3-BoldIt.ttf'),
    mono: join(code, 'SourceCodePro-Regular.ttf'),
  };
}
