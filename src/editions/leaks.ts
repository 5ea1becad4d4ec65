import { memoize1, SECTION_MEMO_LIMIT } from '../markdown/memo.js';
import { splitAtHeadings } from '../typeset/markdown-sections.js';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { locate, type DataPath, type ParsedFile } from '../load/index.js';
import { spanToLocation } from '../diagnostics/location.js';
import type { CountryFileNotes, SessionNotes, TextItem, WorkshopNotes } from '../notes/types.js';
import { normalizedWords, textWords } from '../validate/near-duplicates.js';
import type { CheckedProject } from '../validate/index.js';
import { textFinder, textsIn, type SoughtText } from './text-search.js';

/** Shorter texts are too common to mean a leak ("Training for border police"). */
export const LEAK_MIN_WORDS = 5;

/** A restricted text, normalized, with where the notes hold it: plain data (a programme's worker thread posts it). */
export interface RestrictedText extends SoughtText {
  location: Location;
}

/** Whose documents a leak guard reads, for its message: a workshop's public edition, or a programme's documents. */
export interface LeakGuardOwner {
  /** Starts the message: "The public edition's", "The programme's". */
  documents: string;
  /** What leaves the restricted text out, for the hint: "the public edition leaves". */
  leavesOut: string;
}

/** A workshop's public edition, by name. */
export const editionGuard = (name: string): LeakGuardOwner => ({ documents: `The ${name} edition's`, leavesOut: 'the public edition leaves' });

/** A programme's documents, which show each workshop's public view. */
export const PROGRAMME_GUARD: LeakGuardOwner = { documents: "The programme's", leavesOut: "a programme's documents leave" };

/** A text of the notes with where it is written, and whether a public edition leaves it out. */
interface NotesText {
  file: ParsedFile;
  path: DataPath;
  text: string;
  restricted: boolean;
}

/** Calls `each` with every text of the notes a document may print: the workshop's summary and objectives, then each session's, country's and follow-up note's. Pure. */
function eachNotesText(project: CheckedProject, each: (text: NotesText) => void): void {
  const add = (file: ParsedFile, path: DataPath, text: string | undefined, restricted: boolean) => {
    if (text !== undefined) each({ file, path, text, restricted });
  };
  const items = (file: ParsedFile, path: DataPath, list: TextItem[] | undefined, all: boolean) => list?.forEach((item, i) => {
    if (typeof item === 'string') add(file, [...path, i], item, all);
    else add(file, [...path, i, 'text'], item.text, all || item.restricted === true);
  });
  const lists = (file: ParsedFile, path: DataPath, notes: Partial<Record<'initiatives' | 'challenges' | 'good_practices' | 'needs', TextItem[]>>, all: boolean) => {
    for (const key of ['initiatives', 'challenges', 'good_practices', 'needs'] as const) items(file, [...path, key], notes[key], all);
  };
  // The workshop's summary is never restricted, but may hold a public copy of a restricted text (the field visit's title).
  add(project.workshop.file, ['summary'], project.workshop.data.summary, false);
  items(project.workshop.file, ['objectives'], project.workshop.data.objectives, false);
  for (const { file, data } of project.sessions) {
    const all = data.restricted === true;
    add(file, ['title'], data.title, all);
    add(file, ['summary'], data.summary, all);
    data.speakers?.forEach((speaker, i) => add(file, ['speakers', i, 'topic'], speaker.topic, all));
    items(file, ['key_points'], data.key_points, all);
    for (const [code, notes] of Object.entries(data.country_notes ?? {})) lists(file, ['country_notes', code], notes, all);
    data.recommendations?.forEach((rec, i) => add(file, ['recommendations', i, 'text'], rec.text, all || rec.restricted === true));
    data.actions?.forEach((action, i) => add(file, ['actions', i, 'text'], action.text, all || action.restricted === true));
  }
  for (const { file, data } of project.countries) {
    const all = data.restricted === true;
    add(file, ['summary'], data.summary, all);
    lists(file, [], data, all);
  }
  // A follow-up note is printed with its action or recommendation: restricted with it.
  const { actions, recommendations } = restrictedIds(project);
  for (const { file, data } of project.followUps ?? []) {
    data.updates?.forEach((update, i) => add(file, ['updates', i, 'note'], update.note, (update.action !== undefined && actions.has(update.action)) || (update.recommendation !== undefined && recommendations.has(update.recommendation))));
  }
}

/** The ids of the actions and recommendations a public edition leaves out (marked, or in a restricted session). */
function restrictedIds(project: CheckedProject): { actions: Set<string>; recommendations: Set<string> } {
  const actions = new Set<string>();
  const recommendations = new Set<string>();
  for (const { data } of project.sessions) {
    for (const action of data.actions ?? []) if (action.id !== undefined && (data.restricted === true || action.restricted === true)) actions.add(action.id);
    for (const rec of data.recommendations ?? []) if (rec.id !== undefined && (data.restricted === true || rec.restricted === true)) recommendations.add(rec.id);
  }
  return { actions, recommendations };
}

