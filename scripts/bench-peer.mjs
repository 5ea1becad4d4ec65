// Peer for `npm run bench` (issue #9): pandoc + wkhtmltopdf converting every Markdown file a build
// wrote, one after another (`pandoc X.md -o X.pdf --pdf-engine=wkhtmltopdf`).
//
// Usage: node scripts/bench-peer.mjs IN_DIR OUT_DIR
//   IN_DIR  a build's output folder: every *.md in it (and its subfolders) is converted
//   OUT_DIR where the PDFs go, same relative paths with .pdf (pandoc runs in IN_DIR, so relative
//           links and images resolve as they would for the user)
// Prints one line of JSON to stdout: { files, failed, ms, cpuMs, rssMB, error? }. ms is the wall time
// of the conversions only; cpuMs their CPU time (user + system) and rssMB the peak resident memory of
// any one conversion (pandoc and the wkhtmltopdf it runs), when /usr/bin/time is there to tell, else null.
// Exits 0 even when a tool is missing (error says which): the bench must never fail for a peer.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { markdownFiles } from './bench-files.mjs';

const [inDir, outDir] = process.argv.slice(2);
if (!inDir || !outDir) {
  process.stderr.write('Usage: node scripts/bench-peer.mjs IN_DIR OUT_DIR\n');
  process.exit(2);
}

/** Which of the peer's tools are missing (an empty list when both run). */
function missingPeerTools() {
  return ['pandoc', 'wkhtmltopdf'].filter((tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error !== undefined);
}


const missing = missingPeerTools();
if (missing.length) {
  process.stdout.write(`${JSON.stringify({ files: 0, failed: 0, ms: 0, cpuMs: null, rssMB: null, error: `${missing.join(' and ')} not installed` })}\n`);
  process.exit(0);
}
const time = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const files = markdownFiles(inDir);
let failed = 0;
let firstError = '';
let rssKB = 0;
let cpuMs = 0;
const start = performance.now();
for (const file of files) {
  const target = path.resolve(outDir, file.replace(/\.md$/, '.pdf'));
  mkdirSync(path.dirname(target), { recursive: true });
  const argv = ['pandoc', file, '-o', target, '--pdf-engine=wkhtmltopdf'];
  const result = time
    ? spawnSync(time, ['-f', '%M %U %S', ...argv], { cwd: inDir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 })
    : spawnSync(argv[0], argv.slice(1), { cwd: inDir, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  if (time) {
    const last = String(result.stderr).trim().split('\n').pop() ?? '';
    const usage = /^(\d+) ([\d.]+) ([\d.]+)$/.exec(last);
    if (usage) {
      rssKB = Math.max(rssKB, Number(usage[1]));
      cpuMs += (Number(usage[2]) + Number(usage[3])) * 1000;
    }
  }
  if (result.status !== 0 || !existsSync(target)) {
    failed++;
    firstError ||= `${file}: ${String(result.stderr ?? result.error).trim().split('\n').slice(-3).join(' ')}`;
  }
}
const ms = Math.round(performance.now() - start);
process.stdout.write(`${JSON.stringify({ files: files.length, failed, ms, cpuMs: time ? Math.round(cpuMs) : null, rssMB: time ? Math.round(rssKB / 1024) : null, ...(failed ? { error: firstError.slice(0, 300) } : {}) })}\n`);
