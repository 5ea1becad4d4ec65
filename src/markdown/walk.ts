import type { Nodes } from 'mdast';

/** Calls `visit` on a Markdown tree's every node, parents before their children, in document order. */
export function walk(node: Nodes, visit: (node: Nodes) => void): void {
  visit(node);
  if ('children' in node) for (const child of node.children) walk(child as Nodes, visit);
}
