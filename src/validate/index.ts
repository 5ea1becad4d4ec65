import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { LoadedProject, ParsedFile } from '../load/index.js';
import type { CountryFileNotes, SessionNotes, WorkshopNotes } from '../notes/types.js';
import type { CountryTable } from '../reference/countries.js';
import { baseName, RuleContext, type Checked, type CheckedProject, type CheckedSession } from './context.js';
import { checkCountryFiles } from './rules/country-files.js';
import { checkDates } from './rules/dates.js';
import { checkDuplicateIds } from './rules/ids.js';
import { checkMentions } from './rules/mentions.js';
import { checkNearDuplicates } from './rules/near-duplicates.js';
import { checkOrganizationTypos } from './rules/organization-typo.js';
import { checkParticipation } from './rules/participation.js';
import { checkReferences } from './rules/references.js';
import { checkSameAs } from './rules/same-as.js';
import { checkAssets } from './rules/assets.js';
import { schemaDiagnostics } from './schema-diagnostics.js';
import type { SchemaName } from './schemas.js';

export type { CheckedProject, CheckedSession, Checked } from './context.js';

export interface ValidateResult {
  /** The checked project; present when no file failed its schema (cross-file errors may remain). */
  project?: CheckedProject;
  diagnostics: Diagnostic[];
}

const RULES = [checkDuplicateIds, checkReferences, checkSameAs, checkDates, checkParticipation, checkCountryFiles, checkAssets, checkMentions, checkOrganizationTypos, checkNearDuplicates];

/** Stage 2: every file against its schema, then every cross-file rule of FORMAT.md. Pure. */
export function validate(loaded: LoadedProject, table: CountryTable): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  const check = <T>(file: ParsedFile, schema: SchemaName): Checked<T> | undefined => {
    if (file.data === undefined) return undefined;
    const problems = schemaDiagnostics(file, schema);
    diagnostics.push(...problems);
    return problems.length === 0 ? { file, data: file.data as T } : undefined;
  };
  const workshop = check<WorkshopNotes>(loaded.workshop, 'workshop');
  const sessions = loaded.sessions.map((file) => check<SessionNotes>(file, 'session'));
  const countries = loaded.countries.map((file) => check<CountryFileNotes>(file, 'country'));
  if (!workshop) return { diagnostics };

  const project: CheckedProject = {
    workshop,
    sessions: sessions.flatMap((session) => session ? [{ ...session, id: session.data.id ?? baseName(session.file.source.path) } satisfies CheckedSession] : []),
    countries: countries.flatMap((country) => country ?? []),
    assets: loaded.assets,
  };
  const complete = sessions.every(Boolean) && countries.every(Boolean);
  const ctx = new RuleContext(project, table, complete);
  for (const rule of RULES) rule(ctx);
  diagnostics.push(...ctx.diagnostics);
  return complete ? { project, diagnostics } : { diagnostics };
}
