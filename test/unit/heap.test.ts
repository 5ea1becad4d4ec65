import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_FLAG, heapFlags } from '../../src/cli/heap.js';

describe('the V8 heap flag the bin sets', () => {
  it('caps the heap growing factor when the user set nothing', () => {
    expect(heapFlags([], undefined)).toBe(HEAP_GROWING_FLAG);
    expect(heapFlags(['--enable-source-maps'], '--max-old-space-size=300')).toBe(HEAP_GROWING_FLAG);
  });

  it('leaves the growing factor to the user who set one, on the command line or in NODE_OPTIONS', () => {
    expect(heapFlags(['--heap-growing-percent=0'], undefined)).toBeUndefined();
    expect(heapFlags([], '--inspect --heap_growing_percent=300')).toBeUndefined();
  });
});
