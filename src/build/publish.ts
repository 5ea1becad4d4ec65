import path from 'node:path';
import { InterruptedError, SetupError } from '../errors.js';
import { errorCode, fileSystemError, nodeFs, type FileSystem } from '../load/file-system.js';
import { unwritableFolder, type EntryChange } from './unwritable-folder.js';
import { LOCK, lockOutput } from './output-lock.js';
import type { Format } from '../notes/types.js';
import { formatRecord, madeBy, readFormatRecord, recordedFormats, type FileFormats, type FormatRecord } from './output-formats.js';

/** What the last build wrote; only files listed here are ever removed. */
export const MANIFEST = '.workshop-report.json';
/** The names a publish in progress has staged; exists only while one runs, or after one was killed. */
export const JOURNAL = '.workshop-report.journal';
const TEMP_SUFFIX = '.wr-tmp';
/** The next manifest, written before any rename: once complete, it is the commit record. */
const MANIFEST_TEMP = `${MANIFEST}${TEMP_SUFFIX}`;

const UNCHANGED = 'The previous reports are unchanged.';
const REPAIRED_NEXT = 'Publishing stopped half-way; the next build completes it.';

export interface OutputFile {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  content: string | Uint8Array;
  /** A file more than one format publishes, the same at the same path (an image beside the Markdown and the HTML): the build publishes it once. */
  shared?: boolean;
  /**
   * The formats whose build makes it (`['pdf']`; an image, `['md', 'html']`), which the manifest
   * records: a later build of other formats leaves it as it is (see Staging.prepare). Absent: every
   * build makes it, whatever its formats (a programme's exports).
   */
  formats?: readonly Format[];
}

export interface PublishResult {
  written: string[];
  /** Files the previous build wrote that this one kept as they were (`Staging.keep`). */
  kept: string[];
  removed: string[];
  /**
   * Files an earlier build wrote for formats this one does not make (the PDFs, for a build of
   * Markdown only): left as they were, and still listed in the manifest. Absent when there are none.
   */
  otherFormats?: string[];
  /** Set when an earlier publish had been killed: whether its commit was completed or rolled back. */
  recovered?: 'completed' | 'rolled back';
}

/** A publish in progress: documents go to temporary files as they come, and appear together on commit. */
export interface Staging {
  /** Writes the file to its temporary name at once, so the caller need not keep its content. */
  add(file: OutputFile): Promise<void>;
  /**
   * Keeps a file the previous build wrote, unchanged, as part of this one: nothing is written, and
   * it stays in the manifest (with `formats`, as for `add`). For watch mode, which knows what it wrote last time. False (and
   * nothing done) when the previous build did not write it: then `add` it.
   */
  keep(file: string, formats?: readonly Format[]): boolean;
  /**
   * Writes the commit record (the next manifest) and renames nothing: the first half of `commit`,
   * for a programme, which writes every folder's record before it renames anything in any of them,
   * so that an interruption before the last record leaves every folder as it was (see
   * stageProgramme). An interruption (the signal) is heard before the record is written, never
   * after. `record`: more to note in the manifest beside the files (recommendation numbers per edition).
   * `formats`: the formats this build made; a file the previous build wrote for none of them (a PDF,
   * for a build of Markdown only) is left as it is, and stays in the manifest, while it is there.
   * Without it, every file the previous build wrote and this one did not is removed.
   */
  prepare(record?: Record<string, unknown>, formats?: readonly Format[]): Promise<void>;
  /**
   * Moves every added file into place and removes what the previous build wrote and this one did
   * not, of the formats it made (see `prepare`).
   * `record`, `formats`: as for `prepare`, which `commit` does first unless it was done (its record is then the one kept).
   * The signal is heard until the commit record is written: from then on the publish completes,
   * interrupted or not (the point of no return; the record is what the next build would complete).
   */
  commit(record?: Record<string, unknown>, formats?: readonly Format[]): Promise<PublishResult>;
  /**
   * Removes the temporary files, the commit record and the journal, leaving the folder as it was;
   * also after `prepare`, nothing being renamed before `commit`. Safe to call twice, or after a
   * failure: each call resolves once the removal has finished, whoever started it. After
   * `commit`, nothing.
   */
  abort(): Promise<void>;
}

