import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { fingerprint, movedTranslations, reportLanguages, structureDifferences, translationStatus, type TranslatableProject, type TranslationFileInfo, type TranslationStatus } from '../../languages/index.js';
import { locate, type ParsedFile } from '../../load/index.js';
import type { Language } from '../../notes/types.js';
import type { RuleContext } from '../context.js';
import { suggest } from '../suggest.js';
import { LIMITS } from '../../limits.js';

const NAMES: Record<Language, string> = { en: 'English', fr: 'French' };

/**
 * Translations against their sources (FORMAT.md, "Languages"): a translation of a text that
 * changed is stale (warning, in both files); one of a text that no longer exists, or a file that
 * translates nothing, is an orphan (error); a text without translation is missing (warning: it
 * falls back to the notes' language); a translation that changes the Markdown's structure is a
 * warning. `language` and `languages` must agree.
 */
export function checkTranslations(ctx: RuleContext): void {
  const { workshop } = ctx.project;
  const w = workshop.data;
  if (w.language !== undefined && w.languages?.length && w.languages[0] !== w.language) {
    ctx.report('conflicting-languages', 'error', { file: workshop.file, path: ['languages', 0] }, 'value', `languages starts with ${w.languages[0]}, but language says the notes are in ${w.language}.`, 'Keep only `languages:` (its first language is the notes\' language), or make them agree.');
  }
  // A language left out of `languages:` (`FR`, `es`: its own error) leaves the report's languages
  // unknown: every translation folder would be called an orphan and every file untranslated in “undefined”.
  const removed = ctx.gaps.removed.get(workshop.file.source.path) ?? [];
  if (ctx.gaps.workshopKeys.has('languages') || ctx.gaps.workshopKeys.has('language') || removed.some((path) => path[0] === 'languages' || path[0] === 'language')) return;
  const status = translationStatus(ctx.project);
  const source = reportLanguages(w)[0]!;
  // A source file that could not be read whole (a YAML mistake) has lost texts its translation
  // still has: the first error says why, and these would only be its consequences.
  // (A folder the reader could not take, such as a sessions/ that links outside, damages every file in it.)
  /** Whether notes of `target`'s folder were left out for their file's name (`session 7.yaml.txt`): maybe the file this translates. */
  const notReadBeside = (target: string) => [...ctx.gaps.leftOut ?? []].some((place) => place !== target && place.startsWith(`${folderOf(target)}/`));
  const damaged = (target: string) => ctx.gaps.damagedFiles.has(target) || (target.includes('/') && ctx.gaps.damagedFiles.has(target.slice(0, target.indexOf('/'))));
  const renamed = renamedSources(ctx, status);
  // A folder named for a language of the report in other letters (`translations/FR/`): one error,
  // for the folder; its texts are not each called missing (they are there, under the wrong name).
  const miscased = new Map<string, Language>();
  const ownFolders = new Set(ctx.project.translations.map((t) => t.file.source.path.split('/')[1]));
  const ownLanguage = new Set<string>();
  for (const { file, reason } of status.strayFiles) {
    if (reason === 'no-source' && damaged(file.target)) continue;
    // translations/fr/ in a workshop whose notes are in French: it translates nothing (it was told
    // to move its files into translations/fr/, where they were).
    if (reason === 'not-a-language' && file.language.toLowerCase() === source) {
      if (!ownLanguage.has(file.language)) {
        ownLanguage.add(file.language);
        ctx.report('orphan-translation', 'error', { file: file.file, path: [] }, 'mapping-start', `translations/${file.language}/ is not read: ${NAMES[source]} is the language of the notes, so a translation into it translates nothing.`,
          `Delete the folder; if it holds a translation into another language, name the folder for that language (translations/${source === 'en' ? 'fr' : 'en'}/) and add it to \`languages:\` in workshop.yaml.`);
      }
      continue;
    }
    const meant = reason === 'not-a-language' ? status.languages.find((language) => language === file.language.toLowerCase()) : undefined;
    if (meant !== undefined) {
      if (!miscased.has(file.language)) {
        miscased.set(file.language, meant);
        const count = status.strayFiles.filter((other) => other.file.language === file.language).length;
        ctx.report('orphan-translation', 'error', { file: file.file, path: [] }, 'mapping-start', `translations/${file.language}/ is not read: the folder of the ${NAMES[meant]} translation is translations/${meant}/ (language codes are lower case).`,
          ownFolders.has(meant) ? `Move what translations/${file.language}/ holds into translations/${meant}/ (which is there too), then delete it.` : `Rename the folder translations/${file.language}/ to translations/${meant}/ (its ${count === 1 ? 'file is' : `${count} files are`} read then).`);
      }
      continue;
    }
    const message = reason === 'not-a-language'
      ? `translations/${file.language}/ is not one of the report's languages (${status.languages.join(', ')}).`
      : `This translates ${file.target}, which does not exist.`;
    const now = renamed.byStray.get(file.file.source.path);
    const hint = reason === 'not-a-language' ? `Add ${file.language} to \`languages:\` in workshop.yaml, or remove the folder.`
      : now ? `Was ${file.target} renamed ${now}? Then rename this file translations/${file.language}/${now}: its texts are keyed the same.`
        : notReadBeside(file.target) ? `A file of ${folderOf(file.target)}/ is not read for its name (see its warning): if it holds the notes this translates, rename it ${file.target}. Otherwise move this file beside the translation of the file it translates, or delete it.`
          : 'Move it beside the translation of the file it translates, or delete it.';
    ctx.report('orphan-translation', 'error', { file: file.file, path: [] }, 'mapping-start', message, hint);
  }
  // The texts of a file whose translation was left under its old name are not each called missing.
  const translatedUnderOldName = renamed.sources;
  // Translations left under their texts' old keys (a key point removed before them): one warning per file.
  const moved = movedTranslations(status);
  for (const [file, { moves, renames, replaced }] of moved) {
    const [first, ...others] = moves;
    const list = renames.map((move) => `${move.from} → ${move.to}`).join(', ');
    const deleteFirst = replaced.length ? `first take ${replaced.join(', ')} out of the way (${replaced.length === 1 ? 'it translates' : 'each translates'} a removed text, or an earlier version of a changed one: delete it, or rename it to update it later), then ` : '';
    ctx.report('moved-translation', 'warning', { file: file.file, path: [first!.from] }, 'key', `${moves.length === 1 ? 'A translation is' : `${moves.length} translations are`} under ${moves.length === 1 ? 'its text\'s old key' : 'their texts\' old keys'}: the texts of ${file.target} moved (${moves.every((move) => move.to === `${move.from}.text` || move.from === `${move.to}.text`) ? (moves.length === 1 ? 'an item was' : 'items were') + ' rewritten with or without `text:`, to mark it restricted or no longer' : 'items were removed, added or reordered'}), so the ${NAMES[file.language as Language] ?? file.language} report shows ${moves.length === 1 ? 'it' : 'them'} in ${NAMES[source]}.`,
      `In translations/${file.language}/${file.target}, ${deleteFirst}rename ${renames.length === 1 ? 'the entry' : 'the entries, in this order (each new key is free by then)'}: ${list}.`,
      others.map((move) => ({ site: { file: file.file, path: [move.from] }, part: 'key' as const, message: `moved to ${move.to}` })));
  }
  const movedFrom = (file: TranslationFileInfo, key: string) => moved.get(file)?.moves.some((move) => move.from === key) ?? false;
  const movedTo = (language: string, target: string, key: string) => [...moved].some(([file, { moves }]) => file.language === language && file.target === target && moves.some((move) => move.to === key));
  for (const { file, key } of status.orphans) {
    if (damaged(file.target) || movedFrom(file, key)) continue;
    const keys = status.slots.filter((s) => s.language === file.language && s.source.source.path === file.target).map((s) => s.slot.key);
    const near = suggest(key, keys);
    ctx.report('orphan-translation', 'error', { file: file.file, path: [key] }, 'key', `${file.target} has no text at ${key}: this translation translates nothing.`,
      near ? `Did you mean ${near}? Otherwise the text was removed, or its id changed: delete this entry.` : 'The text was removed, or its id changed: delete this entry (or rename it to the text\'s new path).');
  }
  const merged = mergedRecommendations(ctx);
  // The texts of a file that has no translation file at all in a language: one warning for the file.
  const translationFiles = new Set(ctx.project.translations.map((t) => t.file.source.path));
  const untranslated = new Map<string, Array<(typeof status.slots)[number]>>();
  for (const s of status.slots) {
    const where = { file: s.source, path: s.slot.path };
    const language = NAMES[s.language];
    // A recommendation that same_as merges into another: the report prints the other's text, never this one.
    const into = s.slot.path[0] === 'recommendations' && s.slot.path[2] === 'text' ? merged.get(s.source)?.get(s.slot.path[1] as number) : undefined;
    const merges = `same_as merges this recommendation into “${into}”, whose text the report prints`;
    // Said once by moved-translation: a text whose translation is to be renamed to its key. One
    // whose key's entry moves away (an item added before others) has none once the renames are made.
    let state = s.state;
    if (state !== 'translated' && moved.size > 0) {
      if (movedTo(s.language, s.source.source.path, s.slot.key)) continue;
      if (s.translation && movedFrom(s.translation.file, s.translation.key)) state = 'missing';
    }
    // (Only when the language has no folder of its own: beside translations/fr/, its missing texts are missing.)
    if (state === 'missing' && [...miscased.values()].includes(s.language) && !ownFolders.has(s.language)) continue;
    if (state === 'missing') {
      // A name with no translation is printed as written, as names often are: counted by validate's coverage line, not warned.
      if (s.slot.optional) continue;
      // A text of an entry whose id was not valid: its translation, keyed by that id, is not found; the id's error says why.
      // Or of an entry addressed by its place (`actions.7.text`) because a key in error, maybe its id (`di:`), was left out.
      if (ctx.invalidIdAt(s.source, s.slot.path) || (/^[^.]+\.\d+\./.test(s.slot.key) && ctx.entryLostKey(s.source, s.slot.path.slice(0, 2), ['id']))) continue;
      // Or its translation file could not be read (its own error says why).
      if (damaged(`translations/${s.language}/${s.source.source.path}`) || translatedUnderOldName.has(`${s.language}/${s.source.source.path}`)) continue;
      const translationFile = `translations/${s.language}/${s.source.source.path}`;
      if (into === undefined && !translationFiles.has(translationFile)) {
        untranslated.set(translationFile, [...(untranslated.get(translationFile) ?? []), s]);
        continue;
      }
      if (into === undefined) {
        reportMissingText(ctx, s, translationFile, source);
        continue;
      }
      ctx.report('missing-translation', 'warning', where, 'value', `No ${language} translation of this text, which the report does not print: ${merges}.`, `Nothing to do while same_as stays; without it, ${addEntry(s, translationFile)}.`);
      continue;
    }
    const { file, key, entry } = s.translation!;
    if (s.state === 'stale') {
      const update = `update the translation to the new text, then set \`source: "${fingerprint(s.slot.value)}"\``;
      ctx.report('stale-translation', 'warning', { file: file.file, path: [key, 'source'] }, 'value', into === undefined ? `The ${NAMES[source]} text changed since it was translated: the ${language} report shows it in ${NAMES[source]} until the translation is updated.` : `The ${NAMES[source]} text changed since it was translated, but the report does not print it: ${merges}.`,
        into === undefined ? `${update[0]!.toUpperCase()}${update.slice(1)}.` : `Delete the entry, or, if same_as is to go, ${update}.`, [{ site: where, message: 'the text it translates' }]);
    } else if (s.slot.markdown) {
      const differences = structureDifferences(s.slot.value, entry.text);
      if (differences.length) {
        ctx.report('translation-structure', 'warning', { file: file.file, path: [key, 'text'] }, 'value', `The translation ${differences.join('; ')}.`,
          'Keep the paragraphs, list items, links and emphasis of the source, so both languages show the same thing.', [{ site: where, message: 'the source text' }]);
      }
    }
  }
  for (const [translationFile, slots] of untranslated) {
    // A session file that repeats another whole is said once, in it (repeated-session), not as untranslated too.
    if (!ctx.sessionCopies.has(slots[0]!.source)) reportUntranslatedFile(ctx, translationFile, slots, source);
  }
}

