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

/** Labels a document's {{t}} keeps (the plain ones, and those with values: one per session number, per count…). */
const LABELS_KEPT = 10_000;

/**
 * The key a label with values is kept by: its key and each value, all of them strings or numbers
 * (translate reads each as String(value), so these give the same text); none when a value is
 * anything else (a text of the notes, a FallbackText). Each value is written with its length, so
 * that no two sets of values make one key.
 */
function valuedKey(key: string, values: Record<string, unknown>): string | undefined {
  let memo = key;
  for (const name in values) {
    const value = values[name];
    if (typeof value !== 'string' && typeof value !== 'number') return undefined;
    const text = String(value);
    memo += `\u0000${name}\u0000${text.length}:${text}`;
  }
  return memo;
}

/** A date for {{date}}, {{dayMonth}} and {{dateRange}}: YYYY-MM-DD, else the template is stopped. */
function isoDate(helper: string, value: unknown): string {
  if (typeof value === 'string' && ISO_DATE.test(value)) return value;
  throw new HelperArgumentError(helper, `{{${helper}}} takes a date, YYYY-MM-DD, not ${described(value)}.`, `Give it a date field of the data: {{${helper} workshop.dates.end}}${helper === 'dateRange' ? ' ({{dateRange workshop.dates}})' : ''}, or, inside {{#each sessions}}, {{${helper} date}} (\`workshop-report context\` prints the fields).`);
}

/** A value as a message names it: a text in quotes (cut), else what kind of value it is. */
function described(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
  if (Array.isArray(value)) return 'a list';
  if (value !== null && typeof value === 'object') return 'a mapping';
  return String(value);
}

/**
 * A helper called with fewer values than it takes ({{plural count "action"}}, {{dateRange}}): the
 * template stops there, instead of printing “[object Object]” or nothing. `list`: the call's
 * arguments, Handlebars' options last; `usage`: the call written right.
 */
function needs(list: readonly unknown[], helper: string, count: number, usage: string): void {
  const given = list.length - 1;
  if (given >= count) return;
  const values = count === 1 ? 'a value' : `${count === 2 ? 'two' : 'three'} values`;
  throw new HelperArgumentError(helper, `{{${helper}}} takes ${values}; this call gives ${given === 0 ? 'none' : given}.`, `Write it as ${usage}.`);
}

/** A value of the wrong kind for `helper` ({{num "abc"}}, {{addressee workshop}}). */
function wrongKind(helper: string, value: unknown, takes: string, usage: string): HelperArgumentError {
  return new HelperArgumentError(helper, `{{${helper}}} takes ${takes}, not ${described(value)}.`, `Give it ${takes}: ${usage}.`);
}

const isPlainObject = (value: unknown): boolean => value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
const absent = (value: unknown) => value === undefined || value === null;

/**
 * The values of `property` in `items` ({{join countries "name"}}); an item without it is left out,
 * so an optional field no item has gives nothing. A name the data model does not have is the
 * template check's error, before anything renders.
 */
function fieldOf(items: readonly unknown[], property: string): unknown[] {
  return items.map((item) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[property] : item)).filter((value) => value !== undefined);
}

/**
 * What each helper takes, for the template check, with the call written right: `least`, the values
 * it needs (`{{cell}}` printed “[object Object]”, `{{gt}}` false, without a word); `most`, the values
 * it reads (one more is never read: `{{date due "long"}}` printed the date as if "long" were not
 * there; none for those that take any number: and, or, any, concat); `takes`, what they are, in
 * words; `text`, the places of the values that must be a text or a number, not a part of the data
 * with fields (`{{cell workshop.location}}` printed “\[object Object\]”, `{{slug workshop.dates}}`
 * “object-object”): `all` for every value.
 */
export interface HelperValues {
  least: number;
  most?: number;
  takes: string;
  usage: string;
  text?: readonly number[] | 'all';
  /** Of those, the places of the values that must be a number (the hint then names no text field). */
  number?: readonly number[];
  /**
   * The `name=value` options it reads (`{{dateRange workshop.dates style="prose"}}`); none when not
   * given: `{{date due format="long"}}` and `stlye="prose"` were read as if they were not there,
   * without a word. `label`: {{t}}'s are its label's places, which the check reads from the catalogue.
   */
  options?: Readonly<Record<string, HelperOption>> | 'label';
}

/**
 * One option a helper reads. `values`: the only ones it knows, where they are a closed set; the
 * helper reads any other as if the option were not given (`style="prosa"` printed the compact range).
 */
export interface HelperOption {
  values?: readonly string[];
}

