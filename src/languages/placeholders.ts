import type { Nodes, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import { gfmToMarkdown } from 'mdast-util-gfm';
import type { XliffElement, XliffValue } from 'xliff';
import { parseGfm } from '../markdown/parse.js';
import { tidyPhrasing } from './target-spaces.js';

/** Text and inline elements, as a list at every depth (see inlineContent). */
export type Inline = Array<string | XliffElement>;

/**
 * A Markdown text as XLIFF inline content a translator cannot break: the words as text; bold,
 * italics and links as `<g>` spans whose words are translated and whose markup (the link's
 * address) stays with us; code, images and line breaks as `<x/>` or `<ph>` placeholders; a new
 * paragraph or list item as `<x ctype="x-paragraph"/>`. Pure.
 */
export function toInline(markdown: string): Inline {
  return inlineOf(markdown).inline;
}

/**
 * A translation of `source` as XLIFF inline content whose spans and placeholders carry the ids of
 * the source's that they stand for (toInline numbers them in the translation's own order): a link
 * the id of the source's link to the same address, a placeholder that of the same code, any other
 * the id of the source's next one of its kind (`bold`, `x-paragraph`…). The import finds a link's
 * address by its id: two links in another order than the source's swapped addresses, even in a
 * target given back untouched. One the source does not have gets an id the source does not use.
 * Pure.
 */
export function toTargetInline(translation: string, source: string): Inline {
  const from = inlineOf(source);
  const to = inlineOf(translation);
  const sources = elementsOf(from.inline);
  const targets = elementsOf(to.inline);
  const ids = new Map<string, string>();
  const used = new Set<string>();
  const match = (same: (s: InlineElement, t: InlineElement) => boolean) => {
    for (const t of targets) {
      if (ids.has(t.id)) continue;
      const s = sources.find((candidate) => !used.has(candidate.id) && candidate.kind === t.kind && candidate.ctype === t.ctype && same(candidate, t));
      if (s === undefined) continue;
      ids.set(t.id, s.id);
      used.add(s.id);
    }
  };
  match((s, t) => from.kept.has(s.id) && from.kept.get(s.id) === to.kept.get(t.id));
  match(() => true);
  let extra = sources.length;
  for (const t of targets) if (!ids.has(t.id)) ids.set(t.id, `${t.id.replace(/\d+$/, '')}${++extra}`);
  const renamed = (inline: Inline): Inline => inline.map((part) => {
    if (typeof part === 'string') return part;
    const [kind, element] = Object.entries(part)[0]!;
    const contents = element.contents;
    return { [kind]: { ...element, id: ids.get(String(element.id)), ...(Array.isArray(contents) ? { contents: renamed(contents as Inline) } : {}) } };
  });
  return renamed(to.inline);
}

/** A span or placeholder of inline content: its kind (`GenericSpan`…), ctype and id. */
interface InlineElement {
  kind: string;
  ctype: string;
  id: string;
}

/** The spans and placeholders of inline content, in order, those inside a span after it. */
function elementsOf(inline: Inline): InlineElement[] {
  return inline.flatMap((part) => {
    if (typeof part === 'string') return [];
    const [kind, element] = Object.entries(part)[0]!;
    const inner = Array.isArray(element.contents) ? elementsOf(element.contents as Inline) : [];
    return [{ kind, ctype: String(element.ctype ?? ''), id: String(element.id) }, ...inner];
  });
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
/** A `<g>`'s ctype back into its Markdown (CTYPE's other way). */
const SPAN_TYPE: Partial<Record<string, 'strong' | 'emphasis' | 'delete'>> = { bold: 'strong', italic: 'emphasis', 'x-strike': 'delete' };

/**
 * A translator's target back into Markdown, with the source's markup: each span and placeholder is
 * found by its id in the source's inline content (a link keeps its address; a placeholder its
 * text), paragraphs and list items where the target puts them. The words are escaped as Markdown
 * needs; segment markers (`<mrk>`) are taken away (see inlineContent). Pure. Throws when the
 * target uses an id the source does not have, or an element other than those the export writes.
 */
export function fromInline(target: XliffValue, source: string): string {
  const { inline, kept } = inlineOf(source);
  // The ctype of each of the source's spans, for a tool that gives a span back without its ctype.
  const spans = new Map<string, string>();
  const collect = (values: Inline) => {
    for (const value of values) {
      if (typeof value === 'string' || !('GenericSpan' in value)) continue;
      spans.set(String(value.GenericSpan!.id), String(value.GenericSpan!.ctype));
      collect(value.GenericSpan!.contents as Inline);
    }
  };
  collect(inline);
  const segments = inlineContent(target);
  // The first block has no marker before it (see toInline): a list when the source starts with one,
  // else its items after the first were dropped, and the list written as a paragraph.
  const first = parseGfm(source).children[0];
  const blocks: Array<{ list: boolean; ordered?: boolean; items: PhrasingContent[][] }> = [first?.type === 'list' ? { list: true, ordered: first.ordered ?? false, items: [[]] } : { list: false, items: [[]] }];
  const current = () => blocks[blocks.length - 1]!;
  const phrasing = (values: Inline, into: PhrasingContent[]) => {
    for (const value of values) {
      if (typeof value === 'string') {
        if (value) into.push({ type: 'text', value });
        continue;
      }
      const [kind, element] = Object.entries(value)[0]!;
      const ctype = String(element.ctype ?? (kind === 'GenericSpan' ? spans.get(String(element.id)) : undefined) ?? '');
      const contents = element.contents;
      const children = (): PhrasingContent[] => {
        const inner: PhrasingContent[] = [];
        phrasing((contents as Inline | undefined) ?? [], inner);
        return inner;
      };
      if (kind === 'GenericSpan' && ctype === 'x-link') {
        const url = kept.get(String(element.id));
        if (url === undefined) throw new Error(`the link ${String(element.id)} is not in the source`);
        into.push({ type: 'link', url, children: children() });
      } else if (kind === 'GenericSpan') {
        // Bold, italics and strike-through a translation adds are Markdown's too (validate says the
        // structure differs); a span of another kind (`underlined`, none) has no Markdown to become.
        const type = SPAN_TYPE[ctype];
        if (type === undefined) throw new Error(`a <g> span of ${ctype ? `ctype “${ctype}”` : 'no ctype'}, which Markdown cannot show (it shows bold, italic and x-strike)`);
        into.push({ type, children: children() } as PhrasingContent);
      }
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
  // White space at a paragraph's or item's edges taken away, as Markdown does for the source (see tidyPhrasing).
  const root: Root = {
    type: 'root',
    children: blocks.flatMap((block): RootContent[] => {
      if (block.list) return [{ type: 'list', ordered: block.ordered ?? false, spread: false, children: block.items.map((items) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: tidyPhrasing(items) } as Paragraph] })) }];
      const children = tidyPhrasing(block.items[0]!);
      return children.length > 0 ? [{ type: 'paragraph', children }] : [];
    }),
  };
  const markdown = toMarkdown(root, { extensions: [gfmToMarkdown()], bullet: '-', emphasis: '*', strong: '*' });
  return source.endsWith('\n') ? markdown : markdown.replace(/\n$/, '');
}