type Slot = TranslationStatus['slots'][number];

/** What to add for a text: its key, with its fingerprint, to its translation file. */
function addEntry(s: Slot, translationFile: string): string {
  return `add \`${s.slot.key}\` (with \`source: "${fingerprint(s.slot.value)}"\` and \`text:\`) to ${translationFile}`;
}

/** One text the report prints without its translation. */
function reportMissingText(ctx: RuleContext, s: Slot, translationFile: string, source: Language): void {
  const language = NAMES[s.language];
  const add = addEntry(s, translationFile);
  ctx.report('missing-translation', 'warning', { file: s.source, path: s.slot.path }, 'value', `No ${language} translation of this text: the ${language} report shows it in ${NAMES[source]}.`,
    `${add[0]!.toUpperCase()}${add.slice(1)}, or send the texts to a translator: workshop-report translations export --lang ${s.language}.`);
}

/**
 * The texts of a source file with no translation file in their language (a session added, or copied,
 * after the translation was made): one warning, at its first text, the others as related places
 * with their keys and fingerprints; one text alone is said as any missing translation.
 */
function reportUntranslatedFile(ctx: RuleContext, translationFile: string, slots: readonly Slot[], source: Language): void {
  const [first, ...others] = slots;
  if (others.length === 0) return reportMissingText(ctx, first!, translationFile, source);
  const language = NAMES[first!.language];
  const entry = (s: typeof first) => `\`${s!.slot.key}\` with \`source: "${fingerprint(s!.slot.value)}"\` and \`text:\``;
  const translate = `or send the texts to a translator: workshop-report translations export --lang ${first!.language}`;
  const shown = others.slice(0, LIMITS.relatedLocations);
  ctx.report('missing-translation', 'warning', { file: first!.source, path: first!.slot.path }, 'value',
    `No ${language} translation of this file (${translationFile} does not exist): the ${language} report shows its ${slots.length} texts in ${NAMES[source]}.`,
    `Write ${translationFile} with an entry per text (${entry(first)}, and the others below), ${translate} --only missing.`,
    shown.map((s, k) => ({ site: { file: s.source, path: s.slot.path }, part: 'value' as const,
      message: `${s.slot.key}, source "${fingerprint(s.slot.value)}"${k === shown.length - 1 && others.length > shown.length ? `, and ${others.length - shown.length} more texts` : ''}` })));
}

