import type { Diagnostic, RelatedLocation, RuleId, Severity } from '../diagnostics/diagnostic.js';
import { locate, type DataPath, type ParsedFile, type Part } from '../load/index.js';
import type { CountryFileNotes, FollowUpNotes, SessionNotes, WorkshopNotes } from '../notes/types.js';
import type { CountryTable } from '../reference/countries.js';
import { distance } from 'fastest-levenshtein';
import { LIMITS } from '../limits.js';
import type { InvalidId } from './recover.js';
import { didYouMean, mayBeKey, suggest } from './suggest.js';

/** A file whose data passed its schema, with the data typed. */
export interface Checked<T> {
  file: ParsedFile;
  data: T;
}

export interface CheckedSession extends Checked<SessionNotes> {
  /** `id`, or the file name without extension. */
  id: string;
}

export interface CheckedProject {
  workshop: Checked<WorkshopNotes>;
  sessions: CheckedSession[];
  countries: Checked<CountryFileNotes>[];
  /** Translation files (`translations/LANG/…yaml`), each passed its schema. */
  translations: Checked<TranslationData>[];
  /** Follow-up reports (`follow-up/*.yaml`), each passed its schema. */
  followUps: Checked<FollowUpNotes>[];
  assets: string[];
}

/** A translation file's data: each text's path → its translation and the source's fingerprint. */
export type TranslationData = Record<string, { source: string; text: string }>;

/**
 * What the cross-file rules check: every file that gave data, less the entries that failed their
 * schema. Every item left passed its schema, but a top-level key the schema requires may be missing,
 * and a list may have holes where items were left out (iterate with `forEach`, which skips them, so
 * item numbers stay those of the file).
 */
export interface RuleProject {
  workshop: Checked<Partial<WorkshopNotes>>;
  sessions: Array<Checked<Partial<SessionNotes>> & { id: string }>;
  countries: Checked<Partial<CountryFileNotes>>[];
  translations: Checked<TranslationData>[];
  followUps: Checked<Partial<FollowUpNotes>>[];
  assets: CheckedProject['assets'];
}

/** What is known to be missing from the rule project, so rules do not blame what refers to it. */
export interface Gaps {
  /** Some file gave no data at all (its `id:` values are in `ids`). */
  unreadFiles: boolean;
  /** Session or country notes left out with a warning (misplaced, a misnamed folder): the project is built without them. */
  notesLeftOut?: boolean;
  /** Where notes left out with a warning would have been read (ProjectSources.leftOut: `sessions/03-extra.yaml`, `countries`). */
  leftOut?: ReadonlySet<string>;
  /** Some entry was left out of some file. */
  anyLeftOut: boolean;
  /** `id:` values written in entries that were left out. */
  ids: ReadonlySet<string>;
  /** A session file could not be read at all: any recommendation or action id may be one of its. */
  sessionsUnread: boolean;
  /** Top-level keys of workshop.yaml that lost entries (or `*` when the file lost an unnamed one). */
  workshopKeys: ReadonlySet<string>;
  /** Paths (as in the project, `sessions/03-x.yaml`) of the files that gave no data or lost entries. */
  damagedFiles: ReadonlySet<string>;
  /**
   * The `id:` values left out because they are not valid ids, by file: the entry that had one is
   * not "without an id", and a reference or translation keyed by it is a consequence of that error.
   */
  invalidIds: ReadonlyMap<string, readonly InvalidId[]>;
  /** By file, the paths of the values the schema took out (`['actions', 7, 'di']`: an unknown key). */
  removed: ReadonlyMap<string, readonly DataPath[]>;
}

export const NO_GAPS: Gaps = { unreadFiles: false, anyLeftOut: false, ids: new Set(), sessionsUnread: false, workshopKeys: new Set(), damagedFiles: new Set(), invalidIds: new Map(), removed: new Map() };

/**
 * Related places for a diagnostic: at most `limit` of `sites`, the last saying how many more there
 * are (`another use, and 12 more`).
 */
export function relatedPlaces(sites: readonly Site[], message: string, limit: number = LIMITS.relatedLocations): Array<{ site: Site; message: string }> {
  const shown = sites.slice(0, limit);
  const more = sites.length - shown.length;
  return shown.map((site, k) => ({ site, message: k === shown.length - 1 && more > 0 ? `${message}, and ${more} more` : message }));
}

