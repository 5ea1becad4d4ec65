import { readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { parseYamlFile } from '../load/parse-yaml.js';
import { decodeUtf8 } from '../load/decode.js';
import { fileSystemError, nodeFs } from '../load/file-system.js';
import { programmeNotes } from '../load/stray-files.js';
import type { ParsedFile } from '../load/index.js';
import { locate } from '../load/index.js';
import type { Organization, Language } from '../notes/types.js';
import { checkProgrammeSameAs, type ProgrammeFacts } from '../validate/programme-same-as.js';
import { duplicateOrganizerIds } from '../validate/programme-organizers.js';
import { idsElsewhere, actionsWithoutCalendarId, type ActionOwner } from '../validate/programme-actions.js';
import { checkAgainstSchema } from '../validate/recover.js';
import { suggest } from '../validate/suggest.js';
import { checkProblems, type ProblemsResult } from './check-problems.js';
import { mapLimit } from '../load/read-project.js';
import { cacheIn } from './cache.js';
import type { BuildOptions } from './pipeline.js';
import { hasTemplatesFolder } from './templates-folder.js';

// Checking a programme: programme.yaml, then every workshop it lists, and the rules across them.
// What `validate` of a programme loads (see checkProgrammeProblems); `build` builds on checkWorkshops.

export interface ProgrammeNotes {
  title: string;
  subtitle?: string;
  organizers?: Organization[];
  language?: Language;
  workshops: string[];
}

/** A workshop's id in its programme: its folder's name (`niamey-2022`), as `same_as: niamey-2022:api-pnr` names it. */
export const programmeId = (dir: string) => path.basename(dir);

export interface ProgrammeCheck<Checked = ProblemsResult> {
  dir: string;
  file: ParsedFile;
  programme?: ProgrammeNotes;
  /** programme.yaml's own problems (located in it). */
  diagnostics: Diagnostic[];
  /** Each workshop listed, checked as `validate` checks a workshop. */
  workshops: Array<{ folder: string; dir: string; checked: Checked }>;
}

/** What checking a programme may use: an on-disk cache for every workshop's notes (see BuildOptions.cache). */
export interface ProgrammeCheckOptions extends Pick<BuildOptions, 'cache' | 'cacheLocation' | 'templates'> {
  /** The programme's output folder, relative to `cwd` (default DIR/out): the cache's default place. */
  programmeOut?: string;
}

/**
 * The problems of a programme and of every workshop it lists, and nothing else (`validate`): with a
 * cache, an unchanged workshop's stored verdict is its answer (see checkProblems).
 */
export async function checkProgrammeProblems(dirArgument: string, cwd: string, options: ProgrammeCheckOptions = {}): Promise<ProgrammeCheck<ProblemsResult> & { sources: Map<string, string> }> {
  // Without a templates/ folder, the shipped templates (tested) are all there is to check: Handlebars is not even loaded.
  const programmeDir = path.resolve(cwd, dirArgument);
  const { diagnostics, sources } = options.templates !== undefined || await hasTemplatesFolder(programmeDir) ? await (await import('./programme-templates.js')).programmeTemplates(programmeDir, options.templates, cwd, true) : { diagnostics: [], sources: new Map<string, string>() };
  const check = await checkWorkshops(dirArgument, cwd, options, (listed, cache) => mapLimit(listed, WORKSHOPS_AT_ONCE, (workshop) => checkProblems(workshop.dir, cwd, cache, undefined, options.templates)), (checked) => checked.facts);
  return { ...check, diagnostics: [...check.diagnostics, ...diagnostics], sources };
}

/** Workshops checked at once: one reads its files while another is checked. */
export const WORKSHOPS_AT_ONCE = 4;

/** programme.yaml, then `checkAll` over the workshops it lists (those that exist, each once), in their order. */
export async function checkWorkshops<Checked extends { diagnostics: Diagnostic[]; sources?: Map<string, string> }>(dirArgument: string, cwd: string, options: ProgrammeCheckOptions, checkAll: (listed: ReadonlyArray<{ folder: string; dir: string }>, cache: string | undefined) => Promise<Checked[]>, factsOf: (checked: Checked) => ProgrammeFacts | undefined, onProgramme?: (programme: ProgrammeNotes) => void): Promise<ProgrammeCheck<Checked>> {
  const dir = path.resolve(cwd, dirArgument);
  // One cache folder for the whole programme (one file in it per workshop): one folder for CI to keep.
  const cache = cacheIn(options, path.resolve(cwd, options.programmeOut ?? path.join(dir, 'out')), cwd);
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path.join(dir, 'programme.yaml'));
  } catch (error) {
    throw fileSystemError('Cannot read', path.join(dir, 'programme.yaml'), error);
  }
  // Read as the workshops' notes are: a file saved as UTF-16 (Notepad's “Unicode”) or in Latin-1 is said as such.
  const decoded = decodeUtf8('programme.yaml', bytes);
  if (!decoded.ok) return { dir, file: parseYamlFile({ path: 'programme.yaml', text: '' }, 'programme').file, diagnostics: [decoded.diagnostic], workshops: [] };
  const parsed = parseYamlFile({ path: 'programme.yaml', text: decoded.text }, 'programme');
  const recovered = checkAgainstSchema(parsed.file, 'programme');
  const diagnostics = [...parsed.diagnostics, ...recovered.diagnostics];
  // Notes saved in the programme's folder (a follow-up/ beside programme.yaml) are not read: said, with each workshop's folder.
  const workshops = (recovered.data as { workshops?: unknown } | undefined)?.workshops;
  diagnostics.push(...(await programmeNotes(nodeFs, dir, Array.isArray(workshops) ? workshops.filter((folder): folder is string => typeof folder === 'string') : [])));
  const result: ProgrammeCheck<Checked> = { dir, file: parsed.file, diagnostics, workshops: [] };
  if (hasErrors(diagnostics) || recovered.data === undefined) return result;
  const programme = recovered.data as ProgrammeNotes;
  result.programme = programme;
  // (Not a reason to leave the workshops unchecked: said with their problems, as a workshop listed twice is.)
  diagnostics.push(...duplicateOrganizerIds(parsed.file, programme.organizers));
  onProgramme?.(programme);
  const seen = new Map<string, number>();
  const listed: Array<{ folder: string; dir: string; index: number }> = [];
  const unresolved: string[] = [];
  for (const [index, folder] of programme.workshops.entries()) {
    const at = locate(parsed.file, ['workshops', index], 'value');
    const workshopDir = path.resolve(dir, folder);
    // The folder itself, links followed: `../rabat-link`, a link to rabat-2022, is rabat-2022 again
    // (built twice at once into one out/, each build failed half-way).
    const real = await realpath(workshopDir).catch(() => workshopDir);
    const earlier = seen.get(real);
    if (earlier !== undefined) {
      const first = { ...locate(parsed.file, ['workshops', earlier], 'value'), message: 'listed first here' };
      const same = programme.workshops[earlier]!;
      const again = path.resolve(dir, same) === workshopDir;
      diagnostics.push({ code: 'duplicate-id', severity: 'error', stage: 'validate', message: again ? `${folder} is listed twice.` : `${folder} is ${same} again: one of them is a link to the other's folder.`, hint: 'List each workshop once.', location: at, related: [first] });
      continue;
    }
    seen.set(real, index);
    const named = listed.find((w) => programmeId(w.dir) === programmeId(workshopDir));
    if (named) {
      const other = { ...locate(parsed.file, ['workshops', named.index], 'value'), message: `${named.folder}, listed here` };
      diagnostics.push({ code: 'duplicate-id', severity: 'error', stage: 'validate', message: `${folder} has the same folder name as ${named.folder}: a workshop's id in the programme is its folder's name.`, hint: 'Rename one of the folders (e.g. niamey-2022 and niamey-2023).', location: at, related: [other] });
      continue;
    }
    if (!(await stat(path.join(workshopDir, 'workshop.yaml')).then(() => true, () => false))) {
      // `../rabat-2022/workshop.yaml`: the file, where its folder goes.
      const file = /(^|\/)workshop\.ya?ml$/i.test(folder) && (await stat(path.join(path.dirname(workshopDir), 'workshop.yaml')).then(() => true, () => false));
      // (Not a folder programme.yaml lists already: `../niamey-2023` beside `../niamey-2022`, a workshop still to come.)
      const near = file ? undefined : await nearWorkshopFolder(workshopDir, new Set(programme.workshops.map((other) => path.resolve(dir, other))));
      const exists = !file && (await stat(workshopDir).then((found) => found.isDirectory(), () => false));
      const meant = file ? path.dirname(folder) : near ? path.join(path.dirname(folder), near).split(path.sep).join('/') : undefined;
      // A same_as into it is judged once it is listed right: "not a workshop of the programme" is this mistake's consequence.
      unresolved.push(programmeId(file ? path.dirname(workshopDir) : near ? path.join(path.dirname(workshopDir), near) : workshopDir));
      const hint = file ? `Give the workshop's folder, not its file: “${meant}”.` : meant ? `Did you mean “${meant}”?` : `Give the folder of a workshop, relative to programme.yaml (e.g. ../rabat-2022)${exists ? '' : ', or remove this line until the workshop has its notes'}.`;
      diagnostics.push({ code: 'broken-link', severity: 'error', stage: 'validate', message: file ? `${folder} is a workshop's file: programme.yaml lists workshop folders.` : exists ? `${folder} holds no workshop.yaml.` : `${folder} does not exist.`, hint, location: at });
      continue;
    }
    listed.push({ folder, dir: workshopDir, index });
  }
  const checked = await checkAll(listed, cache);
  const judged = withProgrammeRules(listed.map((workshop, index) => ({ id: programmeId(workshop.dir), dir: workshop.dir, facts: factsOf(checked[index]!) })), unresolved, checked);
  // (The rules' problems point into files whose texts a check kept only for its own: see framed.)
  result.workshops = await Promise.all(listed.map(async (workshop, index) => ({ ...workshop, checked: await withTextsOf(judged[index]!, workshop.dir) })));
  return result;
}

