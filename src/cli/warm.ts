import type { ParseCache } from './parallel-parse.js';
import type { PdfCache } from './pdf-output.js';
import { TypesetPool } from './parallel-typeset.js';

/**
 * What watch mode keeps between rebuilds: parse results of unchanged files, typesetting workers
 * with pdfkit and the fonts loaded, and the PDFs of documents whose Markdown did not change.
 * (Templates compile in well under a millisecond each.)
 */
export interface WarmState {
  parsed: ParseCache;
  pool: TypesetPool;
  /** PDFs by document, reused while their Markdown and settings are unchanged. */
  pdfs: PdfCache;
}

/**
 * Clears what a change could make stale behind the cache's back: a PDF depends on its Markdown and
 * settings (compared) and on image and font files (not compared). Notes and templates are text
 * the Markdown already reflects.
 */
export function forgetStale(warm: WarmState, changed: readonly string[]): void {
  if (changed.some((file) => !/\.(ya?ml|hbs)$/i.test(file))) warm.pdfs.clear();
}

export function warmState(): WarmState {
  return { parsed: new Map(), pool: new TypesetPool(), pdfs: new Map() };
}