/**
 * Per session file, the recommendations (by index) whose same_as leads to another of this workshop:
 * each with the id at the end of its chain (A → B → C names C), whose text consolidation prints
 * instead of theirs.
 */
function mergedRecommendations(ctx: RuleContext): Map<ParsedFile, Map<number, string>> {
  const sameAs = new Map(ctx.project.sessions.flatMap((session) => (session.data.recommendations ?? []).flatMap((rec) => (rec.id === undefined ? [] : [[rec.id, rec.same_as] as const]))));
  const root = (id: string): string => {
    const seen = new Set<string>();
    let at = id;
    for (let next = sameAs.get(at); next !== undefined && sameAs.has(next) && !seen.has(next); next = sameAs.get(at)) {
      seen.add(at);
      at = next;
    }
    return at;
  };
  const merged = new Map<ParsedFile, Map<number, string>>();
  for (const session of ctx.project.sessions) {
    session.data.recommendations?.forEach((rec, index) => {
      if (rec.same_as === undefined || !sameAs.has(rec.same_as)) return;
      merged.set(session.file, (merged.get(session.file) ?? new Map<number, string>()).set(index, root(rec.same_as)));
    });
  }
  return merged;
}

/**
 * Translation files left under a source file's old name (`countries/MLI.yaml` renamed `MIL.yaml`,
 * `sessions/03-kst.yaml` renamed `03-kst-initiatives.yaml`), by the stray file's path: the source
 * file of the same folder that has no translation in that language (an unreadable one counts as
 * one) and whose texts most of the stray's entries translate (the same key, and the fingerprint of
 * the same text: a renamed file's texts are unchanged); the best when several do; each source once.
 * Also each source so found, as `LANGUAGE/PATH`.
 */
