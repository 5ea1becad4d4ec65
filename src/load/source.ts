import type { Damage } from './damage.js';
import type { PositionIndex } from './positions.js';

/** What the file reader hands to the pipeline: a path and its decoded text. */
export interface SourceFile {
  /** Relative to the project folder, POSIX separators (e.g. `sessions/01-opening.yaml`). */
  path: string;
  text: string;
}

export type FileRole = 'workshop' | 'session' | 'country' | 'pdf-theme' | 'translation' | 'follow-up' | 'programme';

/** A parsed YAML file with everything needed to point back into it. */
export interface ParsedFile {
  source: SourceFile;
  role: FileRole;
  /** Where each value is written (compact plain data: it crosses worker threads). */
  positions: PositionIndex;
  /** Offsets where lines start, beginning with 0. */
  lineStarts: Int32Array;
  /**
   * Plain JSON data, or undefined when the file could not be turned into data safely. Parts that
   * a syntax error garbled, or that hold a forbidden construct, are left out and listed in `damage`.
   */
  data: unknown;
  /** What was left out of `data`; absent when nothing was. */
  damage?: Damage;
}

/** Everything the reader found in a project folder. */
export interface ProjectSources {
  workshop: SourceFile;
  sessions: SourceFile[];
  countries: SourceFile[];
  /** Translation files (`translations/LANG/…yaml`), in path order; absent in older callers' projects. */
  translations?: SourceFile[];
  /** Follow-up reports (`follow-up/*.yaml`), in path order; absent in older callers' projects. */
  followUps?: SourceFile[];
  /** Relative paths of the files under `assets/`, to check references without touching the disk. */
  assets: string[];
  /**
   * Notes files (or folders) the reader could not take, each with its problem reported (not UTF-8,
   * too large, a link that leads nowhere or outside): what they hold is unknown, so nothing that
   * refers to them is blamed for it. Absent when every file was read.
   */
  unread?: string[];
  /**
   * Where notes left out with a warning would have been read (`countries` for a misnamed
   * `country/`, `sessions/03-extra.yaml` for a session saved beside workshop.yaml): what refers to
   * them, or translates them, is not blamed for their absence. Absent when none was.
   */
  leftOut?: string[];
}
