import { notesKind } from '../load/stray-files.js';
import { namedOrganizations, partyHint, type NamedOrganization } from './party-suggestion.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { DataPath, LoadedProject, ParsedFile } from '../load/index.js';
import type { CountryFileNotes, FollowUpNotes, SessionNotes, WorkshopNotes } from '../notes/types.js';
import type { CountryTable } from '../reference/countries.js';
import { baseName, RuleContext, type Checked, type CheckedProject, type RuleProject, type TranslationData } from './context.js';
import { checkTranslations, withSourceFingerprints } from './rules/translations.js';
import { checkFollowUps } from './rules/follow-up.js';
import { checkMarkdownLimits } from './rules/markdown-limits.js';
import { checkDroppedLinks } from './rules/links.js';
import { checkPastedBullets } from './rules/pasted-bullets.js';
import { checkCellTexts } from './rules/cell-texts.js';
import { checkFoldedMarkdown } from './rules/folded-markdown.js';
import { checkMarkdownMarker } from './rules/md-marker.js';
import { checkCharacterReferences } from './rules/character-references.js';
import { checkCountryFiles } from './rules/country-files.js';
import { checkDates } from './rules/dates.js';
import { checkDuplicateIds } from './rules/ids.js';
import { checkRepeatedSessions } from './rules/repeated-sessions.js';
import { checkMentions } from './rules/mentions.js';
import { checkNearDuplicates } from './rules/near-duplicates.js';
import { checkOrganizationTypos } from './rules/organization-typo.js';
import { checkParticipation } from './rules/participation.js';
import { checkReferences } from './rules/references.js';
import { checkSameAs } from './rules/same-as.js';
import { checkAssets } from './rules/assets.js';
import { checkRestricted } from './rules/restricted.js';
import { checkDocumentNames } from './rules/documents.js';
import { checkEditions } from './rules/editions.js';
import { checkAgainstSchema, type InvalidId } from './recover.js';
import type { SchemaName } from './schemas.js';
import { countryHint } from './country-suggestion.js';

export type { CheckedProject, CheckedSession, Checked, RuleProject, TranslationData } from './context.js';

export interface ValidateResult {
  /** The checked project; present when every file passed its schema whole (cross-file errors may remain). */
  project?: CheckedProject;
  diagnostics: Diagnostic[];
}

const RULES = [checkRepeatedSessions, checkDuplicateIds, checkReferences, checkSameAs, checkDates, checkParticipation, checkCountryFiles, checkAssets, checkMentions, checkOrganizationTypos, checkNearDuplicates, checkRestricted, checkEditions, checkDocumentNames, checkTranslations, checkFollowUps, checkMarkdownLimits, checkDroppedLinks, checkPastedBullets, checkCellTexts, checkFoldedMarkdown, checkMarkdownMarker, checkCharacterReferences];

/** A file in sessions/ that is a follow-up report: `reported_by` and `updates`, and no session's `title`. */
function isFollowUpReport(file: ParsedFile): boolean {
  const data = file.data;
  return data !== null && typeof data === 'object' && !Array.isArray(data) && 'reported_by' in data && 'updates' in data && !('title' in data);
}

function misplacedFollowUp(file: ParsedFile): Diagnostic {
  const name = file.source.path.slice(file.source.path.lastIndexOf('/') + 1);
  const at = { line: 1, column: 1, offset: 0 };
  return {
    code: 'not-read', severity: 'warning', stage: 'validate',
    message: `${file.source.path} is a follow-up report (reported_by, updates), not a session: it is not read here, and nothing of it is in the report.`,
    hint: `Move it to follow-up/${name}.`,
    location: { file: file.source.path, start: at, end: at },
  };
}

/** The key a notes folder's files have that the other kinds do not. */
const OWN_KEY: Readonly<Record<string, string>> = { sessions: 'title', countries: 'country', 'follow-up': 'updates' };

/** What each notes folder holds, as a message says it. */
const FOLDER_HOLDS: Readonly<Record<string, string>> = { sessions: 'a session', countries: 'a country file', 'follow-up': 'a follow-up report' };

