import type { Nodes } from 'mdast';
import { parseGfm } from '../markdown/parse.js';

/** What a translation of a Markdown text must keep: its blocks, list items, links and emphasis. */
interface Shape {
  paragraphs: number;
  items: number;
  strong: number;
  emphasis: number;
  links: string[];
}

/**
 * How a translation's Markdown differs in structure from its source's: a list of 3 items against 2,
 * a link lost or pointing elsewhere, emphasis dropped. Empty when the structure is the same. Pure.
 */
export function structureDifferences(source: string, translation: string): string[] {
  const a = shapeOf(source);
  const b = shapeOf(translation);
  const problems: string[] = [];
  const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  if (a.paragraphs !== b.paragraphs) problems.push(`has ${count(b.paragraphs, 'paragraph', 'paragraphs')} where the source has ${a.paragraphs}`);
  if (a.items !== b.items) problems.push(`has ${count(b.items, 'list item', 'list items')} where the source has ${a.items}`);
  const lost = a.links.filter((url) => !b.links.includes(url));
  const added = b.links.filter((url) => !a.links.includes(url));
  if (lost.length) problems.push(`loses the link to ${lost.join(', ')}`);
  if (added.length) problems.push(`adds a link to ${added.join(', ')}`);
  if (a.strong !== b.strong) problems.push(`has ${count(b.strong, 'bold passage', 'bold passages')} where the source has ${a.strong}`);
  if (a.emphasis !== b.emphasis) problems.push(`has ${count(b.emphasis, 'italic passage', 'italic passages')} where the source has ${a.emphasis}`);
  return problems;
}

function shapeOf(markdown: string): Shape {
  const shape: Shape = { paragraphs: 0, items: 0, strong: 0, emphasis: 0, links: [] };
  const visit = (node: Nodes, top = false) => {
    // Paragraphs of the text itself; a list item's own paragraph is counted as the item.
    if (node.type === 'paragraph' && top) shape.paragraphs++;
    else if (node.type === 'listItem') shape.items++;
    else if (node.type === 'strong') shape.strong++;
    else if (node.type === 'emphasis') shape.emphasis++;
    else if (node.type === 'link') shape.links.push(node.url);
    if ('children' in node) for (const child of node.children) visit(child as Nodes, node.type === 'root');
  };
  visit(parseGfm(markdown));
  shape.links.sort();
  return shape;
}
