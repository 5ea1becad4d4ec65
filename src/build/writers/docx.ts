import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { DocxJob, DocxOutput } from '../../docx/job.js';
import { translate } from '../../i18n/index.js';
import { resolveTheme, type PdfThemeYaml } from '../../typeset/theme.js';
import type { OutputFile } from '../publish.js';
import type { Writer, WriterContext } from '../writer.js';

/**
 * Word documents, one per rendered document, from the same parsed Markdown as the PDF (src/docx/),
 * made on a thread of the build's own while the PDF is typeset (see docx-worker.ts). Styles follow
 * the PDF theme, or come from report.docx_reference.
 */
export function docxWriter(): Writer {
  let worker: Worker | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let closed = false;
  const start = (): Worker | undefined => {
    const script = new URL('./docx-worker.js', import.meta.url);
    // Run from the TypeScript sources (the tests' in-process runs), there is no worker to start.
    // Not --input-type, which a worker started from a file refuses (a program run with `node --input-type=module -e`).
    if (!worker && existsSync(script)) worker = new Worker(script, { execArgv: process.execArgv.filter((arg) => !arg.startsWith('--input-type')) });
    return worker;
  };
  return {
    format: 'docx',
    deferred: true,
    rendered() {
      start();
    },
    async write(documents, context) {
      const reference = context.workshop.report?.docx_reference;
      // Read here, so that a reference that is not a Word document stops the build as a setup error.
      const read = reference === undefined ? undefined : await (await import('../../docx/reference.js')).readReference(reference, context.projectDir);
      const job: DocxJob = {
        documents: documents.map((doc) => ({ file: doc.file, markdown: doc.markdown })),
        projectDir: context.projectDir,
        theme: resolveTheme(context.workshop.report?.pdf_theme as PdfThemeYaml | undefined),
        language: context.language,
        labels: {
          page: translate(context.language, 'page_of'),
          contents: translate(context.language, 'contents'),
          organizedBy: translate(context.language, 'organized_by'),
          withSupportOf: translate(context.language, 'with_support_of'),
        },
        date: documentDate(context).getTime(),
        ...(read ? { reference: { ...read, styleIds: [...read.styleIds] } } : {}),
      };
      // One edition after another (the library's counters then number the documents the same way in
      // every build), each started as soon as the one before is done, while the build goes on.
      const thread = start();
      const run = queue.then(async () => {
        if (thread) {
          try {
            return await onWorker(thread, job);
          } catch (error) {
            // Stopped by close(): the build is over. A worker that failed leaves the job to this thread: slower, never wrong.
            if (closed) throw error;
            worker = undefined;
          }
        }
        return (await import('../../docx/job.js')).runDocxJob(job);
      });
      queue = run.catch(() => undefined);
      const results = await run;
      const files: OutputFile[] = results.map((result) => ({ path: result.file, content: result.bytes }));
      const texts = new Map(results.map((result) => [result.file, result.text]));
      return { files, diagnostics: [], sources: new Map(), texts };
    },
    async close() {
      closed = true;
      await worker?.terminate();
      worker = undefined;
    },
  };
}

/** One job on the build's worker. */
function onWorker(worker: Worker, job: DocxJob): Promise<DocxOutput[]> {
  return new Promise<DocxOutput[]>((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (reply: { results?: DocxOutput[]; error?: string }) => {
      cleanup();
      if (reply.results) resolve(reply.results);
      else reject(new Error(reply.error ?? 'The DOCX worker failed.'));
    };
    const onError = (error: Error) => { cleanup(); reject(error); };
    const onExit = (code: number) => { cleanup(); reject(new Error(`The DOCX worker stopped (exit code ${code}).`)); };
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage(job);
  });
}

/** SOURCE_DATE_EPOCH when set (reproducible builds), else the workshop's last day, as the PDF's dates: never the clock. */
function documentDate(context: WriterContext): Date {
  const epoch = context.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date(`${context.workshop.dates.end}T00:00:00Z`);
}