/** A place in a file, for diagnostics and related locations. */
export interface Site {
  file: ParsedFile;
  path: DataPath;
}

export type RecommendationSite = Site & { theme: string; sameAs?: string };

/** A recommendation's or an action's `id:` left out as not valid (see Gaps.invalidIds): where, and as written. */
export interface InvalidIdSite {
  /** At the `id:` value (`['recommendations', 3, 'id']`). */
  site: Site;
  written: string;
  /** The reference is that id as meant (`written` but for its spaces), not only close to it. */
  exact: boolean;
}

/** Characters that take no room: pasted with an id, they are not seen. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

/**
 * The ids an invalid `id:` may have been meant as: without the spaces around it (a non-breaking
 * space pasted from a word processor) and those beside its hyphens, each space left (`cl
 * comites-locaux`) a hyphen, or an underscore. The first is the one to suggest.
 */
export function idsMeant(written: string): [string, string] {
  const bare = written.replace(INVISIBLE, '').trim().replace(/\s*([-_])\s*/g, '$1');
  return [bare.replace(/\s+/g, '-'), bare.replace(/\s+/g, '_')];
}

/**
 * How a reference to an id no recommendation or action has is said when it names one whose `id:`
 * is not valid (RuleContext.invalidIdMeant): why it names nothing (to follow "No action has the id
 * “x”: "), what to do, and where that id is written.
 */
export function invalidIdReference(kind: 'recommendation' | 'action', id: string, meant: InvalidIdSite): { because: string; hint: string; related: Array<{ site: Site; message: string }> } {
  return {
    because: `the ${kind} whose id is written “${meant.written}” has no valid id`,
    hint: meant.exact
      ? `Write that id as “${id}” in ${meant.site.file.source.path} (letters, digits, - and _, no spaces): this reference then names it.`
      : 'Correct the id in the session file (letters, digits, - and _, no spaces); the error there says what is wrong with it.',
    related: [{ site: meant.site, message: 'the id written there' }],
  };
}

/** What every cross-file rule receives: the checked data and a way to report at a position. */
export class RuleContext {
  readonly diagnostics: Diagnostic[] = [];

  /**
   * @param gaps what could not be checked: rules that look for something defined elsewhere stay
   *   quiet about what may be defined there rather than blame the wrong file.
   */
  constructor(readonly project: RuleProject, readonly table: CountryTable, readonly gaps: Gaps = NO_GAPS) {}

  /** Whether every definition of this kind in workshop.yaml was read (none was left out). */
  knowsAll(key: 'countries' | 'themes' | 'organizers' | 'partners'): boolean {
    const { workshopKeys } = this.gaps;
    return this.project.workshop.data[key] !== undefined && !workshopKeys.has(key) && !workshopKeys.has('*');
  }

  /**
   * Whether `code`, not a beneficiary, may be one that workshop.yaml's countries misspell: a code
   * there that the M49 table does not know (its own error) and that is close to it (BFX for BFA).
   * The places that name that country are not each to blame; other countries are still checked.
   */
  mayBeMisspeltBeneficiary(code: string): boolean {
    return [...this.beneficiaries].some((listed) => !this.table.has(listed) && (distance(listed, code) <= 1 || (listed[0] === code[0] && distance(listed, code) <= 2)));
  }

  /** The invalid `id:` written at `path` in `file`, or in an entry `path` is inside (see Gaps.invalidIds). */
  invalidIdAt(file: ParsedFile, path: DataPath): InvalidId | undefined {
    return this.gaps.invalidIds.get(file.source.path)?.find((id) => id.path.length >= 2 && id.path.length - 1 <= path.length && id.path.slice(0, -1).every((segment, i) => segment === path[i]));
  }

  /**
   * Whether the entry at `entry` (an action, an update: `['actions', 3]`) lost, to its own error, a
   * key that is or may be one of `keys` (`di:` for `id:`, `actoin:` for `action:`): it is not then
   * also blamed for lacking it ("an action without an id"); once corrected, it is checked again.
   */
  entryLostKey(file: ParsedFile, entry: DataPath, keys: readonly string[]): boolean {
    return (this.gaps.removed.get(file.source.path) ?? []).some((path) => {
      const key = path[path.length - 1];
      return path.length === entry.length + 1 && entry.every((segment, i) => segment === path[i]) && typeof key === 'string' && keys.some((wanted) => mayBeKey(key, wanted));
    });
  }

