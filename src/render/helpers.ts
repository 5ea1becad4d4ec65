import GithubSlugger from 'github-slugger';
import type { HelperOptions } from 'handlebars';
import { applyTypography, collator, countryForms, formatDate, formatDateRange, formatDayMonth, formatNumber, formatPercent, frenchSpacing, isMessageKey, joinList, translate } from '../i18n/index.js';
import type { Language } from '../notes/types.js';
import { escapeMarkdown, yamlScalar } from './escape.js';
import { FallbackText, RawMarkdown, SafeMarkdown, escapeForMarkdown } from './safe-values.js';

type Helper = (...args: unknown[]) => unknown;

const isEmpty = (object: Record<string, unknown>) => {
  for (const _ in object) return false;
  return true;
};

/**
 * A helper given what it cannot use ({{date workshop.title}}, {{join countries "nam"}}): the template
 * stops with this, where it calls the helper, instead of printing "undefined undefined NaN".
 */
export class HelperArgumentError extends Error {
  /** Where the call is, in the template or partial that made it (Handlebars gives each call its place). */
  loc?: { start: { line: number; column: number } };

  constructor(readonly helper: string, message: string, readonly hint: string) {
    super(message);
  }
}

/** `run`, with the place of the helper call (its last argument, Handlebars' options) given to the error it throws. */
function placed<T>(list: unknown[], run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof HelperArgumentError) error.loc ??= (list[list.length - 1] as { loc?: HelperArgumentError['loc'] } | undefined)?.loc;
    throw error;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A date for {{date}}, {{dayMonth}} and {{dateRange}}: YYYY-MM-DD, else the template is stopped. */
function isoDate(helper: string, value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  const shown = typeof value === 'string' ? `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”` : typeof value === 'object' ? 'a list or a mapping' : String(value);
  throw new HelperArgumentError(helper, `{{${helper}}} takes a date, YYYY-MM-DD, not ${shown}.`, `Give it a date field: {{${helper} session.date}}, {{${helper} workshop.dates.end}}${helper === 'dateRange' ? ' ({{dateRange workshop.dates}})' : ''}.`);
}

/**
 * The values of `property` in `items` ({{join countries "name"}}); an item without it is left out,
 * so an optional field no item has gives nothing. A name the data model does not have is the
 * template check's error, before anything renders.
 */
function fieldOf(items: readonly unknown[], property: string): unknown[] {
  return items.map((item) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[property] : item)).filter((value) => value !== undefined);
}

