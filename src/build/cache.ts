import { createHash } from 'node:crypto';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { crc32 } from 'node:zlib';
import { readBundled } from '../assets.js';
import { nodeFs, type FileSystem } from '../load/file-system.js';
import type { ParseResult } from '../load/index.js';
import { SCHEMA_NAMES } from '../validate/schemas.js';
import type { ParseJob, ParseReply } from './parallel-parse.js';

/** The cache's folder inside the output folder, by default. Not an output: never listed, compared or removed by a build. */
export const CACHE_FOLDER = '.workshop-report-cache';

/**
 * Bump when what a cache entry holds, or how parsing turns text into it, changes in a way the
 * package version would not show (between releases).
 */
const ENTRY_FORMAT = 4;

/**
 * The cache folder the options ask for, absolute: `cacheLocation` (relative to `cwd`; it implies
 * `cache`), else `.workshop-report-cache/` inside the output folder. Undefined without a cache.
 */
export function cacheIn(options: { cache?: boolean; cacheLocation?: string }, outDir: string, cwd: string): string | undefined {
  if (options.cacheLocation !== undefined) return path.resolve(cwd, options.cacheLocation);
  return options.cache ? path.join(outDir, CACHE_FOLDER) : undefined;
}

let identity: string | undefined;

/**
 * What else a cached result depends on: the tool's version and its code (a rule added between two
 * releases changes a verdict: `lib/code-identity`, a digest of the bundled code written by the
 * build), the entry format, the schemas' text, and Node's version (its Unicode tables normalize the
 * text, and v8 serializes the entries).
 */
export function toolIdentity(): string {
  identity ??= identityOf(`${(JSON.parse(readBundled('package.json')) as { version: string }).version} code ${codeIdentity()} node ${process.version}`, ['common', ...SCHEMA_NAMES].map((name) => readBundled(`schemas/${name}.schema.json`)));
  return identity;
}

/** The bundled code's digest; none when run from the compiled modules before any bundle (tests). */
function codeIdentity(): string {
  try {
    return readBundled('lib/code-identity').trim();
  } catch {
    return 'unbundled';
  }
}

/** The identity of a tool of this version with these schemas (see toolIdentity). */
export function identityOf(version: string, schemas: readonly string[]): string {
  const hash = createHash('sha256').update(`workshop-report ${version} entry ${ENTRY_FORMAT}\n`);
  for (const schema of schemas) hash.update(`${schema.length}\u0000${schema}`);
  return hash.digest('hex');
}

/** The key of one file's entry: its text, path and role (which name its diagnostics and hints), and the tool's identity. */
export function cacheKey(job: ParseJob, tool: string = toolIdentity()): string {
  return createHash('sha256').update(`${tool}\u0000${job.role}\u0000${job.source.path}\u0000`).update(job.source.text).digest('hex');
}

/** What the parser found in one file, kept between runs (see NotesCache). */
export interface NotesCache {
  /** The file's parse result when its entry matches its text, else undefined (a damaged entry is ignored). */
  lookup(job: ParseJob): ParseResult | undefined;
  /** Keeps a file's entry (when it matches) without reading it: the caller has its result already (watch mode). */
  touch(job: ParseJob): void;
  /** Records the parse result of a file that had no entry. */
  remember(job: ParseJob, result: ParseResult): void;
  /**
   * Writes the entries of the files looked up this run (only when something changed). Never throws:
   * returns a message when the cache could not be written, for the command to show as a warning.
   */
  save(): Promise<string | undefined>;
  /** Files found in the cache and files parsed, this run. */
  readonly stats: { hits: number; misses: number };
}

interface Entry {
  key: string;
  crc: number;
  bytes: Uint8Array;
}

interface Pack {
  format: 'workshop-report cache';
  entries: Array<[path: string, key: string, crc: number, bytes: Uint8Array]>;
}

/**
 * Opens the cache of one project folder: one file in `folder`, named after the project's path
 * relative to it, holding an entry per notes file. An entry is a file's parse result (data,
 * positions, diagnostics) serialized with v8, under the SHA-256 of its text, path, role and the
 * tool's identity, with a CRC-32 of its bytes. Anything unreadable — a missing, truncated or
 * foreign file, an entry whose CRC or shape is wrong — is a miss: the file is parsed again.
 */