  /** Whether a reference to `id` may name something left out after an error: then it is not reported. */
  mayBeLeftOut(id: string): boolean {
    return this.gaps.ids.has(id);
  }

  /**
   * mayBeLeftOut for a recommendation's or an action's id, which a session file that could not be
   * read (or is empty, or not a mapping) may define too. An id close to one of `known` is still a
   * typo to report: an empty placeholder file must not hide a misspelt id elsewhere.
   */
  mayBeLeftOutOrUnread(id: string, known: Iterable<string>): boolean {
    return this.gaps.ids.has(id) || (this.gaps.sessionsUnread && didYouMean(id, known) === undefined);
  }

  /**
   * For a reference to `id` that no recommendation (or action) has: the one whose `id:` was left out
   * as not valid that it names, so it is said as a consequence of that id's error, not as naming
   * nothing with a "did you mean" of another. That id as meant but for its spaces (idsMeant: a
   * non-breaking space pasted at its end, `cl comites-locaux`), whatever else is close; or, when
   * `id` is close to none of `valid` and names nothing left out, the invalid id closest to it.
   * Never the entry `holder` is in (a recommendation's own id, for its `same_as`).
   */
  invalidIdMeant(list: 'recommendations' | 'actions', id: string, valid: Iterable<string>, holder?: Site): InvalidIdSite | undefined {
    const candidates = this.invalidIdsIn(list).filter((c) => !(holder && c.site.file === holder.file && c.site.path[1] === holder.path[1]));
    const exact = candidates.find((c) => idsMeant(c.written).includes(id));
    if (exact) return { ...exact, exact: true };
    const known = [...valid];
    if (this.mayBeLeftOutOrUnread(id, known) || didYouMean(id, known) !== undefined) return undefined;
    const near = suggest(id, candidates.map((c) => idsMeant(c.written)[0]));
    const found = near === undefined ? undefined : candidates.find((c) => idsMeant(c.written)[0] === near);
    return found && { ...found, exact: false };
  }

  /** The invalid `id:` values of the session files' recommendations or actions, in reading order; computed once. */
  private invalidIdsIn(list: 'recommendations' | 'actions'): ReadonlyArray<Omit<InvalidIdSite, 'exact'>> {
    let found = this.invalidIdLists.get(list);
    if (!found) {
      found = this.project.sessions.flatMap((session) => (this.gaps.invalidIds.get(session.file.source.path) ?? [])
        .filter(({ path }) => path.length === 3 && path[0] === list && typeof path[1] === 'number' && path[2] === 'id')
        .sort((a, b) => Number(a.path[1]) - Number(b.path[1]))
        .map(({ path, value }) => ({ site: { file: session.file, path }, written: value })));
      this.invalidIdLists.set(list, found);
    }
    return found;
  }

  /** One problem at `site`; `actual`: the value in error, for a later stage to read (not printed). */
  report(code: RuleId, severity: Severity, site: Site, part: Part, message: string, hint?: string, related: Array<{ site: Site; part?: Part; message: string }> = [], actual?: string): void {
    const relatedLocations: RelatedLocation[] = related.map((r) => ({ ...locate(r.site.file, r.site.path, r.part ?? 'value'), message: r.message }));
    this.diagnostics.push({
      code, severity, stage: 'validate', message,
      location: locate(site.file, site.path, part),
      ...(hint ? { hint } : {}),
      ...(relatedLocations.length ? { related: relatedLocations } : {}),
      ...(actual !== undefined ? { actual } : {}),
    });
  }

  /**
   * Whether the workshop's dates are in doubt: two or more sessions are dated and none falls within
   * them (a year typed wrong in workshop.yaml).
   */
  get workshopDatesInDoubt(): boolean {
    return this.sessionDates !== undefined;
  }

  /**
   * The dates other dates are judged against (an action due before the end, a follow-up report
   * before the start): the workshop's, or, while they are in doubt, the span of its sessions' dates,
   * so a date wrong by itself is still found, and one wrong only against the doubtful dates is not.
   */
  get datesToJudgeBy(): { start: string; end: string } | undefined {
    return this.sessionDates ?? this.project.workshop.data.dates;
  }