/**
 * A notes file saved in another notes folder than its kind's (a session's notes in countries/, a
 * country's in sessions/), told by its top-level keys: one warning naming where it goes, where it
 * was checked as the wrong kind (“Missing required key country”, then an unknown key per key).
 */
function misplacedNotes(file: ParsedFile): { diagnostic: Diagnostic; target: string } | undefined {
  const folder = file.source.path.slice(0, file.source.path.indexOf('/'));
  // A file with its folder's own key is its kind (the text is read for keys only when it lacks it: 2,000 sessions are not scanned again).
  const data = file.data;
  if (data !== null && typeof data === 'object' && !Array.isArray(data) && OWN_KEY[folder] !== undefined && OWN_KEY[folder]! in data) return undefined;
  const kind = notesKind(file.source.text);
  if (!kind || kind.folder === folder || !(folder in FOLDER_HOLDS) || (folder === 'sessions' && kind.folder === 'follow-up')) return undefined;
  const name = kind.folder === 'countries' && kind.country ? `${kind.country}.yaml` : file.source.path.slice(file.source.path.lastIndexOf('/') + 1);
  const at = { line: 1, column: 1, offset: 0 };
  return {
    target: `${kind.folder}/${name}`,
    diagnostic: {
      code: 'not-read', severity: 'warning', stage: 'validate',
      message: `${file.source.path} is ${kind.what} (${kind.keys.join(', ')}), not ${FOLDER_HOLDS[folder]}: it is not read here, and nothing of it is in the report.`,
      hint: `Move it to ${kind.folder}/${name}.`,
      location: { file: file.source.path, start: at, end: at },
    },
  };
}

/**
 * Stage 2: every file against its schema, then every cross-file rule of FORMAT.md over everything
 * that passed, so one run reports every independent problem. Pure.
 */
