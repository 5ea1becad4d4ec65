import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, type Io } from './io.js';

/** What watch mode needs from the outside world; injected so tests drive it without real time. */
export interface WatchDeps {
  /** Starts watching; calls `onChange` with the changed path. Returns a function that stops it. */
  watch(paths: string[], onChange: (file: string) => void): Promise<() => Promise<void>>;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

// Groups the files of one save (an editor's "save all"); each file has already waited for its writes to settle.
export const DEBOUNCE_MS = 50;

/**
 * `build --watch`: builds once, then again after every change to the notes, templates, theme or
 * assets (debounced), printing what changed and the diagnostics; keeps going after errors. Resolves
 * with 130 when interrupted.
 */
export async function watchBuild(rebuild: (changed: readonly string[]) => Promise<number>, watched: string[], io: Io, deps: WatchDeps): Promise<number> {
  const runOnce = async (changed: readonly string[]) => {
    try {
      await rebuild(changed);
    } catch (error) {
      // A setup problem (say, a theme file deleted) must not end the session: report and keep watching.
      io.stderr.write(`workshop-report: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  };
  await runOnce([]);
  io.stderr.write(`Watching ${watched.filter((p) => existsSync(p)).map((p) => path.relative(io.cwd, p) || '.').join(', ')} for changes (Ctrl-C to stop)…\n`);
  let timer: unknown;
  let changed = new Set<string>();
  let running: Promise<void> = Promise.resolve();
  const stop = await deps.watch(watched, (file) => {
    changed.add(path.relative(io.cwd, file) || file);
    if (timer !== undefined) deps.clearTimer(timer);
    timer = deps.setTimer(() => {
      timer = undefined;
      const files = [...changed].sort();
      changed = new Set();
      running = running.then(async () => {
        io.stderr.write(`\nChanged: ${files.join(', ')}. Rebuilding…\n`);
        await runOnce(files);
      });
    }, DEBOUNCE_MS);
  });
  await new Promise<void>((resolve) => {
    if (io.signal?.aborted) resolve();
    io.signal?.addEventListener('abort', () => resolve(), { once: true });
  });
  if (timer !== undefined) deps.clearTimer(timer);
  await running;
  await stop();
  return EXIT.interrupted;
}

/** The real file watcher (chokidar), loaded only in watch mode. */
export async function chokidarDeps(): Promise<WatchDeps> {
  const { watch } = await import('chokidar');
  return {
    async watch(paths, onChange) {
      const watcher = watch(paths, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 } });
      watcher.on('all', (_event, file) => onChange(file));
      await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
      return () => watcher.close();
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  };
}