/**
 * Publishes a build all-or-nothing (see openStaging). A failure or Ctrl-C before the renames leaves
 * the folder as it was; a hard kill at any point is repaired by the next publish. `formats`: see Staging.prepare.
 */
export async function publish(outDir: string, files: readonly OutputFile[], signal?: AbortSignal, fs: FileSystem = nodeFs, formats?: readonly Format[]): Promise<PublishResult> {
  const staging = await openStaging(outDir, signal, fs);
  for (const file of files) await staging.add(file);
  return staging.commit(undefined, formats);
}

/**
 * What to do when the output folder cannot be one. `programmeWorkshop`: the folder is a workshop's
 * of a programme, built into its own out/, which --out does not move (--out moves a workshop's, or the programme's own).
 */
function outputFolderHint(programmeWorkshop: boolean): string {
  return programmeWorkshop
    ? 'Remove or rename the file in the way: a workshop of a programme is built into its own out/, which --out does not move.'
    : 'Remove or rename the file in the way, or give --out a folder (it is made when missing).';
}

/**
 * A setup error when `outDir` is a file, or cannot be made because a file is where a folder above
 * it goes (`--out notes.txt/out`); else what `outDir` is, undefined when it does not exist yet.
 * For a build and for `build --check` alike (which listed every document as missing).
 * `programmeWorkshop`: `outDir` is a workshop's of a programme (the hint does not offer --out).
 */
export async function refuseFileInTheWay(outDir: string, fs: FileSystem = nodeFs, programmeWorkshop = false): Promise<Awaited<ReturnType<FileSystem['stat']>> | undefined> {
  const existing = await fs.stat(outDir).catch(() => undefined);
  if (existing && !existing.isDirectory()) {
    // `-o /dev/null`, to write nothing: a device is no folder, and validate (or build --check) writes nothing.
    if (!existing.isFile()) throw new SetupError(`The output folder ${outDir} is not a folder (a device or other special file).`, 'Give --out a folder (it is made when missing). To check the notes without writing anything, run `workshop-report validate` (or `build --check`).');
    throw new SetupError(`The output folder ${outDir} is a file.`, outputFolderHint(programmeWorkshop));
  }
  if (!existing) {
    // The nearest folder above that exists must be one: a file there (`--out notes.txt/out`) is said so.
    for (let above = path.dirname(outDir); above !== path.dirname(above); above = path.dirname(above)) {
      const found = await fs.stat(above).catch(() => undefined);
      if (!found) continue;
      if (!found.isDirectory()) throw new SetupError(`The output folder ${outDir} cannot be made: ${above} is a file.`, outputFolderHint(programmeWorkshop));
      break;
    }
  }
  return existing;
}

/**
 * Starts a publish into `outDir`, first repairing what a killed one left. The protocol:
 * - add: append the name to the journal, then write `<name>.wr-tmp`;
 * - commit: write the new manifest to `.workshop-report.json.wr-tmp` (the commit record: the files
 *   this build wrote, and those of other formats the previous manifest lists that it leaves as they
 *   are), rename each temporary file into place, remove the files of the previous manifest the
 *   record does not list, rename the manifest into place, delete the journal.
 * Killed before the commit record is complete, the next publish removes the temporary files the
 * journal names (roll back); killed after, it finishes the renames (roll forward).
 */