export function validate(loaded: LoadedProject, table: CountryTable): ValidateResult {
  const diagnostics: Diagnostic[] = [];
  const ids = new Set<string>();
  let unreadFiles = false;
  let anyLeftOut = false;
  let sessionsUnread = false;
  let schemaFailed = false;
  let workshopKeys = new Set<string>();
  const damagedFiles = new Set<string>();
  const invalidIds = new Map<string, InvalidId[]>();
  const removed = new Map<string, DataPath[]>();
  // A country written where a code goes (`mli`, `Mali`): its hint names the code, a beneficiary's first once workshop.yaml is read.
  let beneficiaries: string[] = [];
  let organizations: NamedOrganization[] = [];
  // A name written where an owner, addressee or reporter's id goes (`owner: Ministry of Interior`): the one meant, else what may go there.
  const party = (written: string, field: string) => partyHint(written, organizations, beneficiaries, field === 'addressed_to');
  const check = <T>(file: ParsedFile, schema: SchemaName): Checked<T> | undefined => {
    const recovered = checkAgainstSchema(file, schema, { country: (written) => countryHint(written, beneficiaries, table), party });
    if (schema === 'workshop') workshopKeys = recovered.keysLeftOut;
    diagnostics.push(...recovered.diagnostics);
    if (recovered.diagnostics.length > 0) schemaFailed = true;
    recovered.damage.ids.forEach((id) => ids.add(id));
    if (recovered.invalidIds.length) invalidIds.set(file.source.path, recovered.invalidIds);
    if (recovered.removed.length) removed.set(file.source.path, recovered.removed);
    if (recovered.data === undefined) unreadFiles = true;
    // An empty session file, or one that is not a mapping, is taken as one that could not be read.
    if (recovered.data === undefined && schema === 'session') sessionsUnread = true;
    if (recovered.damage.containers.length > 0) anyLeftOut = true;
    if (recovered.data === undefined || recovered.damage.containers.length > 0) damagedFiles.add(file.source.path);
    return recovered.data === undefined ? undefined : { file, data: recovered.data as T };
  };
  // A file the reader could not take is damaged whole; a session file that could not be read (or is
  // empty, or not a mapping) leaves every recommendation and action id unknown (its problem is reported; a reference to it is a
  // consequence), and a session or country file may have been what mentions a beneficiary.
  sessionsUnread = loaded.unread.some((file) => /^sessions(\/|$)/.test(file));
  loaded.unread.forEach((file) => damagedFiles.add(file));
  if (loaded.unread.some((file) => /^(sessions|countries)(\/|$)/.test(file))) unreadFiles = true;
  // No session file at all (sessions/ moved away, as a branch checkout does): that is the one error
  // (no-sessions); every action and recommendation a follow-up report names, every country the
  // sessions mentioned, was in them.
  if (loaded.sessions.length === 0) {
    sessionsUnread = true;
    unreadFiles = true;
    // Nor is a session's translation told its session does not exist.
    damagedFiles.add('sessions');
  }
  // Notes left out with a warning (their place, see ProjectSources.leftOut): the project is still built without them.
  let notesLeftOut = false;
  for (const place of loaded.leftOut) {
    damagedFiles.add(place);
    if (/^sessions(\/|$)/.test(place)) sessionsUnread = true;
    if (/^(sessions|countries)(\/|$)/.test(place)) notesLeftOut = true;
  }
  const workshop = check<Partial<WorkshopNotes>>(loaded.workshop, 'workshop');
  beneficiaries = (workshop?.data.countries ?? []).flatMap((code) => code);
  organizations = namedOrganizations(workshop?.data ?? {});
  // A follow-up report saved in sessions/: one warning, not a session's six errors.
  const misplaced = loaded.sessions.filter(isFollowUpReport);
  for (const file of misplaced) diagnostics.push(misplacedFollowUp(file));
  // And a session's notes in countries/ or follow-up/, a country's in sessions/ or follow-up/: one warning each, not ten errors.
  const placed = [...loaded.sessions, ...loaded.countries, ...loaded.followUps].flatMap((file) => {
    const found = misplaced.includes(file) ? undefined : misplacedNotes(file);
    return found ? [{ file, ...found }] : [];
  });
  const elsewhere = placed.map(({ file }) => file);
  for (const { file, diagnostic, target } of placed) {
    diagnostics.push(diagnostic);
    // Its notes are where they would be read, unread: what refers to them, or translates them, is not blamed.
    damagedFiles.add(target);
    if (target.startsWith('sessions/')) sessionsUnread = true;
    if (/^(sessions|countries)\//.test(target)) notesLeftOut = true;
    // And the ids it gives are known to be there: a reference to one is not a typo of another's.
    const data = file.data as { recommendations?: unknown; actions?: unknown } | null;
    for (const list of [data?.recommendations, data?.actions]) if (Array.isArray(list)) for (const item of list) if (typeof (item as { id?: unknown } | null)?.id === 'string') ids.add((item as { id: string }).id);
  }
  const here = (files: readonly ParsedFile[]) => files.filter((file) => !misplaced.includes(file) && !elsewhere.includes(file));
  const sessions = here(loaded.sessions).map((file) => check<Partial<SessionNotes>>(file, 'session'));
  const countries = here(loaded.countries).map((file) => check<Partial<CountryFileNotes>>(file, 'country'));
  const translations = loaded.translations.map((file) => check<TranslationData>(file, 'translation'));
  const followUps = here(loaded.followUps).map((file) => check<Partial<FollowUpNotes>>(file, 'follow-up'));
  if (!workshop) return { diagnostics };

  const project: RuleProject = {
    workshop,
    sessions: sessions.flatMap((session) => session ? [{ ...session, id: session.data.id ?? baseName(session.file.source.path) }] : []),
    countries: countries.flatMap((country) => country ?? []),
    translations: translations.flatMap((translation) => translation ?? []),
    followUps: followUps.flatMap((followUp) => followUp ?? []),
    assets: loaded.assets,
  };
  const ctx = new RuleContext(project, table, { unreadFiles, notesLeftOut, leftOut: new Set(loaded.leftOut), anyLeftOut, ids, sessionsUnread, workshopKeys, damagedFiles, invalidIds, removed });
  for (const rule of RULES) rule(ctx);
  diagnostics.push(...ctx.diagnostics);
  const hinted = withSourceFingerprints(diagnostics, project, loaded.translations);
  // Only a project whose every file passed its schema whole has the types the later stages rely on.
  return unreadFiles || anyLeftOut || schemaFailed ? { diagnostics: hinted } : { project: project as CheckedProject, diagnostics: hinted };
}
