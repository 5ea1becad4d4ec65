/** Everything a command may touch of the process, passed in so every behaviour is testable in-process. */
export interface Io {
  stdout: Output;
  stderr: Output;
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Aborted on Ctrl-C: commands stop and clean up (exit 130), unless publishing has passed its point of no return (the commit record written): then they publish and return their own code. */
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

/**
 * A reader that went away (`| head`, a closed terminal) is not an error of the command: writes
 * after an EPIPE are dropped, and the command finishes with its own exit code.
 */
export function closedPipeSafe(output: Output): Output {
  let closed = false;
  const safe: Output = {
    write(text: string) {
      if (closed) return false;
      try {
        return output.write(text);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EPIPE') throw error;
        closed = true;
        return false;
      }
    },
  };
  if (output.isTTY !== undefined) safe.isTTY = output.isTTY;
  return safe;
}
