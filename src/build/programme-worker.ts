// A worker thread that checks and builds a share of a programme's workshops (see
// programme-workshops.ts): workshops are independent, and building 100 of them is CPU-bound.
// Builds the workshops it is sent, one after another, and answers with each outcome as soon as it is built.
import { parentPort } from 'node:worker_threads';
import { buildWorkshop, forWorker, readAhead, type WorkshopMessage, type WorkshopReply } from './programme-workshops.js';

// One job at a time, in the order they come: the build sends the next as each is answered.
let queue: Promise<unknown> = Promise.resolve();

parentPort?.on('message', ({ index, job }: WorkshopMessage) => {
  // Read while the workshop before it is built.
  const read = readAhead(job);
  queue = queue.then(async () => {
    try {
      const { outcome, transfer } = forWorker(await buildWorkshop(job, read));
      parentPort?.postMessage({ index, outcome } satisfies WorkshopReply, transfer);
    } catch (error) {
      parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies WorkshopReply);
    }
  });
});