/** {{dateRange}}'s styles: compact (the default) for headings and tables, prose for running text. */
const DATE_RANGE_STYLES = ['prose', 'compact'] as const;

export const HELPER_VALUES: Readonly<Record<string, HelperValues>> = {
  t: { least: 1, most: 1, takes: 'the key of a label', usage: '{{t "session_number" number=number}}', text: [0], options: 'label' },
  date: { least: 1, most: 1, takes: 'a date, YYYY-MM-DD', usage: '{{date session.date}}', text: [0] },
  dayMonth: { least: 1, most: 1, takes: 'a date, YYYY-MM-DD', usage: '{{dayMonth session.date}}', text: [0] },
  dateRange: { least: 1, most: 1, takes: 'dates (a start and an end)', usage: '{{dateRange workshop.dates style="prose"}}', options: { style: { values: DATE_RANGE_STYLES } } },
  join: { least: 1, most: 2, takes: 'a list, and the field of its items to print', usage: '{{join countries "name"}}', text: [1] },
  plural: { least: 3, most: 3, takes: 'a count and two words (for one, and for more)', usage: '{{plural count "action" "actions"}}', text: [0, 1, 2], number: [0] },
  num: { least: 1, most: 1, takes: 'a number', usage: '{{num participation.total}}', text: [0], number: [0] },
  percent: { least: 1, most: 1, takes: 'a number (a share)', usage: '{{percent participation.women_share}}', text: [0], number: [0] },
  addressees: { least: 1, most: 1, takes: 'a list of addressees', usage: '{{addressees addressed_to}}' },
  addressee: { least: 1, most: 1, takes: 'an addressee (an owner, an item of addressed_to)', usage: '{{addressee owner}}' },
  // (eq and ne compare anything, parts of the data too.)
  eq: { least: 2, most: 2, takes: 'two values to compare', usage: '{{#if (eq type "opening")}}' },
  ne: { least: 2, most: 2, takes: 'two values to compare', usage: '{{#if (ne type "opening")}}' },
  gt: { least: 2, most: 2, takes: 'two numbers to compare', usage: '{{#if (gt participation.total 0)}}', text: [0, 1], number: [0, 1] },
  lt: { least: 2, most: 2, takes: 'two numbers to compare', usage: '{{#if (lt participation.total 10)}}', text: [0, 1], number: [0, 1] },
  not: { least: 1, most: 1, takes: 'a value to test', usage: '{{#if (not restricted)}}' },
  and: { least: 1, takes: 'the values to test', usage: '{{#if (and workshop.subtitle workshop.summary)}}' },
  or: { least: 1, takes: 'the values to test', usage: '{{#if (or workshop.subtitle workshop.summary)}}' },
  any: { least: 1, takes: 'the lists (or values) to test', usage: '{{#if (any recommendations actions)}}' },
  length: { least: 1, most: 1, takes: 'a list', usage: '{{length recommendations}}' },
  concat: { least: 1, takes: 'the texts to join', usage: '{{t (concat "status_" status)}}', text: 'all' },
  cell: { least: 1, most: 1, takes: 'a text', usage: '{{cell text}}', text: [0] },
  yaml: { least: 1, most: 1, takes: 'a text', usage: '{{yaml workshop.title}}', text: [0] },
  countryThe: { least: 1, most: 1, takes: 'a country', usage: '{{countryThe brief.country}}' },
  countryIn: { least: 1, most: 1, takes: 'a country', usage: '{{countryIn brief.country}}' },
  countryOf: { least: 1, most: 1, takes: 'a country', usage: '{{countryOf brief.country}}' },
  sortBy: { least: 1, most: 2, takes: 'a list, and the field of its items to sort by', usage: '{{#each (sortBy countries "name")}}', text: [1] },
  // {{indent value 2}}: `Number(spaces) || 2`.
  indent: { least: 1, most: 2, takes: 'a text, and how many spaces to indent its lines after the first (2 when not given)', usage: '{{indent text 2}}', text: [0, 1], number: [1] },
  slug: { least: 1, most: 1, takes: 'a text', usage: '{{slug title}}', text: [0] },
};

/**
 * The options of Handlebars' own helpers, as HelperValues' `options` are ours: `{{#if count
 * includeZero=true}}` (and `{{#unless}}`, which hands its options to `if`); each, with and lookup
 * read none.
 */
export const BUILT_IN_OPTIONS: Readonly<Record<string, Readonly<Record<string, HelperOption>>>> = {
  if: { includeZero: {} },
  unless: { includeZero: {} },
};