/** The inline elements the export writes (see toInline), which a target may hold. */
const READ = new Set(['GenericSpan', 'Standalone', 'Span']);
/** The XLIFF 1.2 tags of the other elements the XLIFF reader gives, to name them where a target is refused. */
const UNREAD: Record<string, string> = { SpanStart: '<bpt>', SpanEnd: '<ept>', GenericSpanStart: '<bx/>', GenericSpanEnd: '<ex/>' };

/**
 * A value as the XLIFF reader gives it, made one list of text and the elements we read (`<g>`,
 * `<x/>`, `<ph>`), their contents lists too: the reader gives an element alone in its parent as
 * itself, not in a list. A `<mrk>` is taken away and its contents put in its place: translation
 * tools (Trados, memoQ) save each sentence of a target in one (`<mrk mtype="seg" mid="1">`), or mark
 * a term with one, and neither is part of the translation; text either side of a marker is joined.
 * Pure. Throws, naming it, for any other element (`<bpt>`, a plural): we could not tell its words
 * from the codes it holds.
 */
export function inlineContent(value: XliffValue): Inline {
  const out: Inline = [];
  // A segment that ended with nothing after it yet: one on its own line (a pretty-printed target)
  // comes with its line break read as "", and its sentences would be run together.
  let afterSegment = false;
  const add = (part: unknown): void => {
    if (typeof part === 'string') {
      if (part !== '') afterSegment = false;
      const previous = out[out.length - 1];
      if (typeof previous === 'string') out[out.length - 1] = previous + part;
      else if (part !== '') out.push(part);
      return;
    }
    if (Array.isArray(part)) {
      for (const item of part) add(item);
      return;
    }
    const entries = isObject(part) ? Object.entries(part) : [];
    const [kind, element] = entries.length === 1 ? entries[0]! : [];
    if (kind === 'Marker' && isObject(element)) {
      const segment = element.mtype === 'seg';
      const previous = out[out.length - 1];
      // Two segments with nothing between them: the space between two sentences.
      if (segment && afterSegment && typeof previous === 'string' && /\S$/.test(previous)) add(' ');
      add(element.contents ?? '');
      afterSegment = segment;
    }
    else if (kind !== undefined && READ.has(kind) && isObject(element)) {
      out.push({ [kind]: element.contents === undefined ? element : { ...element, contents: inlineContent(element.contents as XliffValue) } });
    } else {
      // A selector (<plural>, <gender>, <select>) is given as { type, options }.
      const tag = isObject(part) && typeof part.type === 'string' && Array.isArray(part.options) ? `<${part.type}>` : kind === undefined ? undefined : UNREAD[kind];
      throw unreadElements(tag ? [tag] : []);
    }
  };
  add(value);
  return out;
}

/** The error that refuses a target holding `tags` (none: an element not named), which workshop-report cannot tell the words of. */
export function unreadElements(tags: readonly string[]): Error {
  return new Error(`${tags.length === 0 ? 'an element' : `${tags.join(', ')}, ${tags.length === 1 ? 'an element' : 'elements'}`} workshop-report does not read: it reads <g>, <x/>, <ph> and <mrk>`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
