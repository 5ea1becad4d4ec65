import type { Root } from 'mdast';

type Positioned = { position?: Root['position']; children?: unknown[] };

/**
 * Moves every position in a parsed tree `lines` lines and `chars` characters further into the
 * document, in place: for a piece parsed on its own that starts a line (columns stay as they are).
 */
export function shiftPositions(node: Positioned, lines: number, chars: number): void {
  if (lines === 0 && chars === 0) return;
  const visit = (n: Positioned): void => {
    if (n.position) {
      for (const p of [n.position.start, n.position.end]) {
        p.line += lines;
        if (p.offset !== undefined) p.offset += chars;
      }
    }
    if (n.children) for (const child of n.children) visit(child as Positioned);
  };
  visit(node);
}