/** Helpers every template can use; documented in docs/templates.md. `language` fixes words and dates. */
export function helpers(language: Language): Record<string, Helper> {
  const args = (list: unknown[]) => list.slice(0, -1);
  const hash = (list: unknown[]) => ((list[list.length - 1] as HelperOptions | undefined)?.hash ?? {}) as Record<string, unknown>;
  const slugs = new Map<string, string>();
  const labels = new Map<string, string>();
  // A country helper: nothing for a country the data does not give, else its forms.
  const country = (helper: string, form: 'the' | 'in' | 'of') => (...list: unknown[]) =>
    placed(list, () => {
      needs(list, helper, 1, `{{${helper} brief.country}}`);
      const value = list[0] as { code?: unknown; name?: unknown } | undefined | null;
      if (absent(value)) return '';
      // A name left in the notes' language is a FallbackText (see prepareModel), printed with its language.
      const name = value?.name;
      if (typeof value !== 'object' || typeof value!.code !== 'string' || !(typeof name === 'string' || name instanceof FallbackText)) throw wrongKind(helper, value, 'a country', `{{${helper} brief.country}}, {{${helper} workshop.location.country}}`);
      return countryForms(value!.code, name as string, language)[form];
    });
  // An addressee's name: nothing for one the data does not give.
  // (Its short name as the model holds it: a FallbackText prints with its language.)
  const addresseeName = (helper: string, value: unknown): unknown => {
    if (absent(value)) return '';
    const a = value as { kind?: unknown; short?: unknown };
    if (typeof a !== 'object' || typeof a.kind !== 'string') throw wrongKind(helper, value, 'an addressee (an owner, an item of addressed_to)', `{{${helper} owner}}`);
    return a.kind === 'member-states' ? translate(language, 'member_states') : a.short;
  };
  // {{num}} and {{percent}}: a dash for a number the data does not give.
  const numeric = (helper: string, format: (value: number) => string, usage: string) => (...list: unknown[]) =>
    placed(list, () => {
      needs(list, helper, 1, usage);
      const value = list[0];
      if (typeof value === 'number') return format(value);
      if (absent(value)) return translate(language, 'not_given');
      throw wrongKind(helper, value, 'a number', usage);
    });
  // A list for {{join}}, {{sortBy}} and {{addressees}}: none when the data does not give it.
  const listOf = (helper: string, value: unknown, usage: string): unknown[] => {
    if (absent(value)) return [];
    if (!Array.isArray(value)) throw wrongKind(helper, value, 'a list', usage);
    return value;
  };
  return {
    /** {{t "recommendations"}}, {{t "page_of" page=3 pages=18}} */
    t: (...list) => {
      const key = list[0];
      const values = hash(list);
      // A label without values ({{t "owner"}}, in every row of a table) is looked up once per document.
      const plain = list.length === 2 && isEmpty(values);
      // One with values of its own ({{t "session_number" number=number}}, in every row citing a
      // session: 1,427 times in one of P's workshops' documents) by those values, when each is a plain string or number.
      const memo = plain ? key : list.length === 2 && typeof key === 'string' ? valuedKey(key, values) : undefined;
      const known = typeof memo === 'string' ? labels.get(memo) : undefined;
      if (known !== undefined) return known;
      placed(list, () => needs(list, 't', 1, '{{t "recommendations"}}'));
      if (typeof key !== 'string' || !isMessageKey(key)) throw new Error(`Unknown message key “${String(key)}”.`);
      const text = translate(language, key, values as Record<string, string | number>);
      if (typeof memo === 'string') {
        if (labels.size >= LABELS_KEPT) labels.clear();
        labels.set(memo, text);
      }
      return text;
    },
    /** {{date session.date}} → 13 May 2022; a bare {{date}} formats the current object's `date`. */
    date: function (this: unknown, ...list: unknown[]) {
      const iso = list.length > 1 ? list[0] : (this as { date?: unknown } | null)?.date;
      // Nothing for a date the notes do not give (an optional field); a value that is not a date stops the template.
      return iso === undefined || iso === null || iso === '' ? '' : placed(list, () => formatDate(isoDate('date', iso), language));
    },
    /** {{dayMonth session.date}} → 13 May */
    dayMonth: (...list) =>
      placed(list, () => {
        needs(list, 'dayMonth', 1, '{{dayMonth session.date}}');
        return list[0] === undefined || list[0] === null || list[0] === '' ? '' : formatDayMonth(isoDate('dayMonth', list[0]), language);
      }),
    /** {{dateRange workshop.dates}}, {{dateRange workshop.dates style="prose"}} */
    dateRange: (...list) =>
      placed(list, () => {
        needs(list, 'dateRange', 1, '{{dateRange workshop.dates}}');
        const dates = list[0] as { start?: unknown; end?: unknown } | undefined | null;
        if (absent(dates)) return '';
        if (typeof dates !== 'object') throw wrongKind('dateRange', dates, 'dates (a start and an end)', '{{dateRange workshop.dates}}');
        return formatDateRange(isoDate('dateRange', dates!.start), isoDate('dateRange', dates!.end), language, hash(list).style === 'prose' ? 'prose' : 'compact');
      }),
    /** {{join countries "name"}} → Burkina Faso, Ghana, Mali and Niger */
    join: (...list) =>
      placed(list, () => {
        needs(list, 'join', 1, '{{join countries "name"}}');
        const [items, property] = args(list) as [unknown, unknown];
        const all = listOf('join', items, '{{join countries "name"}}');
        if (typeof property === 'string') return joinList(fieldOf(all, property).map(String), language);
        // A mapping prints as “[object Object]”: it needs the field to print.
        if (all.some(isPlainObject)) throw new HelperArgumentError('join', '{{join}} was given a list of mappings without the field to print.', 'Name the field: {{join countries "name"}}, {{join recommendations "label"}}.');
        return joinList(all.map(String), language);
      }),
    /** {{plural count "participant" "participants"}} */
    plural: (...list) =>
      placed(list, () => {
        needs(list, 'plural', 3, '{{plural count "action" "actions"}}');
        return Number(list[0]) === 1 ? list[1] : list[2];
      }),
    /** {{num women}} → 1,234; a dash when the notes do not give it. */
    num: numeric('num', (value) => formatNumber(value, language), '{{num participation.total}}'),
    percent: numeric('percent', (share) => formatPercent(share, language), '{{percent participation.women_share}}'),
    /** {{addressees rec.addressed_to}}: member-states in the report language, names joined in prose. */
    addressees: (...list) =>
      placed(list, () => {
        needs(list, 'addressees', 1, '{{addressees addressed_to}}');
        return joinList(listOf('addressees', list[0], '{{addressees addressed_to}}').map((a) => addresseeName('addressees', a) as string), language);
      }),
    /** {{addressee action.owner}}: one addressee's name. */
    addressee: (...list) =>
      placed(list, () => {
        needs(list, 'addressee', 1, '{{addressee owner}}');
        return addresseeName('addressee', list[0]);
      }),
    // A text shown in another language (a FallbackText: Niamey's title in an English overview) is still that text.
    eq: (a, b) => shownText(a) === shownText(b),
    ne: (a, b) => shownText(a) !== shownText(b),
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
    countryThe: country('countryThe', 'the'),
    /** {{countryIn brief.country}} → "au Mali", "en Côte d’Ivoire"; "in Mali". */
    countryIn: country('countryIn', 'in'),
    /** {{countryOf brief.country}} → "du Mali", "de la Côte d’Ivoire"; "of Mali". */
    countryOf: country('countryOf', 'of'),
    /** {{#each (sortBy countries "name")}}: sorted with the report language's collation. */
    sortBy: (...list) =>
      placed(list, () => {
        needs(list, 'sortBy', 1, '{{#each (sortBy countries "name")}}');
        const [items, property] = args(list);
        const compare = collator(language).compare;
        const key = (item: unknown) => String(typeof property === 'string' ? (item as Record<string, unknown>)[property] : item);
        return [...listOf('sortBy', items, '{{#each (sortBy countries "name")}}')].sort((a, b) => compare(key(a), key(b)));
      }),
    /** {{indent value 2}}: continuation lines indented, for (md) text inside a list item. */
    indent: (value, spaces) => new RawMarkdown(escapeForMarkdown(value).replace(/\n(?=.)/g, `\n${' '.repeat(Number(spaces) || 2)}`)),
    /** {{slug "Session 3"}}: the id GitHub gives a heading with this text. */
    slug: (text) => {
      // As escapeMarkdown prints a plain text in a heading (one line, trimmed, NFC): a session title over two lines linked to nowhere.
      // Kept by the text as given (a link to a session is made for each of its recommendations, in every brief).
      const given = String(text ?? '');
      let slug = slugs.get(given);
      if (slug === undefined) {
        const key = given.normalize('NFC').replace(/\s*(\r\n?|\n)\s*/g, ' ').trim();
        slug = new GithubSlugger().slug(language === 'fr' ? frenchSpacing(key) : key);
        slugs.set(given, slug);
      }
      return slug;
    },
  };
}

/** A plain text marked with its language (FallbackText) as its text; anything else as it is. */
function shownText(value: unknown): unknown {
  return value instanceof FallbackText ? value.text : value;
}
