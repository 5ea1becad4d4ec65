import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import type { FileSystem } from '../load/file-system.js';
import { load, type LoadedProject } from '../load/index.js';
import { readProject } from '../load/read-project.js';
import { countryTable } from '../reference/countries.js';
import { validate, type CheckedProject } from '../validate/index.js';
import { imageDiagnostics, imagePlaces, imageReferences, imageSource } from '../validate/images.js';
import { readImageFiles } from '../load/image-files.js';
import { parseInParallel } from './parallel-parse.js';
import type { Timings } from './timings.js';
import type { WarmState } from './warm.js';

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
}

/** read → load → validate: what `validate` does and `build` starts with. */
export async function checkProject(dirArgument: string, cwd: string, timings?: Timings, warm?: WarmState, fs?: FileSystem): Promise<CheckedResult> {
  const dir = path.resolve(cwd, dirArgument);
  const read = await readProject(dir, fs);
  timings?.mark('read');
  const loaded = load(read.sources, await parseInParallel(read.sources, warm ? { cache: warm.parsed } : {}));
  timings?.mark('parse');
  const validated = validate(loaded.project, countryTable());
  // Every image the build would use is read and judged now, so `validate` finds what `build` would refuse.
  const refs = imageReferences(loaded.project);
  const images = imageDiagnostics(refs, await readImageFiles(dir, refs.map((ref) => imageSource(ref.src)), fs));
  timings?.mark('validate');
  const { workshop, sessions, countries, translations = [], followUps = [] } = read.sources;
  return {
    dir,
    loaded: loaded.project,
    ...(validated.project ? { project: validated.project } : {}),
    diagnostics: [...read.diagnostics, ...loaded.diagnostics, ...validated.diagnostics, ...images],
    sources: new Map([workshop, ...sessions, ...countries, ...translations, ...followUps].map((file) => [file.path, file.text])),
    imagePlaces: imagePlaces(refs),
  };
}
