import path from 'node:path';
import { distance } from 'fastest-levenshtein';
import { SetupError } from '../errors.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import { decodeUtf8 } from './decode.js';
import { checkFolderLink, checkLink } from './links.js';
import { errorCode, fileSystemError, nodeFs, readFileUpTo, type DirEntry, type FileSystem } from './file-system.js';
import type { ProjectSources, SourceFile } from './source.js';
import { folderStem, isSystemFile, misnamedWorkshopFile, notesBeside, strayInNotesFolder, STANDS_FOR, YAML_FILE } from './stray-files.js';

export interface ReadResult {
  sources: ProjectSources;
  diagnostics: Diagnostic[];
  /** The files refused for their encoding, as far as they can be read, for the code frames of their errors. */
  shown?: Map<string, string>;
}

/**
 * Reads a project folder: the only place (with the CLI) that touches the disk for notes. A file that
 * cannot be read is a SetupError naming it and saying why (permission denied, too many open files…).
 */
export async function readProject(dir: string, fs: FileSystem = nodeFs): Promise<ReadResult> {
  const diagnostics: Diagnostic[] = [];
  const workshopName = await findWorkshopFile(fs, dir, diagnostics);
  const links: Diagnostic[][] = [[], [], [], [], []];
  const [sessionsListed, countriesListed, assets, translationsListed, followUpsListed] = await Promise.all([
    listYaml(fs, dir, 'sessions', links[0]!),
    listYaml(fs, dir, 'countries', links[1]!),
    listFiles(fs, dir, 'assets', links[2]!),
    listFiles(fs, dir, 'translations', links[3]!, (name) => YAML_FILE.test(name) && !isSystemFile(name)),
    listYaml(fs, dir, 'follow-up', links[4]!),
  ]);
  diagnostics.push(...links.flat());
  const [sessionNames, countryNames, translationNames, followUpNames] = [sessionsListed, countriesListed, translationsListed, followUpsListed].map((names) => withoutSameNames(names, diagnostics)) as [string[], string[], string[], string[]];
  const all = [workshopName, ...sessionNames, ...countryNames, ...translationNames, ...followUpNames];
  const read = await mapLimit(all, LIMITS.readConcurrency, (name) => readSource(fs, dir, name));
  const files: SourceFile[] = [];
  const shown = new Map<string, string>();
  for (const result of read) {
    if ('diagnostic' in result) {
      diagnostics.push(result.diagnostic);
      if (result.shown !== undefined) shown.set(result.diagnostic.location?.file ?? '', result.shown);
    } else files.push(result);
  }
  const byName = new Map(files.map((file) => [file.path, file]));
  const workshop = byName.get(workshopName) ?? { path: workshopName, text: '' };
  // Every notes file or folder left out for a problem; assets are checked where they are used.
  // And where notes left out with a warning would be read (a misnamed `followup/`, a session beside
  // workshop.yaml): their translations are not orphans, nor their countries unmentioned.
  const unread = [...new Set(diagnostics.flatMap((d) => (d.severity === 'error' && d.location && !d.location.file.startsWith('assets/') && d.location.file !== 'assets' ? [d.location.file] : [])))];
  const leftOut = [...new Set(diagnostics.flatMap((d) => STANDS_FOR.get(d) ?? []))];
  return {
    sources: {
      workshop,
      sessions: sessionNames.flatMap((name) => byName.get(name) ?? []),
      countries: countryNames.flatMap((name) => byName.get(name) ?? []),
      translations: translationNames.flatMap((name) => byName.get(name) ?? []),
      followUps: followUpNames.flatMap((name) => byName.get(name) ?? []),
      assets,
      ...(unread.length ? { unread } : {}),
      ...(leftOut.length ? { leftOut } : {}),
    },
    diagnostics,
    ...(shown.size ? { shown } : {}),
  };
}

/**
 * `08-closing.yaml` and `08-closing.yml` side by side are one file twice (a file's name is its id, and
 * the name of its translation): the first is read, the other is one error, not every id twice.
 */
function withoutSameNames(names: readonly string[], diagnostics: Diagnostic[]): string[] {
  const kept = new Map<string, string>();
  for (const name of names) {
    const stem = name.replace(YAML_FILE, '');
    const first = kept.get(stem);
    if (first === undefined) kept.set(stem, name);
    else diagnostics.push(sameNameDiagnostic(name, first));
  }
  return names.filter((name) => kept.get(name.replace(YAML_FILE, '')) === name);
}

