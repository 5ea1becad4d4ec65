import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_FLAG, INTERRUPT_BUDGET_FLAG, v8Flags } from '../../src/cli/v8-flags.js';

describe('the V8 flags the bin sets', () => {
  it('caps the heap growing factor and raises the interrupt budget when the user set neither', () => {
    expect(v8Flags([], undefined)).toBe(`${HEAP_GROWING_FLAG} ${INTERRUPT_BUDGET_FLAG}`);
    expect(v8Flags(['--enable-source-maps'], '--max-old-space-size=300')).toBe(`${HEAP_GROWING_FLAG} ${INTERRUPT_BUDGET_FLAG}`);
  });

  it('leaves each flag to the user who set it, on the command line or in NODE_OPTIONS', () => {
    expect(v8Flags(['--heap-growing-percent=0'], undefined)).toBe(INTERRUPT_BUDGET_FLAG);
    expect(v8Flags([], '--inspect --heap_growing_percent=300')).toBe(INTERRUPT_BUDGET_FLAG);
    expect(v8Flags(['--interrupt_budget=132000'], undefined)).toBe(HEAP_GROWING_FLAG);
    expect(v8Flags(['--interrupt-budget=1'], '--heap-growing-percent=50')).toBeUndefined();
  });

  it('does not take another flag that begins with the same name for the user’s', () => {
    expect(v8Flags(['--interrupt-budget-for-feedback-allocation=10'], undefined)).toBe(`${HEAP_GROWING_FLAG} ${INTERRUPT_BUDGET_FLAG}`);
  });
});

describe('the V8 flags on the running Node', () => {
  it('are all known to it: V8 prints "unrecognized flag" for one it lacks, to every user of the bin', () => {
    const flags = v8Flags([], undefined)!;
    const run = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString(${JSON.stringify(flags)})`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    // The check itself: a flag V8 lacks is reported on stderr.
    const unknown = spawnSync(process.execPath, ['-e', `require('node:v8').setFlagsFromString('--no-such-flag-of-ours=1')`], { encoding: 'utf8' });
    expect(unknown.stderr).toMatch(/unrecognized flag/);
  });
});
