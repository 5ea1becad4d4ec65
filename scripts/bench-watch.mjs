// Watch-mode latency for `npm run bench` (issue #9: "after a change to one session file, Markdown is
// rewritten in under 0.5 s and PDFs in under 1.5 s").
//
// Copies a generated workshop to a temporary folder, starts `workshop-report build DIR --watch
// --format F` on it, waits for the first build and for the watcher to settle, then repeatedly edits
// one word of one session's summary and times, from just before the write:
//   detect  until the CLI prints "Changed: … Rebuilding…" (file-system event, chokidar's
//           awaitWriteFinish of 50 ms and the 50 ms debounce of src/cli/watch.ts)
//   total   until it prints "Wrote N files" (the output is renamed into place just before)
//   rebuild total − detect: the rebuild itself
// and checks that the new word reached out/report.md (and that out/report.pdf was rewritten).
//
// Usage: node scripts/bench-watch.mjs [--sizes S,M] [--formats md,md+pdf] [--runs 5]
// bench.js imports benchWatch() instead.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { DEBOUNCE_MS } from '../dist/cli/watch.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/workshop-report.js');
/** The waits built into watch mode (src/cli/watch.ts): debounce + chokidar's awaitWriteFinish stabilityThreshold. */
export const BUILT_IN_WAIT_MS = DEBOUNCE_MS + 50;

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Measures watch-mode latency on a copy of `projectDir` (a generated workshop).
 * @param {{ projectDir: string, format: 'md' | 'md,pdf', runs?: number, timeoutMs?: number }} options
 * @returns {Promise<{ runs: number, initialMs: number, total: number, detect: number, rebuild: number, totals: number[], written: number, rssMB: number }>} medians in ms; written: files a rebuild wrote
 */
export async function benchWatch({ projectDir, format, runs = 5, timeoutMs = 180_000 }) {
  const work = mkdtempSync(path.join(tmpdir(), 'wr-bench-watch-'));
  const dir = path.join(work, 'project');
  cpSync(projectDir, dir, { recursive: true });
  const sessions = path.join(dir, 'sessions');
  const sessionFile = path.join(sessions, 's0001.yaml');
  const rssFile = path.join(work, 'rss');
  const started = performance.now();
  const child = spawn(process.execPath, ['--require', path.join(ROOT, 'scripts/bench-rss.cjs'), BIN, 'build', dir, '--watch', '--format', format], {
    cwd: work, env: { ...process.env, WR_BENCH_RSS: rssFile, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'],
  });
  // Every stderr line with the time it arrived; waiters resolve on the first matching line after an index.
  const lines = [];
  let waiters = [];
  let exited = false;
  let buffered = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    const at = performance.now();
    buffered += chunk;
    const parts = buffered.split('\n');
    buffered = parts.pop() ?? '';
    for (const text of parts) lines.push({ text, at });
    waiters = waiters.filter((w) => !w());
  });
  const exit = new Promise((resolve) => child.on('exit', (code, signal) => { exited = true; resolve({ code, signal }); waiters.forEach((w) => w()); }));
  const waitFor = (pattern, from, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => check(true), timeoutMs);
    const check = (timedOut = false) => {
      const hit = lines.slice(from).find((l) => pattern.test(l.text));
      if (hit) { clearTimeout(timer); resolve(hit); return true; }
      if (exited || timedOut) {
        clearTimeout(timer);
        reject(new Error(`${what}: ${exited ? 'the watcher exited' : `no output after ${timeoutMs / 1000} s`}; its last output: ${lines.slice(-5).map((l) => l.text).join(' | ').slice(0, 600)}`));
        return true;
      }
      return false;
    };
    if (!check()) waiters.push(() => check());
  });

  try {
    const ready = await waitFor(/^Watching /, 0, 'initial build');
    const initialMs = ready.at - started;
    const failedLine = lines.find((l) => /error/i.test(l.text) && !/^Wrote /.test(l.text));
    if (!lines.some((l) => /^Wrote /.test(l.text))) throw new Error(`initial build wrote nothing: ${failedLine?.text ?? lines.map((l) => l.text).join(' | ').slice(0, 600)}`);
    // "Watching" is printed before chokidar has finished its initial scan: give it time to be ready.
    await sleep(1500);
    const samples = [];
    const original = parse(readFileSync(sessionFile, 'utf8'));
    for (let i = 0; i < runs; i++) {
      const word = `Benchedit${i}x${Date.now() % 100000}`;
      const text = stringify({ ...original, summary: original.summary.replace(/^\S+/, word) });
      const from = lines.length;
      const wallBefore = Date.now();
      const t0 = performance.now();
      writeFileSync(sessionFile, text);
      const rebuilding = await waitFor(/Rebuilding/, from, `edit ${i + 1}`);
      const wrote = await waitFor(/^Wrote /, lines.indexOf(rebuilding), `edit ${i + 1}`);
      const report = readFileSync(path.join(dir, 'out', 'report.md'), 'utf8');
      if (!report.includes(word)) throw new Error(`edit ${i + 1}: out/report.md does not contain the edited word`);
      if (format.includes('pdf') && statSync(path.join(dir, 'out', 'report.pdf')).mtimeMs < wallBefore - 5) throw new Error(`edit ${i + 1}: out/report.pdf was not rewritten`);
      samples.push({ total: wrote.at - t0, detect: rebuilding.at - t0, rebuild: wrote.at - rebuilding.at, written: Number(/^Wrote (\d+)/.exec(wrote.text)?.[1] ?? NaN) });
      // Leave the watcher idle a moment between edits, as a person would.
      await sleep(300);
    }
    child.kill('SIGINT');
    const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exit;
    clearTimeout(killer);
    let rssMB = 0;
    try { rssMB = Number(readFileSync(rssFile, 'utf8')) / 1024; } catch { /* not recorded */ }
    return {
      runs: samples.length,
      initialMs,
      total: median(samples.map((s) => s.total)),
      detect: median(samples.map((s) => s.detect)),
      rebuild: median(samples.map((s) => s.rebuild)),
      totals: samples.map((s) => Math.round(s.total)),
      written: Math.max(...samples.map((s) => s.written)),
      rssMB,
    };
  } finally {
    if (!exited) {
      child.kill('SIGKILL');
      await exit;
    }
    rmSync(work, { recursive: true, force: true });
  }
}

