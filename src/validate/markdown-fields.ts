import type { Location } from '../diagnostics/diagnostic.js';
import { spanToLocation } from '../diagnostics/location.js';
import { locate, type DataPath, type ParsedFile } from '../load/index.js';
import type { RuleContext, RuleProject } from './context.js';

/** The keys of the (md) fields (schemas: markdown, markdownList, textItem; a follow-up update's `note`). */
const MARKDOWN_KEYS = new Set(['summary', 'key_points', 'objectives', 'initiatives', 'challenges', 'good_practices', 'needs', 'text', 'note']);

/**
 * Every (md) text of `data` (a notes file's), with its path: a plain text, such as a title, is
 * printed escaped and holds no Markdown. A (md) key's list is (md) item by item; an item written
 * `{ text, restricted }` has its own `text`.
 */
export function visitMarkdownFields(data: unknown, visit: (text: string, path: DataPath) => void): void {
  const walk = (value: unknown, path: DataPath, markdown: boolean): void => {
    if (typeof value === 'string') {
      if (markdown) visit(value, path);
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], markdown));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key], MARKDOWN_KEYS.has(key));
  };
  walk(data, [], false);
}

/**
 * Every translated (md) text of a translation file's data: each entry is the path of a text
 * (`key_points.1`, `recommendations.api-pnr.text`), whose field is its last name.
 */
export function visitTranslatedMarkdown(data: unknown, visit: (text: string, path: DataPath) => void): void {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return;
  for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
    const field = key.split('.').filter((part) => !/^\d+$/.test(part)).pop();
    const text = (entry as { text?: unknown } | null)?.text;
    if (field !== undefined && MARKDOWN_KEYS.has(field) && typeof text === 'string') visit(text, [key, 'text']);
  }
}

/**
 * `text` (a piece of the (md) field at `path`, the `nth + 1`-th time it is written there) where the
 * notes hold it verbatim (a block or plain scalar: always), at its first line; else the field.
 */
export function locateInField(file: ParsedFile, path: DataPath, text: string, nth = 0): Location {
  const field = locate(file, path, 'value');
  // Its first line: a block scalar indents the lines after it, a folded one may join them.
  const line = text.split('\n', 1)[0]!;
  if (line === '') return field;
  const source = file.source.text;
  let at = field.start.offset - 1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(line, at + 1);
    if (at === -1 || at >= field.end.offset) return field;
  }
  return spanToLocation(file.source.path, file.lineStarts, at, at + line.length);
}

/** Every (md) text of the notes' files that passed their schemas, then of their translations, in reading order. */
export function eachMarkdownText(project: RuleProject, visit: (file: ParsedFile, text: string, path: DataPath) => void): void {
  const { workshop, sessions, countries, followUps, translations } = project;
  for (const { file, data } of [workshop, ...sessions, ...countries, ...followUps]) visitMarkdownFields(data, (text, path) => visit(file, text, path));
  for (const { file, data } of translations) visitTranslatedMarkdown(data, (text, path) => visit(file, text, path));
}

/**
 * Whether the text at `path` of `file` may be parsed as Markdown: not one `too-complex` named
 * (checkMarkdownLimits, before the rules that parse), which would take the parser minutes.
 */
export function readableTexts(ctx: RuleContext): (file: ParsedFile, path: DataPath) => boolean {
  const tooComplex = new Set(ctx.diagnostics.flatMap((d) => (d.code === 'too-complex' && d.location ? [`${d.location.file}:${d.location.start.offset}`] : [])));
  return (file, path) => tooComplex.size === 0 || !tooComplex.has(`${file.source.path}:${locate(file, path, 'value').start.offset}`);
}
