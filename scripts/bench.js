// `npm run bench`: wall time and peak memory of the CLI on synthetic workshops S, M and L, medians of
// several runs, side by side in one run with floors and a peer (issue #9):
//   - bare `node -e 0`;
//   - parse-only floors: a script that only reads every file and parses it with js-yaml (the
//     reference the validate target is measured against) and the same with `yaml` (our parser);
//   - a typesetting floor: a bare pdfkit script writing the same text and tables with the same fonts
//     (scripts/bench-pdfkit-floor.mjs), next to the build's typesetting time (md,pdf − md);
//   - a peer: pandoc + wkhtmltopdf converting every Markdown file the build wrote, one after another
//     (scripts/bench-peer.mjs), next to our md,pdf build; a row says so when the tools are missing;
//   - watch mode: edit one session file, time until the Markdown / PDFs are rewritten
//     (scripts/bench-watch.mjs).
//   - the live preview: edit one session file, time until open pages are told to reload
//     (scripts/bench-preview.mjs).
//   - P, a programme of 100 workshops × 20 sessions (issue #19): the read + js-yaml floor over its
//     files, `validate` without a cache, with an empty one (writing it), warm, and warm after one
//     session changed, and the programme's Markdown build, against the issue's targets.
// Wall time, CPU time (preloaded scripts/bench-cpu.cjs) and peak memory (scripts/bench-rss.cjs) of each.
// Usage: npm run bench [-- OPTIONS]    (node scripts/bench.js --help lists them), e.g.
//   npm run bench                                              # everything: S, M, L; about 7 minutes
//   node scripts/bench.js --sizes S,M --runs 3 --pdf S,M
//   node scripts/bench.js --sizes L --runs 1 --pdf none        # L has no PDF, peer or watch bench by default
//   node scripts/bench.js --sizes S,M --peer none --watch none  # skip the peer and the watch bench
import { spawnSync } from 'node:child_process';
import { cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, generateProgramme } from './bench-generate.mjs';
import { benchWatch, describeWatch } from './bench-watch.mjs';
import { benchPreview, describePreview } from './bench-preview.mjs';