  /** The span of the sessions' dates when the workshop's are in doubt, else undefined; computed once. */
  private get sessionDates(): { start: string; end: string } | undefined {
    if (this.sessionSpan === null) {
      const dates = this.project.workshop.data.dates;
      const dated = this.project.sessions.flatMap((session) => session.data.date ?? []).sort();
      const inDoubt = dates !== undefined && dated.length >= 2 && dated.every((date) => date < dates.start || date > dates.end);
      this.sessionSpan = inDoubt ? { start: dated[0]!, end: dated[dated.length - 1]! } : undefined;
    }
    return this.sessionSpan;
  }

  /** Beneficiary country codes; computed once: rules ask for every reference they check. */
  get beneficiaries(): ReadonlySet<string> {
    // flatMap, not a spread or Set of the list: a list may have holes where items were left out.
    this.beneficiarySet ??= new Set((this.project.workshop.data.countries ?? []).flatMap((code) => code));
    return this.beneficiarySet;
  }

  get organizationIds(): ReadonlySet<string> {
    const { organizers = [], partners = [] } = this.project.workshop.data;
    this.organizationSet ??= new Set([organizers, partners].flatMap((list) => list.flatMap((org) => org.id)));
    return this.organizationSet;
  }

  /** Every recommendation with an id, in reading order (file name, then position); the first wins. */
  get recommendationSites(): ReadonlyMap<string, RecommendationSite> {
    if (!this.recommendationMap) {
      this.recommendationMap = new Map();
      for (const session of this.project.sessions) {
        session.data.recommendations?.forEach((rec, index) => {
          if (rec.id !== undefined && !this.recommendationMap!.has(rec.id)) {
            this.recommendationMap!.set(rec.id, { file: session.file, path: ['recommendations', index], theme: rec.theme, ...(rec.same_as ? { sameAs: rec.same_as } : {}) });
          }
        });
      }
    }
    return this.recommendationMap;
  }

  /**
   * Session files that repeat another whole (a copy made in the file manager, `01-opening - Copy.yaml`,
   * `01-opening (2).yaml`): each, by its file, with the one it repeats. Between files whose notes are
   * the same, the original is one whose name does not say it is a copy (COPY_MARK), then the one with
   * the shortest name, as repeated-follow-up decides, then the first in reading order; computed once.
   */
  get sessionCopies(): ReadonlyMap<ParsedFile, ParsedFile> {
    if (!this.copies) {
      this.copies = new Map();
      const originals = new Map<string, ParsedFile>();
      const rank = (session: { file: ParsedFile }) => {
        const name = baseName(session.file.source.path);
        return (COPY_MARK.test(name) ? 1_000_000 : 0) + name.length;
      };
      // Only sessions of the same title and date can repeat each other: the others are not serialised (2,000 of them in a programme).
      const quick = (session: { data: { title?: unknown; date?: unknown } }) => `${String(session.data.title)}\u0000${String(session.data.date)}`;
      const seen = new Map<string, number>();
      for (const session of this.project.sessions) seen.set(quick(session), (seen.get(quick(session)) ?? 0) + 1);
      const byName = this.project.sessions.filter((session) => seen.get(quick(session))! > 1).sort((a, b) => rank(a) - rank(b));
      for (const session of byName) {
        if (Object.keys(session.data).length === 0) continue;
        const key = JSON.stringify(session.data);
        const original = originals.get(key);
        if (original) this.copies.set(session.file, original);
        else originals.set(key, session.file);
      }
    }
    return this.copies;
  }

  private copies?: Map<ParsedFile, ParsedFile>;
  private recommendationMap?: Map<string, RecommendationSite>;
  private readonly invalidIdLists = new Map<string, ReadonlyArray<Omit<InvalidIdSite, 'exact'>>>();
  private beneficiarySet?: Set<string>;
  private sessionSpan: { start: string; end: string } | undefined | null = null;
  private organizationSet?: Set<string>;
}

/** What a file manager adds to a copy's name: `- Copy`, `Copy of`, `copie`, `Kopie`, `(2)`. */
const COPY_MARK = /(^|[^a-z])(cop(y|ie|ia)|kopie)([^a-z]|$)|\(\d+\)/i;

/** `sessions/03-kst.yaml` → `03-kst`: the name a file gives its session or country. */
export function baseName(path: string): string {
  return path.replace(/^.*\//, '').replace(/\.ya?ml$/i, '');
}
