import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startPublication } from '../build/output.js';
import { build, type BuildResult } from '../build/pipeline.js';
import { forgetStale, type WarmState } from '../build/warm.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { SetupError } from '../errors.js';
import { buildingPage, diagnosticsPage, setupProblemPage } from './diagnostics-page.js';
import type { PreviewSite } from './server.js';

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
  const { cwd, env, warm, signal, displayPath } = environment;
  return {
    site: () => site,
    async rebuild(changed) {
      forgetStale(warm, changed);
      const publication = startPublication(folder, { warm, ...(signal ? { signal } : {}) });
      const made: string[] = [];
      let result: BuildResult;
      try {
        result = await build(dir, { formats: ['html'], ...(settings.templates !== undefined ? { templates: settings.templates } : {}) }, {
          cwd, env, warm, ...(signal ? { signal } : {}),
          emit: (file) => {
            made.push(file.path);
            return publication.emit(file);
          },
        });
      } catch (error) {
        await publication.abort();
        if (!(error instanceof SetupError)) throw error;
        site = { ...site, version: site.version + 1, replacement: setupProblemPage(error.message, error.hint) };
        return error;
      }
      if (hasErrors(result.diagnostics)) {
        await publication.abort();
        site = { ...site, version: site.version + 1, replacement: diagnosticsPage(result.diagnostics.filter((d) => d.severity === 'error'), result.sources, displayPath) };
        return result;
      }
      await publication.commit();
      site = { version: site.version + 1, root: folder, files: new Set(made) };
      return result;
    },
    close: () => rm(folder, { recursive: true, force: true }),
  };
}
