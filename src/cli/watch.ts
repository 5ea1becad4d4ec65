import { existsSync } from 'node:fs';
import path from 'node:path';
import { EXIT, type Io } from './io.js';
import { errorMessage } from './error-message.js';
import { SetupError } from '../errors.js';
import { workshopFileGone } from '../preview/session.js';
import { shippedTemplateNames } from '../build/templates.js';
import { ownTemplateName } from '../render/templates.js';

/** What watch mode needs from the outside world; injected so tests drive it without real time. */
export interface WatchDeps {
  /** Starts watching `inputs` but nothing inside `outputs`; calls `onChange` with the changed path. Returns a function that stops it. */
  watch(paths: WatchedPaths, onChange: (file: string) => void): Promise<() => Promise<void>>;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(timer: unknown): void;
}

/** What a build reads (projectInputs), and what it writes (projectOutputs): a change there is the build's own. */
export interface WatchedPaths {
  inputs: string[];
  outputs: string[];
  /** The folder of the project's own templates (DIR/templates, or --templates): what a template deleted there leaves in its place. */
  templates?: string;
}

// Groups the files of one save (an editor's "save all"); each file has already waited for its writes to settle.
export const DEBOUNCE_MS = 50;

/**
 * `build --watch`: builds once, then again after every change to the notes, templates, theme or
 * assets (debounced), printing what changed and the diagnostics; keeps going after errors. Resolves
 * with 130 when interrupted.
 */
export async function watchBuild(rebuild: (changed: readonly string[]) => Promise<number>, watched: WatchedPaths, io: Io, deps: WatchDeps, debug = false): Promise<number> {
  const runOnce = async (changed: readonly string[]) => {
    try {
      await rebuild(changed);
    } catch (error) {
      // A setup problem (say, a theme file deleted) must not end the session: report it as a command
      // would (with its hint; an internal error as one), and keep watching. workshop.yaml deleted or
      // moved is said so (it said to run the command in a workshop folder, or to `init` one).
      const workshop = changed.map((file) => path.resolve(io.cwd, file)).find((file) => path.basename(file) === 'workshop.yaml' && !existsSync(file));
      io.stderr.write(errorMessage(error instanceof SetupError && workshop !== undefined ? workshopFileGone(path.relative(io.cwd, workshop), 'watch') : error, debug));
    }
  };
  await runOnce([]);
  io.stderr.write(`Watching ${watched.inputs.filter((p) => existsSync(p)).map((p) => path.relative(io.cwd, p) || '.').join(', ')} for changes (Ctrl-C to stop)…\n`);
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
        const said = await Promise.all(files.map(async (file) => `${file}${await gone(path.resolve(io.cwd, file), watched.templates, io.cwd)}`));
        io.stderr.write(`\nChanged: ${said.join(', ')}. Rebuilding…\n`);
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

/**
 * What a changed file's name is followed by when it is gone: a template of the project's deleted
 * leaves the shipped one of its name to be used, which the rebuild otherwise did without a word (see
 * deletedTemplateNote).
 */
async function gone(file: string, templates: string | undefined, cwd: string): Promise<string> {
  if (existsSync(file)) return '';
  if (templates === undefined || !file.endsWith('.hbs') || !file.startsWith(templates + path.sep)) return ' (deleted)';
  const name = path.relative(templates, file).split(path.sep).join('/');
  const own = (other: string) => {
    const there = path.join(templates, other);
    return existsSync(there) ? path.relative(cwd, there).split(path.sep).join('/') : undefined;
  };
  return ` (deleted: ${deletedTemplateNote(name, await shippedTemplateNames(), own)})`;
}

/**
 * What takes the place of the project's template `name` once it is deleted: the shipped template of
 * that name, if there is one; for a language's (`fr/report.md.hbs`), the project's own
 * `report.md.hbs` (`own` gives its path as shown, when it is there), else the shipped one; else
 * nothing (a custom document's template, a partial of the project's own: no shipped template has
 * its name, and the rebuild says what lacks it). Pure, but for `own`.
 */
export function deletedTemplateNote(name: string, shipped: ReadonlySet<string>, own: (name: string) => string | undefined): string {
  if (shipped.has(name)) return 'the shipped template of that name is used';
  const base = ownTemplateName(name);
  const language = name.slice(0, name.indexOf('/'));
  const instead = base !== name ? own(base) : undefined;
  if (instead !== undefined) return `${instead} is used for ${language} in its place`;
  if (base !== name && shipped.has(base)) return `the shipped ${base} is used for ${language} in its place`;
  return 'no shipped template has that name, so none takes its place';
}

/**
 * The real file watcher (chokidar), loaded only in watch mode. Each input is watched through the
 * folder that holds it (the project's folder for its notes), with everything else there ignored
 * (`out/` above all), and nothing the build writes (its output folder and cache, even inside a
 * templates folder given as the project's own): a watched file or folder that goes away and comes back (workshop.yaml deleted
 * and restored, sessions/ moved away by `git stash` and back) is seen again, where a watch on the
 * path itself ended with it and later saves went unnoticed.
 */
export async function chokidarDeps(): Promise<WatchDeps> {
  const { watch } = await import('chokidar');
  return {
    async watch({ inputs, outputs }, onChange) {
      const folders = [...new Set(inputs.map((p) => path.dirname(p)))];
      const inside = (file: string, folder: string) => file === folder || file.startsWith(folder + path.sep);
      const input = (file: string) => inputs.some((p) => inside(file, p));
      const output = (file: string) => outputs.some((p) => inside(file, p));
      const watcher = watch(folders, {
        ignoreInitial: true,
        ignored: (file: string) => output(file) || (!folders.includes(file) && !input(file)),
        awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
      });
      watcher.on('all', (_event, file) => onChange(file));
      await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
      return () => watcher.close();
    },
    setTimer: (callback, ms) => setTimeout(callback, ms),
    clearTimer: (timer) => clearTimeout(timer as NodeJS.Timeout),
  };
}
