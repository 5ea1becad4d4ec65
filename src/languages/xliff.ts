import type { XliffJs, XliffUnit, XliffValue } from 'xliff';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { CATALOGUES } from '../i18n/index.js';
import { locate } from '../load/index.js';
import { didYouMean } from '../validate/suggest.js';
import type { Language } from '../notes/types.js';
import { countryTable } from '../reference/countries.js';
import { fingerprint } from './fingerprint.js';
import { fromInline, inlineContent, toInline, toTargetInline, unreadElements, type Inline } from './placeholders.js';
import type { SlotStatus, TranslationEntry, TranslationStatus } from './status.js';
import { tidyPlain } from './target-spaces.js';

export type ExportFilter = 'missing' | 'stale' | 'translated';

/** The texts of one target language for a translator: the XLIFF data, and the `state` its targets need. */
export interface ExportedUnits {
  xliff: XliffJs;
  /**
   * The `state` attribute of the targets that need one (the XLIFF library writes none), by unitKey:
   * a stale text's earlier translation is `needs-review-translation`.
   */
  targetStates: Map<string, string>;
}

/**
 * The texts of one target language as XLIFF 1.2 data (the `xliff` library writes the XML): one
 * `<file>` per notes file (`original` is its path), one unit per text. A unit's id is the text's
 * path and the fingerprint of the source it was made from (`recommendations.api-pnr.text#3f2a9c1b`),
 * so an import knows whether the source changed since. Markdown becomes protected inline markup;
 * the note tells the translator where the text is (the session, the speaker, the country). A text
 * already translated carries its translation as the target; a stale one its earlier translation,
 * marked `needs-review-translation` (a translation tool shows it as still to do) and said in the
 * note, which an import does not take back unchanged (see importUnits). Pure.
 */
export function exportUnits(status: TranslationStatus, language: Language, only?: ReadonlySet<ExportFilter>): ExportedUnits {
  const resources: XliffJs['resources'] = {};
  const targetStates = new Map<string, string>();
  for (const s of status.slots) {
    if (s.language !== language || (only && !only.has(s.state))) continue;
    const unit: XliffUnit = { source: s.slot.markdown ? toInline(s.slot.value) : s.slot.value, note: noteFor(s, countryIn(status.languages[0]!)) };
    if (s.translation) unit.target = s.slot.markdown ? toTargetInline(s.translation.entry.text, s.slot.value) : s.translation.entry.text;
    const id = `${s.slot.key}#${fingerprint(s.slot.value)}`;
    (resources[s.source.source.path] ??= {})[id] = unit;
    if (s.state === 'stale') targetStates.set(unitKey(s.source.source.path, id), STALE_STATE);
  }
  return { xliff: { sourceLanguage: status.languages[0]!, targetLanguage: language, resources }, targetStates };
}

/**
 * The state of a stale text's earlier translation: XLIFF 1.2's "only the text of the item needs to
 * be reviewed". Translation tools show it as unconfirmed, and set `translated` once it is confirmed.
 */
const STALE_STATE = 'needs-review-translation';

/** A country as a note names it: its UN name in the notes' language, then its code, which the notes write (“Mali (MLI)”). */
function countryIn(language: Language): (code: string) => string {
  return (code) => {
    const name = countryTable().name(code, language);
    return name === code ? code : `${name} (${code})`;
  };
}

function noteFor(s: SlotStatus, country: (code: string) => string): string {
  const data = s.source.data as Record<string, unknown> | undefined;
  const parts = [`${s.source.source.path}, ${s.slot.key}`];
  if (s.source.role === 'session' && typeof data?.title === 'string') parts.push(`Session: ${data.title}`);
  const [first, index] = s.slot.path;
  if ((first === 'speakers' || first === 'chairs') && typeof index === 'number') {
    const person = (data?.[first] as Array<Record<string, unknown>> | undefined)?.[index];
    if (typeof person?.name === 'string') parts.push(`${first === 'speakers' ? 'Speaker' : 'Chair'}: ${person.name}`);
  }
  if (first === 'country_notes') parts.push(`What the delegation of ${country(String(index))} said`);
  if (s.source.role === 'country') parts.push(`National presentation of ${country(String((data as { country?: string } | undefined)?.country ?? ''))}`);
  if (s.slot.optional) parts.push('A name: give its official form in the target language; a name that has none (a proper name, an acronym kept as it is) is copied unchanged into the target, which says it was looked at. Left empty, it is printed as the notes write it.');
  if (s.slot.markdown) parts.push('Keep the tags: they hold the bold, italics, links and paragraphs.');
  if (s.state === 'stale' && s.translation) {
    parts.push('The source text changed since it was translated: the target is the earlier translation, of the earlier text. Update it to the new text, or confirm it (as translated) if it is still right: given back unchanged and unconfirmed, it is not used.');
    parts.push(`Earlier translation: ${s.translation.entry.text}`);
  }
  return parts.join('\n');
}

