/** A parsed element of word/styles.xml (fast-xml-parser, attributes without prefix): its children and attributes by name. */
type Element = Record<string, unknown>;

const child = (node: unknown, name: string): Element | undefined => {
  const value = node !== null && typeof node === 'object' ? (node as Element)[name] : undefined;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Element) : undefined;
};

/** The `w:val` of an element's child, e.g. `<w:sz w:val="24"/>`'s 24 for `w:sz`. */
const valueOf = (node: unknown, name: string): string | undefined => {
  const value = child(node, name)?.['w:val'];
  return typeof value === 'string' ? value : undefined;
};

/** A size in half-points, as w:sz holds it, or undefined when it is not one. */
const halfPoints = (value: string | undefined): number | undefined => (value !== undefined && /^\d{1,4}$/.test(value) && Number(value) > 0 ? Number(value) : undefined);

/**
 * The text size, in half-points, of a style of a parsed word/styles.xml: its own `w:sz`, else the
 * one of the style it is based on, and so on, else the document defaults'; undefined when none of
 * them gives one (Word's default is then 10 pt, LibreOffice's may differ).
 */
export function styleRunSize(styles: unknown, styleId: string): number | undefined {
  const root = child(styles, 'w:styles');
  const list = root?.['w:style'];
  const byId = new Map((Array.isArray(list) ? (list as Element[]) : []).map((style) => [style['w:styleId'], style]));
  const seen = new Set<string>();
  for (let id: string | undefined = styleId; id !== undefined && !seen.has(id); ) {
    seen.add(id);
    const style = byId.get(id);
    if (!style) break;
    const size = halfPoints(valueOf(child(style, 'w:rPr'), 'w:sz'));
    if (size !== undefined) return size;
    id = valueOf(style, 'w:basedOn');
  }
  return halfPoints(valueOf(child(child(child(root, 'w:docDefaults'), 'w:rPrDefault'), 'w:rPr'), 'w:sz'));
}
