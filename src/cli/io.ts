/** Everything a command may touch of the process, passed in so every behaviour is testable in-process. */
export interface Io {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: commands stop before publishing anything. */
  signal?: AbortSignal;
  /** Watch mode's file watcher and timers; tests inject their own. */
  watchDeps?: import('./watch.js').WatchDeps;
}

export interface Output {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** The exit-code contract (README, "Exit codes"). */
export const EXIT = { ok: 0, problems: 1, usage: 2, internal: 3, interrupted: 130 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