function renamedSources(ctx: RuleContext, status: TranslationStatus): { byStray: Map<string, string>; sources: Set<string> } {
  const translationFiles = new Set([...ctx.project.translations.map((t) => t.file.source.path), ...ctx.gaps.damagedFiles]);
  const textsOf = new Map<string, Map<string, string>>();
  for (const s of status.slots) {
    const texts = textsOf.get(s.source.source.path) ?? new Map<string, string>();
    texts.set(s.slot.key, fingerprint(s.slot.value));
    textsOf.set(s.source.source.path, texts);
  }
  const folder = (file: string) => (file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '');
  const found = new Map<string, string>();
  const taken = new Set<string>();
  for (const { file, reason } of status.strayFiles) {
    if (reason !== 'no-source') continue;
    const entries = Object.entries(file.data);
    let best: { source: string; shared: number } | undefined;
    for (const [source, texts] of textsOf) {
      if (folder(source) !== folder(file.target) || translationFiles.has(`translations/${file.language}/${source}`) || taken.has(`${file.language}/${source}`)) continue;
      const shared = entries.filter(([key, entry]) => texts.get(key) === String(entry?.source)).length;
      if (shared * 2 > entries.length && (!best || shared > best.shared)) best = { source, shared };
    }
    if (best) {
      found.set(file.file.source.path, best.source);
      taken.add(`${file.language}/${best.source}`);
    }
  }
  return { byStray: found, sources: taken };
}

