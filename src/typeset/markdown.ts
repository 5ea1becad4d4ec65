import type { Root, RootContent } from 'mdast';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { GFM } from '../markdown/parse.js';
import { LANGUAGE_MARK, liftLanguageSpans } from '../markdown/language-spans.js';
import { liftRawHtml } from '../markdown/raw-html.js';
import { splitAtHeadings } from './markdown-sections.js';
import { parseTable, tablesIn } from './markdown-tables.js';
import { shiftPositions } from './tree-positions.js';

// A generated document: GFM, and its YAML front matter as a `yaml` node.
const OPTIONS = {
  extensions: [...GFM.extensions, frontmatter(['yaml'])],
  mdastExtensions: [...GFM.mdastExtensions, frontmatterFromMarkdown(['yaml'])],
};
const parse = (markdown: string): Root => fromMarkdown(markdown, OPTIONS);

/**
 * CommonMark + GFM + YAML front matter, with source positions kept for diagnostics. The document is
 * parsed section by section where that cannot change the tree (see markdown-sections.ts), which keeps
 * the parser's working set small; `sections` (watch mode) holds the sections of the document's last
 * version, so only the sections that changed are parsed again.
 */
export function parseMarkdown(markdown: string, options: { sections?: SectionParses | undefined; minSection?: number } = {}): Root {
  const { sections } = options;
  const parts = splitAtHeadings(markdown, options.minSection);
  const children: RootContent[] = [];
  const kept = new Map<string, Parsed>();
  for (const part of parts) {
    const text = markdown.slice(part.offset, part.end);
    let parsed = sections?.previous.get(text);
    if (!parsed) {
      const tree = parseSection(text, part.body - part.offset);
      // Fallback texts in another language (see language-spans.ts); most sections have none.
      if (text.includes(LANGUAGE_MARK)) liftLanguageSpans(tree);
      // A template's HTML: its words, without its tags, in every format (see raw-html.ts).
      if (text.includes('<')) liftRawHtml(tree);
      shiftPositions(tree, part.line - 1, part.offset);
      parsed = { tree, line: part.line - 1, offset: part.offset };
    } else if (parsed.line !== part.line - 1 || parsed.offset !== part.offset) {
      parsed = moved(parsed, part.line - 1, part.offset);
    }
    kept.set(text, parsed);
    children.push(...parsed.tree.children);
  }
  if (sections) sections.previous = kept;
  // A document parsed in one piece is micromark's own tree, root position included.
  const only = parts.length === 1 ? kept.values().next().value : undefined;
  if (only?.tree.position) return only.tree;
  return {
    type: 'root',
    children,
    position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(markdown) },
  };
}

/** A section's tree, its tables row by row (see markdown-tables.ts); positions relative to the section. */
function parseSection(text: string, body: number): Root {
  const tables = body < text.length ? tablesIn(text, body) : [];
  if (tables.length === 0) return parse(text);
  const children: RootContent[] = [];
  let at = 0;
  let line = 1;
  const add = (nodes: readonly RootContent[], lineBefore: number, offset: number) => {
    for (const node of nodes) {
      shiftPositions(node, lineBefore, offset);
      children.push(node);
    }
  };
  for (const t of tables) {
    if (t.offset > at) add(parse(text.slice(at, t.offset)).children, line - 1, at);
    const piece = text.slice(t.offset, t.end);
    const table = parseTable(piece, parse);
    add(table ? [table] : parse(piece).children, t.line - 1, t.offset);
    at = t.end;
    line = t.line + (piece.match(/\n/g)?.length ?? 0);
  }
  if (at < text.length) add(parse(text.slice(at)).children, line - 1, at);
  return { type: 'root', children };
}

/** One document's sections as last parsed, by their text. */
export class SectionParses {
  previous = new Map<string, Parsed>();
}

interface Parsed {
  tree: Root;
  /** Lines and characters before the section in the document its positions were last set for. */
  line: number;
  offset: number;
}

/** A copy of a parsed section with its positions moved to where the section now starts (the tree a layout saw is left as it was). */
function moved(parsed: Parsed, line: number, offset: number): Parsed {
  const tree = structuredClone(parsed.tree);
  shiftPositions(tree, line - parsed.line, offset - parsed.offset);
  return { tree, line, offset };
}

function endOf(markdown: string): { line: number; column: number; offset: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = markdown.indexOf('\n'); i !== -1; i = markdown.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: markdown.length - lineStart + 1, offset: markdown.length };
}
