import { parseGfm } from './parse.js';

/** A link the documents keep: a web or e-mail address (http:, https:, mailto:); any other becomes its words. */
export function isKeptLink(url: string): boolean {
  return /^(https?:|mailto:)/i.test(url);
}

/** A link of a (md) text that the documents print as its words alone (see isKeptLink). */
export interface DroppedLink {
  url: string;
  /** Its Markdown as written (`[the annex](annex.pdf)`), and its words. */
  text: string;
  words: string;
  /** For a reference (`[words][r1]`), the definition that gives its address as written (`[r1]: www.unodc.org`). */
  definition?: string;
}

interface MdNode {
  type: string;
  url?: string;
  value?: string;
  identifier?: string;
  children?: MdNode[];
  position?: { start: { offset?: number }; end: { offset?: number } };
}

/**
 * The links of a Markdown text the documents do not keep, in reading order: inline links and
 * references to a definition of the same text. Parsed only when the text has the `](` or `]:` of one.
 */
export function droppedLinks(markdown: string): DroppedLink[] {
  if (!markdown.includes('](') && !markdown.includes(']:')) return [];
  return droppedIn(markdown, parseGfm(markdown) as unknown as MdNode);
}

/** droppedLinks and unusedDefinitions of one text, from one parse (the link-not-kept rule asks both). */
export function linkProblems(markdown: string): { dropped: DroppedLink[]; unused: UnusedDefinition[] } {
  if (!markdown.includes('](') && !markdown.includes(']:')) return { dropped: [], unused: [] };
  const tree = parseGfm(markdown) as unknown as MdNode;
  return { dropped: droppedIn(markdown, tree), unused: markdown.includes(']:') ? unusedIn(markdown, tree) : [] };
}

function droppedIn(markdown: string, tree: MdNode): DroppedLink[] {
  const definitions = new Map<string, { url: string; text: string }>();
  const collect = (node: MdNode): void => {
    if (node.type === 'definition' && node.identifier !== undefined && !definitions.has(node.identifier)) definitions.set(node.identifier, { url: node.url ?? '', text: markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0) });
    for (const child of node.children ?? []) collect(child);
  };
  collect(tree);
  const found: DroppedLink[] = [];
  const walk = (node: MdNode): void => {
    const definition = node.type === 'linkReference' ? definitions.get(node.identifier ?? '') : undefined;
    const url = node.type === 'link' ? node.url : definition?.url;
    if (url !== undefined && !isKeptLink(url)) {
      found.push({ url, text: markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0), words: wordsOf(node), ...(definition ? { definition: definition.text } : {}) });
    }
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  return found;
}

function wordsOf(node: MdNode): string {
  return node.value ?? (node.children ?? []).map(wordsOf).join('');
}

/** A link reference definition no link or image of its text uses (`[1]: https://…` alone in a key point). */
export interface UnusedDefinition {
  /** As written (`[1]: https://example.org/x.pdf "Draft"`). */
  text: string;
  label: string;
  url: string;
}

/**
 * The definitions of a Markdown text that print nothing: a definition is not shown, only the links
 * that refer to it by its label are, so one no reference uses (or a second one of a label, which
 * CommonMark ignores) leaves its words and its address out of every document. Parsed only when the
 * text has the `]:` of one.
 */
export function unusedDefinitions(markdown: string): UnusedDefinition[] {
  if (!markdown.includes(']:')) return [];
  return unusedIn(markdown, parseGfm(markdown) as unknown as MdNode);
}

function unusedIn(markdown: string, tree: MdNode & { label?: string }): UnusedDefinition[] {
  const used = new Set<string>();
  const definitions: Array<MdNode & { label?: string }> = [];
  const walk = (node: MdNode & { label?: string }): void => {
    if ((node.type === 'linkReference' || node.type === 'imageReference') && node.identifier !== undefined) used.add(node.identifier);
    if (node.type === 'definition') definitions.push(node);
    for (const child of node.children ?? []) walk(child);
  };
  walk(tree);
  const first = new Set<string>();
  return definitions.flatMap((node) => {
    const id = node.identifier ?? '';
    const shadowed = first.has(id);
    first.add(id);
    if (used.has(id) && !shadowed) return [];
    return [{ text: markdown.slice(node.position?.start.offset ?? 0, node.position?.end.offset ?? 0), label: node.label ?? id, url: node.url ?? '' }];
  });
}