export interface ImportResult {
  language: Language;
  /** The translation entries to write, by translation file path (`translations/fr/sessions/03.yaml`), in the source's order. */
  files: Map<string, Array<[string, TranslationEntry]>>;
  added: number;
  changed: number;
  unchanged: number;
  /**
   * Units left as they were because they hold no translation: no target, an empty one, or one whose
   * `state` says it is still to translate (`new`, `needs-translation`: a translation tool's copy of
   * the source, often).
   */
  untranslated: number;
  /**
   * Units of stale texts left stale: given back with the earlier translation the export put in the
   * target, neither edited nor confirmed (`state` translated, final or signed-off).
   */
  stillStale: number;
  /** The entries added or changed, as `FILE\u0000KEY` (FILE: `translations/fr/…`). */
  entries: Set<string>;
  /** The translation files with an added or changed entry (only those are written). */
  touched: Set<string>;
  /** Units refused (their source changed since export, or the text is gone, or the target is not valid), located. */
  refused: Diagnostic[];
  /** Units applied with a warning (an id whose fingerprint was altered, its source the text as it is), located. */
  notices: Diagnostic[];
}

/**
 * What a translator's XLIFF changes in the translation files: each unit with a target becomes the
 * entry of its text, unless the source text changed since the export (its fingerprint differs:
 * refused, located at the text) or no longer exists. A stale text's unit given back with the
 * earlier translation the export put in its target, unchanged, stays stale unless its `state` says
 * a translator confirmed it (translated, final, signed-off): a `needs-review-translation` one, or
 * one whose tool dropped the state, is no sign that anyone read it against the new text. A unit's
 * `<source>` tells an id edited by hand from a changed text: one given another text's id is
 * refused; one whose fingerprint was changed or dropped, its source the text as it is now, is
 * applied with a warning (`altered-unit-id`, at the unit in the XLIFF, `places`). A target whose
 * state is none of XLIFF 1.2's is refused (`unknown-target-state`). Every `<file>` must translate
 * into the first one's language, else the whole file is refused. Existing entries of the language
 * are kept. Pure.
 */