function sameNameDiagnostic(name: string, first: string): Diagnostic {
  const at = { line: 1, column: 1, offset: 0 };
  return {
    code: 'duplicate-id', severity: 'error', stage: 'load',
    message: `${name} has the same name as ${first}, which is read instead: a notes file's name is its id.`,
    hint: `Keep one of them: delete ${name}, or rename it if it holds other notes.`,
    location: { file: name, start: at, end: at },
    related: [{ file: first, start: at, end: at, message: 'the file read' }],
  };
}

async function findWorkshopFile(fs: FileSystem, dir: string, diagnostics: Diagnostic[]): Promise<string> {
  let entries: string[];
  let found: DirEntry[];
  try {
    found = await fs.readdir(dir, { withFileTypes: true });
    diagnostics.push(...(await misnamedFolders(fs, dir, found)));
    entries = found.map((entry) => entry.name);
  } catch (error) {
    const code = errorCode(error);
    throw fileSystemError('Cannot read the project folder', dir, error, code === 'ENOENT' || code === 'ENOTDIR' ? 'It should be the folder that holds workshop.yaml.' : undefined);
  }
  const name = ['workshop.yaml', 'workshop.yml'].find((candidate) => entries.includes(candidate));
  if (name === 'workshop.yaml' && entries.includes('workshop.yml')) {
    diagnostics.push({ ...sameNameDiagnostic('workshop.yml', name), message: 'workshop.yml is not read: workshop.yaml is.', hint: 'Keep one of them: move what workshop.yml has that workshop.yaml lacks into workshop.yaml, and delete workshop.yml.' });
  }
  if (!name && entries.includes('programme.yaml')) {
    throw new SetupError(`${dir} is a programme (it holds programme.yaml), and this command works on one workshop.`, 'Give it one of the workshop folders programme.yaml lists.');
  }
  const misnamed = name ? undefined : misnamedWorkshopFile(found.filter((entry) => entry.isDirectory?.() !== true).map((entry) => entry.name));
  if (misnamed) throw new SetupError(`${dir} has no workshop.yaml: it holds ${misnamed.name.trim() === misnamed.name ? misnamed.name : `“${misnamed.name}”`}, which is not read by that name.`, misnamed.hint);
  if (!name) {
    throw new SetupError(`${dir} has no workshop.yaml.`, 'Run the command in a workshop folder, pass the folder as an argument, or create one with `workshop-report init`.');
  }
  // Both: the folder is read as one workshop (programme.yaml is a programme's only where workshop.yaml is not).
  if (entries.includes('programme.yaml')) diagnostics.push(programmeBesideWorkshop(name));
  // A session, follow-up report or country file saved beside workshop.yaml instead of in its folder.
  const named = new Set(diagnostics.flatMap((d) => (d.location ? [d.location.file] : [])));
  diagnostics.push(...(await notesBeside(fs, dir, found, new Set([...named, 'workshop.yaml', 'workshop.yml', 'programme.yaml']), (folder, file) => `Move it into ${folder}/ (${folder}/${file}).`)));
  const outside = await checkFolderLink(fs, dir, name);
  if (outside) throw new SetupError(`${path.join(dir, name)}: ${outside.message}`, outside.hint);
  return name;
}

/**
 * The notes files of a folder (sessions/, countries/, follow-up/): its own .yaml files. One in a
 * folder inside it (sessions/day-1/01-opening.yaml) is not read, and says so: it was left out of
 * the report without a word.
 */
async function listYaml(fs: FileSystem, dir: string, sub: string, diagnostics: Diagnostic[]): Promise<string[]> {
  const nested: string[] = [];
  const stray: Diagnostic[] = [];
  // A file (or link) in a folder inside is not read, nor its link followed: it is only named.
  const top = (name: string) => YAML_FILE.test(name) && !name.slice(sub.length + 1).includes('/') && !isSystemFile(name);
  const names = await listFiles(fs, dir, sub, diagnostics, top, (name) => {
    if (YAML_FILE.test(name)) nested.push(name);
    else {
      const found = strayInNotesFolder(name, sub);
      if (found) stray.push(found);
    }
  });
  // `2023-06-04.yaml.txt`, `.json`, a Word or Excel file, `01-opening.yaml ` (a space after): not read, and nothing was said of it.
  diagnostics.push(...stray.sort((a, b) => compareCodePoints(a.location!.file, b.location!.file)));
  // Inside a folder named like a notes file (sessions/09-visit.yaml/), which not-a-file reports already.
  for (const name of nested.filter((file) => !YAML_FILE.test(file.slice(sub.length + 1).split('/')[0]!))) {
    diagnostics.push({
      code: 'not-read', severity: 'warning', stage: 'load',
      message: `${name} is in a folder inside ${sub}/: it is not read, and nothing of it is in the report.`,
      hint: `Move it to ${sub}/ itself (notes files are read from there only; a name such as 01-opening.yaml orders them), or out of ${sub}/ if it is not meant to be read.`,
      location: { file: name, start: FILE_START, end: FILE_START },
    });
  }
  return names;
}

