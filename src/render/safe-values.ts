import { Markdown } from '../consolidate/markdown.js';
import { escapeMarkdown } from './escape.js';
import { safeMarkdown, safeMarkdownInline } from './safe-markdown.js';

/**
 * A rapporteur's (md) text as templates see it: Handlebars writes `toHTML()` as it is, so
 * `{{summary}}` places the sanitised Markdown, while plain strings go through the escaper.
 */
export class SafeMarkdown {
  private block?: string;
  private line?: string;

  constructor(readonly source: string, private readonly key: string) {}

  toHTML(): string {
    this.block ??= safeMarkdown(this.source, this.key);
    return this.block;
  }

  /** One line, for table cells. */
  inline(): string {
    this.line ??= safeMarkdownInline(this.source);
    return this.line;
  }

  toString(): string {
    return this.toHTML();
  }

  toJSON(): string {
    return this.source;
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

/** Handlebars' escaper, replaced: plain text is escaped for Markdown, not HTML. */
export function escapeForMarkdown(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof (value as { toHTML?: unknown }).toHTML === 'function') return (value as { toHTML(): string }).toHTML();
  if (typeof value === 'string') return escapeMarkdown(value);
  return String(value);
}

/** Replaces every Markdown value of the model by a SafeMarkdown, keeping everything else. */
export function prepareModel<T>(model: T): T {
  let counter = 0;
  const visit = (value: unknown, seen: Map<object, unknown>): unknown => {
    if (value instanceof Markdown) return new SafeMarkdown(value.source, `n${++counter}`);
    if (value === null || typeof value !== 'object') return value;
    // Shared objects (a recommendation listed in several places) stay shared.
    if (seen.has(value)) return seen.get(value);
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(visit(item, seen));
      return out;
    }
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const [key, item] of Object.entries(value)) out[key] = visit(item, seen);
    return out;
  };
  return visit(model, new Map()) as T;
}
