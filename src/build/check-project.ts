import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { programmeFacts, type ProgrammeFacts } from '../validate/programme-same-as.js';
import type { FileSystem } from '../load/file-system.js';
import { load, type LoadedProject, type ProjectSources } from '../load/index.js';
import { readProject, type ReadResult } from '../load/read-project.js';
import { countryTable } from '../reference/countries.js';
import { validate, type CheckedProject } from '../validate/index.js';
import { imageDiagnostics, imagePlaces, imageReferences, readableImages } from '../validate/images.js';
import { readImageFiles } from '../load/image-files.js';
import { openNotesCache } from './cache.js';
import { imageFingerprint, readVerdict, verdictKey, writeVerdict, type Verdict } from './cache-verdict.js';
import { parseInParallel } from './parallel-parse.js';
import type { Timings } from './timings.js';
import type { WarmState } from './warm.js';
import { hasTemplatesFolder, projectTemplateTexts } from './templates.js';
import { themeFontProblems, themeFonts, type ThemeFont } from './theme-fonts.js';

export interface CheckedResult {
  dir: string;
  loaded: LoadedProject;
  /** Present when every file passed its schema. */
  project?: CheckedProject;
  diagnostics: Diagnostic[];
  /** File texts by project-relative path, for code frames. */
  sources: Map<string, string>;
  /** Where the notes first name each image, by its path as written. */
  imagePlaces: Map<string, Location>;
  /** With a cache: files read from it and files parsed, and why it could not be written, if it could not. */
  cache?: CacheReport;
}

export interface CacheReport {
  hits: number;
  misses: number;
  warning?: string;
}

/**
 * read → load → validate: what `validate` does and `build` starts with. `cacheIn`: the folder of
 * the on-disk cache (--cache), where unchanged files' parse results are read instead of parsing them.
 */
export async function checkProject(dirArgument: string, cwd: string, timings?: Timings, warm?: WarmState, fs?: FileSystem, cacheIn?: string): Promise<CheckedResult> {
  const dir = path.resolve(cwd, dirArgument);
  const read = await readProject(dir, fs);
  timings?.mark('read');
  return (await checkRead(dir, read, { ...(timings ? { timings } : {}), ...(warm ? { warm } : {}), ...(fs ? { fs } : {}), ...(cacheIn !== undefined ? { cacheIn } : {}) })).checked;
}

/** checkProject of a project whose files are already being read (a programme reads its next workshop while it builds one). */
export async function checkReadProject(dir: string, read: Promise<ReadResult>, cacheIn?: string): Promise<CheckedResult> {
  return (await checkRead(dir, await read, cacheIn !== undefined ? { cacheIn } : {})).checked;
}

/** What a command that only reports problems needs of a project (see checkProblems). */
export interface ProblemsResult {
  dir: string;
  diagnostics: Diagnostic[];
  sources: Map<string, string>;
  cache?: CacheReport;
  /** What a programme's rules need of the workshop (its notes passed their schema). */
  facts?: ProgrammeFacts;
}

/**
 * The problems of a project, as checkProject finds them, for a command that needs nothing else
 * (`validate` of a programme). With a cache, a project whose notes, assets and named images are
 * unchanged is not loaded or validated at all: its stored verdict is the answer (cache-verdict.ts).
 */
export async function checkProblems(dirArgument: string, cwd: string, cacheIn?: string, fs?: FileSystem, templatesOption?: string): Promise<ProblemsResult> {
  const dir = path.resolve(cwd, dirArgument);
  const read = await readProject(dir, fs);
  // Its own templates (or --templates') are checked too (see validateProject), and are part of its verdict's key.
  const own = templatesOption !== undefined || await hasTemplatesFolder(dir);
  const templates = own ? await projectTemplateTexts(dir, templatesOption, cwd) : [];
  const sources = new Map([...sourceTexts(read), ...templates]);
  if (cacheIn === undefined) {
    // Only the problems are kept: a programme's 100 workshops' data would stay in memory otherwise.
    const { checked } = await checkRead(dir, read, fs ? { fs } : {});
    return { dir, diagnostics: (await withTemplateProblems(checked, cwd, own, templatesOption)).diagnostics, sources, ...factsOf(checked) };
  }
  const key = verdictKey(read.sources, templates);
  const stored = await readVerdict(cacheIn, dir, key, fs);
  if (stored && await imagesUnchanged(dir, stored, fs)) {
    // The theme's fonts are looked at again: they are no part of the verdict.
    const fontProblems = await themeFontProblems(dir, stored.fonts ?? [], fs);
    return { dir, diagnostics: [...read.diagnostics, ...stored.diagnostics, ...fontProblems], sources, cache: { hits: sourceCount(read.sources), misses: 0 }, ...(stored.facts ? { facts: stored.facts } : {}) };
  }
  const { checked, images, fonts, fontProblems } = await checkRead(dir, read, { cacheIn, ...(fs ? { fs } : {}) });
  const diagnostics = (await withTemplateProblems(checked, cwd, own, templatesOption)).diagnostics;
  const verdict: Verdict = { key, diagnostics: diagnostics.slice(read.diagnostics.length).filter((d) => !fontProblems.includes(d)), images, fonts, ...factsOf(checked) };
  const warning = await writeVerdict(cacheIn, dir, verdict, fs);
  const cache = checked.cache && (warning && !checked.cache.warning ? { ...checked.cache, warning } : checked.cache);
  return { dir, diagnostics, sources, ...(cache ? { cache } : {}), ...factsOf(checked) };
}

