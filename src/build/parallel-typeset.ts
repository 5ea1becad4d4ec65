import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { WriterDocument } from './writer.js';
import { InterruptedError } from '../errors.js';
import type { OnLayout, TypesetResult, TypesetSettings } from './pdf-output.js';
import type { HeadingPages } from '../typeset/types.js';

/** How work is shared out; `cores` and `onWorkerFailure` are for tests and diagnostics. */
export interface ParallelOptions {
  signal?: AbortSignal;
  cores?: number;
  /** A worker could not do its share (this thread did it instead). */
  onWorkerFailure?: (error: unknown) => void;
  /** Least Markdown worth sharing out (PARALLEL_MIN_CHARS; tests use less). */
  minChars?: number;
  /** Told where a document's headings fall as soon as a thread has laid it out (the DOCX contents). */
  onLayout?: OnLayout;
}

type Doc = WriterDocument;
type Local = (documents: readonly Doc[], settings: TypesetSettings, onDocument?: (doc: Doc) => void) => Promise<TypesetResult[]>;
/** `layouts`: the pool wants each document's heading pages as soon as it is laid out. */
export interface TypesetJob { id: number; settings: TypesetSettings; documents: Doc[]; layouts?: boolean }
export interface TypesetReply { id: number; results?: TypesetResult[]; error?: string; layout?: { file: string; pages: HeadingPages } }

/**
 * Below this much Markdown, one thread is faster: a worker pays about a second of CPU to load
 * pdfkit, parse the fonts and warm up before its first page (measured: the example's 100 KB take
 * 2.3 s on one thread, 2.9 s on two; the M workshop's 4 MB take 12.1 s on one, 10.5 s on two).
 */
export const PARALLEL_MIN_CHARS = 1024 * 1024;

/**
 * Typesetting worker threads, started on first use and kept (with their fonts and pdfkit loaded)
 * until `close()`: one build uses them once; watch mode keeps them warm between rebuilds.
 */
export class TypesetPool {
  private readonly workers: Array<Worker | undefined> = [];
  private nextId = 0;

  constructor(readonly cores = availableParallelism()) {}

  /** Worker `index`'s share; rejects if the worker fails or the signal fires. */
  run(index: number, settings: TypesetSettings, documents: Doc[], signal?: AbortSignal, onLayout?: OnLayout): Promise<TypesetResult[]> {
    const worker = (this.workers[index] ??= this.start(index));
    if (!worker) return Promise.reject(new Error('The typesetting worker script is missing (running from the sources).'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const cleanup = () => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
      };
      const onMessage = (reply: TypesetReply) => {
        if (reply.id !== id) return;
        if (reply.layout) return onLayout?.(reply.layout.file, reply.layout.pages);
        cleanup();
        if (reply.results) resolve(reply.results);
        else reject(new Error(reply.error ?? 'The typesetting worker failed.'));
      };
      const onError = (error: Error) => { cleanup(); this.forget(index, worker); reject(error); };
      const onExit = (code: number) => { cleanup(); this.forget(index, worker); reject(new Error(`The typesetting worker stopped (exit code ${code}).`)); };
      const onAbort = () => { cleanup(); void this.close(); reject(new InterruptedError('interrupted')); };
      worker.on('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.postMessage({ id, settings, documents, ...(onLayout ? { layouts: true } : {}) } satisfies TypesetJob);
    });
  }

  /** Starts the workers now, so they load pdfkit and the fonts while this thread does other work. */
  prewarm(): void {
    for (let index = 0; index < this.cores - 1; index++) this.workers[index] ??= this.start(index);
  }

  async close(): Promise<void> {
    const workers = this.workers.splice(0);
    await Promise.all(workers.map((worker) => worker?.terminate()));
  }

  private start(index: number): Worker | undefined {
    const script = new URL('./typeset-worker.js', import.meta.url);
    // Run from the TypeScript sources (the tests' in-process runs), there is no worker to start.
    if (!existsSync(script)) return undefined;
    const worker = new Worker(script);
    // An idle pool must not keep the process alive.
    worker.unref();
    // A worker that fails while idle (warming up) is forgotten: the next job starts another one.
    worker.on('error', () => this.forget(index, worker));
    worker.once('exit', () => this.forget(index, worker));
    this.workers[index] = worker;
    return worker;
  }

  private forget(index: number, worker: Worker): void {
    if (this.workers[index] === worker) this.workers[index] = undefined;
  }
}

/**
 * Typesets documents on every core: the documents are shared out largest first to the least
 * loaded thread (this one included), each thread typesets its share, results come back in the
 * documents' order. Each document's bytes are the same whichever thread made them.
 */
export async function typesetInParallel(documents: readonly Doc[], settings: TypesetSettings, local: Local, options: ParallelOptions & { onDocument?: (doc: Doc) => void; pool?: TypesetPool } = {}): Promise<TypesetResult[]> {
  const { onDocument, signal } = options;
  const cores = options.cores ?? options.pool?.cores ?? availableParallelism();
  const total = documents.reduce((sum, doc) => sum + doc.markdown.length, 0);
  if (cores < 2 || documents.length < 2 || total < (options.minChars ?? PARALLEL_MIN_CHARS)) return local(documents, settings, onDocument);
  const pool = options.pool ?? new TypesetPool(cores);
  try {
    const [own, ...others] = share(documents, Math.min(cores, documents.length));
    const workers = others.map((indexes, w) => {
      const docs = indexes.map((i) => documents[i]!);
      return pool.run(w, settings, docs, signal, options.onLayout).then((results) => {
        docs.forEach((doc) => onDocument?.(doc));
        return results;
      }, (error: unknown) => {
        if (error instanceof InterruptedError) throw error;
        // A worker that cannot start or fails leaves its share to this thread: slower, never wrong.
        options.onWorkerFailure?.(error);
        return local(docs, settings, onDocument);
      });
    });
    // Settled here so an interruption does not go unhandled while this thread is busy.
    const settled = Promise.allSettled(workers);
    const results = new Array<TypesetResult>(documents.length);
    const mine = await local(own!.map((i) => documents[i]!), settings, onDocument);
    own!.forEach((index, i) => { results[index] = mine[i]!; });
    for (const [w, outcome] of (await settled).entries()) {
      if (outcome.status === 'rejected') throw outcome.reason;
      others[w]!.forEach((index, i) => { results[index] = outcome.value[i]!; });
    }
    if (signal?.aborted) throw new InterruptedError('interrupted');
    return results;
  } finally {
    if (!options.pool) await pool.close();
  }
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
