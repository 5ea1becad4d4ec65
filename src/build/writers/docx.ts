import { existsSync } from 'node:fs';
import type { Root } from 'mdast';
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { DocxJob, DocxOutput } from '../../docx/job.js';
import { byLanguage, pageWords } from '../../i18n/index.js';
import { resolveTheme, type PdfThemeYaml } from '../../typeset/theme.js';
import type { HeadingPages } from '../../typeset/types.js';
import type { HeadingPagesBook } from '../heading-pages.js';
import { PARALLEL_MIN_CHARS } from '../parallel-typeset.js';
import type { OutputFile } from '../publish.js';
import type { ParsedTree, Writer, WriterContext, WriterDocument } from '../writer.js';
import type { DocxMessage, DocxReply, DocxWorkerData, SharedTree } from './docx-worker.js';

type Doc = WriterDocument;
type JobSettings = Omit<DocxJob, 'documents'>;

/**
 * Word documents, one per rendered document, from the same parsed Markdown as the PDF (src/docx/),
 * made on a thread of the build's own (see docx-worker.ts), each sent to it as soon as it is
 * rendered, so that it works while the main thread renders and typesets. Styles follow the PDF
 * theme, or come from report.docx_reference. The contents' page numbers come from the typesetter's
 * layout (the PDF's, or one made here when no PDF shares it), sent to the thread as each document is laid out.
 * The thread parses each document as it comes and, when this thread's typesetter will lay it out,
 * posts its tree back (parsedTree): the Markdown is parsed once for both.
 */
