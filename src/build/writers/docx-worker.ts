// A worker thread that makes a build's DOCX files, edition after edition, started by the build and
// stopped at its end: the docx library numbers bookmarks and drawings with counters of its own module
// that nothing resets, so a thread of the build's own is what makes the same notes give the same
// bytes in every build of a long-lived process (watch mode, the API). It leaves the main thread to
// the PDF meanwhile, and warms up (loads the library, compresses the fonts) while the Markdown is rendered.
import { parentPort } from 'node:worker_threads';
import { runDocxJob, warmUpDocx, type DocxJob } from '../../docx/job.js';

// Jobs (one per edition) one after another, in the order they came (the writer sends the next once
// the one before is done): the library's counters then number the documents the same way in every build.
let queue: Promise<unknown> = warmUpDocx().catch(() => undefined);

parentPort?.on('message', (job: DocxJob) => {
  queue = queue.then(async () => {
    try {
      const results = await runDocxJob(job);
      parentPort?.postMessage({ results }, results.map((result) => result.bytes.buffer as ArrayBuffer));
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
    }
  });
});
