import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { consolidate, type ReportModel } from '../consolidate/index.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { affiliationNames, editionsOf, forEdition } from '../editions/index.js';
import { fallbackTexts, forLanguage, modelTexts, translationStatus } from '../languages/index.js';
import { Markdown } from '../consolidate/markdown.js';
import { mapModel } from '../consolidate/map-model.js';
import type { Fallbacks } from '../render/index.js';
import type { Language } from '../notes/types.js';
import { countryTable } from '../reference/countries.js';
import type { CheckedProject } from '../validate/index.js';
import { checkProject, factsOf, type ProblemsResult } from './check-project.js';
import { buildChecked, type BuildOptions, type BuildResult } from './pipeline.js';

/** One workshop of a programme to build: plain data, so a worker thread can take it. */
export interface WorkshopJob {
  dir: string;
  cwd: string;
  /** The workshop's build options (its own output folder: no `out`). */
  options: Omit<BuildOptions, 'out' | 'cache' | 'cacheLocation'>;
  /** The cache folder, with --cache. */
  cache?: string;
  /** The programme's language, and the as-of date of its documents. */
  language: Language;
  asOf?: string;
}

/** What the programme's documents show of a workshop (see workshopModel). */
export interface ShownWorkshop {
  model: ReportModel;
  folder: string;
  languages: Array<{ language: Language; model: ReportModel }>;
  foreign?: Fallbacks;
}

/** A workshop checked and, when it had no error, built; with what the programme's documents show of it. */
export interface WorkshopOutcome {
  checked: ProblemsResult;
  build?: Omit<BuildResult, 'loaded'>;
  shown?: ShownWorkshop;
}

/** check → build → the programme's view of one workshop, on this thread. */
export async function buildWorkshop(job: WorkshopJob): Promise<WorkshopOutcome> {
  const checked = await checkProject(job.dir, job.cwd, undefined, undefined, undefined, job.cache);
  const problems: ProblemsResult = { dir: checked.dir, diagnostics: checked.diagnostics, sources: checked.sources, ...(checked.cache ? { cache: checked.cache } : {}), ...factsOf(checked) };
  if (hasErrors(checked.diagnostics) || !checked.project) return { checked: problems };
  // The build starts from the check: the workshop is not checked twice.
  const { loaded: _data, ...built } = await buildChecked(checked, job.options, { cwd: job.cwd });
  if (hasErrors(built.diagnostics)) return { checked: problems, build: built };
  return { checked: problems, build: built, shown: workshopModel(checked.project, job.language, job.asOf) };
}

/** The share of the workshops this thread builds (measured on P: 45% evens out the two threads' time). */
const MAIN_SHARE = 0.45;

/** Below this many workshops, a worker thread (≈0.1 s to start, and a second heap) does not pay. */
const PARALLEL_MIN_WORKSHOPS = 8;

/**
 * Builds the workshops on two threads: a worker takes the last ones while this thread builds the
 * first (workshops are independent; each result is the same on either thread). Results keep the
 * order of the jobs. A worker that cannot start or fails leaves its share to this thread.
 */
export async function buildWorkshops(jobs: readonly WorkshopJob[], onWorkerFailure?: (error: unknown) => void): Promise<WorkshopOutcome[]> {
  if (jobs.length < PARALLEL_MIN_WORKSHOPS || availableParallelism() < 2) return sequentially(jobs);
  // This thread then renders the programme's documents and publishes everything: it takes a little less.
  const half = Math.floor(jobs.length * MAIN_SHARE);
  const theirs = inWorker(jobs.slice(half)).catch((error: unknown) => {
    onWorkerFailure?.(error);
    return undefined;
  });
  const mine = await sequentially(jobs.slice(0, half));
  return [...mine, ...((await theirs) ?? await sequentially(jobs.slice(half)))];
}

async function sequentially(jobs: readonly WorkshopJob[]): Promise<WorkshopOutcome[]> {
  const outcomes: WorkshopOutcome[] = [];
  for (const job of jobs) outcomes.push(await buildWorkshop(job));
  return outcomes;
}

function inWorker(jobs: readonly WorkshopJob[]): Promise<WorkshopOutcome[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./programme-worker.js', import.meta.url));
    const outcomes: WorkshopOutcome[] = [];
    // One message per workshop, as each is done: the worker keeps one workshop's data at a time.
    worker.on('message', (message: { outcome: WorkshopOutcome } | { error: string }) => {
      if ('error' in message) return reject(new Error(message.error));
      outcomes.push(fromWorker(message.outcome));
      if (outcomes.length === jobs.length) {
        resolve(outcomes);
        void worker.terminate();
      }
      return undefined;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The programme worker stopped (exit code ${code}).`)));
    worker.postMessage(jobs);
  });
}

/**
 * A workshop as the programme shows it: in the programme's language when the workshop has it (else
 * its own), its public edition when it has one (a programme's documents go to donors), status as of
 * `asOf` or its own latest follow-up report. The same edition in each of its languages too, to find
 * recurring recommendations in a language two workshops share; and the texts it shows in another
 * language than the programme's, to mark them with theirs.
 */
export function workshopModel(full: CheckedProject, language: Language, asOf: string | undefined): ShownWorkshop {
  const status = translationStatus(full);
  const chosen = status.languages.includes(language) ? language : status.languages[0]!;
  const table = countryTable();
  const versions = status.languages.map((each) => {
    const translated = forLanguage(full, status, each);
    const editions = editionsOf(translated.workshop.data);
    const edition = editions.find((e) => e.public) ?? editions[0]!;
    const project = forEdition(translated, edition, affiliationNames(translated.workshop.data, table, each));
    return { language: each, model: consolidate(project, table, asOf !== undefined ? { asOf } : {}), folder: edition.folder };
  });
  const shown = versions.find((v) => v.language === chosen)!;
  // All of this workshop's texts when it lacks the programme's language, else its untranslated ones.
  const fallbacks = fallbackTexts(status, chosen);
  const foreign = chosen === language ? fallbacks : modelTexts(shown.model, chosen, fallbacks);
  return {
    model: shown.model,
    folder: `${status.languages.length > 1 ? `${chosen}/` : ''}${shown.folder}`,
    languages: versions.map(({ language: each, model }) => ({ language: each, model })),
    ...(foreign ? { foreign } : {}),
  };
}

/** What a worker thread posts of a model: structured cloning keeps data, not classes, so each (md) text travels marked. */
const MARKDOWN_KEY = '\u0000markdown';

/** A workshop's outcome made fit to post from a worker: its (md) texts as marked plain objects (see fromWorker). */
export function forWorker(outcome: WorkshopOutcome): WorkshopOutcome {
  return outcome.shown ? { ...outcome, shown: mapModel(outcome.shown, (value) => (value instanceof Markdown ? { [MARKDOWN_KEY]: value.source } : undefined)) } : outcome;
}

/** An outcome posted by a worker, its (md) texts Markdown again: without this a template prints “[object Object]”. */
export function fromWorker(outcome: WorkshopOutcome): WorkshopOutcome {
  return outcome.shown ? { ...outcome, shown: mapModel(outcome.shown, (value) => {
    const source = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[MARKDOWN_KEY] : undefined;
    return typeof source === 'string' ? new Markdown(source) : undefined;
  }) } : outcome;
}
