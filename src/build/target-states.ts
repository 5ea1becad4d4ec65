import { XMLBuilder, XMLParser } from 'fast-xml-parser';
import { unitKey } from '../languages/xliff.js';
import { childrenOf, elementName, type XmlNode } from './xml-nodes.js';

/**
 * The XLIFF the `xliff` library wrote, with a `state` on the targets `states` names (by unitKey):
 * the library writes no attribute on `<target>`. Set through an XML parser and builder that keep
 * everything else as written (entities, spaces, empty elements), never by editing the text.
 */
export function withTargetStates(xml: string, states: ReadonlyMap<string, string>): string {
  if (states.size === 0) return xml;
  const options = { preserveOrder: true, ignoreAttributes: false, processEntities: false, trimValues: false, parseTagValue: false, parseAttributeValue: false } as const;
  const nodes = new XMLParser(options).parse(xml) as XmlNode[];
  const visit = (children: readonly XmlNode[], original: string | undefined) => {
    for (const node of children) {
      const name = elementName(node);
      if (name === undefined) continue;
      const attributes = node[':@'] as Record<string, string> | undefined;
      if (name === 'trans-unit') {
        const id = attributes?.['@_id'];
        const state = original === undefined || id === undefined ? undefined : states.get(unitKey(original, unescaped(id)));
        const target = childrenOf(node, name).find((child) => elementName(child) === 'target');
        if (state !== undefined && target) target[':@'] = { ...(target[':@'] as Record<string, string> | undefined), '@_state': state };
        continue;
      }
      const own = name === 'file' && attributes?.['@_original'] !== undefined ? unescaped(attributes['@_original']) : original;
      visit(childrenOf(node, name), own);
    }
  };
  visit(nodes, undefined);
  return new XMLBuilder({ ...options, suppressEmptyNode: true, format: false }).build(nodes) as string;
}

/** An attribute's value as written (entities kept, see withTargetStates), as the XLIFF reader gives it. */
function unescaped(value: string): string {
  return value.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (_, hex: string | undefined, decimal: string | undefined, name: string | undefined) => {
    if (hex !== undefined) return String.fromCodePoint(parseInt(hex, 16));
    if (decimal !== undefined) return String.fromCodePoint(parseInt(decimal, 10));
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[name!.toLowerCase()]!;
  });
}

