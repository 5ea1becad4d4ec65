/** Ctrl-C presses after the first that are not heard: one press can reach the process twice. */
const IGNORED_REPEATS = 1;

/**
 * What the bin does on each SIGINT, kept out of the bin so it can be tested without signals.
 * - The first aborts `controller`: the command stops at its next look at the signal and removes its
 *   temporary files before it returns (exit 130), or, when publishing has passed its point of no
 *   return (the commit record is written), finishes publishing and returns its own exit code.
 * - The next one is ignored: under `npx` or `npm run`, one press of Ctrl-C reaches the process
 *   twice, from the terminal and forwarded by npm, and the second killed it in the middle of the
 *   cleanup the first had started (temporary files left, or exit 130 after the renames).
 * - Any later one calls `kill`, which gives the signal its default action (the process ends at
 *   once, status 130): the way out of a build that does not stop. What a publish leaves then, as
 *   after `kill -9`, is repaired by the next build.
 * Only a listener that stays for the whole run can do this: with `process.once`, Node's default
 * action took every signal after the first.
 */
export function interruptHandler(controller: AbortController, kill: () => void): () => void {
  let heard = 0;
  return () => {
    heard += 1;
    if (heard === 1) controller.abort();
    else if (heard > 1 + IGNORED_REPEATS) kill();
  };
}