export async function openStaging(outDir: string, signal?: AbortSignal, fs: FileSystem = nodeFs, project?: string, programmeWorkshop = false): Promise<Staging> {
  if (signal?.aborted) throw new InterruptedError('interrupted');
  const existing = await refuseFileInTheWay(outDir, fs, programmeWorkshop);
  // A failed first build leaves no empty output folder behind.
  const outDirExisted = existing !== undefined;
  // The folder is this publish's until it commits or aborts: another build into it is refused.
  await attempt('Cannot create the folder', outDir, () => fs.mkdir(outDir, { recursive: true }), UNCHANGED, { fs, outDir, change: 'name' });
  const lock = await lockOutput(fs, outDir).catch(async (error: unknown) => {
    if (!outDirExisted) await fs.rmdir(outDir).catch(() => undefined);
    if (error instanceof SetupError) throw error;
    // A folder that cannot be written (read-only, full): said as any write there is.
    const file = path.join(outDir, LOCK);
    throw (await unwritableFolder(fs, outDir, file, 'content', error, UNCHANGED)) ?? fileSystemError('Cannot write', file, error, UNCHANGED);
  });
  let manifest: Awaited<ReturnType<typeof readManifestFile>>;
  let recovery: Awaited<ReturnType<typeof recover>>;
  try {
    manifest = await readManifestFile(fs, path.join(outDir, MANIFEST));
    if (project !== undefined) await refuseOtherProject(fs, outDir, manifest?.project, project);
    recovery = await recover(fs, outDir, manifest?.files ?? [], manifest?.formats);
  } catch (error) {
    await lock.release();
    if (!outDirExisted) await fs.rmdir(outDir).catch(() => undefined);
    throw error;
  }
  const { previous, previousFormats, recovered } = recovery;
  const staged = new Map<string, string>();
  const kept = new Set<string>();
  /** The formats of each file staged or kept, as the manifest records them. */
  const fileFormats = new Map<string, FileFormats>();
  let state: 'open' | 'prepared' | 'committing' | 'done' | 'aborted' = 'open';
  let failure: unknown;
  let queue: Promise<unknown> = Promise.resolve();
  /** The removal an abort started: every later abort waits for it rather than returning while it runs. */
  let aborting: Promise<void> | undefined;
  /** What `prepare` recorded: the names staged, then those kept, then those of other formats left as they are. */
  let prepared: { names: string[]; all: string[]; otherFormats: string[] } | undefined;

  const removeStaged = async (): Promise<void> => {
    // The commit record first: a process killed during the removal must not leave a record whose
    // temporary files are gone, which the next build would complete with some of them missing.
    await fs.rm(path.join(outDir, MANIFEST_TEMP), { force: true }).catch(() => undefined);
    for (const [name, temp] of staged) {
      await fs.rm(temp, { force: true }).catch(() => undefined);
      await removeEmptyParents(fs, outDir, path.dirname(name));
    }
    await fs.rm(path.join(outDir, JOURNAL), { force: true }).catch(() => undefined);
    await lock.release();
    if (!outDirExisted) await fs.rmdir(outDir).catch(() => undefined);
  };
  /** Aborts unless the renames have begun (or are done); resolves when the removal is finished. */
  const abortNow = (): Promise<void> => {
    if (state === 'open' || state === 'prepared') {
      state = 'aborted';
      aborting = removeStaged();
    }
    return aborting ?? Promise.resolve();
  };
  const fail = async (error: unknown): Promise<never> => {
    failure ??= error;
    await abortNow();
    throw error;
  };
  const checkOpen = (): void => {
    if (failure !== undefined) throw failure;
    if (state !== 'open') throw new Error(`The staging of ${outDir} is ${state}.`);
  };

  // Each folder is made once per build, not once per document.
  const made = new Set<string>();
  const makeFolder = async (folder: string): Promise<void> => {
    if (made.has(folder)) return;
    await attempt('Cannot create the folder', folder, () => fs.mkdir(folder, { recursive: true }), UNCHANGED, { fs, outDir, change: 'name' }).catch(fail);
    made.add(folder);
  };

  const add = async (file: OutputFile): Promise<void> => {
    checkOpen();
    if (signal?.aborted) return fail(new InterruptedError('interrupted'));
    if (!isOwnName(file.path)) return fail(new SetupError(`Cannot publish “${file.path}”: it is not a file name inside the output folder.`, 'Document names are relative paths without “..”.'));
    const target = path.join(outDir, file.path);
    const temp = `${target}${TEMP_SUFFIX}`;
    const existing = await fs.stat(target).catch(() => undefined);
    if (existing?.isDirectory()) return fail(new SetupError(`Cannot publish ${target}: a folder is in the way.`, `Move the folder away or rename the document. ${UNCHANGED}`));
    // A file of the same name that no build wrote (not in the manifest) is someone's own: it is not
    // replaced, unless it already holds what would be written.
    if (existing && !previous.includes(file.path) && !staged.has(file.path) && (await compareFile(fs, target, file.content)) !== 'same') {
      return fail(new SetupError(`${target} is not a file a build wrote (${MANIFEST} does not list it), and this build would replace it.`, `Move it out of the output folder (or delete it), then build again. ${UNCHANGED}`));
    }
    if (!staged.has(file.path)) {
      const journal = path.join(outDir, JOURNAL);
      await makeFolder(outDir);
      await attempt('Cannot write', journal, () => fs.appendFile(journal, `${JSON.stringify(file.path)}\n`), UNCHANGED, { fs, outDir, change: 'content' }).catch(fail);
      staged.set(file.path, temp);
      await makeFolder(path.dirname(temp));
    }
    fileFormats.set(file.path, file.formats);
    await attempt('Cannot write', temp, () => fs.writeFile(temp, file.content), UNCHANGED, { fs, outDir, change: 'content' }).catch(fail);
  };

  /** The commit record, after a last look at the signal: once it is written, the publish completes. */
  const prepare = async (extra?: Record<string, unknown>, formats?: readonly Format[]): Promise<void> => {
    checkOpen();
    if (signal?.aborted) return fail(new InterruptedError('interrupted'));
    const names = [...staged.keys()];
    const keptNames = [...kept].filter((file) => !staged.has(file));
    // The previous build's files of formats this one does not make (its PDFs, for a build of
    // Markdown only) are left as they are, and stay the tool's while they are there (deleted by hand, forgotten).
    const others = previous.filter((file) => !staged.has(file) && !kept.has(file) && !madeBy(previousFormats.get(file), formats));
    const present = await Promise.all(others.map(async (file) => (await fs.stat(path.join(outDir, file)).catch(() => undefined))?.isFile() === true));
    const otherFormats = others.filter((_, index) => present[index]);
    const all = [...names, ...keptNames, ...otherFormats];
    const formatsOf = new Map<string, FileFormats>(all.map((file) => [file, fileFormats.has(file) ? fileFormats.get(file) : previousFormats.get(file)]));
    const byFormat = formatRecord(formatsOf);
    // Every report it replaces or removes is tried now, while nothing has changed: one that refused
    // during the renames left the folder half old, half new until the next build.
    const staying = new Set(all);
    await refuseLockedFiles(fs, outDir, [...names, ...previous.filter((file) => !staying.has(file))]).catch(fail);
    const record = path.join(outDir, MANIFEST_TEMP);
    await makeFolder(outDir);
    const owner = project === undefined ? {} : { project: path.relative(outDir, path.resolve(project)).split(path.sep).join('/') || '.' };
    await attempt('Cannot write', record, () => fs.writeFile(record, manifestText(all, { ...(byFormat ? { formats: byFormat } : {}), ...owner, ...extra })), UNCHANGED, { fs, outDir, change: 'content' }).catch(fail);
    prepared = { names, all, otherFormats };
    state = 'prepared';
  };
  const commit = async (extra?: Record<string, unknown>, formats?: readonly Format[]): Promise<PublishResult> => {
    if (state !== 'prepared') await prepare(extra, formats);
    if (failure !== undefined) throw failure;
    if (state !== 'prepared' || !prepared) throw new Error(`The staging of ${outDir} is ${state}.`);
    // The point of no return: from here on the signal is not looked at, and abort does nothing.
    state = 'committing';
    const { names, all, otherFormats } = prepared;
    let removed: string[];
    try {
      removed = await finish(fs, outDir, previous, all, false, names);
    } finally {
      // Done, or stopped half-way (which the next build completes): either way no longer this build's.
      await lock.release();
    }
    state = 'done';
    const kept = all.slice(names.length, all.length - otherFormats.length);
    return { written: names, kept, removed, ...(otherFormats.length > 0 ? { otherFormats } : {}), ...(recovered ? { recovered } : {}) };
  };
  /** Runs `step` after every add, prepare and commit asked for before it, even if the caller does not wait. */
  const inTurn = <T>(step: () => Promise<T>): Promise<T> => {
    const next = queue.catch(() => undefined).then(step);
    queue = next;
    return next;
  };

  return {
    add: (file) => inTurn(() => add(file)),
    keep: (file, formats) => {
      checkOpen();
      if (!previous.includes(file) || staged.has(file)) return false;
      kept.add(file);
      fileFormats.set(file, formats);
      return true;
    },
    abort: async () => {
      await queue.catch(() => undefined);
      await abortNow();
    },
    prepare: (extra, formats) => inTurn(() => prepare(extra, formats)),
    commit: (extra, formats) => inTurn(() => commit(extra, formats)),
  };
}