/** The follow-up notes a public edition prints: those of updates on its actions and recommendations. */
function publicFollowUpNotes(publicProject: CheckedProject): string[] {
  const actions = new Set(publicProject.sessions.flatMap((session) => (session.data.actions ?? []).flatMap((action) => action.id ?? [])));
  const recommendations = new Set(publicProject.sessions.flatMap((session) => (session.data.recommendations ?? []).flatMap((rec) => rec.id ?? [])));
  return (publicProject.followUps ?? []).flatMap(({ data }) => (data.updates ?? []).flatMap((update) => (update.note !== undefined && ((update.action !== undefined && actions.has(update.action)) || (update.recommendation !== undefined && recommendations.has(update.recommendation))) ? [update.note] : [])));
}

/**
 * Every restricted text of five words or more: what a public edition must never print. Texts that
 * a public item also holds (the same sentence written twice) are left out: their presence proves
 * nothing; each is given to `alsoPublic`, for a warning (a copy that lost its mark is the likely
 * slip), with where the notes hold a public copy when one of their texts does (else it is in a part
 * the edition shows whole, or in a translation).
 */
export function restrictedTexts(project: CheckedProject, publicProject: CheckedProject, alsoPublic?: (text: RestrictedText, publicCopy: Location | undefined) => void): RestrictedText[] {
  const found: Array<{ words: string; source: string; file: ParsedFile; path: DataPath }> = [];
  eachNotesText(project, ({ file, path, text, restricted }) => {
    if (!restricted) return;
    const words = normalizedWords(text);
    if (words.length >= LEAK_MIN_WORDS) found.push({ words: words.join(' '), source: text, file, path });
  });
  if (found.length === 0) return [];
  const shown = textsIn([publicProject.workshop.data, ...publicProject.sessions.map((session) => session.data), ...publicProject.countries.map((country) => country.data), publicFollowUpNotes(publicProject)], found);
  const restricted = ({ words, source, file, path }: (typeof found)[number]): RestrictedText => ({ words, source, location: locate(file, path, 'value') });
  if (alsoPublic && shown.size > 0) {
    const copies = publicCopies(project, publicProject, found.filter((text) => shown.has(text)));
    for (const text of found) if (shown.has(text)) alsoPublic(restricted(text), copies.get(text.words));
  }
  return found.filter((text) => !shown.has(text)).map(restricted);
}

/**
 * Where a text of the notes that the edition prints holds each of `sought` (normalized words), the
 * first found: not restricted, in a part the edition keeps (not a speaker's topic where attribution
 * leaves the speakers out). Pure.
 */
function publicCopies(project: CheckedProject, publicProject: CheckedProject, found: ReadonlyArray<{ words: string; source: string }>): Map<string, Location> {
  const sought = found.map((text) => text.words);
  const sources = new Map(found.map((text) => [text.words, text.source]));
  const kept = new Map<ParsedFile, Record<string, unknown>>([
    [publicProject.workshop.file, publicProject.workshop.data as unknown as Record<string, unknown>],
    ...publicProject.sessions.map((session) => [session.file, session.data as unknown as Record<string, unknown>] as const),
    ...publicProject.countries.map((country) => [country.file, country.data as unknown as Record<string, unknown>] as const),
    ...(publicProject.followUps ?? []).map((followUp) => [followUp.file, followUp.data as unknown as Record<string, unknown>] as const),
  ]);
  const copies = new Map<string, Location>();
  eachNotesText(project, ({ file, path, text, restricted }) => {
    if (restricted || copies.size === sought.length || kept.get(file)?.[path[0]!] === undefined) return;
    const words = ` ${normalizedWords(text).join(' ')} `;
    for (const each of sought) if (!copies.has(each) && words.includes(` ${each} `)) copies.set(each, copyLocation(file, path, sources.get(each)!));
  });
  return copies;
}

/**
 * Where in the field at `path` the copy of `source` begins: its first words as written there, the
 * line breaks of a wrapped text between them (the field's summary runs over 30 lines); else the field.
 */
function copyLocation(file: ParsedFile, path: DataPath, source: string): Location {
  const field = locate(file, path, 'value');
  const first = source.split(/\s+/).filter(Boolean).slice(0, 4).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (first.length === 0) return field;
  const text = file.source.text.slice(field.start.offset, field.end.offset);
  const matches = [...text.matchAll(new RegExp(first.join('\\s+'), 'gi'))];
  // The place whose words go on as the copy's: its first words may come earlier in a long summary too.
  const whole = normalizedWords(source).join(' ');
  const found = matches.find((match) => normalizedWords(text.slice(match.index, match.index + source.length * 2)).join(' ').startsWith(whole)) ?? matches[0];
  return found ? spanToLocation(file.source.path, file.lineStarts, field.start.offset + found.index, field.start.offset + found.index + found[0].length) : field;
}

/**
 * A restricted text that a public part of the notes (or its translation) holds too: the public
 * edition prints it there, restricted mark or not. A warning, at the restricted item, with the
 * public copy as a related location when the notes hold it: the same text may be public on
 * purpose (a need also raised in the open session).
 */