/** Helpers every template can use; documented in docs/templates.md. `language` fixes words and dates. */
export function helpers(language: Language): Record<string, Helper> {
  const args = (list: unknown[]) => list.slice(0, -1);
  const hash = (list: unknown[]) => ((list[list.length - 1] as HelperOptions | undefined)?.hash ?? {}) as Record<string, unknown>;
  const slugs = new Map<string, string>();
  const labels = new Map<string, string>();
  const forms = (country: unknown) => {
    const { code, name } = country as { code: string; name: string };
    return countryForms(code, name, language);
  };
  return {
    /** {{t "recommendations"}}, {{t "page_of" page=3 pages=18}} */
    t: (...list) => {
      const key = list[0];
      const values = hash(list);
      // A label without values ({{t "owner"}}, in every row of a table) is looked up once per document.
      const plain = list.length === 2 && isEmpty(values);
      const known = plain && typeof key === 'string' ? labels.get(key) : undefined;
      if (known !== undefined) return known;
      if (list.length < 2 || typeof key !== 'string' || !isMessageKey(key)) throw new Error(`Unknown message key “${String(key)}”.`);
      const text = translate(language, key, values as Record<string, string | number>);
      if (plain) labels.set(key, text);
      return text;
    },
    /** {{date session.date}} → 13 May 2022; a bare {{date}} formats the current object's `date`. */
    date: function (this: unknown, ...list: unknown[]) {
      const iso = list.length > 1 ? list[0] : (this as { date?: unknown } | null)?.date;
      // Nothing for a date the notes do not give (an optional field); a value that is not a date stops the template.
      return iso === undefined || iso === null || iso === '' ? '' : placed(list, () => formatDate(isoDate('date', iso), language));
    },
    /** {{dayMonth session.date}} → 13 May */
    dayMonth: (...list) => (list[0] === undefined || list[0] === null || list[0] === '' ? '' : placed(list, () => formatDayMonth(isoDate('dayMonth', list[0]), language))),
    /** {{dateRange workshop.dates}}, {{dateRange workshop.dates style="prose"}} */
    dateRange: (...list) => {
      const [dates] = args(list) as [{ start?: unknown; end?: unknown } | undefined];
      return dates ? placed(list, () => formatDateRange(isoDate('dateRange', dates.start), isoDate('dateRange', dates.end), language, hash(list).style === 'prose' ? 'prose' : 'compact')) : '';
    },
    /** {{join countries "name"}} → Burkina Faso, Ghana, Mali and Niger */
    join: (...list) => {
      const [items, property] = args(list) as [unknown[] | undefined, string | undefined];
      return joinList((typeof property === 'string' ? fieldOf(items ?? [], property) : items ?? []).map(String), language);
    },
    /** {{plural count "participant" "participants"}} */
    plural: (count, one, other) => (Number(count) === 1 ? one : other),
    /** {{num women}} → 1,234; a dash when the notes do not give it. */
    num: (value) => (typeof value === 'number' ? formatNumber(value, language) : translate(language, 'not_given')),
    percent: (share) => (typeof share === 'number' ? formatPercent(share, language) : translate(language, 'not_given')),
    /** {{addressees rec.addressed_to}}: member-states in the report language, names joined in prose. */
    addressees: (list) => joinList(((list ?? []) as Array<{ kind: string; short: string }>).map((a) => (a.kind === 'member-states' ? translate(language, 'member_states') : a.short)), language),
    /** {{addressee action.owner}}: one addressee's name. */
    addressee: (a) => ((a as { kind: string }).kind === 'member-states' ? translate(language, 'member_states') : (a as { short: string }).short),
    eq: (a, b) => a === b,
    ne: (a, b) => a !== b,
    gt: (a, b) => Number(a) > Number(b),
    lt: (a, b) => Number(a) < Number(b),
    and: (...list) => args(list).every(Boolean),
    or: (...list) => args(list).some(Boolean),
    not: (value) => !value,
    /** {{#if (any a b c)}}: true when one of the lists is non-empty. */
    any: (...list) => args(list).some((value) => (Array.isArray(value) ? value.length > 0 : Boolean(value))),
    length: (value) => (Array.isArray(value) ? value.length : 0),
    concat: (...list) => args(list).map(String).join(''),
    /** {{cell value}}: one line, safe inside a table cell (escapeMarkdown escapes every `|` and joins lines). */
    cell: (value) => new RawMarkdown(value instanceof SafeMarkdown ? value.inline() : value instanceof FallbackText ? value.toHTML() : escapeMarkdown(String(value ?? ''))),
    /**
     * {{yaml value}}: a front-matter value. pandoc reads front-matter strings as Markdown, so a value
     * is written as the body writes it: plain text escaped (pandoc shows exactly what the notes hold;
     * the typesetter reads it back as Markdown), an (md) value as the sanitised Markdown `{{value}}`
     * places (its HTML shown as text, only safe links kept), never the rapporteur's raw source.
     */
    yaml: (value) => {
      // A fallback text is read back as plain text, without its language mark: it keeps its own typography.
      if (value instanceof SafeMarkdown) return new RawMarkdown(yamlScalar(value.lang === undefined ? applyTypography(value.toHTML(), language) : value.unmarked()));
      if (value instanceof FallbackText) return new RawMarkdown(yamlScalar(escapeMarkdown(value.text)));
      const text = typeof value === 'string' ? escapeMarkdown(value) : value;
      return new RawMarkdown(yamlScalar(language === 'fr' && typeof text === 'string' ? frenchSpacing(text) : text));
    },
    /** {{countryThe brief.country}} → "le Mali" in French, "Mali" in English; article-free when no reviewed form exists. */
    countryThe: (country) => forms(country).the,
    /** {{countryIn brief.country}} → "au Mali", "en Côte d’Ivoire"; "in Mali". */
    countryIn: (country) => forms(country).in,
    /** {{countryOf brief.country}} → "du Mali", "de la Côte d’Ivoire"; "of Mali". */
    countryOf: (country) => forms(country).of,
    /** {{#each (sortBy countries "name")}}: sorted with the report language's collation. */
    sortBy: (list, property) => {
      const compare = collator(language).compare;
      const key = (item: unknown) => String(typeof property === 'string' ? (item as Record<string, unknown>)[property] : item);
      return [...((list ?? []) as unknown[])].sort((a, b) => compare(key(a), key(b)));
    },
    /** {{indent value 2}}: continuation lines indented, for (md) text inside a list item. */
    indent: (value, spaces) => new RawMarkdown(escapeForMarkdown(value).replace(/\n(?=.)/g, `\n${' '.repeat(Number(spaces) || 2)}`)),
    /** {{slug "Session 3"}}: the id GitHub gives a heading with this text. */
    slug: (text) => {
      const key = String(text ?? '');
      let slug = slugs.get(key);
      if (slug === undefined) {
        slug = new GithubSlugger().slug(language === 'fr' ? frenchSpacing(key) : key);
        slugs.set(key, slug);
      }
      return slug;
    },
  };
}
