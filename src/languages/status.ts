import { movedTranslations } from './moved.js';
import type { ParsedFile } from '../load/index.js';
import type { Language } from '../notes/types.js';
import { fingerprint } from './fingerprint.js';
import { textSlots, type TextSlot } from './slots.js';

/** The files a translation status is computed over (the validated project, or what is left of it). */
export interface TranslatableProject {
  workshop: { file: ParsedFile; data: unknown };
  sessions: ReadonlyArray<{ file: ParsedFile; data: unknown }>;
  countries: ReadonlyArray<{ file: ParsedFile; data: unknown }>;
  translations: ReadonlyArray<{ file: ParsedFile; data: unknown }>;
  followUps?: ReadonlyArray<{ file: ParsedFile; data: unknown }>;
}

export interface TranslationEntry {
  source: string;
  text: string;
}

/** A translation file: where it is, which language and source file it is for. */
export interface TranslationFileInfo {
  file: ParsedFile;
  data: Record<string, TranslationEntry>;
  language: string;
  /** The source file's path (`sessions/03-kst.yaml`). */
  target: string;
}

/** One text of one source file, in one target language. */
export interface SlotStatus {
  language: Language;
  source: ParsedFile;
  slot: TextSlot;
  state: 'translated' | 'missing' | 'stale';
  /** The translation file and entry, when there is one. */
  translation?: { file: TranslationFileInfo; key: string; entry: TranslationEntry };
}

export interface TranslationStatus {
  /** The report's languages, the notes' own first. */
  languages: Language[];
  slots: SlotStatus[];
  /** Entries whose text no longer exists in the source. */
  orphans: Array<{ file: TranslationFileInfo; key: string }>;
  /** Files that translate nothing: no such source file, or a language the report is not in. */
  strayFiles: Array<{ file: TranslationFileInfo; reason: 'no-source' | 'not-a-language' }>;
}

/** `languages`, else `[language]`, else English. */
export function reportLanguages(workshop: { language?: Language | undefined; languages?: Language[] | undefined }): Language[] {
  return workshop.languages?.length ? workshop.languages : [workshop.language ?? 'en'];
}

/** `translations/fr/sessions/03.yaml` → fr, sessions/03.yaml. */
export function translationTarget(path: string): { language: string; target: string } {
  const [, language = '', ...rest] = path.split('/');
  return { language, target: rest.join('/') };
}

/**
 * Every translatable text of the project in every target language, with its state: translated
 * (the fingerprint matches the current source), stale (it does not), or missing; the entries and
 * files that translate nothing. Pure.
 */
export function translationStatus(project: TranslatableProject): TranslationStatus {
  const languages = reportLanguages((project.workshop.data ?? {}) as { language?: Language; languages?: Language[] });
  const targets = languages.slice(1);
  const sources = [project.workshop, ...project.sessions, ...project.countries, ...(project.followUps ?? [])];
  const byPath = new Map(sources.map((source) => [source.file.source.path, source]));
  // A name with an accent is written two ways in Unicode (é, or e and U+0301, as macOS writes file
  // names): a translation file named the other way still translates its file (it was an orphan of a
  // file “which does not exist”, the hint offering to rename it to the same name).
  const sameName = new Map(sources.map((source) => [source.file.source.path.normalize('NFC'), source.file.source.path]));
  const files = new Map<string, TranslationFileInfo>();
  const status: TranslationStatus = { languages, slots: [], orphans: [], strayFiles: [] };
  for (const t of project.translations) {
    const named = translationTarget(t.file.source.path);
    const info: TranslationFileInfo = { file: t.file, data: (t.data ?? {}) as Record<string, TranslationEntry>, language: named.language, target: sameName.get(named.target.normalize('NFC')) ?? named.target };
    if (!targets.includes(info.language as Language)) status.strayFiles.push({ file: info, reason: 'not-a-language' });
    else if (!byPath.has(info.target)) status.strayFiles.push({ file: info, reason: 'no-source' });
    else files.set(`${info.language}/${info.target}`, info);
  }
  // A person's organization given as one of these ids prints that organization's name: no text of its own.
  const workshop = (project.workshop.data ?? {}) as { organizers?: unknown; partners?: unknown };
  const organizations = new Set([workshop.organizers, workshop.partners].flatMap((list) => (Array.isArray(list) ? list : []))
    .flatMap((org: unknown) => (typeof (org as { id?: unknown } | null)?.id === 'string' ? [(org as { id: string }).id] : [])));
  for (const language of targets) {
    for (const source of sources) {
      const file = files.get(`${language}/${source.file.source.path}`);
      const slots = textSlots(source.file.role, source.data, organizations);
      const keys = new Set(slots.map((slot) => slot.key));
      for (const slot of slots) {
        const entry = file?.data[slot.key];
        if (!entry) {
          // A name too: it is printed as written, but the translator is offered it (see coverageLines).
          status.slots.push({ language, source: source.file, slot, state: 'missing' });
          continue;
        }
        const state = entry.source === fingerprint(slot.value) ? 'translated' : 'stale';
        status.slots.push({ language, source: source.file, slot, state, translation: { file: file!, key: slot.key, entry } });
      }
      if (file) for (const key of Object.keys(file.data)) if (!keys.has(key)) status.orphans.push({ file, key });
    }
  }
  return status;
}

/**
 * `fr: 212 of 230 texts translated, 18 missing, 3 stale`, per target language, and how many wait
 * only for an entry to be renamed (see movedTranslations): those are neither missing nor stale.
 * Names (see TextSlot.optional) are not texts a report must translate: those with no translation,
 * printed as the notes write them, are counted after (`; 3 names not translated`).
 */
export function coverageLines(status: TranslationStatus): string[] {
  const moved = movedTranslations(status);
  const under = new Map<string, Set<string>>();
  const leaving = new Map<string, Set<string>>();
  for (const [file, { moves }] of moved) {
    const place = `${file.language}\u0000${file.target}`;
    under.set(place, new Set(moves.map((move) => move.to)));
    leaving.set(place, new Set(moves.map((move) => move.from)));
  }
  return status.languages.slice(1).map((language) => {
    const mine = status.slots.filter((s) => s.language === language && !s.slot.optional);
    const states = mine.map((s): SlotStatus['state'] | 'moved' => {
      const place = `${s.language}\u0000${s.source.source.path}`;
      if (s.state === 'translated') return s.state;
      if (under.get(place)?.has(s.slot.key)) return 'moved';
      return s.translation && leaving.get(place)?.has(s.translation.key) ? 'missing' : s.state;
    });
    const count = (state: SlotStatus['state'] | 'moved') => states.filter((each) => each === state).length;
    const movedCount = count('moved');
    const names = status.slots.filter((s) => s.language === language && s.slot.optional && s.state === 'missing').length;
    const untranslatedNames = names ? `; ${names} ${names === 1 ? 'name' : 'names'} not translated, printed as the notes write ${names === 1 ? 'it' : 'them'}` : '';
    return `${language}: ${count('translated')} of ${mine.length} texts translated, ${count('missing')} missing, ${count('stale')} stale${movedCount ? `, ${movedCount} under ${movedCount === 1 ? 'its text\'s' : 'their texts\''} old keys (see moved-translation)` : ''}${untranslatedNames}`;
  });
}
