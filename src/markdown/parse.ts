import type { Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';

/** CommonMark + GFM, as GitHub reads Markdown; built once: the extensions are plain descriptions. */
export const GFM = { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] };

/** How (md) values are read. */
export function parseGfm(markdown: string): Root {
  return fromMarkdown(markdown, GFM);
}
