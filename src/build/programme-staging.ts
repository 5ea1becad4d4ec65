import { mapLimit } from '../load/read-project.js';
import { startPublication, type Publication } from './output.js';
import type { OutputFile, PublishResult } from './publish.js';

/**
 * A programme's publish, all or nothing across its output folders (every workshop's, and the
 * programme's own): each folder's files go to temporary names as soon as they are made — a
 * workshop's while the other workshops are still being built — and appear together on `commit`;
 * `abort` leaves every folder as it was (see openStaging).
 */
export interface ProgrammeStaging {
  /** Stages one folder's files now (written in the background; `commit` and `abort` wait for them). */
  stage(outDir: string, files: readonly OutputFile[], record?: Record<string, unknown>): void;
  /** Moves every staged file into place, folder by folder; what was published in each folder, by folder. */
  commit(): Promise<Map<string, PublishResult>>;
  abort(): Promise<void>;
}

/** Folders committed at once: each commit is renames and a manifest, I/O that overlaps well. */
const COMMITS_AT_ONCE = 8;

export function stageProgramme(signal?: AbortSignal): ProgrammeStaging {
  const folders: Array<{ outDir: string; publication: Publication; written: Promise<void>; record?: Record<string, unknown> }> = [];
  return {
    stage(outDir, files, record) {
      const publication = startPublication(outDir, signal ? { signal } : {});
      const written = (async () => {
        for (const file of files) await publication.emit(file);
      })();
      // Awaited by commit() or abort(), whichever comes.
      written.catch(() => undefined);
      folders.push({ outDir, publication, written, ...(record ? { record } : {}) });
    },
    async commit() {
      // A folder whose files could not be written stops the publish before anything is renamed.
      await Promise.all(folders.map((folder) => folder.written));
      const results = await mapLimit(folders, COMMITS_AT_ONCE, (folder) => folder.publication.commit(folder.record));
      return new Map(folders.map((folder, index) => [folder.outDir, results[index]!]));
    },
    async abort() {
      await Promise.allSettled(folders.map((folder) => folder.written));
      await Promise.all(folders.map((folder) => folder.publication.abort()));
    },
  };
}
