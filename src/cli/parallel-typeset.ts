import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderedDocument } from '../render/index.js';
import { InterruptedError } from '../errors.js';
import type { TypesetResult, TypesetSettings } from './pdf-output.js';

/** How work is shared out; `cores` and `onWorkerFailure` are for tests and diagnostics. */
export interface ParallelOptions {
  signal?: AbortSignal;
  cores?: number;
  /** A worker could not do its share (this thread did it instead). */
  onWorkerFailure?: (error: unknown) => void;
}

type Doc = Pick<RenderedDocument, 'file' | 'markdown'>;
type Local = (documents: readonly Doc[], settings: TypesetSettings, onDocument?: (doc: Doc) => void) => Promise<TypesetResult[]>;
export interface TypesetJob { settings: TypesetSettings; documents: Doc[] }

/** Below this much Markdown, a worker's start (loading pdfkit and fonts) costs more than it saves. */
export const PARALLEL_MIN_CHARS = 64 * 1024;

/**
 * Typesets documents on every core: the documents are shared out largest first to the least
 * loaded thread (this one included), each thread typesets its share, results come back in the
 * documents' order. Each document's bytes are the same whichever thread made them.
 */
export async function typesetInParallel(documents: readonly Doc[], settings: TypesetSettings, local: Local, options: ParallelOptions & { onDocument?: (doc: Doc) => void } = {}): Promise<TypesetResult[]> {
  const { onDocument, signal, cores = availableParallelism() } = options;
  const total = documents.reduce((sum, doc) => sum + doc.markdown.length, 0);
  if (cores < 2 || documents.length < 2 || total < PARALLEL_MIN_CHARS) return local(documents, settings, onDocument);
  const shares = share(documents, Math.min(cores, documents.length));
  const [own, ...others] = shares;
  const workers = others.map((indexes) => {
    const docs = indexes.map((i) => documents[i]!);
    // A worker that cannot start or fails leaves its share to this thread: slower, never wrong.
    return inWorker({ settings, documents: docs }, signal).then((results) => {
      docs.forEach((doc) => onDocument?.(doc));
      return results;
    }, (error: unknown) => {
      options.onWorkerFailure?.(error);
      return local(docs, settings, onDocument);
    });
  });
  const results = new Array<TypesetResult>(documents.length);
  const mine = await local(own!.map((i) => documents[i]!), settings, onDocument);
  own!.forEach((index, i) => { results[index] = mine[i]!; });
  for (const [w, done] of (await Promise.all(workers)).entries()) others[w]!.forEach((index, i) => { results[index] = done[i]!; });
  if (signal?.aborted) throw new InterruptedError('interrupted');
  return results;
}

/** Longest-processing-time-first: each document, largest first, to the thread with least Markdown so far. */
function share(documents: readonly Doc[], threads: number): number[][] {
  const shares: number[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  const order = documents.map((_, i) => i).sort((a, b) => documents[b]!.markdown.length - documents[a]!.markdown.length || a - b);
  for (const index of order) {
    const least = load.indexOf(Math.min(...load));
    shares[least]!.push(index);
    load[least]! += documents[index]!.markdown.length;
  }
  return shares.map((indexes) => indexes.sort((a, b) => a - b)).filter((indexes) => indexes.length > 0);
}

function inWorker(job: TypesetJob, signal?: AbortSignal): Promise<TypesetResult[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./typeset-worker.js', import.meta.url));
    const abort = () => {
      void worker.terminate();
      reject(new InterruptedError('interrupted'));
    };
    signal?.addEventListener('abort', abort, { once: true });
    const settle = () => signal?.removeEventListener('abort', abort);
    worker.once('message', (results: TypesetResult[]) => {
      settle();
      resolve(results);
      void worker.terminate();
    });
    worker.once('error', (error) => { settle(); reject(error); });
    worker.once('exit', (code) => { settle(); reject(new Error(`The typesetting worker stopped (exit code ${code}).`)); });
    worker.postMessage(job);
  });
}
