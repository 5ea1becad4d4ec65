// The V8 settings the bin sets for the whole process (its worker threads too) before any work,
// by v8.setFlagsFromString: a build is a process of seconds that allocates fast. Each is left out
// when the user set that flag, on the node command line or in NODE_OPTIONS: theirs wins.

/**
 * V8 lets garbage grow to up to four times the live data before it collects (its growing factor
 * adapts to the allocation rate); a build allocates fast, so a large workshop's build peaked at
 * 735–900 MB for 145–180 MB of live data. Capped at 2× (`--heap-growing-percent=100`) it peaks at
 * 460–550 MB in the same time: the heap still grows with the data, there is no fixed limit to hit.
 */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=100';

/**
 * V8 optimizes a function once it has run for its "interrupt budget" (66 KB of bytecode by
 * default on Node 20's V8), compiling it on a background thread. A build of seconds spends much of its CPU there:
 * building the example's md, pdf and docx, 3 to 4 s of 14 s, on threads that take cores from the
 * build's own (the DOCX and typesetting threads), for code that has little time left to run. With
 * a budget about 9 times as large only the code that runs longest is optimized: the example's md, pdf and
 * docx in 6.4–6.8 s instead of 7.8–8.0 s (10.7–11.5 s of CPU instead of 14.3), md alone in 2.0 s
 * instead of 2.4 s, and a 2,000-session workshop's build in the same time as before. The cost: a
 * process of about 1.5 s that would have used the optimized code, M's md build, takes 0.1 s more
 * (see docs/performance.md). It only decides when code is optimized: the outputs are the same bytes.
 */
export const INTERRUPT_BUDGET_FLAG = '--interrupt-budget=600000';

/** The flags to set: those of the above that the user did not set. Undefined when none is left. */
export function v8Flags(execArgv: readonly string[], nodeOptions: string | undefined): string | undefined {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  const set = (flag: string) => {
    const name = flag.slice(2, flag.indexOf('=')).replace(/[-_]/g, '[-_]');
    return given.some((arg) => new RegExp(`^--${name}(=|$)`).test(arg));
  };
  const flags = [HEAP_GROWING_FLAG, INTERRUPT_BUDGET_FLAG].filter((flag) => !set(flag));
  return flags.length > 0 ? flags.join(' ') : undefined;
}