/**
 * Repairs what a killed publish left, then returns the files the tool owns (`manifest`'s, or a
 * completed commit record's), with the formats each was made for (see recordedFormats).
 */
async function recover(fs: FileSystem, outDir: string, manifest: string[], manifestFormats: FormatRecord | undefined): Promise<{ previous: string[]; previousFormats: Map<string, FileFormats>; recovered?: PublishResult['recovered'] }> {
  let previous = manifest;
  let formats = manifestFormats;
  const journal = await readJournal(fs, outDir);
  const commitRecord = await readManifestFile(fs, path.join(outDir, MANIFEST_TEMP));
  const record = commitRecord?.files;
  let recovered: PublishResult['recovered'];
  if (record) {
    await finish(fs, outDir, previous, record, true);
    previous = record;
    formats = commitRecord.formats;
    recovered = 'completed';
  } else if (journal) {
    recovered = 'rolled back';
  }
  // Temporary files the tool may have left: those of the names it staged or published, and its manifest's.
  // All at once: each is one look at a name that is almost never there, and a programme's folder lists dozens.
  const names = [...new Set([...journal ?? [], ...previous])];
  await Promise.all(names.map((name) => fs.rm(path.join(outDir, `${name}${TEMP_SUFFIX}`), { force: true }).catch(() => undefined)));
  for (const name of names) if (!previous.includes(name)) await removeEmptyParents(fs, outDir, path.dirname(name));
  await attempt('Cannot remove', path.join(outDir, MANIFEST_TEMP), () => fs.rm(path.join(outDir, MANIFEST_TEMP), { force: true }));
  if (journal) await attempt('Cannot remove', path.join(outDir, JOURNAL), () => fs.rm(path.join(outDir, JOURNAL), { force: true }));
  return { previous, previousFormats: recordedFormats(previous, formats), ...(recovered ? { recovered } : {}) };
}

