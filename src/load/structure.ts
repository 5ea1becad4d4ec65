import { Parser } from 'yaml';
import { LIMITS } from '../limits.js';

export interface StructureProblem {
  code: 'too-deep' | 'too-many-items';
  offset: number;
  message: string;
}

type Token = { type: string; offset: number; items?: Array<{ key?: Token | null; value?: Token | null }>; value?: Token };

/**
 * Checks nesting depth and collection sizes on the concrete syntax tree, before the document is
 * composed: composing recurses, and a hostile depth can exhaust the stack or abort Node itself.
 * Iterative on purpose.
 */
export function checkStructure(text: string, limits = LIMITS): StructureProblem | undefined {
  const stack: Array<{ token: Token; depth: number }> = [];
  for (const doc of new Parser().parse(text)) stack.push({ token: doc as unknown as Token, depth: 0 });
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    const collection = token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection';
    const level = collection ? depth + 1 : depth;
    if (level > limits.depth) {
      return { code: 'too-deep', offset: token.offset, message: `Mappings and lists are nested more than ${limits.depth} levels deep here.` };
    }
    if (collection && (token.items?.length ?? 0) > limits.items) {
      return { code: 'too-many-items', offset: token.offset, message: `This ${token.type === 'block-seq' ? 'list' : 'mapping'} has ${token.items!.length} entries; the limit is ${limits.items}.` };
    }
    if (token.value) stack.push({ token: token.value, depth: level });
    for (const item of token.items ?? []) {
      if (item.key) stack.push({ token: item.key, depth: level });
      if (item.value) stack.push({ token: item.value, depth: level });
    }
  }
  return undefined;
}