const FILE_START = { line: 1, column: 1, offset: 0 };


/** The folders of notes files: one misnamed leaves its notes unread. */
const NOTES_FOLDER_NAMES = ['sessions', 'countries', 'follow-up', 'translations'];

/** The folders a project's notes and settings are read from. */
const PROJECT_FOLDERS = ['sessions', 'countries', 'follow-up', 'translations', 'assets', 'templates'];


/**
 * A folder of the project named nearly as one it reads (follow_up/, country/, Sessions/) is not
 * read: one warning each, naming the folder meant. Its notes were left out without a word. Not
 * Sessions/ where the file system ignores case (macOS, Windows): there it is read as sessions/.
 */
async function misnamedFolders(fs: FileSystem, dir: string, entries: ReadonlyArray<{ name: string; isDirectory?: () => boolean }>): Promise<Diagnostic[]> {
  const present = new Set(entries.map((entry) => entry.name));
  const found: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.isDirectory?.() !== true) {
      const misplaced = notesFileForFolder(entry.name);
      if (misplaced) found.push(misplaced);
      continue;
    }
    if (PROJECT_FOLDERS.includes(entry.name)) continue;
    const stem = folderStem(entry.name);
    const meant = PROJECT_FOLDERS.find((folder) => {
      const wanted = folderStem(folder);
      // One letter off at most: `translators/` (a folder of XLIFF files) is two from translations/.
      return stem === wanted || (stem.length >= 5 && distance(stem, wanted) <= 1);
    });
    if (!meant) continue;
    if (!present.has(meant) && entry.name.toLowerCase() === meant && (await fs.stat(path.join(dir, meant)).catch(() => undefined))) continue;
    const misnamed: Diagnostic = {
      code: 'not-read', severity: 'warning', stage: 'load',
      message: `The folder ${entry.name}/ is not read: the project's folder is ${meant}/.${present.has(meant) ? ` (${meant}/ is there too.)` : ''}`,
      hint: present.has(meant) ? `Move what ${entry.name}/ holds into ${meant}/.` : `Rename it ${meant}/.`,
      location: { file: entry.name, start: FILE_START, end: FILE_START },
    };
    // A notes folder whose files are all under the other name (none where it should be).
    if (!present.has(meant) && NOTES_FOLDER_NAMES.includes(meant)) STANDS_FOR.set(misnamed, meant);
    found.push(misnamed);
  }
  return found;
}

/** Where each folder of notes files takes them, and how one is named there. */
const NOTES_FOLDERS: Record<string, { what: string; example: string }> = {
  sessions: { what: 'sessions', example: 'sessions/01-opening.yaml' },
  countries: { what: 'country files', example: 'countries/NER.yaml' },
  'follow-up': { what: 'follow-up reports', example: 'follow-up/2022-11-15.yaml, named by its date' },
  translations: { what: 'translations', example: 'translations/fr/workshop.yaml' },
};

/**
 * A file beside workshop.yaml named as a folder of notes files (follow-up.yaml, sessions.yml, or
 * `follow-up` with no extension where the folder should be) is not read: it was left out without a
 * word. Pure.
 */
function notesFileForFolder(name: string): Diagnostic | undefined {
  const bare = name.replace(YAML_FILE, '');
  // A YAML file, or a file without an extension; not notes.md or a picture.
  if (bare === name && name.includes('.')) return undefined;
  const stem = folderStem(bare);
  const folder = Object.keys(NOTES_FOLDERS).find((candidate) => {
    const wanted = folderStem(candidate);
    return stem === wanted || (stem.length >= 5 && distance(stem, wanted) <= 1);
  });
  if (folder === undefined) return undefined;
  const { what, example } = NOTES_FOLDERS[folder]!;
  return {
    code: 'not-read', severity: 'warning', stage: 'load',
    message: `${name} is not read: ${what} are read from the folder ${folder}/, one file each.`,
    hint: `Make a folder ${folder}/ and move this file into it (${example}).`,
    location: { file: name, start: FILE_START, end: FILE_START },
  };
}

