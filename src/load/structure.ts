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
  return scanCst(text, limits).problem;
}

export interface CstScan {
  problem?: StructureProblem;
  /** Every explicit tag (`!!binary`, `!custom`) in the source, wherever the parser put it. */
  tags: Array<{ offset: number; source: string }>;
}

/** One pass over the concrete syntax tree: limits, and the source tokens the composed document hides. */
/**
 * The offset of a line that opens more block collections than the limit allows on its own
 * (`- - - … x`, 3,000 deep): the YAML parser itself recurses over them when a later line closes
 * them, and ran out of stack before any limit could be checked. Found on the text, before parsing.
 */
export function tooManyIndicators(text: string, limits = LIMITS): StructureProblem | undefined {
  // Three indicators in a row, at least, somewhere (a substring search), else no line has twenty.
  if (!text.includes('- - -') && !text.includes('? ? ?') && !text.includes(': : :') && !text.includes('\t')) return undefined;
  const found = new RegExp(`^[ \\t]*(?:[-?:][ \\t]+){${limits.depth + 1}}`, 'm').exec(text);
  return found ? { code: 'too-deep', offset: found.index + found[0].length - 2, message: `Mappings and lists are nested more than ${limits.depth} levels deep here.` } : undefined;
}

export function scanCst(text: string, limits = LIMITS, tokens?: readonly unknown[]): CstScan {
  const docs = (tokens ?? [...new Parser().parse(text)]) as unknown as Token[];
  const problem = checkLimits(docs, limits);
  // Every tag starts with '!': a text without one has none, and the walk over the whole tree is skipped.
  return { ...(problem ? { problem } : {}), tags: problem || !text.includes('!') ? [] : findTokens(docs, 'tag') };
}

/** Source tokens of one type anywhere in the tree (tags sit in `start`, `sep` or `props` lists). Iterative. */
function findTokens(roots: unknown[], type: string): Array<{ offset: number; source: string }> {
  const found: Array<{ offset: number; source: string }> = [];
  const stack: unknown[] = [...roots];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (Array.isArray(node)) {
      stack.push(...node);
      continue;
    }
    const token = node as { type?: string; offset?: number; source?: string };
    if (token.type === type && typeof token.offset === 'number') found.push({ offset: token.offset, source: token.source ?? '' });
    for (const value of Object.values(node)) if (value && typeof value === 'object') stack.push(value);
  }
  return found.sort((a, b) => a.offset - b.offset);
}

function checkLimits(docs: Token[], limits: typeof LIMITS): StructureProblem | undefined {
  const stack: Array<{ token: Token; depth: number }> = docs.map((token) => ({ token, depth: 0 }));
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
