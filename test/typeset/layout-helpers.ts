import type { Box, TextBox } from '../../src/typeset/layout/boxes.js';
import { type LayoutResult, layoutDocument } from '../../src/typeset/layout/document.js';
import { createMetrics } from '../../src/typeset/measure.js';
import type { TypesetInput } from '../../src/typeset/types.js';
import { fonts } from './helpers.js';

export const metrics = createMetrics(fonts);

export function layout(i: TypesetInput): LayoutResult {
  return layoutDocument(i, metrics);
}

export function texts(boxes: readonly Box[]): TextBox[] {
  return boxes.filter((b): b is TextBox => b.kind === 'text');
}

/** Content text (not header/footer) of a page. */
export function contentTexts(boxes: readonly Box[]): TextBox[] {
  return texts(boxes).filter((b) => !b.artifact);
}

export function overlaps(a: TextBox, b: TextBox, eps = 0.05): boolean {
  return a.x + eps < b.x + b.width && b.x + eps < a.x + a.width && a.y + eps < b.y + b.height && b.y + eps < a.y + a.height;
}
