import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../limits.js';
import type { ImageRefusal } from '../typeset/types.js';

/**
 * Reads the images the notes name: only from inside the project folder (real paths, so a symbolic
 * link cannot lead out), and only up to the size limit (checked before reading). Each file is read
 * once per reader. Undefined: not found.
 */
export function imageFileReader(projectDir: string): (src: string) => Uint8Array | ImageRefusal | undefined {
  let root: string | undefined;
  const loaded = new Map<string, Uint8Array | ImageRefusal | undefined>();
  const load = (src: string): Uint8Array | ImageRefusal | undefined => {
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
