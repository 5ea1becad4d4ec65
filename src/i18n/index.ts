import type { Language } from '../notes/types.js';
import { en, type Catalogue, type MessageKey } from './en.js';
import { fr } from './fr.js';
import { frenchSpacing } from './typography.js';

export type { Catalogue, MessageKey } from './en.js';
export { formatDate, formatDateRange, formatDayMonth } from './dates.js';
export { countryForms } from './country-forms.js';
export { applyTypography, frenchSpacing } from './typography.js';

/** Every report language: adding one is a catalogue file, a column of country names and a schema enum entry. */
export const CATALOGUES: Record<Language, Catalogue> = { en, fr };

/** Collation of names and countries in the report language ("Égypte" sorts with E in French). */
export function collator(language: Language): Intl.Collator {
  return new Intl.Collator(language, { sensitivity: 'base', numeric: true });
}

export function catalogue(language: Language): Catalogue {
  return CATALOGUES[language];
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(en, key);
}

/** Every label a template can ask for with {{t "KEY"}}. */
export function messageKeys(): MessageKey[] {
  return Object.keys(en) as MessageKey[];
}

/**
 * The `{name}` placeholders of a label, in any language: `required`, those of the label itself,
 * which {{t "KEY" name=…}} must fill; `allowed`, with those of its singular (`KEY_one`, chosen only
 * when `count` or `total` is 1), what it may be given.
 */
export function messagePlaceholders(key: MessageKey): { required: Set<string>; allowed: Set<string> } {
  const of = (each: string) => new Set((Object.keys(CATALOGUES) as Language[]).flatMap((language) => (isMessageKey(each) ? [...catalogue(language)[each].matchAll(/\{(\w+)\}/g)].map((match) => match[1]!) : [])));
  const required = of(key);
  return { required, allowed: new Set([...required, ...of(`${key}_one`)]) };
}

/** The fixed words of a document's pages and cover (PDF and DOCX): `Page {page} of {pages}`, the contents' heading, the cover's lines. */
export function pageWords(language: Language): { page: string; contents: string; organizedBy: string; withSupportOf: string } {
  return {
    page: translate(language, 'page_of'),
    contents: translate(language, 'contents'),
    organizedBy: translate(language, 'organized_by'),
    withSupportOf: translate(language, 'with_support_of'),
  };
}

/** One value per language of the catalogues (a writer's fixed words, for documents in another language than the edition's). */
export function byLanguage<T>(make: (language: Language) => T): Record<Language, T> {
  return Object.fromEntries((Object.keys(CATALOGUES) as Language[]).map((language) => [language, make(language)])) as Record<Language, T>;
}

/** Fills `{name}` placeholders. Unknown placeholders stay visible rather than vanish. */
export function translate(language: Language, key: MessageKey, values: Record<string, string | number> = {}): string {
  const message = catalogue(language)[one(key, values) ?? key];
  // A message without placeholders (most labels, which templates ask for in every row) is made once per language.
  if (!message.includes('{')) {
    let made = withoutPlaceholders.get(language);
    if (!made) withoutPlaceholders.set(language, (made = new Map()));
    let text = made.get(key);
    if (text === undefined) made.set(key, (text = language === 'fr' ? frenchSpacing(message) : message));
    return text;
  }
  const text = message.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
  return language === 'fr' ? frenchSpacing(text) : text;
}

const withoutPlaceholders = new Map<Language, Map<MessageKey, string>>();

/** `KEY_one`, the singular of a message about a number (`{count}` or `{total}`), when that number is 1 and the catalogue has it: "1 recommendation". */
function one(key: MessageKey, values: Record<string, string | number>): MessageKey | undefined {
  const count = values.count ?? values.total;
  if (count === undefined || String(count) !== '1') return undefined;
  const singular = `${key}_one`;
  return isMessageKey(singular) ? singular : undefined;
}

/** "Burkina Faso, Ghana, Mali and Niger". */
export function joinList(items: readonly string[], language: Language): string {
  const c = catalogue(language);
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(c.list_separator)} ${c.and} ${items[items.length - 1]}`;
}

/** Numbers and percentages with the language's separators, independent of the machine. */
export function formatNumber(value: number, language: Language, fractionDigits = 0): string {
  return spaces(numberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', fractionDigits).format(value));
}

// Creating an Intl.NumberFormat costs far more than using one; templates format thousands of numbers.
const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, fractionDigits: number, style: 'decimal' | 'percent' = 'decimal'): Intl.NumberFormat {
  const key = `${locale} ${fractionDigits} ${style}`;
  let format = numberFormats.get(key);
  if (!format) numberFormats.set(key, (format = new Intl.NumberFormat(locale, { style, maximumFractionDigits: fractionDigits, minimumFractionDigits: fractionDigits })));
  return format;
}

export function formatPercent(share: number, language: Language): string {
  return spaces(numberFormat(language === 'fr' ? 'fr-FR' : 'en-GB', 0, 'percent').format(share));
}

/** ICU versions differ in the no-break space they use: one choice, U+202F, whatever Node ships. */
function spaces(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, '\u202f');
}
