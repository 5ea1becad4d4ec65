// A worker thread that typesets a share of the documents: PDF layout is CPU-bound and documents
// are independent. Receives the shared settings and its documents; answers with their PDFs.
import { parentPort } from 'node:worker_threads';
import { typesetHere } from './pdf-output.js';
import type { TypesetJob } from './parallel-typeset.js';

parentPort?.once('message', async (job: TypesetJob) => {
  const results = await typesetHere(job.documents, job.settings);
  parentPort?.postMessage(results, results.map((result) => result.pdf.buffer as ArrayBuffer));
});
