import type { ParseCache } from './parallel-parse.js';
import { TypesetPool } from './parallel-typeset.js';

/**
 * What watch mode keeps between rebuilds: parse results of unchanged files, and typesetting
 * workers with pdfkit and the fonts loaded. (Templates compile in well under a millisecond each.)
 */
export interface WarmState {
  parsed: ParseCache;
  pool: TypesetPool;
}

export function warmState(): WarmState {
  return { parsed: new Map(), pool: new TypesetPool() };
}
