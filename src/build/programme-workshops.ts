import path from 'node:path';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { consolidate, type ReportModel, type WorkshopView } from '../consolidate/index.js';
import { hasErrors } from '../diagnostics/diagnostic.js';
import { affiliationNames, editionsOf, forEdition, hasRestricted, restrictedTexts, type Edition, type RestrictedText } from '../editions/index.js';
import { fallbackTexts, forLanguage, modelTexts, translationStatus } from '../languages/index.js';
import { Markdown } from '../consolidate/markdown.js';
import { mapModel } from '../consolidate/map-model.js';
import type { Fallbacks } from '../render/index.js';
import type { Language } from '../notes/types.js';
import { programmePart, type ProgrammeWorkshopModel } from '../programme/model.js';
import { countryTable } from '../reference/countries.js';
import type { CheckedProject } from '../validate/index.js';
import { checkReadProject, factsOf } from './check-project.js';
import { framed, type ProblemsResult } from './check-problems.js';
import { readProject, type ReadResult } from '../load/read-project.js';
import { InterruptedError } from '../errors.js';
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
  /** The environment the build reads (SOURCE_DATE_EPOCH), as for a workshop built alone. */
  env?: Readonly<Record<string, string | undefined>>;
}

/** What the programme's documents show of a workshop (see workshopModel): the parts of its models they use. */
export interface ShownWorkshop {
  model: ProgrammeWorkshopModel;
  /**
   * Where its shown edition is in its output folder (`en/public/`); none when that edition prints
   * what the programme leaves out (no public edition, and items marked restricted): the programme's
   * documents go to donors and do not link to it.
   */
  folder?: string;
  languages: Array<{ language: Language; model: Pick<ProgrammeWorkshopModel, 'recommendations'> }>;
  foreign?: Fallbacks;
  /** The texts the programme's documents must not print (its leak guard reads them for these), in every language shown. */
  restricted: RestrictedText[];
}

/** A workshop checked and, when it had no error, built; with what the programme's documents show of it. */
export interface WorkshopOutcome {
  checked: ProblemsResult;
  build?: Omit<BuildResult, 'loaded'>;
  shown?: ShownWorkshop;
}

/**
 * Starts reading a workshop's files: a thread reads its next workshop while it builds one, so that
 * it does not wait for the disk (`validate` checks several at once for the same reason).
 */
export function readAhead(job: WorkshopJob): Promise<ReadResult> {
  const read = readProject(path.resolve(job.cwd, job.dir));
  // Awaited by buildWorkshop, which reports a failure; meanwhile it is not unhandled.
  read.catch(() => undefined);
  return read;
}

/** check → build → the programme's view of one workshop, on this thread; `read`: its files, if readAhead started reading them. */
export async function buildWorkshop(job: WorkshopJob, read: Promise<ReadResult> = readAhead(job)): Promise<WorkshopOutcome> {
  const checked = await checkReadProject(path.resolve(job.cwd, job.dir), read, job.cache);
  const problems: ProblemsResult = { dir: checked.dir, diagnostics: checked.diagnostics, sources: framed(checked.sources, checked.diagnostics), ...(checked.cache ? { cache: checked.cache } : {}), ...factsOf(checked) };
  if (hasErrors(checked.diagnostics)) return { checked: problems };
  // As for a workshop alone (see buildChecked): checked without an error, it has a project to build.
  if (!checked.project) throw new Error('The notes were checked without an error, but no project came of the check.');
  // The build starts from the check: the workshop is not checked twice; the programme shows the models it rendered.
  const rendered = new Map<string, ReportModel>();
  const onModel = (model: ReportModel, where: { language: Language; edition: Edition }) => void rendered.set(`${where.language}/${where.edition.name}`, model);
  const { loaded: _data, ...built } = await buildChecked(checked, job.options, { cwd: job.cwd, onModel, ...(job.env ? { env: job.env } : {}) });
  if (hasErrors(built.diagnostics)) return { checked: problems, build: built };
  return { checked: problems, build: built, shown: workshopModel(checked.project, job.language, job.asOf, (language, edition) => rendered.get(`${language}/${edition.name}`)) };
}

/**
 * The worker's young generation: building a workshop makes many short-lived objects, and a larger
 * nursery lets more of them die before a scavenge copies them (P: the worker's scavenges 510 → 355 ms,
 * `node --trace-gc`). The main thread keeps V8's default, which only a command-line flag could change.
 */
const WORKER_YOUNG_GENERATION_MB = 96;

/** Below this many workshops, a worker thread (≈0.1 s to start, and a second heap) does not pay. */
const PARALLEL_MIN_WORKSHOPS = 8;

/**
 * Jobs a worker holds beyond the one it builds: the next is there when it finishes one, while this
 * thread, busy with its own workshop, has not yet read the worker's message.
 */
const WORKER_AHEAD = 1;

/**
 * Builds the workshops on two threads, which take the next workshop from one queue as each finishes
 * one (workshops are independent and their sizes differ; each result is the same on either thread):
 * both threads finish within a workshop of each other. Results keep the order of the jobs. A
 * worker that cannot start or fails leaves what it had not finished to this thread.
 */
