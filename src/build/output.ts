import type { FileSystem } from '../load/file-system.js';
import type { Format } from '../notes/types.js';
import { openStaging, type OutputFile, type PublishResult, type Staging } from './publish.js';
import { digest, rememberWritten, unchangedOnDisk, type WarmState } from './warm.js';

/** A build's files on their way into the output folder: nothing shows there before `commit`. */
export interface Publication {
  /** Stages one file (written to a temporary name at once). */
  emit(file: OutputFile): Promise<void>;
  /** Writes the commit record, renaming nothing (see Staging.prepare: `formats`, the formats the build made). */
  prepare(record?: Record<string, unknown>, formats?: readonly Format[]): Promise<void>;
  /**
   * Moves every staged file into place and removes what the previous build wrote and this one did
   * not, of the formats it made (`formats`, known once it is done: see Staging.prepare); the
   * files of other formats are left as they are.
   */
  commit(record?: Record<string, unknown>, formats?: readonly Format[]): Promise<PublishResult>;
  /**
   * Leaves the output folder as it was, unless `commit` has begun the renames; resolves once the
   * temporary files are gone. A file emitted after it is refused, never staged.
   */
  abort(): Promise<void>;
}

/**
 * Publishes into `outDir` all-or-nothing (see openStaging). The folder is touched only from the
 * first file on, so a build that fails before making any leaves no trace. `project`: the folder
 * built, recorded in the manifest (an output folder of another project is refused). With `warm` (watch mode),
 * a file whose content and disk entry are what the last build wrote is kept, not written again.
 * `programmeWorkshop`: the folder is a workshop's of a programme (what a file in its way asks differs).
 */
export function startPublication(outDir: string, options: { signal?: AbortSignal; warm?: WarmState; fs?: FileSystem; project?: string; programmeWorkshop?: boolean } = {}): Publication {
  const { signal, warm, fs, project, programmeWorkshop } = options;
  let staging: Promise<Staging> | undefined;
  let aborted = false;
  const open = () => {
    // A late file (a writer's, after the build failed) must not open a staging nobody will abort.
    if (aborted) return Promise.reject(new Error(`The publication into ${outDir} was aborted.`));
    return (staging ??= openStaging(outDir, signal, fs, project, programmeWorkshop));
  };
  const digests = new Map<string, string>();
  return {
    async emit(file) {
      const target = await open();
      if (!warm) return target.add(file);
      const sum = digest(file.content);
      digests.set(file.path, sum);
      if (!(await unchangedOnDisk(warm, outDir, file.path, sum)) || !target.keep(file.path, file.formats)) await target.add(file);
    },
    async prepare(record, formats) {
      await (await open()).prepare(record, formats);
    },
    async commit(record, formats) {
      const result = await (await open()).commit(record, formats);
      if (warm) await rememberWritten(warm, outDir, digests, result.written);
      return result;
    },
    async abort() {
      aborted = true;
      // A staging that could not open (an interruption, a file in the way) staged nothing.
      const opened = await staging?.catch(() => undefined);
      await opened?.abort();
    },
  };
}
