// `npm run bench`: wall time and peak memory of the CLI on synthetic workshops S, M and L, medians of
// several runs, side by side with floors (bare node, a js-yaml-free parse-only script) in one run.
// Usage: npm run bench [-- --sizes S,M,L --runs 3 --pdf S,M]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './bench-generate.mjs';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/workshop-report.js');
const args = process.argv.slice(2);
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i === -1 ? fallback : args[i + 1]; };
const sizes = option('sizes', 'S,M,L').split(',');
const runs = Number(option('runs', '3'));
const pdfSizes = option('pdf', 'S,M').split(',');
const work = mkdtempSync(path.join(tmpdir(), 'wr-bench-'));

function measure(argv, { cwd = ROOT, node = true } = {}) {
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const rssFile = path.join(work, 'rss');
    const start = performance.now();
    const result = spawnSync(process.execPath, node ? ['--require', path.join(ROOT, 'scripts/bench-rss.cjs'), ...argv] : argv, { cwd, env: { ...process.env, WR_BENCH_RSS: rssFile, CI: '1' }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status} ${result.signal ?? ''}: ${String(result.stderr).slice(0, 2000)}`);
    let rss = 0;
    try { rss = Number(readFileSync(rssFile, 'utf8')) / 1024; } catch { /* not recorded */ }
    samples.push({ ms, rss });
  }
  samples.sort((a, b) => a.ms - b.ms);
  return samples[Math.floor(samples.length / 2)];
}

function countPages(dir) {
  let pages = 0;
  const walk = (d) => { for (const e of readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (e.name.endsWith('.pdf')) pages += (readFileSync(p, 'latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length; } };
  walk(dir);
  return pages;
}

const rows = [];
const row = (size, what, m, extra = '') => rows.push(`| ${size} | ${what} | ${(m.ms / 1000).toFixed(2)} s | ${m.rss.toFixed(0)} MB | ${extra} |`);
row('-', 'node -e 0 (floor)', measure(['-e', '0']));
row('-', '--version', measure([BIN, '--version']));
row('-', '--help', measure([BIN, '--help']));
for (const size of sizes) {
  const dir = generate(size, path.join(work, size));
  const files = readdirSync(path.join(dir, 'sessions')).length;
  row(size, `parse-only floor (yaml.parse of ${files + 1} files)`, measure(['--input-type=module', '-e', `import {readFileSync,readdirSync} from 'node:fs'; import {parse} from 'yaml'; const d=${JSON.stringify(dir)}; parse(readFileSync(d+'/workshop.yaml','utf8')); for (const f of readdirSync(d+'/sessions')) parse(readFileSync(d+'/sessions/'+f,'utf8'));`]));
  row(size, 'validate', measure([BIN, 'validate', dir, '--quiet']));
  row(size, 'build --format md', measure([BIN, 'build', dir, '--quiet', '--format', 'md', '--out', path.join(work, `${size}-md`)]));
  if (pdfSizes.includes(size)) {
    const out = path.join(work, `${size}-pdf`);
    const m = measure([BIN, 'build', dir, '--quiet', '--format', 'md,pdf', '--out', out]);
    const pages = countPages(out);
    row(size, 'build --format md,pdf', m, `${pages} pages, ${(pages / (m.ms / 1000)).toFixed(0)} pages/s`);
  }
}
console.log(`workshop-report benchmark — Node ${process.version}, ${runs} runs each (median), ${new Date().toISOString().slice(0, 10)}\n`);
console.log('| size | command | wall time | peak memory | |');
console.log('| --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
rmSync(work, { recursive: true, force: true });
