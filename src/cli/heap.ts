/**
 * V8 lets garbage grow to up to four times the live data before it collects (its growing factor
 * adapts to the allocation rate); a build allocates fast, so a large workshop's build peaked at
 * 735–900 MB for 145–180 MB of live data. Capped at 2× (`--heap-growing-percent=100`) it peaks at
 * 460–550 MB in the same time: the heap still grows with the data, there is no fixed limit to hit.
 * The user's own V8 heap options win: none is added when NODE_OPTIONS or the node command line
 * already sets the growing factor.
 */
export const HEAP_GROWING_FLAG = '--heap-growing-percent=100';

export function heapFlags(execArgv: readonly string[], nodeOptions: string | undefined): string | undefined {
  const given = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return given.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg)) ? undefined : HEAP_GROWING_FLAG;
}
