import { Markdown } from '../consolidate/markdown.js';
import { mapModel } from '../consolidate/map-model.js';
import { escapeMarkdown } from './escape.js';
import { safeMarkdown, safeMarkdownInline } from './safe-markdown.js';
import { languageSpan } from '../markdown/language-spans.js';

/**
 * A rapporteur's (md) text as templates see it: Handlebars writes `toHTML()` as it is, so
 * `{{summary}}` places the sanitised Markdown, while plain strings go through the escaper.
 */
export class SafeMarkdown {
  private block?: string;
  private line?: string;

  /** `lang`: the text is left in another language than the document's (a fallback), and marked so. */
  constructor(readonly source: string, private readonly key: string, readonly lang?: string) {}

  toHTML(): string {
    this.block ??= safeMarkdown(this.source, this.key, this.lang);
    return this.block;
  }

  /** One line, for table cells. */
  inline(): string {
    this.line ??= this.lang === undefined ? safeMarkdownInline(this.source) : languageSpan(safeMarkdownInline(this.source), this.lang);
    return this.line;
  }

  /** The sanitised Markdown without its language mark: for the front matter, whose values are read back as text. */
  unmarked(): string {
    return this.lang === undefined ? this.toHTML() : safeMarkdown(this.source, this.key);
  }

  toString(): string {
    return this.toHTML();
  }

  toJSON(): string {
    return this.source;
  }
}

/**
 * A plain text (a title, a group's name) left in another language than the document's: written as a
 * language span, read as the text itself by everything else (sorting, comparing, slugs).
 */
export class FallbackText {
  constructor(readonly text: string, readonly lang: string) {}
  toHTML(): string {
    return languageSpan(escapeMarkdown(this.text), this.lang);
  }
  toString(): string {
    return this.text;
  }
  toJSON(): string {
    return this.text;
  }
}

/** Output already safe for Markdown (what a helper built from escaped parts). */
export class RawMarkdown {
  constructor(private readonly text: string) {}
  toHTML(): string {
    return this.text;
  }
  toString(): string {
    return this.text;
  }
}

/**
 * `{{workshop.location}}`, `{{countries}}`: a template that prints a part of the data holding
 * fields, or a list, would print "[object Object]" into the report. It stops instead, saying what
 * the value holds and what to print of it.
 */
export class PrintedObjectError extends Error {
  constructor(message: string, readonly hint: string) {
    super(message);
  }
}

/** Handlebars' escaper, replaced: plain text is escaped for Markdown, not HTML. */
export function escapeForMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof (value as { toHTML?: unknown }).toHTML === 'function') return (value as { toHTML(): string }).toHTML();
  if (typeof value === 'string') return escapeMarkdown(value);
  if (Array.isArray(value)) {
    const fields = value.length > 0 && typeof value[0] === 'object' && value[0] !== null ? ` of ${fieldList(value[0] as object)}` : '';
    throw new PrintedObjectError(`A {{…}} in this template prints a list (${value.length} item${value.length === 1 ? '' : 's'}${fields}), which would be printed as “[object Object]”.`,
      'Go through the list with {{#each …}}…{{/each}} and print a field of each item, e.g. {{#each countries}}{{name}}{{/each}}, or use {{join … "name"}}.');
  }
  if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    throw new PrintedObjectError(`A {{…}} in this template prints a part of the data with fields (${fieldList(value)}), not a text: the report would show “[object Object]”.`,
      'Print one of its fields, e.g. {{workshop.location.city}} rather than {{workshop.location}} (docs/templates.md lists the fields).');
  }
  return String(value);
}

/** `city, country, venue` (the first five, then “…”). */
function fieldList(value: object): string {
  const keys = Object.keys(value);
  return keys.length === 0 ? 'no field' : `${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', …' : ''}`;
}

/**
 * The texts a document shows in another language than its own, each with its language: the notes'
 * texts with no up-to-date translation (see languages/fallback.ts), another workshop's texts in a
 * programme's documents. Found by their words.
 */
export interface Fallbacks {
  markdown: ReadonlyMap<string, string>;
  plain: ReadonlyMap<string, string>;
}

/**
 * Replaces every Markdown value of the model by a SafeMarkdown, keeping everything else; a fallback
 * text (one of `fallbacks`, found by its words) is marked with its language. `text`: what each
 * Markdown text becomes first (a programme's documents leave out the images of the workshops'
 * notes); a fallback is still found by the words of the notes.
 */
export function prepareModel<T>(model: T, fallbacks?: Fallbacks, text?: (source: string) => string): T {
  let counter = 0;
  return mapModel(model, (value) => {
    if (value instanceof Markdown) return new SafeMarkdown(text ? text(value.source) : value.source, `n${++counter}`, fallbacks?.markdown.get(value.source));
    if (typeof value === 'string' && fallbacks?.plain.has(value)) return new FallbackText(value, fallbacks.plain.get(value)!);
    return undefined;
  });
}
