// Live-preview latency for `npm run bench` (issue #20: "open pages reload within a second of a save").
//
// Starts `workshop-report preview` on a copy of a generated workshop, listens to its Server-Sent
// Events as an open page does, then repeatedly edits one word of one session's summary and times,
// from just before the write, until the event that makes open pages reload arrives; then checks that
// the report page it serves holds the new word. (The page's reload itself, one request for a page
// the server already has on disk, is not included.)
//
// Usage: node scripts/bench-preview.mjs [--sizes S,M|none] [--runs 5] [--example]; bench.js imports benchPreview().
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/workshop-report.js');
const EVENTS = '/__workshop-report/events';
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const fetchText = (url) => new Promise((resolve, reject) => get(url, (res) => { let body = ''; res.setEncoding('utf8'); res.on('data', (c) => { body += c; }); res.on('end', () => resolve(body)); }).on('error', reject));

/** @returns {Promise<{ runs: number, initialMs: number, total: number, totals: number[] }>} medians in ms */
export async function benchPreview({ projectDir, runs = 5, session = 's0001.yaml', page = 'report.html' }) {
  const work = mkdtempSync(path.join(tmpdir(), 'wr-bench-preview-'));
  const dir = path.join(work, 'project');
  cpSync(projectDir, dir, { recursive: true });
  const sessionFile = path.join(dir, 'sessions', session);
  const started = performance.now();
  const child = spawn(process.execPath, [BIN, 'preview', dir], { cwd: work, env: { ...process.env, CI: '1', NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const url = await new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => { stdout += chunk; const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout); if (m) resolve(m[0]); });
    child.once('exit', () => reject(new Error(`preview exited: ${stderr.slice(-600)}`)));
  });
  // Build events as an open page receives them, with the time each arrived.
  const events = [];
  let waiter;
  const stream = get(`${url}${EVENTS.slice(1)}`, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk) => {
      for (const m of chunk.matchAll(/data: (\d+)/g)) events.push({ version: Number(m[1]), at: performance.now() });
      waiter?.();
    });
  });
  const nextEvent = (after) => new Promise((resolve) => {
    waiter = () => { const hit = events.find((e) => e.version > after); if (hit) { waiter = undefined; resolve(hit); } };
    waiter();
  });
  try {
    const first = await nextEvent(0);
    const initialMs = first.at - started;
    await sleep(1500); // chokidar's initial scan
    const original = parse(readFileSync(sessionFile, 'utf8'));
    const totals = [];
    let version = first.version;
    for (let i = 0; i < runs; i++) {
      const word = `Previewedit${i}x${Date.now() % 100000}`;
      const t0 = performance.now();
      writeFileSync(sessionFile, stringify({ ...original, summary: original.summary.replace(/^\S+/, word) }));
      const event = await nextEvent(version);
      version = event.version;
      totals.push(event.at - t0);
      if (page && !(await fetchText(`${url}${page}`)).includes(word)) throw new Error(`edit ${i + 1}: ${page} does not hold the edited word`);
      await sleep(300);
    }
    return { runs, initialMs, total: median(totals), totals: totals.map(Math.round) };
  } finally {
    stream.destroy();
    child.kill('SIGINT');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve()));
    rmSync(work, { recursive: true, force: true });
  }
}

export function describePreview(r) {
  return `median of ${r.runs} edits: save → reload event ${r.total.toFixed(0)} ms (${r.totals.join(', ')}); target < 1 s ${r.total < 1000 ? '✓' : '✗'}; first build ${(r.initialMs / 1000).toFixed(2)} s`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i === -1 ? fallback : args[i + 1]; };
  const { generate } = await import('./bench-generate.mjs');
  const work = mkdtempSync(path.join(tmpdir(), 'wr-bench-'));
  try {
    for (const size of option('sizes', 'S,M').split(',').filter((s) => s && s !== 'none')) {
      const r = await benchPreview({ projectDir: generate(size, path.join(work, size)), runs: Number(option('runs', '5')) });
      console.log(`| ${size} | preview: edit a session → reload event | ${(r.total / 1000).toFixed(2)} s | ${describePreview(r)} |`);
    }
    // The bilingual example itself (two languages × two editions), as the issue names it.
    if (args.includes('--example')) {
      const r = await benchPreview({ projectDir: path.join(ROOT, 'examples/rabat-2022'), runs: Number(option('runs', '5')), session: '02-trends-threats.yaml', page: 'en/restricted/report.html' });
      console.log(`| example | preview examples/rabat-2022: edit a session → reload event | ${(r.total / 1000).toFixed(2)} s | ${describePreview(r)} |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
