import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';

/** A .docx's parts by path, the XML ones parsed (attributes kept, `@_` prefixed). */
export function readDocx(bytes: Uint8Array): { parts: Record<string, Uint8Array>; xml: (part: string) => unknown } {
  const parts = unzipSync(bytes);
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, parseAttributeValue: false, trimValues: false });
  return {
    parts,
    xml: (part) => {
      const data = parts[part];
      if (!data) throw new Error(`no ${part} in the package`);
      return parser.parse(new TextDecoder().decode(data)) as unknown;
    },
  };
}

/** Every element named `name` anywhere below `node`. */
export function elements(node: unknown, name: string): Array<Record<string, unknown>> {
  const found: Array<Record<string, unknown>> = [];
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if (key === name) for (const one of Array.isArray(child) ? child : [child]) found.push((one && typeof one === 'object' ? one : { '#text': one }) as Record<string, unknown>);
      visit(child);
    }
  };
  visit(node);
  return found;
}

/** The text of the `w:t` elements below a node, in order. */
export function wordText(node: unknown): string {
  return elements(node, 'w:t').map((t) => String(t['#text'] ?? '')).join('');
}