/** What replacing or removing a file refuses, when a program holds it (EBUSY) or it is protected (EPERM); not a read-only file, which its folder's rights let a build replace. */
const LOCKED = new Set(['EPERM', 'EBUSY']);

/**
 * Fails, naming the first, when a file of `names` that is there cannot be opened for writing (see
 * FileSystem.openToWrite): a report open in Word or Acrobat on Windows, an immutable file.
 */
async function refuseLockedFiles(fs: FileSystem, outDir: string, names: readonly string[]): Promise<void> {
  const { openToWrite } = fs;
  if (!openToWrite) return;
  const refusals = await Promise.all(names.map((name) => openToWrite(path.join(outDir, name)).then(() => undefined, (error: unknown) => (LOCKED.has(errorCode(error) ?? '') ? { name, error } : undefined))));
  const first = refusals.find((refusal) => refusal !== undefined);
  if (!first) return;
  const target = path.join(outDir, first.name);
  const busy = errorCode(first.error) === 'EBUSY';
  throw new SetupError(`Cannot replace ${target}: ${busy ? 'the file is in use (EBUSY)' : 'operation not permitted (EPERM)'}.`,
    `Close it in the program that has it open (on Windows, Word, Acrobat or a viewer)${busy ? '' : ', or make it writable (an immutable file: `chattr -i`)'}, then build again. ${UNCHANGED}`, { cause: first.error });
}

