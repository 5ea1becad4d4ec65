#!/usr/bin/env node
// The shell: hands the process to run() and sets the exit code; never calls process.exit().
import { run } from '../dist/cli/run.js';

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
