import { mkdir, mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build, type BuildResult } from '../build/pipeline.js';
import { forgetStale, type WarmState } from '../build/warm.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { InterruptedError, SetupError } from '../errors.js';
import { buildingPage, diagnosticsPage, setupProblemPage } from './diagnostics-page.js';
import type { PreviewSite } from './server.js';
import type { OutputFile } from '../build/publish.js';

export interface PreviewSettings {
  /** The folder of template overrides (default DIR/templates), relative to `cwd`. */
  templates?: string;
}

export interface PreviewEnvironment {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  warm: WarmState;
  signal?: AbortSignal;
  /** Shows a problem's file as the terminal does (prefixed with the project folder). */
  displayPath: (file: string) => string;
}

/** The preview's builds: each writes the HTML into a private temporary folder the server reads. */
export interface PreviewBuilds {
  /** What the server shows now. */
  site(): PreviewSite;
  /**
   * Builds again (`changed`: the files that changed, for the warm state). A failed build keeps the
   * last good files on disk but replaces every page with its problems. Resolves with the build's
   * result, or the setup error that stopped it.
   */
  rebuild(changed: readonly string[]): Promise<BuildResult | SetupError>;
  /** Removes the temporary folder. */
  close(): Promise<void>;
}

export async function openPreviewBuilds(dir: string, settings: PreviewSettings, environment: PreviewEnvironment): Promise<PreviewBuilds> {
  const folder = await mkdtemp(path.join(tmpdir(), 'workshop-report-preview-'));
  let site: PreviewSite = { version: 0, files: new Set(), replacement: buildingPage() };
  let previousRoot: string | undefined;
  const { cwd, env, warm, signal, displayPath } = environment;
  return {
    site: () => site,
    async rebuild(changed) {
      forgetStale(warm, changed);
      let result: BuildResult;
      try {
        result = await build(dir, { formats: ['html'], ...(settings.templates !== undefined ? { templates: settings.templates } : {}) }, { cwd, env, warm, ...(signal ? { signal } : {}) });
      } catch (error) {
        // An internal error too replaces the pages (they showed a problem already fixed), then stops this rebuild as any command.
        if (error instanceof InterruptedError) throw error;
        // workshop.yaml deleted or moved while the preview ran: said so, not "run the command in a workshop folder".
        if (error instanceof SetupError && site.root !== undefined && !(await exists(path.join(path.resolve(cwd, dir), 'workshop.yaml')))) error = workshopFileGone(path.join(dir, 'workshop.yaml'), 'preview');
        const message = error instanceof Error ? error.message : String(error);
        site = { ...site, version: site.version + 1, replacement: error instanceof SetupError ? setupProblemPage(error.message, error.hint) : setupProblemPage(`Internal error: ${message}`, INTERNAL_HINT) };
        if (!(error instanceof SetupError)) throw error;
        return error;
      }
      const version = site.version + 1;
      if (hasErrors(result.diagnostics)) {
        site = { ...site, version, replacement: diagnosticsPage(result.diagnostics.filter((d) => d.severity === 'error'), result.sources, displayPath) };
        return result;
      }
      // Each good build in a folder of its own, written whole before the server switches to it: a
      // page never mixes two builds. The one before the previous is removed (a request may still
      // be reading the previous one).
      const root = path.join(folder, `build-${version}`);
      await writeSite(root, result.files);
      const stale = previousRoot;
      previousRoot = site.root;
      site = { version, root, files: new Set(result.files.map((file) => file.path)) };
      if (stale) await rm(stale, { recursive: true, force: true });
      return result;
    },
    close: () => rm(folder, { recursive: true, force: true }),
  };
}

/**
 * The setup problem of a preview or a watch whose workshop.yaml (`file`) went away after a build: to
 * restore it, which the watcher sees (`build --watch` says it too).
 */
export function workshopFileGone(file: string, during: 'preview' | 'watch'): SetupError {
  return new SetupError(`${file} is gone: it was deleted, moved or renamed while ${during === 'preview' ? 'the preview ran' : 'watching'}.`, `Restore it (undo the deletion, or move or rename it back): ${during === 'preview' ? 'the preview builds' : 'the build runs'} again as soon as it is back.`);
}

const exists = (file: string) => stat(file).then(() => true, () => false);

const INTERNAL_HINT = 'This is a bug in workshop-report, not in your notes: the terminal says how to report it. Saving a file builds again.';

/** The site's files into a new folder, several at a time. */
async function writeSite(root: string, files: readonly OutputFile[]): Promise<void> {
  await Promise.all([...new Set(files.map((file) => path.dirname(path.join(root, file.path))))].map((folder) => mkdir(folder, { recursive: true })));
  for (let i = 0; i < files.length; i += 16) {
    await Promise.all(files.slice(i, i + 16).map((file) => writeFile(path.join(root, ...file.path.split('/')), file.content)));
  }
}
