// A worker thread that makes a build's DOCX files, document after document as the build renders
// them, started by the build and stopped at its end: the docx library numbers bookmarks and drawings
// with counters of its own module that nothing resets, so a thread of the build's own is what makes
// the same notes give the same bytes in every build of a long-lived process (watch mode, the API). It
// leaves the main thread to the PDF meanwhile, and warms up (loads the library, compresses the fonts)
// while the first Markdown is rendered.
//
// Each document is parsed as soon as it comes, ahead of the documents already waiting to be made,
// and, when the build asks (`share`), its tree is posted on the `trees` port (workerData) for the
// main thread's typesetter, which then need not parse the same Markdown again: one parse feeds both
// writers. Cloning the tree costs a few percent of parsing it (the example's 30 documents: parsed in
// 470 ms, serialized in 16 ms and deserialized in 21 ms).
import type { Root } from 'mdast';
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { startDocxJob, warmUpDocx, type DocxJob, type DocxOutput } from '../../docx/job.js';
import { parseMarkdown } from '../../typeset/markdown.js';
import type { HeadingPages } from '../../typeset/types.js';

/** What the build sends: documents to make, or where a document's headings fall (its contents' page numbers). */
export type DocxMessage = { id: number; job: DocxJob } | { pages: { file: string; pages: HeadingPages | undefined } };
/** Data the thread is started with: the port its shared trees go to. */
export interface DocxWorkerData {
  trees: MessagePort;
}
/** A document's parsed tree, on the trees port. */
export interface SharedTree {
  file: string;
  /** None if it could not be parsed (the typesetter then parses it, and reports why). */
  root: Root | undefined;
}
/** One document of job `id` made (`index` in its documents), or why it failed (without `index`: the whole job). */
export type DocxReply = { id: number; index?: number; result?: DocxOutput; error?: string };

/** Page numbers by document file, as they come (before or after the document is made). */
const pages = new Map<string, { promise: Promise<HeadingPages | undefined>; resolve: (pages: HeadingPages | undefined) => void }>();
const entry = (file: string) => {
  let found = pages.get(file);
  if (!found) {
    let resolve!: (pages: HeadingPages | undefined) => void;
    const promise = new Promise<HeadingPages | undefined>((r) => { resolve = r; });
    pages.set(file, (found = { promise, resolve }));
  }
  return found;
};
const pagesOf = (file: string) => entry(file).promise.finally(() => pages.delete(file));
const failure = (error: unknown) => (error instanceof Error ? error.message : String(error));
const post = (reply: DocxReply) => parentPort?.postMessage(reply, reply.result ? [reply.result.bytes.buffer as ArrayBuffer] : []);

// Documents are made one after another, in the order they came: the library's counters then number
// them the same way in every build. Each is zipped once its page numbers come, while the next is made.
let queue: Promise<unknown> = warmUpDocx().catch(() => undefined);
const trees = (workerData as DocxWorkerData | undefined)?.trees;
/** Resolves after the messages that have come meanwhile are handled: a document waiting to be made lets the next one be parsed first. */
const turn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Documents waiting to be parsed. The first edition's first (every edition is sent before the first
 * is typeset), and in an edition the smallest first: the typesetter takes the trees in the order
 * they come (see typesetHere), so it typesets the small documents of an edition while the large one
 * (the report, rendered first) is parsed, instead of waiting for that one.
 */
const unparsed: Array<{ doc: DocxJob['documents'][number]; resolve: (root: Root | undefined) => void }> = [];
let parseScheduled = false;
const parseSmallest = () => {
  parseScheduled = false;
  const rank = (each: (typeof unparsed)[number]) => [each.doc.edition ?? 0, each.doc.markdown.length] as const;
  const before = (a: readonly [number, number], b: readonly [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  const index = unparsed.reduce((best, each, i) => (before(rank(each), rank(unparsed[best]!)) ? i : best), 0);
  const [next] = unparsed.splice(index, 1);
  if (!next) return;
  let root: Root | undefined;
  try {
    root = parseMarkdown(next.doc.markdown);
  } catch {
    // Parsed again by startDocxJob, which reports the error as the document's; the typesetter parses it itself.
    root = undefined;
  }
  if (next.doc.share) trees?.postMessage({ file: next.doc.file, root } satisfies SharedTree);
  next.resolve(root);
  scheduleParse();
};
/** One document parsed per turn of the event loop, once the messages that came meanwhile are in. */
const scheduleParse = () => {
  if (parseScheduled || unparsed.length === 0) return;
  parseScheduled = true;
  setImmediate(parseSmallest);
};

parentPort?.on('message', (message: DocxMessage) => {
  if ('pages' in message) return entry(message.pages.file).resolve(message.pages.pages);
  const { id, job } = message;
  const parsed = Promise.all(job.documents.map((doc) => new Promise<Root | undefined>((resolve) => unparsed.push({ doc, resolve }))));
  scheduleParse();
  queue = queue.then(turn).then(async () => {
    try {
      const outputs = await startDocxJob(job, pagesOf, await parsed);
      outputs.forEach((output, index) => void output.then((result) => post({ id, index, result }), (error: unknown) => post({ id, index, error: failure(error) })));
    } catch (error) {
      post({ id, error: failure(error) });
    }
  });
});
