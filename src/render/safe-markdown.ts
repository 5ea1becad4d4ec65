import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast';
import { gfmToMarkdown } from 'mdast-util-gfm';
import { toMarkdown, type Options } from 'mdast-util-to-markdown';
import { memoize, memoize1 } from '../markdown/memo.js';
import { parseGfm } from '../markdown/parse.js';
import { isPlainText } from '../markdown/plain.js';
import { isSafeImage } from '../markdown/images.js';
import { isKeptLink } from '../markdown/links.js';
import { languageSpan } from '../markdown/language-spans.js';
import { walk } from '../markdown/walk.js';

/** Headings inside (md) fields sit under the section that holds them: demote them to at least this level. */
const MIN_HEADING_DEPTH = 4;

const OUTPUT: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  rule: '-',
  listItemIndent: 'one',
  extensions: [gfmToMarkdown()],
};

/**
 * Makes a rapporteur's (md) text safe to place inside a document: parsed as CommonMark + GFM and
 * re-serialised, so nothing in it can break the document around it. Raw HTML is shown as text,
 * only http(s) and mailto links stay links, headings are demoted, references and footnotes are
 * resolved inside the text, and an unclosed code fence is closed.
 */
export function safeMarkdown(source: string, fieldKey = 'x', lang?: string): string {
  // The field's key only names footnotes: without one, the same text gives the same output
  // wherever it is, and is remembered once.
  return sanitized(source, source.includes('[^') ? fieldKey : 'x', lang);
}

const sanitized = memoize((source: string, fieldKey: string, lang: string | undefined): string => {
  const plain = plainParagraphs(source);
  if (plain === undefined) return viaParser(source, fieldKey, lang);
  return lang === undefined ? plain : plain.split('\n\n').map((paragraph) => languageSpan(paragraph, lang)).join('\n\n');
});

/**
 * `safeMarkdown` through the parser (or, for one line of plain text, without it); `lang` marks a
 * fallback text (see markLanguage). Exported for the test of the shortcut.
 */
export function viaParser(source: string, fieldKey: string, lang?: string): string {
  if (isPlainText(source) && (lang === undefined || !/\n/.test(source.trim()))) {
    const text = source.normalize('NFC').trim();
    return lang === undefined ? text : languageSpan(text, lang);
  }
  const tree = parse(source);
  sanitize(tree, fieldKey);
  if (lang !== undefined) markLanguage(tree, lang);
  return toMarkdown(tree, OUTPUT).trimEnd();
}

/**
 * Paragraphs of plain text (see isPlainText), one line each, separated by one blank line (and
 * perhaps a final newline, as a YAML block scalar ends): the parser would give them back as they
 * are, trimmed. A session's summary is often so, and is the longest text a workshop has; the parser
 * took 1.5 s of building a programme of 100 workshops. Undefined for anything else.
 */
function plainParagraphs(source: string): string | undefined {
  const paragraphs = (source.endsWith('\n') ? source.slice(0, -1) : source).split('\n\n');
  if (paragraphs.length < 2) return undefined;
  // At most three spaces before a paragraph: four (or a tab) would make it indented code.
  if (!paragraphs.every((paragraph) => /^ {0,3}[^\s]/.test(paragraph) && isPlainText(paragraph))) return undefined;
  return paragraphs.map((paragraph) => paragraph.normalize('NFC').trim()).join('\n\n');
}

/**
 * A text in another language than the document's (a fallback): the words of every paragraph,
 * heading and table cell inside a language span, so the text's blocks stay the blocks they were.
 */