/**
 * From a complete commit record on: renames each temporary file into place (when resuming, one
 * already renamed is skipped), removes the previous build's files this one did not write, and
 * makes the record the manifest. Returns the files removed.
 */
async function finish(fs: FileSystem, outDir: string, previous: readonly string[], names: readonly string[], resuming: boolean, renamed: readonly string[] = names): Promise<string[]> {
  for (const name of renamed) {
    const target = path.join(outDir, name);
    try {
      await fs.rename(`${target}${TEMP_SUFFIX}`, target);
    } catch (error) {
      if (!(resuming && errorCode(error) === 'ENOENT')) throw await unwritableFolder(fs, outDir, target, 'name', error, REPAIRED_NEXT) ?? fileSystemError('Cannot publish', target, error, REPAIRED_NEXT);
    }
  }
  const current = new Set(names);
  const removed: string[] = [];
  for (const name of previous.filter((file) => !current.has(file))) {
    const target = path.join(outDir, name);
    try {
      await fs.rm(target);
      removed.push(name);
    } catch (error) {
      // Gone already, or replaced by a folder: not a file the tool wrote any more.
      const code = errorCode(error);
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ERR_FS_EISDIR') throw await unwritableFolder(fs, outDir, target, 'name', error, REPAIRED_NEXT) ?? fileSystemError('Cannot remove', target, error, REPAIRED_NEXT);
    }
    await removeEmptyParents(fs, outDir, path.dirname(name));
  }
  await attempt('Cannot write', path.join(outDir, MANIFEST), () => fs.rename(path.join(outDir, MANIFEST_TEMP), path.join(outDir, MANIFEST)), REPAIRED_NEXT, { fs, outDir, change: 'name' });
  await attempt('Cannot remove', path.join(outDir, JOURNAL), () => fs.rm(path.join(outDir, JOURNAL), { force: true }), REPAIRED_NEXT, { fs, outDir, change: 'name' });
  return removed;
}

/**
 * A folder whose manifest names another project that is still there (a folder holding
 * workshop.yaml or programme.yaml) holds that project's reports: publishing there would remove them
 * as left over from the previous build (`build rabat -o niamey/out` removed Niamey's reports). A
 * manifest naming no project, or one no longer there (moved or renamed with its output), is ours.
 */
export async function refuseOtherProject(fs: FileSystem, outDir: string, recorded: string | undefined, project: string): Promise<void> {
  if (recorded === undefined) return;
  const other = path.resolve(outDir, recorded);
  if (other === path.resolve(project)) return;
  const isProject = async (file: string) => (await fs.stat(path.join(other, file)).catch(() => undefined))?.isFile() === true;
  if (!(await isProject('workshop.yaml')) && !(await isProject('programme.yaml'))) return;
  throw new SetupError(`${outDir} holds the reports of another project, ${other}: this build would remove them.`, `Build into a folder of this project's own (--out), or delete ${outDir} if those reports are no longer needed. ${UNCHANGED}`);
}

/** The files the previous build wrote; only these are ever removed. */
export async function readManifest(outDir: string, fs: FileSystem = nodeFs): Promise<string[]> {
  return (await readManifestFile(fs, path.join(outDir, MANIFEST)))?.files ?? [];
}

