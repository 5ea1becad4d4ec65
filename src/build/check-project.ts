import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { programmeFacts, type ProgrammeFacts } from '../validate/programme-same-as.js';
import type { FileSystem } from '../load/file-system.js';
import { load, type LoadedProject } from '../load/index.js';
import { readProject, type ReadResult } from '../load/read-project.js';
import { countryTable } from '../reference/countries.js';
import { validate, type CheckedProject } from '../validate/index.js';
import { imageDiagnostics, imagePlaces, imageReferences, readableImages } from '../validate/images.js';
import { readImageFiles } from '../load/image-files.js';
import { openNotesCache } from './cache.js';
import { imageFingerprint, type Verdict } from './cache-verdict.js';
import { sourceTexts } from './check-problems.js';
import { parseInParallel } from './parallel-parse.js';
import type { Timings } from './timings.js';
import type { WarmState } from './warm.js';
import { hasTemplatesFolder } from './templates-folder.js';
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
export async function withTemplateProblems(checked: CheckedResult, cwd: string, own: boolean, templatesOption?: string): Promise<CheckedResult> {
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
export async function checkRead(dir: string, read: ReadResult, options: CheckOptions): Promise<{ checked: CheckedResult; images: Verdict['images']; fonts: ThemeFont[]; fontProblems: Diagnostic[] }> {
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