/**
 * `validate` of a workshop: checkProject, then its own templates as `build` checks them before
 * rendering (see checkWorkshopTemplates), so that a CI job's `validate` fails where `build` would.
 */
export async function validateProject(dirArgument: string, cwd: string, timings?: Timings, cacheIn?: string, templatesOption?: string): Promise<CheckedResult> {
  const checked = await checkProject(dirArgument, cwd, timings, undefined, undefined, cacheIn);
  return withTemplateProblems(checked, cwd, templatesOption !== undefined || await hasTemplatesFolder(checked.dir), templatesOption);
}

/**
 * A checked project with its own templates' problems, when it has templates (`own`) or custom
 * documents, and its notes passed their schemas (documents and languages are known). The template
 * machinery (Handlebars) is loaded only then: `validate` of a project without either does not need it.
 */
async function withTemplateProblems(checked: CheckedResult, cwd: string, own: boolean, templatesOption?: string): Promise<CheckedResult> {
  // Without templates of its own, only a custom document's template can be missing (a shipped one's name misspelt).
  if (!checked.project || (!own && !(checked.project.workshop.data.report?.documents ?? []).some((entry) => typeof entry !== 'string'))) return checked;
  const { checkWorkshopTemplates } = await import('./project-templates.js');
  const templates = await checkWorkshopTemplates(checked.project, checked.dir, cwd, templatesOption);
  if (templates.diagnostics.length === 0) return checked;
  return { ...checked, diagnostics: [...checked.diagnostics, ...templates.diagnostics], sources: new Map([...checked.sources, ...templates.sources]) };
}

/** `{ facts }` of a checked project whose notes passed their schema, else nothing. */
export function factsOf(checked: CheckedResult): { facts?: ProgrammeFacts } {
  return checked.project ? { facts: programmeFacts(checked.project) } : {};
}

interface CheckOptions {
  timings?: Timings;
  warm?: WarmState;
  fs?: FileSystem;
  cacheIn?: string;
}

/** load → validate of a project read; also the fingerprints of the images it named, for a verdict. */
async function checkRead(dir: string, read: ReadResult, options: CheckOptions): Promise<{ checked: CheckedResult; images: Verdict['images']; fonts: ThemeFont[]; fontProblems: Diagnostic[] }> {
  const { timings, warm, fs, cacheIn } = options;
  const store = cacheIn === undefined ? undefined : await openNotesCache(cacheIn, dir, fs);
  const loaded = load(read.sources, await parseInParallel(read.sources, { ...(warm ? { cache: warm.parsed } : {}), ...(store ? { store } : {}) }));
  timings?.mark('parse');
  // Written while the project is validated; awaited at the end.
  const saving = store?.save();
  const validated = validate(loaded.project, countryTable());
  // Every image the build would use is read and judged now, so `validate` finds what `build` would refuse.
  const refs = imageReferences(loaded.project);
  const wanted = readableImages(refs);
  const files = await readImageFiles(dir, wanted, fs);
  const images = imageDiagnostics(refs, files);
  // (Once the notes passed their schemas: a font path that is not .ttf or .otf is an error already.)
  const fonts = validated.project ? themeFonts(loaded.project.workshop) : [];
  const fontProblems = await themeFontProblems(dir, fonts, fs);
  const warning = await saving;
  timings?.mark('validate');
  return {
    checked: {
      dir,
      loaded: loaded.project,
      ...(validated.project ? { project: validated.project } : {}),
      diagnostics: [...read.diagnostics, ...loaded.diagnostics, ...validated.diagnostics, ...images, ...fontProblems],
      sources: sourceTexts(read),
      imagePlaces: imagePlaces(refs),
      ...(store ? { cache: { ...store.stats, ...(warning ? { warning } : {}) } } : {}),
    },
    images: cacheIn === undefined ? [] : [...new Set(wanted)].map((src) => [src, imageFingerprint(files(src))]),
    fonts,
    fontProblems,
  };
}

/** Whether every image a verdict was given with is still what it was. */
async function imagesUnchanged(dir: string, verdict: Verdict, fs?: FileSystem): Promise<boolean> {
  if (verdict.images.length === 0) return true;
  const files = await readImageFiles(dir, verdict.images.map(([src]) => src), fs);
  return verdict.images.every(([src, fingerprint]) => imageFingerprint(files(src)) === fingerprint);
}

/** The texts of a project's files by path, for code frames: a file refused for its encoding as far as it can be read. */
function sourceTexts(read: ReadResult): Map<string, string> {
  const { workshop, sessions, countries, translations = [], followUps = [] } = read.sources;
  return new Map([...[workshop, ...sessions, ...countries, ...translations, ...followUps].map((file) => [file.path, file.text] as const), ...(read.shown ?? [])]);
}

function sourceCount(sources: ProjectSources): number {
  return 1 + sources.sessions.length + sources.countries.length + (sources.translations?.length ?? 0) + (sources.followUps?.length ?? 0);
}
