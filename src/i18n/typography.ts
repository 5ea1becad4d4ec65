import { memoize, SECTION_MEMO_LIMIT } from '../markdown/memo.js';
import { splitAtHeadings } from '../typeset/markdown-sections.js';
import type { Nodes } from 'mdast';
import { parseGfm } from '../markdown/parse.js';
import { LANGUAGE_MARK, languageOf, liftLanguageSpans } from '../markdown/language-spans.js';
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
  // sections an edit changed.
  return splitAtHeadings(markdown).map((section, index) => typesetSection(markdown.slice(section.offset, section.end), index === 0 ? 'first' : 'later')).join('');
}

const typesetSection = memoize((text: string, place: 'first' | 'later') => frenchTypography(text, place === 'first'), SECTION_MEMO_LIMIT);

/** French spacing in the text of one piece of a document; only the first piece may begin with front matter. */
function frenchTypography(markdown: string, first: boolean): string {
  const frontMatter = (first ? /^---\n[\s\S]*?\n---\n/.exec(markdown)?.[0] : undefined) ?? '';
  const body = markdown.slice(frontMatter.length);
  const tree = parseGfm(body);
  // A text in another language (a fallback, see language-spans.ts) keeps its own typography.
  if (body.includes(LANGUAGE_MARK)) liftLanguageSpans(tree);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  const visit = (node: Nodes, inherited: string) => {
    const lang = languageOf(node, inherited);
    if (lang.split('-')[0] !== 'fr') return;
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const { offset: start } = node.position.start;
      const { offset: end } = node.position.end;
      const value = node.value;
      const source = body.slice(start, end);
      if (source === value) {
        const spaced = frenchSpacing(value);
        if (spaced !== value) edits.push({ start, end, text: spaced });
      } else if (unescaped(source) === value) {
        // Written with backslash escapes (`\<pilotes>` for a rapporteur's `<pilotes>`): spaced as written,
        // when that reads as the spaced text (it was left unspaced, the whole text).
        const spaced = frenchSpacing(source);
        if (spaced !== source && unescaped(spaced) === frenchSpacing(value)) edits.push({ start, end, text: spaced });
      }
    }
    if ('children' in node) for (const child of node.children) visit(child, lang);
  };
  visit(tree, 'fr');
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

/** A text as written without its backslash escapes (CommonMark: a backslash before ASCII punctuation). */
function unescaped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
