import { XMLParser } from 'fast-xml-parser';
import { unitKey, type TargetFacts, type XliffFacts } from '../languages/xliff.js';
import { childrenOf, elementName, type XmlNode } from './xml-nodes.js';

/**
 * What the XLIFF reader does not give, read from the XML: of each unit's target, by unitKey, its
 * `state` (a tool's `needs-translation`), and the elements in it that the reader does not map
 * (`<it>`, a tool's own `<mq:ch>`, `<sub>`): the reader drops them with the words they hold, so a
 * unit holding one is refused rather than imported without those words; and whether the unit is
 * there twice with two different targets (the reader keeps the last without a word). Of each
 * `<file>`, its target-language (the reader gives the first's alone: a second `<file>` into
 * German was imported into French).
 */
export function xliffFacts(xml: string): XliffFacts {
  const nodes = new XMLParser({ preserveOrder: true, ignoreAttributes: false }).parse(xml) as XmlNode[];
  const units = new Map<string, TargetFacts>();
  const files: Array<{ original: string; targetLanguage?: string }> = [];
  // Each unit's target as written, to tell a unit given twice with two translations.
  const seen = new Map<string, string>();
  const unreadIn = (children: readonly XmlNode[], found: Set<string>) => {
    for (const node of children) {
      const name = elementName(node);
      if (name === undefined) continue;
      if (!READER_ELEMENTS.has(name)) found.add(`<${name}>`);
      unreadIn(childrenOf(node, name), found);
    }
  };
  const visit = (children: readonly XmlNode[], original: string | undefined) => {
    for (const node of children) {
      const name = elementName(node);
      if (name === undefined) continue;
      const local = name.replace(/^.*:/, '');
      const attributes = node[':@'] as Record<string, unknown> | undefined;
      if (local === 'trans-unit') {
        const id = attributes?.['@_id'];
        const target = childrenOf(node, name).find((child) => elementName(child)?.replace(/^.*:/, '') === 'target');
        if (original === undefined || typeof id !== 'string') continue;
        const key = unitKey(original, id);
        const written = target ? JSON.stringify(target) : '';
        const twice = units.get(key)?.twice || (seen.has(key) && seen.get(key) !== written);
        seen.set(key, written);
        if (!target) {
          if (twice) units.set(key, { twice });
          continue;
        }
        const state = (target[':@'] as Record<string, unknown> | undefined)?.['@_state'];
        const unread = new Set<string>();
        unreadIn(childrenOf(target, elementName(target)!), unread);
        units.set(key, { ...(typeof state === 'string' ? { state } : {}), ...(unread.size > 0 ? { unread: [...unread] } : {}), ...(twice ? { twice } : {}) });
        continue;
      }
      let own = original;
      if (local === 'file' && typeof attributes?.['@_original'] === 'string') {
        own = attributes['@_original'];
        const language = attributes['@_target-language'];
        files.push({ original: own, ...(language === undefined ? {} : { targetLanguage: String(language) }) });
      }
      visit(childrenOf(node, name), own);
    }
  };
  visit(nodes, undefined);
  return { units, files };
}

/** The inline elements the XLIFF reader gives (XLIFF 1.2's, but for <it> and <sub>): any other is dropped with its words. */
const READER_ELEMENTS = new Set(['x', 'g', 'bx', 'ex', 'ph', 'bpt', 'ept', 'mrk']);