export function importUnits(xliff: XliffJs, status: TranslationStatus, xliffName: string, facts: XliffFacts = { units: new Map(), files: [] }, places?: XliffPlaces): ImportResult | ImportRefused {
  const language = importLanguage(xliff.targetLanguage, status.languages, xliffName);
  if (typeof language !== 'string') return language;
  const mixed = otherFileLanguage(facts.files, language, status.languages, xliffName, places);
  if (mixed) return mixed;
  const targets = facts.units;
  const unitAt = places?.unit;
  const slots = new Map(status.slots.filter((s) => s.language === language).map((s) => [`${s.source.source.path}\u0000${s.slot.key}`, s]));
  const slotsOf = (original: string) => status.slots.filter((other) => other.language === language && other.source.source.path === original);
  const result: ImportResult = { language, files: new Map(), added: 0, changed: 0, unchanged: 0, untranslated: 0, stillStale: 0, entries: new Set(), touched: new Set(), refused: [], notices: [] };
  const entries = new Map<string, Map<string, TranslationEntry>>();
  // What the language has now, in the source's order.
  for (const s of status.slots) {
    if (s.language !== language) continue;
    const file = `translations/${language}/${s.source.source.path}`;
    if (!entries.has(file)) entries.set(file, new Map());
    if (s.translation) entries.get(file)!.set(s.slot.key, s.translation.entry);
  }
  // Entries that translate nothing are errors of validate's; an import keeps them for the person to decide.
  for (const { file, key } of status.orphans) if (file.language === language) entries.get(file.file.source.path)?.set(key, file.data[key]!);
  for (const [original, units] of Object.entries(xliff.resources)) {
    for (const [id, unit] of Object.entries(units)) {
      const hash = id.lastIndexOf('#');
      const key = hash < 0 ? id : id.slice(0, hash);
      const exported = hash < 0 ? '' : id.slice(hash + 1);
      const facts = targets.get(unitKey(original, id));
      if (facts?.twice) {
        const at = unitAt?.(original, id);
        result.refused.push({
          code: 'duplicate-id', severity: 'warning', stage: 'validate', message: `${xliffName}: unit ${id} of ${original} is in the file twice, with two different translations; neither was applied.`,
          hint: 'Keep the one meant and delete the other (a file merged from two translators\' work holds both), then import again.', ...(at ? { location: at } : {}),
        });
        continue;
      }
      // An element the reader dropped with its words: the unit is refused, not imported without them.
      const target = unit.target === undefined ? undefined : facts?.unread ? unreadElements(facts.unread) : readTarget(unit.target);
      if (target === undefined || (Array.isArray(target) && words(target).trim() === '')) {
        result.untranslated++;
        continue;
      }
      // A state that is none of XLIFF 1.2's (`transalted`, `New`): whether the target is a translation, or confirmed, cannot be told.
      const state = facts?.state;
      if (state !== undefined && !STATES.includes(state) && !state.startsWith('x-')) {
        const at = unitAt?.(original, id, 'state');
        result.refused.push({
          code: 'unknown-target-state', severity: 'warning', stage: 'validate', message: `${xliffName}: unit ${id} has the state “${state}”, which is not an XLIFF 1.2 state; not applied.`,
          hint: `${didYouMean(state, STATES) ?? 'Write one of XLIFF 1.2\'s states.'} XLIFF 1.2's states are written in lower case: ${STATES.join(', ')} (or a tool's own, starting with x-). Correct it, then import the file again.`, ...(at ? { location: at } : {}),
        });
        continue;
      }
      if (UNTRANSLATED_STATES.has(state ?? '')) {
        result.untranslated++;
        continue;
      }
      const s = slots.get(`${original}\u0000${key}`);
      const refuse = (message: string, hint: string, at?: SlotStatus, code: Diagnostic['code'] = 'stale-translation') => result.refused.push({
        code: at ? code : 'orphan-translation', severity: 'warning', stage: 'validate', message, hint,
        ...(at ? { location: locate(at.source, at.slot.path, 'value') } : {}),
      });
      if (!s) {
        // No text to point at: the unit in the XLIFF, when the file is known.
        const at = unitAt?.(original, id);
        result.refused.push({
          code: 'orphan-translation', severity: 'warning', stage: 'validate', message: `${xliffName}: unit ${id} of ${original} translates a text that no longer exists; not applied.`,
          hint: 'Export again and send the new file to the translator (a unit\'s id names its text: it cannot be changed).', ...(at ? { location: at } : {}),
        });
        continue;
      }
      const now = fingerprint(s.slot.value);
      // The unit's source says which text it translates, whatever its id says (an id edited by hand).
      const source = sourceIs(unit.source, s);
      if (exported !== now ? source !== true : source === false) {
        // Another text of its file that the source is (and whose fingerprint the id has, when it has one).
        const other = slotsOf(original).find((o) => o !== s && (exported === now || exported === '' || fingerprint(o.slot.value) === exported) && sourceIs(unit.source, o));
        if (exported === now || exported === '' || other) {
          const at = unitAt?.(original, id);
          const theirs = other ? `${other.slot.key}#${fingerprint(other.slot.value)}` : undefined;
          const why = exported === '' ? 'its #fingerprint is missing, and its source' : 'its source';
          result.refused.push({
            code: 'altered-unit-id', severity: 'warning', stage: 'validate',
            message: `${xliffName}: the id of unit ${id} was altered: ${why} is not the text of ${key} ${other ? `but that of ${other.slot.key}` : 'as it is now'}; its translation was not applied.`,
            hint: theirs ? `Its translation is that text's: give the unit back its id, ${theirs}, as the export wrote it, then import the file again.`
              : exported === '' ? `Give the unit back the id the export wrote (${key}#, then the fingerprint of the text it was exported from), then import the file again; if the text changed since, export again and have the new text translated.`
              : 'Give the unit back the id and the source the export wrote, then import the file again.',
            ...(at ? { location: at } : {}),
          });
          continue;
        }
        refuse(`This text changed since ${xliffName} was exported (unit ${id}); its translation was not applied.`, `Export again (workshop-report translations export --lang ${language} --only missing,stale) and have the new text translated.`, s);
        continue;
      }
      if (exported !== now) {
        // Decision: applied. Its source is the text as it is now: its translation is of that text.
        const at = unitAt?.(original, id);
        result.notices.push({
          code: 'altered-unit-id', severity: 'warning', stage: 'validate',
          message: `${xliffName}: the id of unit ${id} was altered (${exported === '' ? 'its #fingerprint is missing' : `#${exported} is not the fingerprint of its text`}), but its source is the text of ${key} as it is now: its translation was applied.`,
          hint: `Nothing to redo. The id the export wrote is ${key}#${now}: keep the ids as they are written, as the import checks by them that each translation is of the text as it is.`,
          ...(at ? { location: at } : {}),
        });
      }
      const file = entries.get(`translations/${language}/${original}`)!;
      const before = file.get(key);
      // A stale text's earlier translation, given back as exported: no one said it fits the new text.
      const confirmed = CONFIRMED_STATES.has(facts?.state ?? '');
      const earlier = s.state === 'stale' && before !== undefined && !confirmed ? before.text : undefined;
      if (earlier !== undefined && !(target instanceof Error) && sameInline(target, s.slot.markdown ? toTargetInline(earlier, s.slot.value) : [earlier])) {
        result.stillStale++;
        continue;
      }
      let text: string;
      try {
        if (target instanceof Error) throw target;
        text = s.slot.markdown ? fromInline(target, s.slot.value) : plainText(target);
      } catch (error) {
        // Not stale: the text is as exported, and the translation added or changed a tag (a placeholder).
        refuse(`${xliffName}: unit ${id} has markup its source does not have (${error instanceof Error ? error.message : String(error)}); not applied.`, s.slot.markdown ? 'Keep the tags of the source text as they are.' : 'Take the formatting out of the translation (this text is plain, as a title or a name is), then import again.', s, 'translation-structure');
        continue;
      }
      if (earlier !== undefined && text === earlier) {
        result.stillStale++;
        continue;
      }
      if (before?.text === text && before.source === now) {
        result.unchanged++;
        continue;
      }
      if (before) result.changed++;
      else result.added++;
      result.touched.add(`translations/${language}/${original}`);
      result.entries.add(`translations/${language}/${original}\u0000${key}`);
      file.set(key, { source: now, text });
    }
  }
  const order = new Map(status.slots.filter((s) => s.language === language).map((s, index) => [`${s.source.source.path}\u0000${s.slot.key}`, index]));
  for (const [file, map] of entries) {
    if (map.size === 0) continue;
    const original = file.slice(`translations/${language}/`.length);
    result.files.set(file, [...map].sort(([a], [b]) => (order.get(`${original}\u0000${a}`) ?? 0) - (order.get(`${original}\u0000${b}`) ?? 0)));
  }
  return result;
}

