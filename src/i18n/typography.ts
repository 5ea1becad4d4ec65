import { memoize, SECTION_MEMO_LIMIT } from '../markdown/memo.js';
import { splitAtHeadings } from '../typeset/markdown-sections.js';
import type { Link, Nodes } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown } from 'mdast-util-to-markdown';
import { parseGfm } from '../markdown/parse.js';
import { LANGUAGE_MARK, languageOf, liftLanguageSpans } from '../markdown/language-spans.js';
import type { Language } from '../notes/types.js';

/** The one space French typography puts before `: ; ? !` and `%`, and inside « »: U+202F NARROW NO-BREAK SPACE. */
const FRENCH_SPACE = '\u202f';

/**
 * French spacing in one piece of text: ordinary spaces become narrow no-break spaces, missing ones
 * are added. `followsWord`: the text continues one written before it, which ends with no space (the
 * text after a web address, a link or bold words in the same paragraph), so a `:` it begins with
 * follows that word as it would in one text.
 */
export function frenchSpacing(text: string, followsWord = false): string {
  // Any character but a space stands for the word before: the rules only look at it.
  return followsWord ? spaced(`x${text}`).slice(1) : spaced(text);
}

// A space already there, ordinary, no-break or narrow, is replaced: a text spaced once (pasted from
// a word processor, or a catalogue's words inside a document) is spaced the same again.
function spaced(text: string): string {
  return text
    // `Pourquoi ?!`: one space before the group of marks, none between them.
    .replace(/(?<=[^\s;?!])[ \u00a0\u202f]?([;?!]+)(?=\s|$)/g, `${FRENCH_SPACE}$1`)
    .replace(/(?<=\S)[ \u00a0\u202f]?(:)(?=\s|$)/g, `${FRENCH_SPACE}$1`)
    // `12,5 %`, `12,5%`: the number and its sign kept together (a line broke between them).
    // (A % that letters or digits follow is an address's, `a%20b`, or a code's.)
    .replace(/(?<=\d)[ \u00a0\u202f]?%(?![\p{L}\p{N}])/gu, `${FRENCH_SPACE}%`)
    .replace(/«[ \u00a0\u202f]?/g, `«${FRENCH_SPACE}`)
    .replace(/[ \u00a0\u202f]?»/g, `${FRENCH_SPACE}»`);
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
  const edits: Edit[] = [];
  const bareLinks: Link[] = [];
  const visit = (node: Nodes, inherited: string, followsSibling: boolean) => {
    const lang = languageOf(node, inherited);
    if (lang.split('-')[0] !== 'fr') return;
    if (node.type === 'text' && node.position?.start.offset !== undefined && node.position.end.offset !== undefined) {
      const { offset: start } = node.position.start;
      const { offset: end } = node.position.end;
      const value = node.value;
      const source = body.slice(start, end);
      // The text after a link, bold words or code in the same paragraph: the character written
      // before it (the address's last, a `)`, a `*`) says whether it continues a word.
      const followsWord = followsSibling && /\S/.test(body[start - 1] ?? ' ');
      if (source === value) {
        const spaced = frenchSpacing(value, followsWord);
        if (spaced !== value) edits.push({ start, end, text: spaced });
      } else if (unescaped(source) === value) {
        // Written with backslash escapes (`\<pilotes>` for a rapporteur's `<pilotes>`): spaced as written,
        // when that reads as the spaced text (it was left unspaced, the whole text).
        const spaced = frenchSpacing(source, followsWord);
        if (spaced !== source && unescaped(spaced) === frenchSpacing(value, followsWord)) edits.push({ start, end, text: spaced });
      }
    }
    // An autolink's text is its address (`<https://x.org/a:>`), never spaced.
    if (node.type === 'link' && isAutolink(node, body)) {
      if (isBareLink(node, body)) bareLinks.push(node);
      return;
    }
    if ('children' in node) node.children.forEach((child, index) => visit(child, lang, index > 0));
  };
  visit(tree, 'fr', false);
  edits.push(...explicitLinks(bareLinks, edits, body));
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

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A link written as its address: `<https://x.org>`, or bare (a GFM literal autolink); not `[text](url)`. */
function isAutolink(link: Link, body: string): boolean {
  const start = link.position?.start.offset;
  if (start === undefined || body[start] !== '[') return true;
  // `[www.x.org/1%](http://www.x.org/1%)`, as a bare address is written once spaced: its text is its address too.
  const words = link.children.length === 1 && link.children[0]!.type === 'text' ? link.children[0]!.value : undefined;
  return words !== undefined && (words === link.url || link.url.replace(/^(https?:\/\/|mailto:)/i, '') === words);
}

/** A web address written bare in the text, which GFM makes a link (`https://x.org`, `www.x.org`, `a@x.org`). */
function isBareLink(link: Link, body: string): boolean {
  const start = link.position?.start.offset;
  return start !== undefined && link.position?.end.offset !== undefined && body[start] !== '<';
}

/** A space other than ASCII's: U+202F, U+00A0. */
const WIDE_SPACE = /^(?![\t\n\f\r ])\s$/u;
/** The characters after a bare address that GFM reads to find where it ends: up to an ASCII space or `<`. */
const TAIL = /^[^\t\n\f\r <]*/;

/**
 * The bare addresses whose neighbours the spacing changed, or that a space other than ASCII's
 * touches, written as explicit links (the same link: its address and text unchanged). Where a bare
 * address ends depends on what follows it, and readers do not agree: `https://x.org/&a;` links
 * `https://x.org/` but `https://x.org/&a ;` links `https://x.org/&a`; GitHub's cmark-gfm ends one
 * at an ASCII space only (`https://x.org\u202f: la` links `https://x.org%E2%80%AF`); after a narrow
 * space mdast reads `www.x.org\u202f»` whole.
 */
function explicitLinks(links: Link[], edits: Edit[], body: string): Edit[] {
  if (links.length === 0) return [];
  const endingAt = new Map(edits.map((edit) => [edit.end, edit]));
  const startingAt = new Map(edits.map((edit) => [edit.start, edit]));
  return links.flatMap((link) => {
    const start = link.position!.start.offset!;
    const end = link.position!.end.offset!;
    const before = endingAt.get(start)?.text.at(-1) ?? body[start - 1] ?? '';
    const next = startingAt.get(end);
    const after = next?.text ?? body.slice(end, end + 1);
    const moved = before !== (body[start - 1] ?? '') || (next !== undefined && TAIL.exec(next.text)![0] !== TAIL.exec(body.slice(end, next.end))![0]);
    if (!moved && !WIDE_SPACE.test(before) && !WIDE_SPACE.test(after.charAt(0))) return [];
    const text = toMarkdown({ type: 'paragraph', children: [{ type: 'link', url: link.url, title: link.title, children: link.children }] }, { extensions: [gfmToMarkdown()] }).trimEnd();
    return [{ start, end, text }];
  });
}

/** A text as written without its backslash escapes (CommonMark: a backslash before ASCII punctuation). */
function unescaped(text: string): string {
  return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