/** programme.yaml beside workshop.yaml: the folder is read as one workshop, and programme.yaml is not read at all. */
function programmeBesideWorkshop(workshop: string): Diagnostic {
  return {
    code: 'not-read', severity: 'warning', stage: 'load',
    message: `programme.yaml is not read: this folder also holds ${workshop}, so it is read as one workshop, not as a programme.`,
    hint: `If it is a programme, move ${workshop} and the workshop's notes into a folder of their own and list it under programme.yaml's workshops; if it is one workshop, delete programme.yaml.`,
    location: { file: 'programme.yaml', start: FILE_START, end: FILE_START },
  };
}

/**
 * Relative POSIX paths of the files in a subfolder, in code-point order (never locale order). A
 * symbolic link is listed when it leads to a file inside the project, else reported.
 */
async function listFiles(fs: FileSystem, dir: string, sub: string, diagnostics: Diagnostic[], wanted: (name: string) => boolean = () => true, skipped?: (name: string) => void): Promise<string[]> {
  const outside = await checkFolderLink(fs, dir, sub);
  if (outside) {
    diagnostics.push(outside);
    return [];
  }
  let entries;
  try {
    entries = await fs.readdir(path.join(dir, sub), { withFileTypes: true, recursive: true });
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return [];
    throw fileSystemError('Cannot read the folder', path.join(dir, sub), error);
  }
  const names: string[] = [];
  const problems: Diagnostic[] = [];
  for (const entry of entries) {
    const name = path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (!wanted(name)) {
      if (!entry.isDirectory?.()) skipped?.(name);
      continue;
    }
    if (entry.isFile()) names.push(name);
    else if (entry.isDirectory?.() && YAML_FILE.test(name)) {
      // sessions/09-visit.yaml/ is a folder: nothing in it is a session, and it was skipped without a word.
      const at = { line: 1, column: 1, offset: 0 };
      problems.push({ code: 'not-a-file', severity: 'warning', stage: 'load', message: `${name} is a folder, not a notes file: nothing in it is read.`, hint: 'Move the notes file out of the folder, or rename the folder so that it does not end in .yaml.', location: { file: name, start: at, end: at } });
    } else if (entry.isSymbolicLink()) {
      const link = await checkLink(fs, dir, entry, name);
      if (link === 'file') names.push(name);
      else problems.push(link);
    }
  }
  diagnostics.push(...problems.sort((a, b) => compareCodePoints(a.location!.file, b.location!.file)));
  return names.sort(compareCodePoints);
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

async function readSource(fs: FileSystem, dir: string, name: string): Promise<SourceFile | { diagnostic: Diagnostic; shown?: string }> {
  const full = path.join(dir, name);
  try {
    // The real disk is read the quick way (see readFileUpTo); an injected one (tests) through its calls.
    const quick = fs === nodeFs ? readFileUpTo(full, LIMITS.fileBytes) : undefined;
    const size = quick === undefined ? (await fs.stat(full)).size : quick instanceof Uint8Array ? quick.length : quick.size;
    if (size > LIMITS.fileBytes) {
      return {
        diagnostic: {
          code: 'file-too-large', severity: 'error', stage: 'load',
          message: `The file is ${(size / 1024 / 1024).toFixed(1)} MiB; notes files are limited to ${LIMITS.fileBytes / 1024 / 1024} MiB.`,
          hint: 'Split the notes into several session files, or check that this is really a notes file.',
          location: { file: name, start: { line: 1, column: 1, offset: 0 }, end: { line: 1, column: 1, offset: 0 } },
        },
      };
    }
    const decoded = decodeUtf8(name, quick instanceof Uint8Array ? quick : await fs.readFile(full));
    return decoded.ok ? { path: name, text: decoded.text } : { diagnostic: decoded.diagnostic, shown: decoded.shown };
  } catch (error) {
    throw fileSystemError('Cannot read', full, error);
  }
}

/** Runs `fn` over `items` with at most `limit` in flight, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
