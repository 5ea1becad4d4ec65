// Preloaded into benchmarked processes: records the peak resident memory at exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.WR_BENCH_RSS) writeFileSync(process.env.WR_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
