/** A node of fast-xml-parser's ordered output: one element (its name → its children, `:@` its attributes), a text or a comment. */
export type XmlNode = Record<string, unknown>;

/** The element's name, or undefined for a text, a comment or a declaration. */
export function elementName(node: XmlNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@' && !key.startsWith('#') && !key.startsWith('?'));
}

/** The children of the element `name` of `node` (none when it has none). */
export function childrenOf(node: XmlNode, name: string): XmlNode[] {
  const children = node[name];
  return Array.isArray(children) ? (children as XmlNode[]) : [];
}
