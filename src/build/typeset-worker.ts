// A worker thread that typesets shares of the documents: PDF layout is CPU-bound and documents
// are independent. Kept alive by its pool between jobs, so pdfkit and the fonts stay loaded.
import { parentPort } from 'node:worker_threads';
import { typesetHere, warmUp } from './pdf-output.js';
import type { TypesetJob, TypesetReply } from './parallel-typeset.js';
import type { HeadingPages } from '../typeset/types.js';

parentPort?.on('message', async (job: TypesetJob) => {
  try {
    // Each document's heading pages as soon as it is laid out (the DOCX contents wait for them).
    const onLayout = (file: string, pages: HeadingPages) => parentPort?.postMessage({ id: job.id, layout: { file, pages } } satisfies TypesetReply);
    const results = await typesetHere(job.documents, job.settings, undefined, job.layouts ? onLayout : undefined);
    parentPort?.postMessage({ id: job.id, results } satisfies TypesetReply, results.map((result) => result.pdf.buffer as ArrayBuffer));
  } catch (error) {
    parentPort?.postMessage({ id: job.id, error: error instanceof Error ? error.message : String(error) } satisfies TypesetReply);
  }
});

// While the main thread validates and renders: read and parse the bundled fonts.
void warmUp().catch(() => undefined);
