import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import type { DirEntry, FileSystem } from './file-system.js';

/**
 * Files where notes are not read, that were left out of the report without a word: a file of a
 * notes folder that is not YAML (a Word or Excel file, a name ending in a space), and notes saved
 * beside workshop.yaml (or programme.yaml) instead of in their folder. Each is one `not-read` warning.
 */

/** A notes file's name: `.yaml` or `.yml`, in any case. */
export const YAML_FILE = /\.ya?ml$/i;

/** A folder name as it may be mistyped: case, `-` or `_`, a plural. */
export const folderStem = (name: string) => name.toLowerCase().replace(/[-_ .]/g, '').replace(/ies$/, 'y').replace(/s$/, '');
const FILE_START = { line: 1, column: 1, offset: 0 };

/** What each notes folder holds, as said in a hint (“write the report into …”). */
const HOLDS: Record<string, string> = { sessions: 'the session\'s notes', countries: 'the country\'s notes', 'follow-up': 'the report' };

/**
 * Files of a notes folder that are the editor's or the system's own, never notes: dotfiles
 * (`.DS_Store`, `.s1.yaml.swp`), backups (`name~`, `#name#`, `.bak`, `.orig`, `.swp`, `.tmp`), an
 * Office lock file (`~$name.docx`), a README, Windows' `Thumbs.db` and `desktop.ini`.
 */