/**
 * The schema's errors for translation entries without `source:`, with the fingerprint to write in
 * their hint: a translator writing an entry by hand cannot work out a SHA-256. Pure.
 */
export function withSourceFingerprints(diagnostics: readonly Diagnostic[], project: TranslatableProject, translations: readonly ParsedFile[]): Diagnostic[] {
  const at = (file: string, offset: number) => `${file}:${offset}`;
  const unsourced = new Map<string, { file: ParsedFile; key: string }>();
  for (const file of translations) {
    if (!diagnostics.some((d) => d.code === 'required' && d.location?.file === file.source.path)) continue;
    for (const [key, entry] of Object.entries((file.data ?? {}) as Record<string, unknown>)) {
      if (entry !== null && typeof entry === 'object' && !('source' in entry)) unsourced.set(at(file.source.path, locate(file, [key], 'mapping-start').start.offset), { file, key });
    }
  }
  if (unsourced.size === 0) return [...diagnostics];
  const slots = new Map(translationStatus(project).slots.map((s) => [`translations/${s.language}/${s.source.source.path}#${s.slot.key}`, s.slot.value]));
  return diagnostics.map((d) => {
    const entry = d.code === 'required' && d.location && d.message.includes('“source”') ? unsourced.get(at(d.location.file, d.location.start.offset)) : undefined;
    const text = entry && slots.get(`${entry.file.source.path}#${entry.key}`);
    if (text === undefined) return d;
    return { ...d, hint: `Add \`source: "${fingerprint(text)}"\`: the fingerprint of the text this translates, as it is now (the first 8 hex digits of its SHA-256); when that text changes, the translation is reported stale.` };
  });
}

/** The folder of a notes file's project path (`sessions` of `sessions/03-x.yaml`). */
function folderOf(file: string): string {
  return file.slice(0, Math.max(0, file.lastIndexOf('/')));
}
