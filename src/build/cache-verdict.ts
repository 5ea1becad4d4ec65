import type { ProgrammeFacts } from '../validate/programme-same-as.js';
import type { ThemeFont } from './theme-fonts.js';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nodeFs, type FileSystem } from '../load/file-system.js';
import type { ImageFile } from '../load/image-files.js';
import type { ProjectSources } from '../load/index.js';
import { cacheFile, cacheKey, toolIdentity, writeCacheFile } from './cache.js';
import { notesJobs } from './parallel-parse.js';

/**
 * A project's whole verdict, for a command that needs only the problems (`validate` of a programme):
 * every diagnostic that loading, validating and judging the images gave, under a key made of every
 * notes file's key (text, path, role), its own templates, the list of assets and the tool's identity, with a
 * fingerprint of each image the notes named. It holds while none of that changed.
 */
export interface Verdict {
  key: string;
  /** The diagnostics after those of reading (which are made again on every run). */
  diagnostics: Diagnostic[];
  /** Each image the notes name, by its path as written, with the fingerprint of what was read. */
  images: Array<[src: string, fingerprint: string]>;
  /** What the programme's rules need of the workshop (cross-workshop same_as), when its notes passed their schema. */
  facts?: ProgrammeFacts;
  /** The font files the PDF theme names, looked at on every run (see themeFontProblems). */
  fonts?: ThemeFont[];
}

/** The key of a project's verdict: all its notes files and assets, in the order they were read, and its own templates (`[path, text]`). */
export function verdictKey(sources: ProjectSources, templates: ReadonlyArray<readonly [string, string]> = []): string {
  const hash = createHash('sha256').update(`${toolIdentity()}\u0000verdict\u0000`);
  for (const job of notesJobs(sources)) hash.update(`${cacheKey(job)}\u0000`);
  for (const [file, text] of templates) hash.update(`template\u0000${file}\u0000${text.length}\u0000${text}\u0000`);
  hash.update(`assets\u0000${sources.assets.join('\u0000')}`);
  // Which files could not be read changes what their neighbours are blamed for (see ProjectSources.unread).
  if (sources.unread?.length) hash.update(`\u0000unread\u0000${sources.unread.join('\u0000')}`);
  return hash.digest('hex');
}

/** What was read for an image: its bytes' digest, why it was refused, or that it is missing. */
export function imageFingerprint(file: ImageFile): string {
  if (file === undefined) return 'missing';
  if (file instanceof Uint8Array) return `sha256:${createHash('sha256').update(file).digest('hex')}`;
  return `refused:${JSON.stringify(file)}`;
}

/** The stored verdict of a project, when its key matches; anything unreadable is no verdict. */
export async function readVerdict(folder: string, projectDir: string, key: string, fs: FileSystem = nodeFs): Promise<Verdict | undefined> {
  try {
    const verdict = deserialize(await fs.readFile(cacheFile(folder, projectDir, 'verdict'))) as Partial<Verdict> | undefined;
    if (verdict?.key !== key || !Array.isArray(verdict.diagnostics) || !Array.isArray(verdict.images)) return undefined;
    return verdict as Verdict;
  } catch {
    return undefined;
  }
}

export function writeVerdict(folder: string, projectDir: string, verdict: Verdict, fs: FileSystem = nodeFs): Promise<string | undefined> {
  return writeCacheFile(fs, folder, cacheFile(folder, projectDir, 'verdict'), serialize(verdict));
}
