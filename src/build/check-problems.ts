import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { ProgrammeFacts } from '../validate/programme-same-as.js';
import type { FileSystem } from '../load/file-system.js';
import type { ProjectSources } from '../load/index.js';
import { readProject, type ReadResult } from '../load/read-project.js';
import { readImageFiles } from '../load/image-files.js';
import { imageFingerprint, readVerdict, verdictKey, writeVerdict, type Verdict } from './cache-verdict.js';
import type { CacheReport } from './check-project.js';
import { hasTemplatesFolder } from './templates-folder.js';
import { themeFontProblems } from './theme-fonts.js';

// What `validate` of a programme runs for each workshop. With a warm cache, nothing more is loaded:
// the parser, the rules and the Markdown machinery (check-project.ts) are imported only when a
// workshop's verdict has to be made again.

/** What a command that only reports problems needs of a project (see checkProblems). */
export interface ProblemsResult {
  dir: string;
  diagnostics: Diagnostic[];
  /** The texts of the files the diagnostics point into, by path (see framed). */
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
  const templates = own ? await (await import('./templates.js')).projectTemplateTexts(dir, templatesOption, cwd) : [];
  const sources = new Map([...sourceTexts(read), ...templates]);
  if (cacheIn === undefined) {
    // Only the problems are kept: a programme's 100 workshops' data would stay in memory otherwise.
    const { checkRead, factsOf, withTemplateProblems } = await import('./check-project.js');
    const { checked } = await checkRead(dir, read, fs ? { fs } : {});
    const { diagnostics } = await withTemplateProblems(checked, cwd, own, templatesOption);
    return { dir, diagnostics, sources: framed(sources, diagnostics), ...factsOf(checked) };
  }
  const key = verdictKey(read.sources, templates);
  const stored = await readVerdict(cacheIn, dir, key, fs);
  if (stored && await imagesUnchanged(dir, stored, fs)) {
    // The theme's fonts are looked at again: they are no part of the verdict.
    const fontProblems = await themeFontProblems(dir, stored.fonts ?? [], fs);
    const diagnostics = [...read.diagnostics, ...stored.diagnostics, ...fontProblems];
    return { dir, diagnostics, sources: framed(sources, diagnostics), cache: { hits: sourceCount(read.sources), misses: 0 }, ...(stored.facts ? { facts: stored.facts } : {}) };
  }
  const { checkRead, factsOf, withTemplateProblems } = await import('./check-project.js');
  const { checked, images, fonts, fontProblems } = await checkRead(dir, read, { cacheIn, ...(fs ? { fs } : {}) });
  const diagnostics = (await withTemplateProblems(checked, cwd, own, templatesOption)).diagnostics;
  const verdict: Verdict = { key, diagnostics: diagnostics.slice(read.diagnostics.length).filter((d) => !fontProblems.includes(d)), images, fonts, ...factsOf(checked) };
  const warning = await writeVerdict(cacheIn, dir, verdict, fs);
  const cache = checked.cache && (warning && !checked.cache.warning ? { ...checked.cache, warning } : checked.cache);
  return { dir, diagnostics, sources: framed(sources, diagnostics), ...(cache ? { cache } : {}), ...factsOf(checked) };
}

/**
 * The texts of the files `diagnostics` point into, for their code frames; the others are dropped
 * at once. A programme's 2,000 files kept as text to the end cost its warm `validate` a third of
 * its garbage collection (0.08 s), for frames that a clean run never draws. Pure.
 */
export function framed(sources: ReadonlyMap<string, string>, diagnostics: readonly Diagnostic[]): Map<string, string> {
  const files = new Set(diagnostics.flatMap((d) => (d.location ? [d.location.file] : [])));
  return new Map([...files].flatMap((file) => { const text = sources.get(file); return text === undefined ? [] : [[file, text] as const]; }));
}

/** Whether every image a verdict was given with is still what it was. */
async function imagesUnchanged(dir: string, verdict: Verdict, fs?: FileSystem): Promise<boolean> {
  if (verdict.images.length === 0) return true;
  const files = await readImageFiles(dir, verdict.images.map(([src]) => src), fs);
  return verdict.images.every(([src, fingerprint]) => imageFingerprint(files(src)) === fingerprint);
}

/** The texts of a project's files by path, for code frames: a file refused for its encoding as far as it can be read. */
export function sourceTexts(read: ReadResult): Map<string, string> {
  const { workshop, sessions, countries, translations = [], followUps = [] } = read.sources;
  return new Map([...[workshop, ...sessions, ...countries, ...translations, ...followUps].map((file) => [file.path, file.text] as const), ...(read.shown ?? [])]);
}

function sourceCount(sources: ProjectSources): number {
  return 1 + sources.sessions.length + sources.countries.length + (sources.translations?.length ?? 0) + (sources.followUps?.length ?? 0);
}
