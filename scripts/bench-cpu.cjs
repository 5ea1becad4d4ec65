// Preloaded into benchmarked processes next to bench-rss.cjs: records the CPU time at exit (user +
// system, milliseconds, every thread of the process), which other processes on the machine inflate
// far less than wall time.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.WR_BENCH_CPU) return;
  const usage = process.resourceUsage();
  writeFileSync(process.env.WR_BENCH_CPU, String((usage.userCPUTime + usage.systemCPUTime) / 1000));
});
