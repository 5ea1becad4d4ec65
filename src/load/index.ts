import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { parseYamlFile, type ParseResult } from './parse-yaml.js';
import type { ParsedFile, ProjectSources } from './source.js';

export type { ParsedFile, ProjectSources, SourceFile, FileRole } from './source.js';
export type { ParseResult } from './parse-yaml.js';
export { locate, type DataPath, type Part } from './locate.js';

/** The parsed project: every file that could be parsed, whatever its content. */
export interface LoadedProject {
  workshop: ParsedFile;
  sessions: ParsedFile[];
  countries: ParsedFile[];
  /** Translation files, `translations/LANG/…yaml`. */
  translations: ParsedFile[];
  /** Follow-up reports, `follow-up/*.yaml`. */
  followUps: ParsedFile[];
  assets: string[];
  /** What the reader could not take (see ProjectSources.unread). */
  unread: string[];
  /** Where notes left out with a warning would be read (see ProjectSources.leftOut). */
  leftOut: string[];
}

export interface LoadResult {
  project: LoadedProject;
  diagnostics: Diagnostic[];
}

/**
 * Stage 1: text → data with positions. Pure. Files already parsed elsewhere (worker threads)
 * are passed in `parsed`, by path; the rest are parsed here.
 */
export function load(sources: ProjectSources, parsed?: ReadonlyMap<string, ParseResult>): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const unread = new Set(sources.unread);
  const parse = (source: ProjectSources['workshop'], role: ParsedFile['role']) => {
    const result = parsed?.get(source.path) ?? parseYamlFile(source, role);
    // workshop.yaml stands in empty when it could not be read: its reading problem says why, not "empty".
    if (!unread.has(source.path)) diagnostics.push(...result.diagnostics);
    return result.file;
  };
  const project: LoadedProject = {
    workshop: parse(sources.workshop, 'workshop'),
    sessions: sources.sessions.map((source) => parse(source, 'session')),
    countries: sources.countries.map((source) => parse(source, 'country')),
    translations: (sources.translations ?? []).map((source) => parse(source, 'translation')),
    followUps: (sources.followUps ?? []).map((source) => parse(source, 'follow-up')),
    assets: sources.assets,
    unread: sources.unread ?? [],
    leftOut: sources.leftOut ?? [],
  };
  if (sources.sessions.length === 0) {
    diagnostics.push({
      code: 'no-sessions', severity: 'error', stage: 'load',
      message: 'The project has no session files.',
      hint: 'Add one YAML file per session in the sessions/ folder (e.g. sessions/01-opening.yaml).',
    });
  }
  return { project, diagnostics };
}