export async function openNotesCache(folder: string, projectDir: string, fs: FileSystem = nodeFs): Promise<NotesCache> {
  const file = cacheFile(folder, projectDir, 'bin');
  const stored = await readPack(fs, file);
  const tool = toolIdentity();
  const next = new Map<string, Entry>();
  const stats = { hits: 0, misses: 0 };
  let changed = stored.size === 0;
  return {
    stats,
    lookup(job) {
      const key = cacheKey(job, tool);
      const entry = stored.get(job.source.path);
      const result = entry?.key === key ? decode(entry, job) : undefined;
      if (result) {
        next.set(job.source.path, entry!);
        stats.hits++;
      } else {
        changed = true;
        stats.misses++;
      }
      return result;
    },
    touch(job) {
      const entry = stored.get(job.source.path);
      if (entry?.key === cacheKey(job, tool)) next.set(job.source.path, entry);
      else changed = true;
    },
    remember(job, result) {
      const { source: _text, ...rest } = result.file;
      const reply: ParseReply = { file: rest, diagnostics: result.diagnostics };
      const bytes = serialize(reply);
      next.set(job.source.path, { key: cacheKey(job, tool), crc: crc32(bytes), bytes });
      changed = true;
    },
    async save() {
      if (!changed && next.size === stored.size) return undefined;
      const pack: Pack = { format: 'workshop-report cache', entries: [...next].map(([name, entry]) => [name, entry.key, entry.crc, entry.bytes]) };
      return writeCacheFile(fs, folder, file, serialize(pack));
    },
  };
}

/** The file of one project's cache of this kind in `folder`: named after the project's path relative to the folder. */
export function cacheFile(folder: string, projectDir: string, kind: 'bin' | 'verdict'): string {
  const scope = path.relative(folder, projectDir).split(path.sep).join('/') || '.';
  return path.join(folder, `${createHash('sha256').update(scope).digest('hex').slice(0, 16)}.${kind}`);
}

/** The files a cache folder holds (see cacheFile), and their temporary files while written. */
const CACHE_FILE = /^[0-9a-f]{16}\.(bin|verdict)(\.\d+\.tmp)?$/;

/** Writes a cache file whole (a temporary file renamed), making the folder. Never throws: returns a warning. */
export async function writeCacheFile(fs: FileSystem, folder: string, file: string, bytes: Uint8Array): Promise<string | undefined> {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    await fs.mkdir(folder, { recursive: true });
    // Never committed by mistake: the folder ignores itself, when it holds nothing but the cache (a
    // folder made beforehand, or restored by CI without it; never a folder of other files: `--cache-location .`).
    const entries = await fs.readdir(folder, { withFileTypes: true });
    if (!entries.some((entry) => entry.name === '.gitignore') && entries.every((entry) => CACHE_FILE.test(entry.name))) {
      await fs.writeFile(path.join(folder, '.gitignore'), '# Made by workshop-report --cache; safe to delete.\n*\n');
    }
    await fs.writeFile(temp, bytes);
    await fs.rename(temp, file);
    return undefined;
  } catch (error) {
    await fs.rm(temp, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    // `--cache-location notes.txt`: said as such, where "(EEXIST)" was all.
    if (code === 'EEXIST') return `Could not write the cache: ${folder} is a file, not a folder (give --cache-location a folder); the results are not affected.`;
    if (code === 'ENOTDIR') return `Could not write the cache in ${folder}: a folder on the way to it is a file (give --cache-location a folder); the results are not affected.`;
    return `Could not write the cache in ${folder} (${code ?? (error as Error).message}); the results are not affected.`;
  }
}

async function readPack(fs: FileSystem, file: string): Promise<Map<string, Entry>> {
  const entries = new Map<string, Entry>();
  try {
    const pack = deserialize(await fs.readFile(file)) as Partial<Pack> | undefined;
    if (pack?.format !== 'workshop-report cache' || !Array.isArray(pack.entries)) return entries;
    for (const item of pack.entries) {
      if (!Array.isArray(item)) continue;
      const [name, key, crc, bytes] = item as unknown[];
      if (typeof name === 'string' && typeof key === 'string' && typeof crc === 'number' && bytes instanceof Uint8Array) entries.set(name, { key, crc, bytes });
    }
  } catch {
    // Missing, unreadable, truncated or not ours: an empty cache.
  }
  return entries;
}

/** An entry back as a parse result, or undefined when its bytes are damaged. */
function decode(entry: Entry, job: ParseJob): ParseResult | undefined {
  try {
    if (crc32(entry.bytes) !== entry.crc) return undefined;
    const reply = deserialize(entry.bytes) as ParseReply;
    const { file, diagnostics } = reply;
    if (!(file.positions.ints instanceof Int32Array) || typeof file.positions.keys !== 'string' || !(file.lineStarts instanceof Int32Array) || !Array.isArray(diagnostics) || file.role !== job.role) return undefined;
    return { file: { ...file, source: job.source }, diagnostics };
  } catch {
    return undefined;
  }
}