/**
 * The programme's rules over its workshops (judged by their facts), on each workshop's diagnostics:
 * same_as: WORKSHOP:ID across workshops, reported in the workshop that writes it; a follow-up report
 * naming another workshop's action or recommendation, said whose and where the report belongs; an action without an
 * id, whose task's UID in actions.ics is its number (actionsWithoutCalendarId). On its check's, and in
 * a build on its build's too, which are what a build reports (they hold its check's, without these:
 * a build said none of these warnings). `unresolved`: the ids of workshops listed but not found.
 * New arrays: a result may be shared. Pure.
 */
export function withProgrammeRules<T extends { diagnostics: Diagnostic[] }>(members: readonly ActionOwner[], unresolved: readonly string[], results: readonly T[]): T[] {
  const crossWorkshop = checkProgrammeSameAs([...members.map(({ id, facts }) => ({ id, facts })), ...unresolved.map((id) => ({ id }))]);
  return actionsWithoutCalendarId(members, idsElsewhere(members, results)).map((own, index) => (crossWorkshop[index]!.length ? { ...own, diagnostics: [...own.diagnostics, ...crossWorkshop[index]!] } : own));
}

/**
 * `checked` with the texts of the files its diagnostics point into that its sources lack (a
 * programme rule's, added after its check kept only its own: see framed), read now for their code
 * frames; a file that cannot be read is shown without one.
 */
