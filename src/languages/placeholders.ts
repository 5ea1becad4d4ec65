import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { XliffValue } from 'xliff';
import { parseGfm } from '../markdown/parse.js';

type Inline = Array<string | Record<string, Record<string, unknown>>>;

/**
 * A Markdown text as XLIFF inline content a translator cannot break: the words as text; bold,
 * italics and links as `<g>` spans whose words are translated and whose markup (the link's
 * address) stays with us; code, images and line breaks as `<x/>` or `<ph>` placeholders; a new
 * paragraph or list item as `<x ctype="x-paragraph"/>`. Pure.
 */
export function toInline(markdown: string): Inline {
  return inlineOf(markdown).inline;
}

/** The inline content, and what its spans and placeholders stand for, by id (a link's address, a placeholder's Markdown). */
function inlineOf(markdown: string): { inline: Inline; kept: Map<string, string> } {
  const out: Inline = [];
  const kept = new Map<string, string>();
  let n = 0;
  const id = (prefix: string) => `${prefix}${++n}`;
  const phrasing = (nodes: readonly PhrasingContent[], into: Inline) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text': into.push(node.value); break;
        case 'strong': case 'emphasis': case 'delete': {
          const contents: Inline = [];
          phrasing(node.children, contents);
          into.push({ GenericSpan: { id: id('g'), ctype: CTYPE[node.type], contents } });
          break;
        }
        case 'link': {
          const contents: Inline = [];
          const linkId = id('g');
          kept.set(linkId, node.url);
          phrasing(node.children, contents);
          into.push({ GenericSpan: { id: linkId, ctype: 'x-link', contents } });
          break;
        }
        case 'break': into.push({ Standalone: { id: id('x'), ctype: 'lb' } }); break;
        case 'inlineCode': into.push(placeholder('x-code', node.value)); break;
        default: into.push(placeholder('x-markdown', toMarkdown(node as Nodes, { extensions: [gfmToMarkdown()] }).trim()));
      }
    }
  };
  const blocks = (nodes: readonly RootContent[]) => {
    for (const node of nodes) {
      if (out.length > 0) out.push({ Standalone: { id: id('x'), ctype: node.type === 'list' ? (node.ordered ? 'x-numbered-list' : 'x-list') : 'x-paragraph' } });
      if (node.type === 'paragraph') phrasing(node.children, out);
      else if (node.type === 'list') {
        node.children.forEach((item, index) => {
          if (index > 0) out.push({ Standalone: { id: id('x'), ctype: 'x-list-item' } });
          const first = item.children[0];
          if (first?.type === 'paragraph') phrasing(first.children, out);
        });
      } else out.push(placeholder('x-markdown', toMarkdown(node as Nodes, { extensions: [gfmToMarkdown()] }).trim()));
    }
  };
  const placeholder = (ctype: string, contents: string) => {
    const phId = id('ph');
    kept.set(phId, ctype === 'x-code' ? `\`${contents}\`` : contents);
    return { Span: { id: phId, ctype, contents } };
  };
  blocks(parseGfm(markdown).children);
  return { inline: out, kept };
}

const CTYPE = { strong: 'bold', emphasis: 'italic', delete: 'x-strike' } as const;

/**
 * A translator's target back into Markdown, with the source's markup: each span and placeholder is
 * found by its id in the source's inline content (a link keeps its address; a placeholder its
 * text), paragraphs and list items where the target puts them. The words are escaped as Markdown
 * needs. Pure. Throws when the target uses an id the source does not have.
 */
export function fromInline(target: XliffValue, source: string): string {
  const { kept } = inlineOf(source);
  const segments = typeof target === 'string' ? [target] : target;
  const blocks: Array<{ list: boolean; ordered?: boolean; items: PhrasingContent[][] }> = [{ list: false, items: [[]] }];
  const current = () => blocks[blocks.length - 1]!;
  const phrasing = (values: readonly (string | Record<string, Record<string, unknown>>)[], into: PhrasingContent[]) => {
    for (const value of values) {
      if (typeof value === 'string') {
        if (value) into.push({ type: 'text', value });
        continue;
      }
      const [kind, element] = Object.entries(value)[0]!;
      const ctype = String(element.ctype ?? '');
      const contents = element.contents;
      const children = (): PhrasingContent[] => {
        const inner: PhrasingContent[] = [];
        phrasing(typeof contents === 'string' ? [contents] : (contents as typeof values | undefined) ?? [], inner);
        return inner;
      };
      if (kind === 'GenericSpan' && ctype === 'x-link') {
        const url = kept.get(String(element.id));
        if (url === undefined) throw new Error(`the link ${String(element.id)} is not in the source`);
        into.push({ type: 'link', url, children: children() });
      } else if (kind === 'GenericSpan') into.push({ type: ctype === 'bold' ? 'strong' : ctype === 'x-strike' ? 'delete' : 'emphasis', children: children() } as PhrasingContent);
      else if (kind === 'Standalone' && ctype === 'lb') into.push({ type: 'break' });
      else if (kind === 'Standalone' && (ctype === 'x-paragraph' || ctype === 'x-list' || ctype === 'x-numbered-list')) blocks.push({ list: ctype !== 'x-paragraph', ordered: ctype === 'x-numbered-list', items: [[]] });
      else if (kind === 'Standalone' && ctype === 'x-list-item') current().items.push([]);
      else if (kind === 'Span') {
        // A placeholder is the source's, whatever the target says it holds.
        const markdown = kept.get(String(element.id));
        if (markdown === undefined) throw new Error(`the placeholder ${String(element.id)} is not in the source`);
        into.push({ type: 'html', value: markdown });
      }
      else throw new Error(`unexpected ${kind} ${ctype}`);
      if (kind === 'Standalone' && ctype !== 'lb') into = current().items[current().items.length - 1]!;
    }
  };
  phrasing(segments, current().items[0]!);
  const root: Root = {
    type: 'root',
    children: blocks.map((block): RootContent => (block.list
      ? { type: 'list', ordered: block.ordered ?? false, spread: false, children: block.items.map((items) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: items } as Paragraph] })) }
      : { type: 'paragraph', children: block.items[0]! })),
  };
  const markdown = toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*' });
  return source.endsWith('\n') ? markdown : markdown.replace(/\n$/, '');
}