const NOT_NOTES = /^(\.|~|#.*#$|readme(\.|$)|thumbs\.db$|desktop\.ini$)|~$|\.(bak|orig|swp|tmp)$/i;

/**
 * A file the system or an office program keeps beside the notes, never notes itself: a hidden file
 * (macOS's `._01-opening.yaml` on a USB stick, an editor's `.#…`, LibreOffice's `.~lock.…#`) or
 * Office's lock file (`~$01-opening.yaml`, while Word has it open). Read as notes, its binary bytes
 * stopped the build (“The file contains a NUL byte”) for a file the rapporteur cannot even see.
 */
export function isSystemFile(name: string): boolean {
  const base = name.slice(name.lastIndexOf('/') + 1);
  return base.startsWith('.') || base.startsWith('~$');
}

/** A notes file whose extension an editor changed or left out: `.yaml.txt`, `.txt`, `.json` (JSON is YAML), none. */
const RENAMEABLE = /^(.*\.ya?ml\.[a-z0-9]+|.*\.(txt|json)|[^.]+)$/i;

/**
 * A file in `sub`/ (sessions/, countries/, follow-up/) that is not read for its name: one warning
 * saying what to do, or none for the editor's own files (NOT_NOTES). `name` is the project path.
 */
export function strayInNotesFolder(name: string, sub: string): Diagnostic | undefined {
  const base = name.slice(sub.length + 1);
  if (base.includes('/') || NOT_NOTES.test(base)) return undefined;
  const warn = (message: string, hint: string): Diagnostic => ({ code: 'not-read', severity: 'warning', stage: 'load', message, hint, location: { file: name, start: FILE_START, end: FILE_START } });
  const trimmed = base.replace(/[\s\u00a0\u200b\ufeff]+$/u, '');
  // Notes under a name the reader skips: the file they would be read as stands for them (see
  // STANDS_FOR), so what refers to them or translates them is not blamed too (a session saved as
  // .yaml.txt made an unknown-id error in each session naming its recommendations).
  const standsFor = (diagnostic: Diagnostic, meant: string): Diagnostic => {
    STANDS_FOR.set(diagnostic, `${sub}/${meant}`);
    return diagnostic;
  };
  if (trimmed !== base && YAML_FILE.test(trimmed)) {
    return standsFor(warn(`“${name}” is not read: its name ends with a space after .yaml, so nothing of it is in the report.`, `Rename it ${trimmed}, without the trailing space.`), trimmed);
  }
  if (RENAMEABLE.test(base)) {
    const meant = base.replace(/(\.ya?ml)?\.[^./]*$|^[^.]+$/i, (found) => (found.startsWith('.') ? '.yaml' : `${found}.yaml`));
    return standsFor(warn(`${name} is not read: only the .yaml and .yml files of ${sub}/ are, so nothing of it is in the report.`, `Rename it ${meant} (an editor may have added its own extension).`), meant);
  }
  const stem = base.slice(0, base.lastIndexOf('.'));
  return warn(`${name} is not read: notes are YAML (.yaml) files, so nothing of it is in the report.`,
    `Write ${HOLDS[sub] ?? 'the notes'} into ${sub}/${stem}.yaml, or move this file out of ${sub}/ if it is not meant to be read.`);
}

/**
 * What a `not-read` warning of notes left out stands for: the folder (`countries`) or the file
 * (`sessions/03-extra.yaml`) they would be read as. The checks then take that place as one that
 * could not be read: what refers to its notes, or translates them, is not blamed for their absence.
 */
export const STANDS_FOR = new WeakMap<Diagnostic, string>();

/** The keys that tell a kind of notes, and the folder it is read from. */
const KINDS = [
  { folder: 'follow-up', what: 'a follow-up report', test: (keys: Set<string>) => keys.has('updates') && (keys.has('date') || keys.has('reported_by')), shown: ['date', 'reported_by', 'updates'] },
  { folder: 'sessions', what: 'a session\'s notes', test: (keys: Set<string>) => keys.has('title') && (keys.has('date') || keys.has('type')) && !keys.has('dates') && !keys.has('workshops'), shown: ['title', 'date', 'type'] },
  { folder: 'countries', what: 'a country\'s notes', test: (keys: Set<string>) => keys.has('country') && !keys.has('title') && !keys.has('dates'), shown: ['country'] },
] as const;

/** The folder and how it is said: what a YAML file's top-level keys make it, if notes. Pure. */
export function notesKind(text: string): { folder: string; what: string; keys: string[]; country?: string } | undefined {
  const keys = new Set([...text.matchAll(/^([A-Za-z_][\w-]*)[ \t]*:(?=\s|$)/gm)].map((match) => match[1]!));
  const kind = KINDS.find((candidate) => candidate.test(keys));
  if (!kind) return undefined;
  const country = /^country[ \t]*:[ \t]*["']?([A-Z]{3})["']?[ \t]*(#.*)?$/m.exec(text)?.[1];
  return { folder: kind.folder, what: kind.what, keys: kind.shown.filter((key) => keys.has(key)), ...(country ? { country } : {}) };
}

/**
 * The YAML files among `entries` of a project's (or programme's) own folder that hold notes: a
 * session, a follow-up report or a country's notes saved beside workshop.yaml (or, `programme`,
 * programme.yaml). `where` is the hint: where it goes. Files in `skip`, dotfiles and files over the
 * size limit are not opened.
 */
export async function notesBeside(fs: FileSystem, dir: string, entries: readonly DirEntry[], skip: ReadonlySet<string>, where: (folder: string, name: string) => string, programme = false): Promise<Diagnostic[]> {
  const found: Diagnostic[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !YAML_FILE.test(entry.name) || entry.name.startsWith('.') || skip.has(entry.name)) continue;
    const full = path.join(dir, entry.name);
    const text = await fs.stat(full).then((stat) => (stat.size <= LIMITS.fileBytes ? fs.readFile(full) : undefined), () => undefined).then((bytes) => (bytes ? new TextDecoder().decode(bytes) : undefined), () => undefined);
    const kind = text === undefined ? undefined : notesKind(text);
    if (!kind) continue;
    const name = kind.folder === 'countries' && kind.country ? `${kind.country}.yaml` : entry.name;
    const diagnostic: Diagnostic = {
      code: 'not-read', severity: 'warning', stage: 'load',
      message: `${entry.name} is not read: it holds ${kind.what} (${kind.keys.join(', ')}), and ${kind.folder === 'sessions' ? 'sessions' : kind.folder === 'countries' ? 'country files' : 'follow-up reports'} are read from ${programme ? `each workshop's own ${kind.folder}/ folder` : `the folder ${kind.folder}/`} only, so nothing of it is in the report.`,
      hint: where(kind.folder, name),
      location: { file: entry.name, start: FILE_START, end: FILE_START },
    };
    if (!programme) STANDS_FOR.set(diagnostic, `${kind.folder}/${name}`);
    found.push(diagnostic);
  }
  return found.sort((a, b) => (a.location!.file < b.location!.file ? -1 : 1));
}

/**
 * A folder without workshop.yaml that holds it under another name (`Workshop.yaml`,
 * `workshop.yaml.txt`, `workshop.yaml ` with a space): that name and the hint to rename it.
 */
export function misnamedWorkshopFile(names: readonly string[]): { name: string; hint: string } | undefined {
  const name = names.find((candidate) => /^workshop(\.ya?ml)?(\.(txt|json))?$/i.test(candidate.trim()) && candidate.trim() !== 'workshop');
  if (name === undefined) return undefined;
  const shown = name.trim() === name ? name : `“${name}”`;
  const meant = /\.yml/i.test(name) && !/\.(txt|json)$/i.test(name.trim()) ? 'workshop.yml' : 'workshop.yaml';
  const why = name.trim() !== name ? ', without the trailing space' : /\.(txt|json)$/i.test(name.trim()) ? ' (an editor may have added its own extension)' : ' (all in lower case)';
  return { name, hint: `Rename ${shown} to ${meant}${why}.` };
}

/** What each notes folder holds, as a programme's warning says it. */
const FOLDER_HOLDS: Record<string, string> = { sessions: 'session files', countries: 'country files', 'follow-up': 'follow-up reports' };

/**
 * A programme's folder holds programme.yaml and its templates: a notes folder there (follow-up/,
 * sessions/, countries/) or a notes file (a session, a follow-up report) is not read, and was left
 * out without a word. One warning each, naming where it goes: the same folder of each workshop
 * programme.yaml lists (`workshops`, as written).
 */
export async function programmeNotes(fs: FileSystem, dir: string, workshops: readonly string[]): Promise<Diagnostic[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch(() => []);
  const where = (folder: string) => {
    const shown = workshops.slice(0, 3).map((workshop) => `${workshop.replace(/\/+$/, '')}/${folder}/`);
    const more = workshops.length - shown.length;
    if (more > 0) shown.push(`the ${more} other${more === 1 ? '' : 's'} programme.yaml lists`);
    const list = shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]!}` : shown[0];
    return `the ${folder}/ folder of its workshop${list === undefined ? '' : `: ${list}`}`;
  };
  const found: Diagnostic[] = [];
  for (const entry of entries) {
    if (entry.isDirectory?.() !== true) continue;
    const folder = Object.keys(FOLDER_HOLDS).find((candidate) => folderStem(candidate) === folderStem(entry.name));
    if (folder === undefined) continue;
    found.push({
      code: 'not-read', severity: 'warning', stage: 'load',
      message: `The folder ${entry.name}/ is not read: this is a programme's folder (it holds programme.yaml), and ${FOLDER_HOLDS[folder]} go into each workshop's own ${folder}/ folder.`,
      hint: `Move each of them into ${where(folder)}.`,
      location: { file: entry.name, start: FILE_START, end: FILE_START },
    });
  }
  const files = await notesBeside(fs, dir, entries, new Set(['programme.yaml']), (folder) => `Move it into ${where(folder)}.`, true);
  return [...found.sort((a, b) => (a.location!.file < b.location!.file ? -1 : 1)), ...files];
}
