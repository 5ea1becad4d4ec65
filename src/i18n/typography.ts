import { splitAtHeadings } from '../typeset/markdown-sections.js';
import type { Nodes } from 'mdast';
import { parseGfm } from '../markdown/parse.js';
import type { Language } from '../notes/types.js';

/** The one space French typography puts before `: ; ? !` and inside « »: U+202F NARROW NO-BREAK SPACE. */
const FRENCH_SPACE = '\u202f';

/** French spacing in one piece of text: ordinary spaces become narrow no-break spaces, missing ones are added. */
export function frenchSpacing(text: string): string {
  return text
    .replace(/(?<=\S)[ \u00a0]?([;?!])(?=\s|$)/g, `${FRENCH_SPACE}$1`)
    .replace(/(?<=\S)[ \u00a0]?(:)(?=\s|$)/g, `${FRENCH_SPACE}$1`)
    .replace(/«[ \u00a0]?/g, `«${FRENCH_SPACE}`)
    .replace(/[ \u00a0]?»/g, `${FRENCH_SPACE}»`);
}

/**
 * Applies the language's typography to a rendered Markdown document: only inside text (not code,
 * URLs, HTML or the front matter), and only where the source is the text itself (no escapes), so
 * the document's structure cannot change.
 */
export function applyTypography(markdown: string, language: Language): string {
  if (language !== 'fr') return markdown;
  // Section by section (cut before headings, where that cannot change the tree: the typesetter's
  // rule), each remembered by its text: a rebuild (watch mode, the preview) parses again only the
  // sections an edit changed. Bounded by the characters kept.
  return splitAtHeadings(markdown).map((section, index) => {
    const text = markdown.slice(section.offset, section.end);
    const key = index === 0 ? `f${text}` : `s${text}`;
    const known = typeset.get(key);
    if (known !== undefined) return known;
    const result = frenchTypography(text, index === 0);
    if (text.length <= CACHE_CHARS / 4) {
      typeset.set(key, result);
      cachedChars += key.length + result.length;
      for (const [old, value] of typeset) {
        if (cachedChars <= CACHE_CHARS) break;
        typeset.delete(old);
        cachedChars -= old.length + value.length;
      }
    }
    return result;
  }).join('');
}

const CACHE_CHARS = 32 * 1024 * 1024;
const typeset = new Map<string, string>();
let cachedChars = 0;

/** French spacing in the text of one piece of a document; only the first piece may begin with front matter. */
function frenchTypography(markdown: string, first: boolean): string {
  const frontMatter = (first ? /^---\n[\s\S]*?\n---\n/.exec(markdown)?.[0] : undefined) ?? '';
  const body = markdown.slice(frontMatter.length);
  const tree = parseGfm(body);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: Nodes) => {
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const { offset: start } = node.position.start;
      const { offset: end } = node.position.end;
      const value = node.value;
      if (body.slice(start, end) === value) {
        const spaced = frenchSpacing(value);
        if (spaced !== value) edits.push({ start, end, text: spaced });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  // Pieces joined once: splicing each edit into the whole document is quadratic.
  const pieces = [frontMatter];
  let at = 0;
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    pieces.push(body.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  pieces.push(body.slice(at));
  return pieces.join('');
}