export function alsoPublicDiagnostic(text: RestrictedText, edition: string, publicCopy?: Location, translation?: string): Diagnostic {
  return {
    code: 'restricted-also-public', severity: 'warning', stage: 'render',
    message: `This restricted text is also written in a part of the notes that is not restricted, which the ${edition} edition prints: the mark does not keep it out.`,
    hint: 'If it must stay out of public editions, mark the other copy `restricted: true` too, or delete it; if it may be public, remove `restricted: true` here.',
    location: text.location,
    ...(publicCopy ? { related: [{ ...publicCopy, message: translation ? `the item whose translation (${translation}) holds the copy that is not restricted` : 'the copy that is not restricted' }] } : {}),
  };
}

/**
 * Whether anything in the notes is marked `restricted: true`, however short: a project without marks
 * shows the same in a public edition as in a full one. Pure.
 */
export function hasRestricted(project: { workshop: { data: Partial<WorkshopNotes> }; sessions: ReadonlyArray<{ data: Partial<SessionNotes> }>; countries: ReadonlyArray<{ data: Partial<CountryFileNotes> }> }): boolean {
  const marked = (item: TextItem | { restricted?: boolean }) => typeof item !== 'string' && item.restricted === true;
  const lists = (notes: Partial<Pick<CountryFileNotes, 'initiatives' | 'challenges' | 'good_practices' | 'needs'>>) =>
    (['initiatives', 'challenges', 'good_practices', 'needs'] as const).some((key) => notes[key]?.some(marked));
  return (project.workshop.data.objectives ?? []).some(marked)
    || project.sessions.some(({ data }) => data.restricted === true || (data.key_points ?? []).some(marked)
      || Object.values(data.country_notes ?? {}).some(lists) || (data.recommendations ?? []).some(marked) || (data.actions ?? []).some(marked))
    || project.countries.some(({ data }) => data.restricted === true || lists(data));
}

/**
 * The guard run after a public edition (or a programme's documents) is made: every restricted text
 * found in a document's visible text (the Markdown, a PDF's drawn text) is an error at the restricted
 * item, naming the document. A `plain` text (a DOCX's paragraphs) is read as text, not parsed as Markdown.
 */
export function findLeaks(documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>, restricted: readonly RestrictedText[], owner: LeakGuardOwner): Diagnostic[] {
  return leakedTexts(documents, restricted).map(({ file, text }) => leakDiagnostic(file, text, owner));
}

/** A restricted text found in a document: an error at the restricted item. */
export function leakDiagnostic(file: string, text: RestrictedText, owner: LeakGuardOwner): Diagnostic {
  return {
    code: 'restricted-leak', severity: 'error', stage: 'render',
    message: `${owner.documents} ${file} contains this restricted text.`,
    location: text.location,
    hint: `A template prints it although ${owner.leavesOut} it out (a custom template or partial, or text copied into one); nothing was published. Remove it from the template, or write it in a public item if it may be public.`,
  };
}

/**
 * Which restricted texts each document's visible text holds, document by document, each text in
 * the order given. A Markdown document is parsed only when its raw words may hold one (a programme
 * of 100 workshops holds thousands of restricted texts, and its documents 20 MB of Markdown). Pure.
 */
export function leakedTexts<T extends RestrictedText>(documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>, restricted: readonly T[]): Array<{ file: string; text: T }> {
  return leakSearch(restricted)(documents);
}

/** leakedTexts for documents given one batch after another (a programme's, as each is made): the texts indexed once. */
export function leakSearch<T extends RestrictedText>(restricted: readonly T[]): (documents: ReadonlyArray<{ file: string; text: string; plain?: boolean }>) => Array<{ file: string; text: T }> {
  // Nothing restricted (an edition that is not public, a project without marks): nothing to read.
  if (restricted.length === 0) return () => [];
  const finder = textFinder(restricted);
  return (documents) => {
    const found: Array<{ file: string; text: T }> = [];
    for (const document of documents) {
      if (!document.plain && finder.mayHold(document.text).size === 0) continue;
      const words = document.plain ? textWords(document.text.normalize('NFKC')) : documentWords(document.text).split(' ');
      const hits = finder.holds(words);
      if (hits.size > 0) for (const text of restricted) if (hits.has(text)) found.push({ file: document.file, text });
    }
    return found;
  };
}

/**
 * A document's words, section by section (cut before headings: words never run across one), each
 * section remembered by its text: the same Markdown is guarded once per edition and again as the
 * HTML page's visible text, and a rebuild (watch mode, the preview) guards sections that did not
 * change; reading one takes a Markdown parse.
 */
function documentWords(document: string): string {
  return splitAtHeadings(document).map((section) => sectionWords(document.slice(section.offset, section.end))).filter(Boolean).join(' ');
}

const sectionWords = memoize1((text: string) => normalizedWords(text).join(' '), SECTION_MEMO_LIMIT);