export async function buildWorkshops(jobs: readonly WorkshopJob[], hooks: WorkshopHooks = {}): Promise<WorkshopOutcome[]> {
  const outcomes: Array<WorkshopOutcome | undefined> = new Array(jobs.length);
  // Each workshop once, even if a failing worker's late reply comes after this thread rebuilt it.
  const done = (index: number, outcome: WorkshopOutcome) => {
    if (outcomes[index]) return;
    outcomes[index] = hooks.onOutcome?.(index, outcome) ?? outcome;
  };
  let taken = 0;
  // Ctrl-C: no workshop is begun after it, on either thread (a programme's PDFs take minutes: it was heard only at publishing).
  const take = (): number | undefined => (taken < jobs.length && !hooks.signal?.aborted ? taken++ : undefined);
  const parallel = jobs.length >= PARALLEL_MIN_WORKSHOPS && availableParallelism() >= 2;
  const theirs = parallel ? inWorker(jobs, take, done).catch((error: unknown) => hooks.onWorkerFailure?.(error)) : undefined;
  // This thread's next workshop is taken (and read) while it builds one.
  const takeAndRead = () => {
    const index = take();
    return index === undefined ? undefined : { index, read: readAhead(jobs[index]!) };
  };
  try {
    for (let mine = takeAndRead(); mine && !hooks.signal?.aborted; ) {
      const { index, read } = mine;
      mine = takeAndRead();
      done(index, await buildWorkshop(jobs[index]!, read));
    }
  } catch (error) {
    // The worker takes nothing more: the build stops here.
    taken = jobs.length;
    throw error;
  }
  await theirs;
  if (hooks.signal?.aborted) throw new InterruptedError('interrupted');
  // What a failed worker had taken and not finished.
  for (const [index, job] of jobs.entries()) if (!outcomes[index]) done(index, await buildWorkshop(job));
  return outcomes as WorkshopOutcome[];
}

export interface WorkshopHooks {
  /** Aborted: no workshop is begun after it, and buildWorkshops throws InterruptedError once those begun are done. */
  signal?: AbortSignal;
  /** Each workshop's outcome as soon as it is built, on this thread (in no particular order); what it returns is kept instead. */
  onOutcome?: (index: number, outcome: WorkshopOutcome) => WorkshopOutcome | undefined;
  /** The worker could not start or failed: this thread builds what it had not finished. */
  onWorkerFailure?: (error: unknown) => void;
}

/** What the build sends a programme worker, and what it answers. */
export type WorkshopMessage = { index: number; job: WorkshopJob };
export type WorkshopReply = { index: number; outcome: WorkshopOutcome } | { error: string };

