import { mapLimit } from '../load/read-project.js';
import { startPublication, type Publication } from './output.js';
import type { OutputFile, PublishResult } from './publish.js';
import type { FileSystem } from '../load/file-system.js';
import type { Format } from '../notes/types.js';

/**
 * A programme's publish, all or nothing across its output folders (every workshop's, and the
 * programme's own): each folder's files go to temporary names as soon as they are made — a
 * workshop's while the other workshops are still being built — and appear together on `commit`;
 * `abort` leaves every folder as it was (see openStaging).
 */
export interface ProgrammeStaging {
  /**
   * Stages one workshop's folder's files now (written in the background; `commit` and `abort` wait
   * for them). `formats`: the formats its build made (see Staging.prepare), here and for `folder`.
   */
  stage(outDir: string, files: readonly OutputFile[], record?: Record<string, unknown>, project?: string, formats?: readonly Format[]): void;
  /** The programme's own folder, whose files are staged one by one as they are made (each written in the background, in order). */
  folder(outDir: string, record?: Record<string, unknown>, project?: string, formats?: readonly Format[]): { add(file: OutputFile): void };
  /**
   * Once every folder's files are written, writes every folder's commit record, then moves the files
   * into place, folder by folder; what was published, by folder. A failure or an interruption
   * before the last record is written aborts every folder (nothing was renamed in any); from then on
   * the signal is not heard and every folder is published. A folder whose renames fail is left for
   * its next build to complete (see openStaging), the others are published all the same, and the
   * first such failure is thrown.
   */
  commit(): Promise<Map<string, PublishResult>>;
  /** Leaves every folder as it was (unless `commit` reached its renames); resolves once every temporary file is gone. */
  abort(): Promise<void>;
}

/** Folders committed at once: each commit is renames and a manifest, I/O that overlaps well. */
const COMMITS_AT_ONCE = 8;

/** `fs`: the tests' file system that fails, or fires the signal, at a chosen call. */
export function stageProgramme(signal?: AbortSignal, fs?: FileSystem): ProgrammeStaging {
  const folders: Array<{ outDir: string; publication: Publication; written: Promise<void>; record?: Record<string, unknown>; formats?: readonly Format[] }> = [];
  let closed = false;
  const abort = async (): Promise<void> => {
    closed = true;
    await Promise.allSettled(folders.map((folder) => folder.written));
    await Promise.all(folders.map((folder) => folder.publication.abort()));
  };
  const folder = (outDir: string, record?: Record<string, unknown>, project?: string, formats?: readonly Format[], programmeWorkshop = false) => {
    const entry = { outDir, publication: startPublication(outDir, { ...(signal ? { signal } : {}), ...(fs ? { fs } : {}), ...(project !== undefined ? { project } : {}), programmeWorkshop }), written: Promise.resolve(), ...(record ? { record } : {}), ...(formats ? { formats } : {}) };
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
    stage(outDir, files, record, project, formats) {
      const staged = folder(outDir, record, project, formats, true);
      for (const file of files) staged.add(file);
    },
    folder: (outDir, record, project, formats) => folder(outDir, record, project, formats),
    async commit() {
      closed = true;
      // A folder whose files could not be written (a full disk, Ctrl-C), or whose record could not,
      // stops the publish before anything is renamed, and every folder is left as it was.
      try {
        await Promise.all(folders.map((folder) => folder.written));
        await mapLimit(folders, COMMITS_AT_ONCE, (folder) => folder.publication.prepare(folder.record, folder.formats));
      } catch (error) {
        await abort();
        throw error;
      }
      // Every record is written: the point of no return for the programme. Each folder is published
      // even when another's renames fail, so that only that one is left for its next build to complete.
      const outcomes = await mapLimit(folders, COMMITS_AT_ONCE, (folder) => folder.publication.commit(folder.record, folder.formats).then(
        (result) => ({ result }),
        (error: unknown) => ({ error }),
      ));
      const failed = outcomes.find((outcome): outcome is { error: unknown } => 'error' in outcome);
      if (failed) throw failed.error;
      return new Map(folders.map((folder, index) => [folder.outDir, (outcomes[index] as { result: PublishResult }).result]));
    },
    abort,
  };
}
