import { readFile } from 'node:fs/promises';
import type { Nodes, Root } from 'mdast';
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

/**
 * The faces a document uses, of those embedded: Source Code Pro only with code (a code block or
 * inline code), bold italic only where emphasis meets bold (strong text, a heading, a table's header
 * row). A face left out costs a quarter of a megabyte per file; where a font is missing, Word and
 * LibreOffice fall back on the machine's own.
 */
export function fontsFor(fonts: readonly EmbeddedFont[], root: Root): EmbeddedFont[] {
  let code = false;
  let boldItalic = false;
  const visit = (node: Nodes, bold: boolean, italic: boolean): void => {
    if (node.type === 'code' || node.type === 'inlineCode') code = true;
    if ((node.type === 'text' || node.type === 'inlineCode') && bold && italic) boldItalic = true;
    if (!('children' in node)) return;
    const b = bold || node.type === 'strong' || node.type === 'heading';
    const i = italic || node.type === 'emphasis';
    if (node.type === 'table') node.children.forEach((row, r) => visit(row, b || r === 0, i));
    else for (const child of node.children) visit(child as Nodes, b, i);
  };
  visit(root, false, false);
  return fonts.flatMap((font) => {
    if (font.name === CODE_FONT) return code ? [font] : [];
    if (font.boldItalic && !boldItalic) {
      const { boldItalic: _unused, ...rest } = font;
      return [rest];
    }
    return [font];
  });
}
