import { readFile } from 'node:fs/promises';
import { bundledFontPaths } from '../typeset/font-files.js';
import { BODY_FONT, CODE_FONT } from './styles.js';

export interface EmbeddedFont {
  name: string;
  data: Buffer;
  bold?: Buffer;
  italic?: Buffer;
  boldItalic?: Buffer;
}

let cached: Promise<EmbeddedFont[]> | undefined;

/**
 * The fonts the PDF uses, shipped in the package (SIL Open Font License, which allows embedding),
 * embedded in the DOCX so that it looks the same on a machine without them: Source Sans 3 in the
 * four faces the text uses, Source Code Pro for code. Read once per thread.
 */
export function embeddedFonts(): Promise<EmbeddedFont[]> {
  cached ??= (async () => {
    const files = bundledFontPaths();
    const [data, bold, italic, boldItalic, mono] = await Promise.all([files.regular, files.bold, files.italic, files.boldItalic, files.mono].map((file) => readFile(file)));
    return [{ name: BODY_FONT, data: data!, bold: bold!, italic: italic!, boldItalic: boldItalic! }, { name: CODE_FONT, data: mono! }];
  })();
  return cached;
}