export function docxWriter(): Writer {
  let worker: Worker | undefined;
  /** A worker that failed is not started again: this thread makes the rest (slower, never wrong). */
  let broken = false;
  let closed = false;
  let nextId = 0;
  const replies = new Map<number, { resolve: (output: DocxOutput) => void; reject: (error: Error) => void }>();
  /** Each edition's job settings, by its folder (its reference document read once). */
  const editions = new Map<string, Promise<JobSettings>>();
  /** Documents sent to the thread as they were rendered, by file. */
  const sent = new Map<string, Promise<DocxOutput>>();
  /** Keeps the documents in the order they came: the library's counters number them so. */
  let sending: Promise<unknown> = Promise.resolve();
  /** This thread's own jobs (no worker, or a failed one), one after another. */
  let local: Promise<unknown> = Promise.resolve();
  /** Each edition's rank, by its folder, in the order they were sent. */
  const editionRanks = new Map<string, number>();
  /** Markdown rendered so far in the edition (see rendered()). */
  let chars = 0;
  /** Where the thread posts the trees it shares (see parsedTree). */
  let trees: MessagePort | undefined;
  /** Trees come from the thread, by file, until the typesetter asks; the Markdown each was shared for, by file; who waits for one. */
  const shared = new Map<string, Root | undefined>();
  const asked = new Map<string, string>();
  const waiting = new Map<string, (root: Root | undefined) => void>();
  /** No tree will come any more: whoever waits parses the document itself. */
  const noMoreTrees = () => {
    for (const resolve of waiting.values()) resolve(undefined);
    waiting.clear();
  };

  const fail = (error: Error) => {
    worker = undefined;
    broken = true;
    noMoreTrees();
    for (const { reject } of replies.values()) reject(error);
    replies.clear();
  };
  const script = new URL('./docx-worker.js', import.meta.url);
  // Run from the TypeScript sources (the tests' in-process runs), there is no worker to start.
  const inProcess = !existsSync(script);
  const start = (): Worker | undefined => {
    if (worker || broken || inProcess) return worker;
    const channel = new MessageChannel();
    trees = channel.port1;
    trees.on('message', (tree: SharedTree) => {
      const resolve = waiting.get(tree.file);
      waiting.delete(tree.file);
      if (resolve) resolve(tree.root);
      else shared.set(tree.file, tree.root);
    });
    // The worker keeps the build running while it works; this port alone must not.
    trees.unref();
    const started = newWorker(script, channel.port2);
    started.on('message', (reply: DocxReply) => {
      const waiting = replies.get(reply.id);
      if (!waiting) return;
      replies.delete(reply.id);
      if (reply.result) waiting.resolve(reply.result);
      else waiting.reject(new Error(reply.error ?? 'The DOCX worker failed.'));
    });
    started.on('error', (error) => fail(error));
    started.on('exit', (code) => fail(new Error(`The DOCX worker stopped (exit code ${code}).`)));
    return (worker = started);
  };

  const settingsFor = (context: WriterContext): Promise<JobSettings> => {
    const key = context.folder ?? '';
    let settings = editions.get(key);
    if (!settings) {
      editions.set(key, (settings = jobSettings(context)));
      // Awaited by write(); a document sent before it may find it failed first.
      settings.catch(() => undefined);
    }
    return settings;
  };

  /** The document made by this thread, after the jobs it has already taken. */
  const makeHere = (job: DocxJob, book: HeadingPagesBook | undefined): Promise<DocxOutput[]> => {
    const pagesOf = (file: string) => new Promise<HeadingPages | undefined>((resolve) => (book ? book.on(file, resolve) : resolve(undefined)));
    const run = local.then(async () => (await import('../../docx/job.js')).runDocxJob(job, pagesOf));
    local = run.catch(() => undefined);
    return run;
  };

  /** Sends one document to the thread (in order); falls back on this thread if the worker fails. */
  const send = (doc: Doc, context: WriterContext): Promise<DocxOutput> => {
    // The edition's Markdown as it is now: the next edition's rendering may start before this is posted.
    const editionChars = chars;
    const posted = sending.then(async () => {
      const settings = await settingsFor(context);
      // Shared when this thread lays it out: the DOCX contents' layout (no PDF shares its own), or the
      // PDF's when this thread typesets it (not the PDF's threads of a large edition, which parse for themselves).
      const laidOutHere = settings.numbered && context.headingPages?.fromPdf === false;
      const share = laidOutHere || (context.parsedTree !== undefined && editionChars < PARALLEL_MIN_CHARS);
      const folder = context.folder ?? '';
      if (!editionRanks.has(folder)) editionRanks.set(folder, editionRanks.size);
      const job: DocxJob = { ...settings, documents: [{ file: doc.file, markdown: doc.markdown, edition: editionRanks.get(folder)!, ...(share ? { share } : {}) }] };
      const book = job.numbered ? context.headingPages : undefined;
      const thread = start();
      if (!thread) return { job, book, result: undefined };
      if (share) asked.set(doc.file, doc.markdown);
      // Its page numbers go to the thread as soon as they are known, while it works on.
      book?.on(doc.file, (pages) => worker === thread && thread.postMessage({ pages: { file: doc.file, pages } } satisfies DocxMessage));
      const id = nextId++;
      const result = new Promise<DocxOutput>((resolve, reject) => replies.set(id, { resolve, reject }));
      thread.postMessage({ id, job } satisfies DocxMessage);
      return { job, book, result };
    });
    sending = posted.catch(() => undefined);
    return posted.then(async ({ job, book, result }) => {
      if (result) {
        try {
          return await result;
        } catch (error) {
          // Stopped by close(): the build is over.
          if (closed) throw error;
        }
      }
      return (await makeHere(job, book))[0]!;
    });
  };

  /** The tree of a shared document, once the thread has posted it (see WriterContext.parsedTree). */
  const parsedTree: ParsedTree = (file, markdown) => {
    const sharedFor = asked.get(file);
    asked.delete(file);
    if (sharedFor !== markdown || !worker) return Promise.resolve(undefined);
    if (shared.has(file)) {
      const root = shared.get(file);
      shared.delete(file);
      return Promise.resolve(root);
    }
    // The thread parses each document as soon as it comes, ahead of the documents it is making, the
    // first edition's first: it will come soon, sooner than this thread would parse it (every
    // edition is sent as soon as it is rendered, before the first is typeset).
    return new Promise((resolve) => waiting.set(file, resolve));
  };

  return {
    format: 'docx',
    deferred: true,
    rendered(renderedChars) {
      chars = renderedChars;
      start();
    },
    parsedTree,
    async write(documents, context) {
      // Awaited here, so that a reference that is not a Word document stops the build as a setup error.
      const settings = await settingsFor(context);
      const book = settings.numbered ? context.headingPages : undefined;
      // No PDF shares its layout: this thread lays the documents out (no painting) while the DOCX thread makes them.
      if (book && !book.fromPdf) void layOut(documents, settings, book, parsedTree);
      // Each document as sent when it was rendered (made here instead if the worker failed), or all of them here.
      const made = inProcess
        ? (await makeHere({ ...settings, documents: documents.map((doc) => ({ file: doc.file, markdown: doc.markdown })) }, book)).map((output) => Promise.resolve(output))
        : documents.map((doc) => sent.get(doc.file) ?? send(doc, context));
      for (const doc of documents) sent.delete(doc.file);
      const results = await Promise.all(made);
      const files: OutputFile[] = results.map((result) => ({ path: result.file, content: result.bytes }));
      const texts = new Map(results.map((result) => [result.file, result.text]));
      // What a reader sees, paragraph by paragraph: text, which the leak guard need not parse as Markdown.
      return { files, diagnostics: [], sources: new Map(), texts, plainTexts: true };
    },
    async close() {
      closed = true;
      const stopping = worker;
      worker = undefined;
      broken = true;
      trees?.close();
      shared.clear();
      asked.clear();
      noMoreTrees();
      await stopping?.terminate();
    },
  };
}