const USAGE = `Usage: node scripts/bench.js [options]     (npm run bench -- [options])
  --sizes S,M,L,P      workshop sizes to generate and measure (default S,M,L,P; P is a programme
                       of 100 workshops × 20 sessions, measured with and without --cache)
  --runs N             runs of each command; the median is shown (default 3)
  --pdf S,M|none       sizes with an md,pdf build (default S,M)
  --floor S,M|none     sizes with the bare-pdfkit typesetting floor (default: the --pdf sizes)
  --peer S,M|none      sizes with the pandoc + wkhtmltopdf peer (default S,M; a row says so if not installed)
  --peer-runs N        runs of the peer (default 1: M takes about a minute)
  --watch S,M|none     sizes with the watch-mode latency bench, md and md,pdf (default S,M)
  --watch-runs N       edits per watch bench; the median is shown (default 5)
  --docx S,M|none      sizes with an md,pdf,docx build, and the DOCX time it adds (default M); with any,
                       the example (examples/rabat-2022) is measured too, md,pdf against md,pdf,docx
Only sizes listed in --sizes are measured. Run \`npm run build\` first.`;

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const BIN = path.join(ROOT, 'bin/workshop-report.js');
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const option = (name, fallback) => { const i = args.indexOf(`--${name}`); return i === -1 ? fallback : args[i + 1]; };
const list = (name, fallback) => { const value = option(name, fallback) ?? ''; return value === 'none' ? [] : value.split(',').map((s) => s.trim()).filter(Boolean); };
const sizes = list('sizes', 'S,M,L,P');
const runs = Number(option('runs', '3'));
const pdfSizes = list('pdf', 'S,M');
const floorSizes = list('floor', pdfSizes.join(',') || 'none');
const peerSizes = list('peer', 'S,M');
const peerRuns = Number(option('peer-runs', '1'));
const watchSizes = list('watch', 'S,M');
const watchRuns = Number(option('watch-runs', '5'));
const docxSizes = list('docx', 'M');
const work = mkdtempSync(path.join(tmpdir(), 'wr-bench-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const loadAtStart = loadavg();
const progress = (text) => process.stderr.write(`[bench] ${text}\n`);

let highestLoad = loadavg()[0];
/** Median (by wall time) of `runs` runs of `node argv`; peak memory and CPU time from the preloaded bench-rss.cjs and bench-cpu.cjs; stdout kept when asked. */
function measure(argv, { cwd = ROOT, times = runs, stdout = false, before } = {}) {
  const samples = [];
  for (let i = 0; i < times; i++) {
    before?.(i);
    highestLoad = Math.max(highestLoad, loadavg()[0]);
    const rssFile = path.join(work, 'rss');
    const cpuFile = path.join(work, 'cpu');
    rmSync(rssFile, { force: true });
    rmSync(cpuFile, { force: true });
    const preload = ['--require', path.join(ROOT, 'scripts/bench-rss.cjs'), '--require', path.join(ROOT, 'scripts/bench-cpu.cjs')];
    const start = performance.now();
    const result = spawnSync(process.execPath, [...preload, ...argv], { cwd, env: { ...process.env, WR_BENCH_RSS: rssFile, WR_BENCH_CPU: cpuFile, CI: '1' }, encoding: 'utf8', stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = performance.now() - start;
    if (result.status !== 0 && result.status !== 1) throw new Error(`${argv.join(' ')} exited ${result.status} ${result.signal ?? ''}: ${String(result.stderr).slice(0, 2000)}`);
    let rss = 0;
    let cpu;
    try { rss = Number(readFileSync(rssFile, 'utf8')) / 1024; } catch { /* not recorded */ }
    try { cpu = Number(readFileSync(cpuFile, 'utf8')); } catch { /* not recorded */ }
    samples.push({ ms, cpu, rss, stdout: result.stdout ?? '' });
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
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const row = (size, what, m, extra = '') => rows.push(`| ${size} | ${what} | ${seconds(m.ms)} | ${m.cpu === undefined ? '-' : seconds(m.cpu)} | ${m.rss ? `${m.rss.toFixed(0)} MB` : 'n/a'} | ${extra} |`);
/** Floors, peer and watch bench: a failure becomes a row, never the end of the bench. */
async function safely(size, what, fn) {
  try {
    await fn();
  } catch (error) {
    rows.push(`| ${size} | ${what} | failed | | | ${String(error instanceof Error ? error.message : error).replace(/\s+/g, ' ').replace(/\|/g, '\\|').slice(0, 400)} |`);
  }
}

progress('node -e 0, --version, --help');
const bare = measure(['-e', '0']);
row('-', 'node -e 0 (floor)', bare);
const version = measure([BIN, '--version']);
row('-', '--version', version, `${(version.ms / bare.ms).toFixed(1)}× node -e 0 (target ≤ 3×)`);
const help = measure([BIN, '--help']);
row('-', '--help', help, `${(help.ms / bare.ms).toFixed(1)}× node -e 0 (target ≤ 3×)`);
/** A parse-only floor: read workshop.yaml and every file of sessions/ and countries/, parse each with `parse`. */
const countDocx = (dir) => readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.docx')).length;
if (docxSizes.length > 0) {
  progress('example: build --format md,pdf and md,pdf,docx');
  const example = path.join(ROOT, 'examples/rabat-2022');
  const base = measure([BIN, 'build', example, '--quiet', '--format', 'md,pdf', '--out', path.join(work, 'example-pdf')]);
  row('example', 'build --format md,pdf', base);
  const withDocx = measure([BIN, 'build', example, '--quiet', '--format', 'md,pdf,docx', '--out', path.join(work, 'example-docx')]);
  const added = withDocx.ms - base.ms;
  row('example', 'build --format md,pdf,docx', withDocx, `${countDocx(path.join(work, 'example-docx'))} DOCX files; DOCX adds ${seconds(added)} (target ≤ 0.30 s) ${added <= 300 ? '✓' : '✗'}`);
}
const parseOnly = (dir, imports, parse) => ['--input-type=module', '-e', `import {readFileSync,readdirSync} from 'node:fs'; ${imports} const d=${JSON.stringify(dir)}; ${parse}(readFileSync(d+'/workshop.yaml','utf8')); for (const s of ['sessions','countries']) for (const f of readdirSync(d+'/'+s)) ${parse}(readFileSync(d+'/'+s+'/'+f,'utf8'));`];
for (const size of sizes) {
  if (size === 'P') {
    benchProgramme();
    continue;
  }
  progress(`${size}: generating`);
  const dir = generate(size, path.join(work, size));
  const files = 1 + readdirSync(path.join(dir, 'sessions')).length + readdirSync(path.join(dir, 'countries')).length;
  progress(`${size}: parse-only floors, validate, build --format md`);
  const jsyaml = measure(parseOnly(dir, `import {load} from 'js-yaml';`, 'load'));
  row(size, `parse-only floor, js-yaml — the reference (js-yaml load of ${files} files)`, jsyaml);
  row(size, `parse-only floor, yaml (yaml.parse of ${files} files)`, measure(parseOnly(dir, `import {parse} from 'yaml';`, 'parse')));
  const validate = measure([BIN, 'validate', dir, '--quiet']);
  row(size, 'validate', validate, `${(validate.ms / jsyaml.ms).toFixed(1)}× the js-yaml floor`);
  const mdOut = path.join(work, `${size}-md`);
  const md = measure([BIN, 'build', dir, '--quiet', '--format', 'md', '--out', mdOut]);
  row(size, 'build --format md', md);
  let full;
  if (pdfSizes.includes(size)) {
    progress(`${size}: build --format md,pdf`);
    const out = path.join(work, `${size}-pdf`);
    full = measure([BIN, 'build', dir, '--quiet', '--format', 'md,pdf', '--out', out]);
    const pages = countPages(out);
    row(size, 'build --format md,pdf', full, `${pages} pages, ${(pages / (full.ms / 1000)).toFixed(0)} pages/s`);
  }
  if (docxSizes.includes(size)) {
    const formats = full ? 'md,pdf,docx' : 'md,docx';
    progress(`${size}: build --format ${formats}`);
    const out = path.join(work, `${size}-docx`);
    const withDocx = measure([BIN, 'build', dir, '--quiet', '--format', formats, '--out', out]);
    row(size, `build --format ${formats}`, withDocx, `${countDocx(out)} DOCX files; DOCX time (${formats} − ${full ? 'md,pdf' : 'md'}) ${seconds(withDocx.ms - (full ?? md).ms)}`);
  }
  const documents = readdirSync(mdOut, { recursive: true }).filter((f) => String(f).endsWith('.md')).length;
  if (floorSizes.includes(size)) {
    const what = `typesetting floor: bare pdfkit, same text, tables and fonts (${documents} files)`;
    progress(`${size}: ${what}`);
    await safely(size, what, () => {
      const floorOut = path.join(work, `${size}-floor`);
      const floor = measure([path.join(ROOT, 'scripts/bench-pdfkit-floor.mjs'), mdOut, floorOut], { stdout: true });
      const { pages } = JSON.parse(floor.stdout);
      const ours = full ? full.ms - md.ms : undefined;
      const oursCpu = full?.cpu !== undefined && md.cpu !== undefined ? full.cpu - md.cpu : undefined;
      const compared = ours === undefined ? '' : `; build typesetting (md,pdf − md) ${seconds(ours)} = ${(ours / floor.ms).toFixed(2)}× this floor (target ≤ 1.5×) ${ours / floor.ms <= 1.5 ? '✓' : '✗'}${oursCpu !== undefined && floor.cpu ? `; in CPU time ${seconds(oursCpu)} = ${(oursCpu / floor.cpu).toFixed(2)}×` : ''}`;
      row(size, what, floor, `${pages} pages${compared}`);
    });
  }
  if (peerSizes.includes(size)) {
    const what = `peer: pandoc + wkhtmltopdf, ${documents} files one after another`;
    progress(`${size}: ${what}`);
    await safely(size, what, () => {
      const peerOut = path.join(work, `${size}-peer`);
      const samples = [];
      for (let i = 0; i < peerRuns; i++) {
        const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/bench-peer.mjs'), mdOut, peerOut], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        if (result.status !== 0) throw new Error(`bench-peer.mjs exited ${result.status}: ${String(result.stderr).slice(0, 300)}`);
        samples.push(JSON.parse(result.stdout));
      }
      samples.sort((a, b) => a.ms - b.ms);
      const peer = samples[Math.floor(samples.length / 2)];
      if (peer.files === 0 || peer.failed === peer.files) {
        rows.push(`| ${size} | ${what} | not measured | | | ${peer.error ?? 'no files'}${peer.error?.includes('not installed') ? ' (apt-get install pandoc wkhtmltopdf)' : ''} |`);
        return;
      }
      const target = size === 'S' ? 0.5 : size === 'M' ? 0.3 : undefined;
      const ratio = full ? full.ms / peer.ms : undefined;
      const extra = [
        `${countPages(peerOut)} pages`,
        peerRuns > 1 ? `median of ${peerRuns} runs` : '1 run',
        ...(peer.failed ? [`${peer.failed} of ${peer.files} failed: ${peer.error}`] : []),
        ...(ratio === undefined ? [] : [`our md,pdf / peer = ${ratio.toFixed(2)}${target ? ` (target ≤ ${target}) ${ratio <= target ? '✓' : '✗'}` : ''}${full.cpu !== undefined && peer.cpuMs ? `; in CPU time ${(full.cpu / peer.cpuMs).toFixed(2)}` : ''}`]),
      ];
      highestLoad = Math.max(highestLoad, loadavg()[0]);
      row(size, what, { ms: peer.ms, cpu: peer.cpuMs ?? undefined, rss: peer.rssMB ?? 0 }, extra.join('; '));
    });
  }
  if (watchSizes.includes(size)) {
    for (const format of ['md', 'md,pdf']) {
      const what = `build --watch --format ${format}: edit one session → Wrote`;
      progress(`${size}: ${what} (${watchRuns} edits)`);
      await safely(size, what, async () => {
        const r = await benchWatch({ projectDir: dir, format, runs: watchRuns });
        row(size, what, { ms: r.total, rss: r.rssMB }, describeWatch(r, format === 'md' ? 500 : 1500));
        highestLoad = Math.max(highestLoad, loadavg()[0]);
      });
    }
    const what = 'preview: edit one session → reload event';
    progress(`${size}: ${what} (${watchRuns} edits)`);
    await safely(size, what, async () => {
      const r = await benchPreview({ projectDir: dir, runs: watchRuns });
      row(size, what, { ms: r.total, rss: 0 }, describePreview(r));
    });
  }
}
/** P: a programme of 100 workshops, validated with and without the cache, and built (Markdown). */
function benchProgramme() {
  progress('P: generating 100 workshops');
  const dir = generateProgramme(path.join(work, 'P'));
  const cache = path.join(dir, 'out', '.workshop-report-cache');
  const workshops = readdirSync(dir).filter((name) => /^w\d+$/.test(name));
  const files = workshops.reduce((sum, w) => sum + 1 + ['sessions', 'countries', 'follow-up'].reduce((n, sub) => n + readdirSync(path.join(dir, w, sub)).length, 0), 0);
  progress('P: read + js-yaml floor, validate without and with --cache');
  const floorArgs = ['--input-type=module', '-e', `import {readFileSync,readdirSync} from 'node:fs'; import {load} from 'js-yaml'; const d=${JSON.stringify(dir)}; for (const w of ${JSON.stringify(workshops)}) { load(readFileSync(d+'/'+w+'/workshop.yaml','utf8')); for (const s of ['sessions','countries','follow-up']) for (const f of readdirSync(d+'/'+w+'/'+s)) load(readFileSync(d+'/'+w+'/'+s+'/'+f,'utf8')); }`];
  const floor = measure(floorArgs);
  row('P', `read + js-yaml floor (js-yaml load of ${files} files in ${workshops.length} workshops)`, floor);
  const validate = measure([BIN, 'validate', dir, '--quiet']);
  row('P', 'validate (no cache)', validate, `${(validate.ms / floor.ms).toFixed(1)}× the floor`);
  const empty = measure([BIN, 'validate', dir, '--quiet', '--cache'], { before: () => rmSync(cache, { recursive: true, force: true }) });
  const writing = empty.ms - validate.ms;
  row('P', 'validate --cache, cache empty (parses and writes it)', empty, `${writing < 0 ? '−' : '+'}${seconds(Math.abs(writing))} against no cache`);
  // In turns with the floor, as the build with validate below: each warm run against the floor run just before it.
  const warmPairs = [];
  for (let i = 0; i < runs; i++) warmPairs.push({ floor: measure(floorArgs, { times: 1 }), warm: measure([BIN, 'validate', dir, '--quiet', '--cache'], { times: 1 }) });
  const warm = [...warmPairs.map((p) => p.warm)].sort((a, b) => a.ms - b.ms)[Math.floor(warmPairs.length / 2)];
  const warmRatios = warmPairs.map((p) => p.warm.ms / p.floor.ms);
  const ratio = [...warmRatios].sort((a, b) => a - b)[Math.floor(warmRatios.length / 2)];
  row('P', 'validate --cache, warm', warm, `${ratio.toFixed(2)}× the floor run just before it, median of ${warmPairs.length} pairs (${warmRatios.map((r) => r.toFixed(2)).join(', ')}) (target ≤ 1.5×) ${ratio <= 1.5 ? '✓' : '✗'}`);
  // Each run edits another session, so each finds one file changed since the run before.
  const changed = measure([BIN, 'validate', dir, '--quiet', '--cache'], {
    before: (i) => {
      const file = path.join(dir, workshops[(17 * (i + 1)) % workshops.length], 'sessions', 's0005.yaml');
      writeFileSync(file, `${readFileSync(file, 'utf8')}# edited ${i}\n`);
    },
  });
  const more = changed.ms - warm.ms;
  row('P', 'validate --cache, one session file changed', changed, `warm + ${seconds(more)} (target ≤ + 0.5 s) ${more <= 500 ? '✓' : '✗'}`);
  // The build against a cold validate, run in turns (validate, build, validate, build…): the
  // machine's speed drifts by more than the margin from one minute to the next, so each build is
  // compared with the validate run just before it, and the ratio is the median of those pairs.
  progress('P: build --format md, in turns with validate');
  const pairs = [];
  for (let i = 0; i < runs; i++) pairs.push({ validate: measure([BIN, 'validate', dir, '--quiet'], { times: 1 }), build: measure([BIN, 'build', dir, '--quiet', '--format', 'md'], { times: 1 }) });
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const md = [...pairs.map((p) => p.build)].sort((a, b) => a.ms - b.ms)[Math.floor(pairs.length / 2)];
  const ratios = pairs.map((p) => p.build.ms / p.validate.ms);
  const buildRatio = median(ratios);
  row('P', 'build --format md (every workshop, then the programme\'s documents)', md, `${buildRatio.toFixed(2)}× the validate without cache run just before it, median of ${pairs.length} pairs (${ratios.map((r) => r.toFixed(2)).join(', ')}; validate ${pairs.map((p) => seconds(p.validate.ms)).join(', ')}) (target ≤ 2×) ${buildRatio <= 2 ? '✓' : '✗'}`);
  const peak = Math.max(...[validate, empty, warm, changed, md, ...pairs.map((p) => p.validate)].map((m) => m.rss));
  rows.push(`| P | peak memory of the P commands | | | ${peak.toFixed(0)} MB | target < 600 MB ${peak < 600 ? '✓' : '✗'} |`);
}

const loadAtEnd = loadavg();
console.log(`workshop-report benchmark — Node ${process.version}, ${cpus().length} cores, ${runs} runs each (median), ${new Date().toISOString().slice(0, 10)}`);
console.log(`load average (1 min) before the bench started: ${loadAtStart[0].toFixed(2)}${loadAtStart[0] > 0.5 ? ' — other processes were busy: wall times may be inflated, CPU times much less so' : ''}; at most ${Math.max(highestLoad, loadAtEnd[0]).toFixed(2)} during it (this counts the bench's own processes, up to 2 with worker threads)`);
console.log('CPU time: user + system of the measured process, all its threads (the peer: of every pandoc and the wkhtmltopdf it runs)\n');
console.log('| size | command | wall time | CPU time | peak memory | |');
console.log('| --- | --- | --- | --- | --- | --- |');
console.log(rows.join('\n'));
