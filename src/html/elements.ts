import type { Element, ElementContent } from 'hast';

/** A hast element: the pages are built as trees, never by joining strings. */
export function h(tagName: string, properties: Record<string, string>, children: ElementContent[] = []): Element {
  return { type: 'element', tagName, properties, children };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}
