#!/usr/bin/env node
// The shell: hands the process to run() and sets the exit code; never calls process.exit().
import { setFlagsFromString } from 'node:v8';
import { v8Flags } from '../lib/v8-flags.js';
import { run } from '../lib/run.js';

// Garbage kept to about the size of the live data, and only the longest-running code optimized (see src/cli/v8-flags.ts), unless the user chose.
const flags = v8Flags(process.execArgv, process.env.NODE_OPTIONS);
if (flags) setFlagsFromString(flags);

const controller = new AbortController();
process.once('SIGINT', () => controller.abort());
process.stdout.on('error', (error) => { if (error.code !== 'EPIPE') throw error; });

process.exitCode = await run(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  env: process.env,
  signal: controller.signal,
});