/** A worker that builds the jobs `take` gives it, one at a time (WORKER_AHEAD more waiting), until the queue is empty. */
function inWorker(jobs: readonly WorkshopJob[], take: () => number | undefined, done: (index: number, outcome: WorkshopOutcome) => void): Promise<void> {
  return new Promise((resolve, fail) => {
    const worker = new Worker(new URL('./programme-worker.js', import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
    let settled = false;
    const reject = (error: Error) => {
      settled = true;
      fail(error);
      void worker.terminate();
    };
    let holding = 0;
    const give = (): void => {
      const index = take();
      if (index === undefined) {
        if (holding === 0) {
          resolve();
          void worker.terminate();
        }
        return;
      }
      holding++;
      worker.postMessage({ index, job: jobs[index]! } satisfies WorkshopMessage);
    };
    worker.on('message', (message: WorkshopReply) => {
      // A failed worker's late replies are not taken: this thread builds what it had not finished.
      if (settled) return undefined;
      if ('error' in message) return reject(new Error(message.error));
      holding--;
      done(message.index, fromWorker(message.outcome));
      give();
      return undefined;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`The programme worker stopped (exit code ${code}).`)));
    // The first jobs go to the worker before this thread takes any: a programme of 8 or more always builds some there.
    for (let i = 0; i <= WORKER_AHEAD; i++) give();
  });
}

/**
 * A workshop as the programme shows it: in the programme's language when the workshop has it (else
 * its own), public (a programme's documents go to donors): its public edition when it has one, else
 * its first edition without what is marked restricted (whose report, which prints it, is then not
 * linked to); status as of `asOf` or its own latest
 * follow-up report. The same edition in each of its languages too, to find recurring
 * recommendations in a language two workshops share; the texts it shows in another language than
 * the programme's, to mark them with theirs; and its restricted texts, for the programme's leak guard.
 */
export function workshopModel(full: CheckedProject, language: Language, asOf: string | undefined, built?: (language: Language, edition: Edition) => ReportModel | undefined): ShownWorkshop {
  const status = translationStatus(full);
  const chosen = status.languages.includes(language) ? language : status.languages[0]!;
  const table = countryTable();
  // Without restricted marks, a workshop's first edition is already public: its build's model serves.
  const marked = hasRestricted(full);
  const restricted = new Map<string, RestrictedText>();
  const versions = status.languages.map((each) => {
    const translated = forLanguage(full, status, each);
    const editions = editionsOf(translated.workshop.data);
    const own = editions.find((e) => e.public);
    const edition = own ?? { ...editions[0]!, public: true };
    // The model the workshop's build rendered of this edition (the same as of date), else made here.
    const made = own || !marked ? built?.(each, edition) : undefined;
    const project = made && !marked ? undefined : forEdition(translated, edition, affiliationNames(translated.workshop.data, table, each));
    if (project && marked) for (const text of restrictedTexts(translated, project)) if (!restricted.has(text.words)) restricted.set(text.words, text);
    // Its report is the programme's to link to when it is public, or has nothing to hide.
    return { language: each, model: made ?? consolidate(project!, table, asOf !== undefined ? { asOf } : {}), folder: edition.folder, linkable: own !== undefined || !marked };
  });
  const shown = versions.find((v) => v.language === chosen)!;
  // All of this workshop's texts when it lacks the programme's language, else its untranslated ones.
  const fallbacks = fallbackTexts(status, chosen);
  const foreign = chosen === language ? fallbacks : withTitles(modelTexts(shown.model, chosen, fallbacks), shown.model.workshop, chosen);
  const part = programmePart(shown.model);
  return {
    model: part,
    ...(shown.linkable ? { folder: `${status.languages.length > 1 ? `${chosen}/` : ''}${shown.folder}` } : {}),
    languages: versions.map(({ language: each, model }) => ({ language: each, model: model === shown.model ? part : { recommendations: model.recommendations } })),
    ...(foreign ? { foreign } : {}),
    restricted: [...restricted.values()],
  };
}

/**
 * The workshop's titles too, when it is shown in another language than the programme's: the
 * overview, the register and the dossiers name it by them (`Atelier de suivi de Niamey`, marked
 * French in an English overview, as its texts are). Plain strings, so marked wherever they are printed.
 */
function withTitles(foreign: Fallbacks, workshop: Pick<WorkshopView, 'title' | 'short_title'>, lang: Language): Fallbacks {
  const plain = new Map(foreign.plain);
  for (const title of [workshop.title, workshop.short_title]) if (!plain.has(title)) plain.set(title, lang);
  return { markdown: foreign.markdown, plain };
}

/** What a worker thread posts of a model: structured cloning keeps data, not classes, so each (md) text travels marked. */
const MARKDOWN_KEY = '\u0000markdown';

/**
 * A workshop's outcome made fit to post from a worker: its (md) texts as marked plain objects (see
 * fromWorker), and its files' text as UTF-8 bytes, each in a buffer of its own, listed in `transfer`:
 * moved to the main thread rather than copied, and written from there as they are (a workshop's
 * Markdown is some 600 KB, which the main thread otherwise copied in and encoded).
 */
export function forWorker(outcome: WorkshopOutcome): { outcome: WorkshopOutcome; transfer: ArrayBuffer[] } {
  const transfer: ArrayBuffer[] = [];
  const encoder = new TextEncoder();
  const build = outcome.build && {
    ...outcome.build,
    files: outcome.build.files.map((file) => {
      const bytes = typeof file.content === 'string' ? encoder.encode(file.content) : file.content;
      // A view on a shared buffer (Node's pool, a PDF's) is copied, not moved.
      const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer && !transfer.includes(bytes.buffer);
      if (own) transfer.push(bytes.buffer as ArrayBuffer);
      return { ...file, content: bytes };
    }),
  };
  const shown = outcome.shown && mapModel(outcome.shown, (value) => (value instanceof Markdown ? { [MARKDOWN_KEY]: value.source } : undefined));
  return { outcome: { ...outcome, ...(build ? { build } : {}), ...(shown ? { shown } : {}) }, transfer };
}

/**
 * An outcome posted by a worker, its (md) texts Markdown again: without this a template prints
 * “[object Object]”. In place: the posted copy is this thread's alone, and copying it again (a
 * workshop's model is thousands of objects) only made work for the garbage collector.
 */
export function fromWorker(outcome: WorkshopOutcome): WorkshopOutcome {
  if (outcome.shown) reviveMarkdown(outcome.shown);
  return outcome;
}

/** Replaces each marked (md) text (see forWorker) inside `value` by a Markdown; each object visited once. */
function reviveMarkdown(root: object): void {
  const seen = new Set<object>();
  const revive = (value: unknown): unknown => {
    if (value === null || typeof value !== 'object') return value;
    const source = (value as Record<string, unknown>)[MARKDOWN_KEY];
    if (typeof source === 'string') return new Markdown(source);
    if (seen.has(value)) return value;
    seen.add(value);
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) value[i] = revive(value[i]);
    } else if (value instanceof Map) {
      for (const [key, item] of value) value.set(key, revive(item));
    } else {
      const object = value as Record<string, unknown>;
      for (const key of Object.keys(object)) object[key] = revive(object[key]);
    }
    return value;
  };
  revive(root);
}
