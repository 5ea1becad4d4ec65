/** A `{{…}}` of a parsed template (Handlebars' AST): whether it escapes, and where it is. */
export interface MustacheNode {
  escaped?: boolean;
  loc?: hbs.AST.SourceLocation;
}

/**
 * Calls `visit` with each `{{…}}` of a parsed template, at any depth (blocks, partial blocks,
 * sub-expressions' programs): what compile.ts marks as escaped and unescaped-check.ts warns of.
 */
export function eachMustache(node: unknown, visit: (mustache: MustacheNode) => void): void {
  if (!node || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const item of node) eachMustache(item, visit);
    return;
  }
  if ((node as { type?: unknown }).type === 'MustacheStatement') visit(node as MustacheNode);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc' && value && typeof value === 'object') eachMustache(value, visit);
}
