/** Parses rendered Markdown as a reader (GitHub, pandoc) would: CommonMark + GFM + YAML front matter. */
import type { Heading, Nodes, Root, Table } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';

export { toString };

export function parseMarkdown(markdown: string): Root {
  return fromMarkdown(markdown, {
    extensions: [gfm(), frontmatter(['yaml'])],
    mdastExtensions: [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml'])],
  });
}

export function all(node: Nodes): Nodes[] {
  const out: Nodes[] = [node];
  if ('children' in node) for (const child of node.children) out.push(...all(child as Nodes));
  return out;
}

export function ofType<T extends Nodes['type']>(node: Nodes, type: T): Array<Extract<Nodes, { type: T }>> {
  return all(node).filter((n): n is Extract<Nodes, { type: T }> => n.type === type);
}

export function headings(root: Root): Array<{ depth: number; text: string }> {
  return ofType(root, 'heading').map((h: Heading) => ({ depth: h.depth, text: toString(h) }));
}

/** Each row of a table as the text of its cells. */
export function rows(table: Table): string[][] {
  return table.children.map((row) => row.children.map((cell) => toString(cell)));
}

/** How many nodes of each type (text excluded): the document's structure, whatever its words. */
export function shape(root: Root): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const node of all(root)) if (node.type !== 'text') counts[node.type] = (counts[node.type] ?? 0) + 1;
  return counts;
}
