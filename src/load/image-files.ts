import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../limits.js';
import type { ImageRefusal } from '../typeset/types.js';
import { nodeFs, type FileSystem } from './file-system.js';
import { mapLimit } from './read-project.js';

/** An image file as the notes name it: its bytes, why it was refused unread, or undefined (not found). */
export type ImageFile = Uint8Array | ImageRefusal | undefined;

/**
 * Reads the images the notes name: only from inside the project folder (real paths, so a symbolic
 * link cannot lead out), and only up to the size limit (checked before reading). Each file is read
 * once per reader. Undefined: not found. Synchronous, for the typesetter (worker threads).
 */
export function imageFileReader(projectDir: string): (src: string) => ImageFile {
  let root: string | undefined;
  const loaded = new Map<string, ImageFile>();
  const load = (src: string): ImageFile => {
    try {
      root ??= realpathSync(projectDir);
      const file = realpathSync(path.resolve(projectDir, src));
      if (!file.startsWith(root + path.sep)) return { refused: 'outside-project' };
      const { size } = statSync(file);
      if (size > LIMITS.imageBytes) return { refused: 'too-large', bytes: size };
      return new Uint8Array(readFileSync(file));
    } catch {
      return undefined;
    }
  };
  return (src) => (loaded.has(src) ? loaded.get(src) : loaded.set(src, load(src)).get(src));
}

/**
 * The same reading, done up front and through the given file system (validate: the API's injected
 * one), a few files at a time; the result is looked up by the path the notes write.
 */
export async function readImageFiles(projectDir: string, sources: Iterable<string>, fs: FileSystem = nodeFs): Promise<(src: string) => ImageFile> {
  const wanted = [...new Set(sources)];
  if (wanted.length === 0) return () => undefined;
  const root = await fs.realpath(projectDir);
  const load = async (src: string): Promise<ImageFile> => {
    try {
      const file = await fs.realpath(path.resolve(projectDir, src));
      if (!file.startsWith(root + path.sep)) return { refused: 'outside-project' };
      const stats = await fs.stat(file);
      if (!stats.isFile()) return undefined;
      if (stats.size > LIMITS.imageBytes) return { refused: 'too-large', bytes: stats.size };
      return await fs.readFile(file);
    } catch {
      return undefined;
    }
  };
  const files = await mapLimit(wanted, LIMITS.readConcurrency, load);
  const bySource = new Map(wanted.map((src, i) => [src, files[i]]));
  return (src) => bySource.get(src);
}
