/** Wall time per stage, for --verbose. Lives in the CLI: the core never reads the clock. */
export class Timings {
  private readonly entries: Array<[string, number]> = [];
  private last = performance.now();

  mark(stage: string): void {
    const now = performance.now();
    this.entries.push([stage, now - this.last]);
    this.last = now;
  }

  format(): string {
    return this.entries.map(([stage, ms]) => `  ${stage.padEnd(12)} ${ms.toFixed(0).padStart(6)} ms`).join('\n') + '\n';
  }
}
