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
const controller = new AbortController();
const onInterrupt = interruptHandler(controller, () => {
  process.off('SIGINT', onInterrupt);
  process.kill(process.pid, 'SIGINT');
});
process.on('SIGINT', onInterrupt);
process.stdout.on('error', (error) => { if (error.code !== 'EPIPE') throw error; });

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
