import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { FileRole, ParseResult, ParsedFile, ProjectSources, SourceFile } from '../load/index.js';
import { parseYamlFile } from '../load/parse-yaml.js';
import type { NotesCache } from './cache.js';
import type { ParallelOptions } from './parallel-typeset.js';

export interface ParseJob { source: SourceFile; role: FileRole }
export interface ParseReply { file: Omit<ParsedFile, 'source'>; diagnostics: ParseResult['diagnostics'] }

/** Below this much text, starting a worker (≈50 ms) costs more than it saves. */
const PARALLEL_MIN_BYTES = 1024 * 1024;

/**
 * Parses the project's files on every core: worker threads take shares of the files while this
 * thread parses its own. Small projects are parsed on this thread only. The result feeds `load`.
 */
export async function parseInParallel(sources: ProjectSources, options: Omit<ParallelOptions, 'signal' | 'minChars'> & { cache?: ParseCache; store?: NotesCache } = {}): Promise<Map<string, ParseResult>> {
  const { cores = availableParallelism(), cache, store } = options;
  const all = notesJobs(sources);
  const results = new Map<string, ParseResult>();
  const kept = cache ? all.filter((job) => !reuse(cache, job, results)) : all;
  // The on-disk cache (--cache): files whose text, path and role are unchanged are not parsed again.
  if (store) for (const job of all) if (results.has(job.source.path)) store.touch(job);
  const jobs = store ? kept.filter((job) => !found(store, job, results, cache)) : kept;
  if (cache) {
    // Forget deleted files; remember the ones parsed now (parsed below, on this thread or others).
    const present = new Set(all.map((job) => job.source.path));
    for (const file of cache.keys()) if (!present.has(file)) cache.delete(file);
  }
  const done = await parseJobs(jobs, cores, options);
  for (const [file, result] of done) {
    results.set(file, result);
    cache?.set(file, result);
  }
  if (store) for (const job of jobs) store.remember(job, done.get(job.source.path)!);
  return results;
}

function found(store: NotesCache, job: ParseJob, results: Map<string, ParseResult>, cache: ParseCache | undefined): boolean {
  const result = store.lookup(job);
  if (result) {
    results.set(job.source.path, result);
    cache?.set(job.source.path, result);
  }
  return result !== undefined;
}

/** Every notes file of a project as a parse job, in reading order. */
export function notesJobs(sources: ProjectSources): ParseJob[] {
  return [
    { source: sources.workshop, role: 'workshop' },
    ...sources.sessions.map((source) => ({ source, role: 'session' as const })),
    ...sources.countries.map((source) => ({ source, role: 'country' as const })),
    ...(sources.translations ?? []).map((source) => ({ source, role: 'translation' as const })),
    ...(sources.followUps ?? []).map((source) => ({ source, role: 'follow-up' as const })),
  ];
}

/** Parse results of the previous build, by path: watch mode parses again only the files that changed. */
export type ParseCache = Map<string, ParseResult>;

function reuse(cache: ParseCache, job: ParseJob, results: Map<string, ParseResult>): boolean {
  const previous = cache.get(job.source.path);
  if (previous?.file.source.text !== job.source.text || previous.file.role !== job.role) return false;
  results.set(job.source.path, previous);
  return true;
}

async function parseJobs(jobs: ParseJob[], cores: number, options: Omit<ParallelOptions, 'signal' | 'minChars'> = {}): Promise<Map<string, ParseResult>> {
  const total = jobs.reduce((sum, job) => sum + job.source.text.length, 0);
  const results = new Map<string, ParseResult>();
  if (cores < 2 || total < PARALLEL_MIN_BYTES) {
    for (const job of jobs) results.set(job.source.path, parseYamlFile(job.source, job.role));
    return results;
  }
  const shares = split(jobs, cores, total);
  const own = shares.shift() ?? [];
  // A worker that cannot start or fails leaves its share to this thread: slower, never wrong.
  const workers = shares.map((share) => parseInWorker(share).catch((error: unknown) => {
    options.onWorkerFailure?.(error);
    return share.map(({ source, role }) => strip(parseYamlFile(source, role)));
  }));
  for (const job of own) results.set(job.source.path, parseYamlFile(job.source, job.role));
  for (const [index, replies] of (await Promise.all(workers)).entries()) {
    replies.forEach((reply, i) => {
      const source = shares[index]![i]!.source;
      results.set(source.path, { file: { ...reply.file, source }, diagnostics: reply.diagnostics });
    });
  }
  return results;
}

/** Consecutive runs of files of about equal size; the first (this thread's) a little larger, as workers start late. */
function split(jobs: ParseJob[], parts: number, total: number): ParseJob[][] {
  const weights = Array.from({ length: parts }, (_, i) => (i === 0 ? 1.1 : 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares: ParseJob[][] = weights.map(() => []);
  let part = 0;
  let size = 0;
  let boundary = (total * weights[0]!) / sum;
  for (const job of jobs) {
    while (size >= boundary && part < parts - 1) boundary += (total * weights[++part]!) / sum;
    shares[part]!.push(job);
    size += job.source.text.length;
  }
  return shares.filter((share) => share.length > 0);
}

export function strip(result: ParseResult): ParseReply {
  const { source: _text, ...file } = result.file;
  return { file, diagnostics: result.diagnostics };
}

function parseInWorker(jobs: ParseJob[]): Promise<ParseReply[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url));
    worker.once('message', (replies: ParseReply[]) => {
      resolve(replies);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The parsing worker stopped (exit code ${code}).`)));
    worker.postMessage(jobs);
  });
}
