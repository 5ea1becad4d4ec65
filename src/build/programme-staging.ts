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
  /** Stages one workshop's folder's files now (written in the background; `commit` and `abort` wait for them). */
  stage(outDir: string, files: readonly OutputFile[], record?: Record<string, unknown>, project?: string): void;
  /** The programme's own folder, whose files are staged one by one as they are made (each written in the background, in order). */
  folder(outDir: string, record?: Record<string, unknown>, project?: string): { add(file: OutputFile): void };
  /**
   * Once every folder's files are written, moves them into place, folder by folder (each folder all
   * or nothing, see openStaging); what was published, by folder.
   */
  commit(): Promise<Map<string, PublishResult>>;
  abort(): Promise<void>;
}

/** Folders committed at once: each commit is renames and a manifest, I/O that overlaps well. */
const COMMITS_AT_ONCE = 8;

export function stageProgramme(signal?: AbortSignal): ProgrammeStaging {
  const folders: Array<{ outDir: string; publication: Publication; written: Promise<void>; record?: Record<string, unknown> }> = [];
  let closed = false;
  const abort = async (): Promise<void> => {
    closed = true;
    await Promise.allSettled(folders.map((folder) => folder.written));
    await Promise.all(folders.map((folder) => folder.publication.abort()));
  };
  const folder = (outDir: string, record?: Record<string, unknown>, project?: string, programmeWorkshop = false) => {
    const entry = { outDir, publication: startPublication(outDir, { ...(signal ? { signal } : {}), ...(project !== undefined ? { project } : {}), programmeWorkshop }), written: Promise.resolve(), ...(record ? { record } : {}) };
    // Nothing is staged once the publish was committed or aborted (a worker's late outcome).
    if (!closed) folders.push(entry);
    return {
      add(file: OutputFile) {
        if (closed) return;
        entry.written = entry.written.then(() => entry.publication.emit(file));
        // Awaited by commit() or abort(), whichever comes.
        entry.written.catch(() => undefined);
      },
    };
  };
  return {
    stage(outDir, files, record, project) {
      const staged = folder(outDir, record, project, true);
      for (const file of files) staged.add(file);
    },
    folder: (outDir, record, project) => folder(outDir, record, project),
    async commit() {
      closed = true;
      // A folder whose files could not be written (a full disk, Ctrl-C) stops the publish before
      // anything is renamed, and every folder is left as it was.
      try {
        await Promise.all(folders.map((folder) => folder.written));
      } catch (error) {
        await abort();
        throw error;
      }
      const results = await mapLimit(folders, COMMITS_AT_ONCE, (folder) => folder.publication.commit(folder.record));
      return new Map(folders.map((folder, index) => [folder.outDir, results[index]!]));
    },
    abort,
  };
}