/**
 * The process's node options go to the worker (--cpu-prof profiles it too), but not --input-type,
 * which a worker started from a file refuses (a program run with `node --input-type=module -e`);
 * options given explicitly must not hold V8 flags (`node --max-old-space-size=…`), which a worker
 * refuses too: then it gets none (V8 flags are the whole process's anyway).
 */
function newWorker(script: URL, trees: MessagePort): Worker {
  const workerData: DocxWorkerData = { trees };
  const options = { workerData, transferList: [trees] };
  try {
    return new Worker(script, { ...options, execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')) });
  } catch (error) {
    if ((error as { code?: string }).code !== 'ERR_WORKER_INVALID_EXEC_ARGV') throw error;
    return new Worker(script, { ...options, execArgv: [] });
  }
}

/** What every document of an edition shares. */
async function jobSettings(context: WriterContext): Promise<JobSettings> {
  const reference = context.workshop.report?.docx_reference;
  const read = reference === undefined ? undefined : await (await import('../../docx/reference.js')).readReference(reference, context.projectDir);
  return {
    projectDir: context.projectDir,
    theme: resolveTheme(context.workshop.report?.pdf_theme as PdfThemeYaml | undefined),
    language: context.language,
    labels: pageWords(context.language),
    labelsByLanguage: byLanguage(pageWords),
    date: documentDate(context).getTime(),
    ...(read ? { reference: { ...read, styleIds: [...read.styleIds] } } : {}),
    // With a house-style reference the pages are the reference's fonts' and sizes, which our layout does not know.
    numbered: !read && context.headingPages !== undefined,
  };
}

/** Lays the documents out with the typesetter (no painting) and publishes where their headings fall. */
async function layOut(documents: readonly Doc[], settings: JobSettings, book: HeadingPagesBook, parsedTree: ParsedTree | undefined): Promise<void> {
  try {
    const { layoutHere } = await import('../pdf-output.js');
    await layoutHere(documents, { projectDir: settings.projectDir, theme: settings.theme, labels: settings.labels, ...(settings.labelsByLanguage ? { labelsByLanguage: settings.labelsByLanguage } : {}), language: settings.language, creationDate: new Date(settings.date) }, (file, pages) => book.publish(file, pages), parsedTree);
  } catch {
    // Without a layout the contents keep their entries, without numbers, and Word numbers them.
  } finally {
    book.finish();
  }
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the workshop's last day, as the PDF's dates: never the clock. */
function documentDate(context: WriterContext): Date {
  const epoch = context.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${context.workshop.dates.end}T00:00:00Z`);
}