async function withTextsOf<T extends { diagnostics: Diagnostic[]; sources?: Map<string, string> }>(checked: T, dir: string): Promise<T> {
  const { sources } = checked;
  if (sources === undefined) return checked;
  const missing = [...new Set(checked.diagnostics.flatMap((d) => (d.location && !sources.has(d.location.file) ? [d.location.file] : [])))];
  if (missing.length === 0) return checked;
  const texts = await Promise.all(missing.map(async (file) => {
    const bytes = await readFile(path.resolve(dir, file)).catch(() => undefined);
    const decoded = bytes && decodeUtf8(file, bytes);
    return decoded?.ok ? [[file, decoded.text] as const] : [];
  }));
  return { ...checked, sources: new Map([...sources, ...texts.flat()]) };
}

/** The name of a folder beside `dir` that holds a workshop and is close to `dir`'s name (`niamy-2022` → `niamey-2022`). */
async function nearWorkshopFolder(dir: string, listed: ReadonlySet<string> = new Set()): Promise<string | undefined> {
  const siblings = await readdir(path.dirname(dir), { withFileTypes: true }).catch(() => []);
  const near = suggest(path.basename(dir), siblings.filter((entry) => entry.isDirectory() && !listed.has(path.join(path.dirname(dir), entry.name))).map((entry) => entry.name));
  if (near === undefined) return undefined;
  return (await stat(path.join(path.dirname(dir), near, 'workshop.yaml')).then(() => true, () => false)) ? near : undefined;
}

