import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { ParseCache } from './parallel-parse.js';
import type { PdfCache } from './pdf-output.js';
import type { PageCache } from './writers/html.js';
import { TypesetPool } from './parallel-typeset.js';

/**
 * What watch mode keeps between rebuilds: parse results of unchanged files, typesetting workers
 * with pdfkit and the fonts loaded, the PDFs of documents whose Markdown did not change, and what
 * it wrote, so files whose content did not change are not written again (a PDF viewer watching the
 * output reloads only what changed).
 * (Templates compile in well under a millisecond each.)
 */
export interface WarmState {
  parsed: ParseCache;
  pool: TypesetPool;
  /** PDFs by document, reused while their Markdown and settings are unchanged. */
  pdfs: PdfCache;
  /** HTML pages by document, reused while their Markdown is unchanged (a page depends on nothing else). */
  pages: PageCache;
  /** What the last build wrote, by output path: a file whose content and disk entry are the same is not rewritten. */
  written: Map<string, WrittenFile>;
  /** The files of other formats the last build left as they were, as it listed them: watch mode says them once, not after every save. */
  otherFormatsSaid?: string;
}

export interface WrittenFile {
  digest: string;
  size: number;
  mtimeMs: number;
}

export function digest(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * Whether the file at `file` in `outDir` is still exactly what the last build wrote with this
 * content: same digest, and the same size and time on disk (nobody touched it since).
 */
export async function unchangedOnDisk(warm: WarmState, outDir: string, file: string, contentDigest: string): Promise<boolean> {
  const last = warm.written.get(file);
  if (last?.digest !== contentDigest) return false;
  const now = await stat(path.join(outDir, file)).catch(() => undefined);
  return now !== undefined && now.size === last.size && now.mtimeMs === last.mtimeMs;
}

/** Remembers what a build wrote (after it is in place), for the next rebuild. */
export async function rememberWritten(warm: WarmState, outDir: string, digests: ReadonlyMap<string, string>, written: readonly string[]): Promise<void> {
  for (const file of [...warm.written.keys()]) if (!digests.has(file)) warm.written.delete(file);
  for (const file of written) {
    const now = await stat(path.join(outDir, file)).catch(() => undefined);
    if (now) warm.written.set(file, { digest: digests.get(file)!, size: now.size, mtimeMs: now.mtimeMs });
    else warm.written.delete(file);
  }
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
  return { parsed: new Map(), pool: new TypesetPool(), pdfs: new Map(), pages: new Map(), written: new Map() };
}