/** One table row's "extra" text for a result. */
export function describeWatch(r, targetMs) {
  const net = r.total - BUILT_IN_WAIT_MS;
  return `median of ${r.runs} edits: total ${r.total.toFixed(0)} ms (${r.totals.join(', ')}), detect ${r.detect.toFixed(0)} ms (incl. ${BUILT_IN_WAIT_MS} ms debounce + awaitWriteFinish), rebuild ${r.rebuild.toFixed(0)} ms (wrote ${r.written} files); total − ${BUILT_IN_WAIT_MS} ms = ${net.toFixed(0)} ms; target < ${targetMs / 1000} s ${r.total < targetMs ? '✓' : '✗'}; first build ${(r.initialMs / 1000).toFixed(2)} s`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i === -1 ? fallback : args[i + 1]; };
  const sizes = option('sizes', 'S,M').split(',').filter((s) => s && s !== 'none');
  const formats = option('formats', 'md,md+pdf').split(',').map((f) => f.replace('+', ','));
  const runs = Number(option('runs', '5'));
  const { generate } = await import('./bench-generate.mjs');
  const work = mkdtempSync(path.join(tmpdir(), 'wr-bench-'));
  console.log('| size | command | latency | peak memory | |');
  console.log('| --- | --- | --- | --- | --- |');
  try {
    for (const size of sizes) {
      const dir = generate(size, path.join(work, size));
      for (const format of formats) {
        const what = `build --watch --format ${format}: edit a session → Wrote`;
        try {
          const r = await benchWatch({ projectDir: dir, format, runs });
          console.log(`| ${size} | ${what} | ${(r.total / 1000).toFixed(2)} s | ${r.rssMB.toFixed(0)} MB | ${describeWatch(r, format.includes('pdf') ? 1500 : 500)} |`);
        } catch (error) {
          console.log(`| ${size} | ${what} | failed | | ${error instanceof Error ? error.message : String(error)} |`);
        }
      }
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
