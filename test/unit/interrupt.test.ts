import { describe, expect, it } from 'vitest';
import { interruptHandler } from '../../src/cli/interrupt.js';

describe('the bin\'s SIGINT handler', () => {
  it('aborts on the first Ctrl-C, ignores the second (one press under npm comes twice), ends the process on the third', () => {
    const controller = new AbortController();
    let kills = 0;
    const onInterrupt = interruptHandler(controller, () => { kills++; });
    onInterrupt();
    expect(controller.signal.aborted).toBe(true);
    expect(kills).toBe(0);
    onInterrupt();
    expect(kills).toBe(0);
    onInterrupt();
    expect(kills).toBe(1);
  });
});