/** XLIFF 1.2 target states that say a translator confirmed the target (a stale text's earlier translation, still right). */
const CONFIRMED_STATES = new Set(['translated', 'final', 'signed-off']);

/** Whether two inline contents are the same text and elements (kind, ctype and id), however the reader gave them. */
function sameInline(a: XliffValue, b: XliffValue): boolean {
  const canonical = (value: XliffValue): unknown => inlineContent(value).map((part) => {
    if (typeof part === 'string') return part;
    const [kind, element] = Object.entries(part)[0]!;
    return [kind, element.ctype, element.id, element.contents === undefined ? null : canonical(element.contents as XliffValue)];
  });
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/**
 * Whether a unit's source is the text of `s` as it is now: the same words and elements, white space
 * aside (the XLIFF reader drops a line break just before an element, and a tool may reflow a
 * source); undefined when its source holds an element we do not read (a tool's <bpt>), and it
 * cannot be told.
 */
function sourceIs(source: XliffValue, s: SlotStatus): boolean | undefined {
  let written: Inline;
  try {
    written = inlineContent(source);
  } catch {
    return undefined;
  }
  const spaced = (inline: Inline): Inline => inline.flatMap((part): Inline => {
    if (typeof part === 'string') return part.trim() === '' ? [] : [part.replace(/\s+/g, ' ').trim()];
    const [kind, element] = Object.entries(part)[0]!;
    return [{ [kind]: element.contents === undefined ? element : { ...element, contents: spaced(element.contents as Inline) } }];
  });
  return sameInline(spaced(written), spaced(s.slot.markdown ? toInline(s.slot.value) : [s.slot.value]));
}

/** XLIFF 1.2's target states (its specification's fixed list; a tool's own begins with `x-`). */
const STATES = ['new', 'needs-translation', 'needs-adaptation', 'needs-l10n', 'needs-review-translation', 'needs-review-adaptation', 'needs-review-l10n', 'translated', 'final', 'signed-off'];

/** XLIFF 1.2 target states that say the target is no translation yet (a tool may have copied the source into it). */
const UNTRANSLATED_STATES = new Set(['new', 'needs-translation', 'needs-adaptation', 'needs-l10n']);

/** What the XLIFF reader does not give of a unit's target (read from the XML: see translations.ts). */
export interface TargetFacts {
  /** Its `state` attribute (`needs-translation`, `translated`, …). */
  state?: string;
  /** The elements in it the reader drops with the words they hold (`<it>`, `<mq:ch>`). */
  unread?: readonly string[];
  /**
   * The unit is in its file twice, with another target (two translators' files merged): the reader
   * keeps the last, and which is meant cannot be told.
   */
  twice?: boolean;
}

/** What the XLIFF reader does not give, read from the XML (see xliff-facts.ts). */
export interface XliffFacts {
  /** Of each unit's target, by unitKey. */
  units: ReadonlyMap<string, TargetFacts>;
  /** Each `<file>`, in order, with its target-language (the reader gives the first's alone). */
  files: ReadonlyArray<{ original: string; targetLanguage?: string }>;
}

/** Where in the XLIFF file a unit or a `<file>` is, for a problem no text of the notes can show (see xliff-places.ts). */
export interface XliffPlaces {
  /** A unit's id; with `attribute`, the value of that attribute of its target (`state`), when it has it. */
  unit(original: string, id: string, attribute?: string): Location | undefined;
  /** A `<file>`'s target-language (its start tag, when it has none). */
  file(original: string): Location | undefined;
}

/** Why the whole file is refused (exit 2, nothing imported); located in the XLIFF when it is one `<file>`'s doing. */
export interface ImportRefused {
  error: string;
  hint: string;
  location?: Location;
}

/**
 * A `<file>` after the first that translates into another language than the first's (a file
 * merged from two languages' exports, a `target-language="de"` among French ones), or says none:
 * the reader gives the first's alone, and the German was imported into French. Every `<file>`
 * names the language, as the export writes it.
 */
function otherFileLanguage(files: XliffFacts['files'], language: Language, languages: readonly Language[], xliffName: string, places?: XliffPlaces): ImportRefused | undefined {
  const other = files.slice(1).find((file) => file.targetLanguage === undefined || primarySubtag(file.targetLanguage) !== language);
  if (other === undefined) return undefined;
  const location = places?.file(other.original);
  const first = files[0]?.targetLanguage ?? language;
  const tag = `<file original="${other.original}">`;
  if (other.targetLanguage === undefined || other.targetLanguage.trim() === '') {
    return { error: `${xliffName}: its ${tag} does not say which language it translates into (it has no target-language), where the first <file> is into ${first}. Nothing was imported.`, hint: `Set target-language="${first}" on it, as on the other <file> elements, if it is ${languageName(language)}; then import the file again.`, ...(location ? { location } : {}) };
  }
  const code = primarySubtag(other.targetLanguage);
  const known = languages.slice(1).find((l) => l === code);
  const hint = known !== undefined
    ? `One file, one language: export and import the ${known} translation in a file of its own (translations export --lang ${known}), or set target-language="${first}" on this <file> if it is ${languageName(language)}.`
    : `Set target-language="${first}" on this <file> if it is ${languageName(language)}, or take the <file> out: ${other.targetLanguage} is not one of the report's translation languages (${languages.slice(1).join(', ')}).`;
  return { error: `${xliffName}: its ${tag} is a translation into ${other.targetLanguage}, where the first <file> is into ${first}; every <file> of an import translates into one language. Nothing was imported.`, hint, ...(location ? { location } : {}) };
}

/** A language's name in English (`French` for fr). */
function languageName(code: string): string {
  return new Intl.DisplayNames(['en'], { type: 'language' }).of(code) ?? code;
}

/** How a unit is named in `importUnits`' target facts: its file's `original` and its id. */
export function unitKey(original: string, id: string): string {
  return `${original}\u0000${id}`;
}

/**
 * The report's translation language that a file's target-language names. Translation tools write a
 * regional variant (`fr-FR`, `fr_CA`, `FR`): its primary subtag is the language, as BCP 47 reads the
 * tag, since a report has one French. Else what is wrong, and what to write instead: the report's
 * languages, not a code that workshop.yaml would refuse.
 */
function importLanguage(code: string | undefined, languages: readonly Language[], xliffName: string): Language | ImportRefused {
  const primary = code === undefined ? undefined : primarySubtag(code);
  const translations = languages.slice(1);
  const found = translations.find((language) => language === primary);
  if (found) return found;
  const notes = languages[0]!;
  const codes = translations.map((language) => `target-language="${language}"`).join(', ');
  const set = translations.length === 1 ? `the report's translation language (${codes} on each <file>)` : `one of the report's translation languages (${codes}, on each <file>)`;
  // A language workshop-report writes reports in, not listed: listing it is the other way.
  const listable = primary !== undefined && primary !== notes && Object.hasOwn(CATALOGUES, primary) ? primary : undefined;
  const hint = translations.length === 0
    ? (listable ? `List ${listable} in workshop.yaml: \`languages: [${notes}, ${listable}]\`, then import the file again.` : `The report has one language, ${notes}: list a translation language in workshop.yaml's \`languages:\` (workshop-report writes reports in ${Object.keys(CATALOGUES).join(' and ')}), or import the file made for this project.`)
    : `Set the file's target-language to ${set}${listable ? `, or list ${listable} in workshop.yaml: \`languages: [${[...languages, listable].join(', ')}]\`` : ''}, or import the file made for this project.`;
  if (code === undefined || code.trim() === '') return { error: `${xliffName} does not say which language it translates into (its <file> has no target-language). Nothing was imported.`, hint };
  if (primary === notes) return { error: `${xliffName} is a translation into ${code}, the language the notes are written in. Nothing was imported.`, hint };
  return { error: `${xliffName} is a translation into ${code}, which is not one of the report's translation languages (${translations.join(', ') || 'none'}). Nothing was imported.`, hint };
}

