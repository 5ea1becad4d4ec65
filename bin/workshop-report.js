#!/usr/bin/env node
// The shell: hands the process to run() and sets the exit code; never calls process.exit().
import { setFlagsFromString } from 'node:v8';
import { v8Flags } from '../lib/v8-flags.js';
import { interruptHandler, run } from '../lib/run.js';

// Garbage kept to about the size of the live data, and only the longest-running code optimized (see src/cli/v8-flags.ts), unless the user chose.
const flags = v8Flags(process.execArgv, process.env.NODE_OPTIONS);
if (flags) setFlagsFromString(flags);

// Ctrl-C aborts the command, which cleans up before it returns; the next one is ignored (npm forwards
// the terminal's, so one press comes twice); the one after that ends the process at once (see src/cli/interrupt.ts).
// SIGTERM (`timeout`, `docker stop`, systemd) and SIGHUP (the terminal closed) stop it the same way:
// with Node's default action they ended it at once, leaving the preview's folder of every edition's pages.
const controller = new AbortController();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
let last = 'SIGINT';
const onInterrupt = interruptHandler(controller, () => {
  for (const [signal, listener] of listeners) process.off(signal, listener);
  process.kill(process.pid, last);
});
const listeners = SIGNALS.map((signal) => [signal, () => { last = signal; onInterrupt(); }]);
for (const [signal, listener] of listeners) process.on(signal, listener);
process.stdout.on('error', (error) => { if (error.code !== 'EPIPE') throw error; });

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
