import { describe, expect, it } from 'vitest';
import { inReadyOrder } from '../../src/build/pdf-output.js';

/** A promise and the function that settles it, to decide the order by hand (no timers). */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('inReadyOrder (the typesetter takes the documents whose trees have come)', () => {
  it('gives each value once, the first settled first, and the lowest index among those settled', async () => {
    const trees = [deferred<string>(), deferred<string>(), deferred<string>(), deferred<string>()];
    const seen: Array<[number, string]> = [];
    const reading = (async () => {
      for await (const entry of inReadyOrder(trees.map((t) => t.promise))) {
        seen.push(entry);
        // While the first taken is worked on, two more come: the lower index goes first.
        if (seen.length === 1) {
          trees[3]!.resolve('d');
          trees[1]!.resolve('b');
        }
        if (seen.length === 3) trees[0]!.resolve('a');
      }
    })();
    trees[2]!.resolve('c');
    await reading;
    expect(seen).toEqual([[2, 'c'], [1, 'b'], [3, 'd'], [0, 'a']]);
  });

  it('keeps the documents\' order when every value is there from the start', async () => {
    const seen: number[] = [];
    for await (const [index] of inReadyOrder([1, 2, 3].map((n) => Promise.resolve(n)))) seen.push(index);
    expect(seen).toEqual([0, 1, 2]);
  });
});