function manifestText(names: readonly string[], extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ generator: 'workshop-report', files: [...names].sort(), ...extra }, null, 2)}\n`;
}

/**
 * The files a manifest lists (none when it is incomplete or not one of ours: nothing it names is
 * removed), with the formats it records them under (absent in a manifest written before they were
 * recorded, or damaged: then each file's name tells, see recordedFormats), and the project it names
 * (relative to its folder), which another project's build is refused for even in a manifest edited
 * by hand; undefined when it is missing or not JSON.
 */
export async function readManifestFile(fs: FileSystem, file: string): Promise<{ files?: string[]; formats?: FormatRecord; project?: string } | undefined> {
  const text = await readText(fs, file);
  if (text === undefined) return undefined;
  try {
    const parsed = JSON.parse(text) as { generator?: unknown; files?: unknown; formats?: unknown; project?: unknown } | null;
    const project = typeof parsed?.project === 'string' ? { project: parsed.project } : {};
    if (parsed?.generator !== 'workshop-report' || !Array.isArray(parsed.files)) return project;
    const formats = readFormatRecord(parsed.formats, isOwnName);
    return { files: parsed.files.filter(isOwnName), ...(formats ? { formats } : {}), ...project };
  } catch {
    return undefined;
  }
}

/** The names the journal lists; a line cut short by a kill is skipped. */
async function readJournal(fs: FileSystem, outDir: string): Promise<string[] | undefined> {
  const text = await readText(fs, path.join(outDir, JOURNAL));
  if (text === undefined) return undefined;
  return text.split('\n').flatMap((line) => {
    try {
      const name: unknown = JSON.parse(line);
      return isOwnName(name) ? [name] : [];
    } catch {
      return [];
    }
  });
}

/** A file's text; undefined when it does not exist. Any other failure is a SetupError. */
async function readText(fs: FileSystem, file: string): Promise<string | undefined> {
  try {
    return Buffer.from(await fs.readFile(file)).toString('utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw fileSystemError('Cannot read', file, error);
  }
}

/** A relative path inside the output folder that is not one of the tool's own bookkeeping files. */
function isOwnName(name: unknown): name is string {
  if (typeof name !== 'string' || name === '' || path.isAbsolute(name) || name.includes('\\') || name.includes('\0')) return false;
  const parts = name.split('/');
  if (parts.some((part) => part === '' || part === '.' || part === '..')) return false;
  return name !== MANIFEST && name !== JOURNAL && !name.endsWith(TEMP_SUFFIX);
}

/** Runs a file-system call; a failure is a SetupError in words (a permission error in the output folder: of that folder). */
async function attempt(action: string, file: string, run: () => Promise<unknown>, afterwards?: string, inOutput?: { fs: FileSystem; outDir: string; change: EntryChange }): Promise<void> {
  try {
    await run();
  } catch (error) {
    throw (inOutput && await unwritableFolder(inOutput.fs, inOutput.outDir, file, inOutput.change, error, afterwards)) ?? fileSystemError(action, file, error, afterwards);
  }
}

async function removeEmptyParents(fs: FileSystem, root: string, relativeDir: string): Promise<void> {
  for (let dir = relativeDir; dir && dir !== '.'; dir = path.dirname(dir)) {
    try {
      await fs.rmdir(path.join(root, dir));
    } catch {
      return;
    }
  }
}

/** Whether the file holds exactly `content`: `missing` when it cannot be read. */
export async function compareFile(fs: FileSystem, file: string, content: string | Uint8Array): Promise<'same' | 'differs' | 'missing'> {
  const bytes = await fs.readFile(file).catch(() => undefined);
  if (bytes === undefined) return 'missing';
  const wanted = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).equals(Buffer.from(wanted.buffer, wanted.byteOffset, wanted.byteLength)) ? 'same' : 'differs';
}