/** `fr` of `fr-FR`, `fr_CA` or `FR`, as BCP 47 reads a tag (`_`, of some tools' locale names, read as `-`); undefined for what is no language tag. */
function primarySubtag(code: string): string | undefined {
  try {
    return new Intl.Locale(code.trim().replaceAll('_', '-')).language;
  } catch {
    return undefined;
  }
}

/**
 * A target as a list of text and the inline elements we read, its segment markers taken away (see
 * inlineContent); or, for an element we do not read, the error naming it, for the unit to be
 * refused once its text is found.
 */
function readTarget(value: XliffValue): Inline | Error {
  try {
    return inlineContent(value);
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}

/** The words of a target, its inline elements' contents included. */
function words(inline: Inline): string {
  return inline.map((part) => {
    if (typeof part === 'string') return part;
    const contents = Object.values(part)[0]?.contents as Inline | undefined;
    return contents === undefined ? '' : words(contents);
  }).join('');
}

/**
 * The words of a plain text's target, without white space at its ends (see tidyPlain). A plain
 * text holds no markup, so its source has no tag: a span or placeholder the translation added
 * (`<g ctype="bold">` around a word) cannot be shown, and the unit is refused as one that adds
 * markup, as a (md) text's is; its words were taken without it.
 */
function plainText(inline: Inline): string {
  return tidyPlain(inline.map((part) => {
    if (typeof part === 'string') return part;
    const kind = Object.keys(part)[0];
    throw new Error(`${kind === 'GenericSpan' ? '<g>' : kind === 'Standalone' ? '<x/>' : kind === 'Span' ? '<ph>' : 'an inline element'} in the translation of a plain text, which shows no formatting`);
  }).join(''));
}