function markLanguage(tree: Root, lang: string): void {
  const [open, close] = languageSpan('\u0000', lang).split('\u0000') as [string, string];
  walk(tree, (node) => {
    if ((node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') && node.children.length > 0) {
      node.children = [{ type: 'html', value: open }, ...node.children, { type: 'html', value: close }];
    }
  });
}

/** The same text flattened to one line, for a table cell: blocks joined, `|` escaped. */
export const safeMarkdownInline = memoize1((source: string): string => {
  if (isPlainText(source)) return source.normalize('NFC').trim();
  const tree = parse(source);
  sanitize(tree, 'cell');
  notesInBrackets(tree);
  const phrasing: PhrasingContent[] = [];
  const collect = (node: Nodes) => {
    if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell') {
      if (phrasing.length) phrasing.push({ type: 'text', value: ' ' });
      phrasing.push(...node.children);
    } else if (node.type === 'code' || node.type === 'html') {
      if (phrasing.length) phrasing.push({ type: 'text', value: ' ' });
      phrasing.push({ type: 'inlineCode', value: node.value.replace(/\s+/g, ' ') });
    } else if ('children' in node) {
      for (const child of node.children) collect(child as Nodes);
    }
  };
  collect(tree);
  const paragraph: Root = { type: 'root', children: [{ type: 'paragraph', children: phrasing.map(flattenBreaks) }] };
  // A `|` after an even run of backslashes (none, or escaped ones) would end the cell: escape it.
  return toMarkdown(paragraph, OUTPUT).trim().replace(/\n/g, ' ').replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|');
});

/**
 * A cell cannot hold a footnote (its definition is a block): each reference is replaced by its
 * note's words in brackets, `patrols (one per post) at`, where the cell printed `patrols[^cell-r] at`
 * and ran the note into the sentence after it. A note no reference marks stays at the end.
 */
function notesInBrackets(tree: Root): void {
  const notes = new Map<string, PhrasingContent[]>();
  for (const node of tree.children) {
    if (node.type !== 'footnoteDefinition') continue;
    const words: PhrasingContent[] = [];
    for (const block of node.children) if (block.type === 'paragraph') words.push(...(words.length ? [{ type: 'text', value: ' ' } as const] : []), ...block.children);
    notes.set(node.identifier, words);
  }
  if (notes.size === 0) return;
  const used = new Set<string>();
  transform(tree, (node) => {
    if (node.type !== 'footnoteReference') return undefined;
    used.add(node.identifier);
    const words = notes.get(node.identifier) ?? [];
    return [{ type: 'text', value: ' (' }, ...structuredClone(words), { type: 'text', value: ')' }];
  });
  transform(tree, (node) => (node.type === 'footnoteDefinition' && used.has(node.identifier) ? [] : undefined));
}

function flattenBreaks(node: PhrasingContent): PhrasingContent {
  return node.type === 'break' ? { type: 'text', value: ' ' } : node;
}

function parse(source: string): Root {
  return parseGfm(source.normalize('NFC'));
}

function sanitize(tree: Root, fieldKey: string): void {
  const definitions = new Map<string, string>();
  walk(tree, (node) => {
    // The first definition of a label is the one (CommonMark).
    if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
  });
  transform(tree, (node, parent): RootContent[] | undefined => {
    switch (node.type) {
      case 'html':
        // Shown as text; an HTML block stays a block (a paragraph), so what follows keeps its shape.
        return BLOCK_CONTAINERS.has(parent.type) ? [{ type: 'paragraph', children: [{ type: 'text', value: node.value }] }] : [{ type: 'text', value: node.value }];
      case 'heading':
        node.depth = Math.min(6, Math.max(MIN_HEADING_DEPTH, node.depth + MIN_HEADING_DEPTH - 1)) as typeof node.depth;
        return undefined;
      case 'link':
        return isKeptLink(node.url) ? undefined : node.children;
      case 'image':
        return isSafeImage(node.url) ? undefined : [{ type: 'text', value: node.alt ?? '' }];
      case 'linkReference': {
        const url = definitions.get(node.identifier);
        return url !== undefined && isKeptLink(url) ? [{ type: 'link', url, children: node.children }] : node.children;
      }
      case 'imageReference':
        return [{ type: 'text', value: node.alt ?? '' }];
      case 'definition':
        return [];
      case 'footnoteReference':
      case 'footnoteDefinition':
        // Labels are global to a document: keep each field's footnotes to itself.
        node.identifier = node.label = `${fieldKey}-${node.identifier}`;
        return undefined;
      default:
        return undefined;
    }
  });
}

const BLOCK_CONTAINERS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Replaces each node by what `fn` returns (undefined keeps it), children first. */
function transform(node: Parent, fn: (node: RootContent, parent: Parent) => RootContent[] | undefined): void {
  const next: RootContent[] = [];
  for (const child of node.children as RootContent[]) {
    if ('children' in child) transform(child, fn);
    const replacement = fn(child, node);
    if (replacement === undefined) next.push(child);
    else next.push(...replacement);
  }
  (node as { children: RootContent[] }).children = next;
}
