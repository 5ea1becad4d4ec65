// A worker thread that checks and builds a share of a programme's workshops (see
// programme-workshops.ts): workshops are independent, and building 100 of them is CPU-bound.
// Answers with each workshop's outcome as soon as it is built.
import { parentPort } from 'node:worker_threads';
import { buildWorkshop, forWorker, type WorkshopJob } from './programme-workshops.js';

parentPort?.on('message', async (jobs: WorkshopJob[]) => {
  try {
    for (const job of jobs) parentPort?.postMessage({ outcome: forWorker(await buildWorkshop(job)) });
  } catch (error) {
    parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
