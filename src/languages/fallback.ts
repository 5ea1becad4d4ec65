import { Markdown } from '../consolidate/markdown.js';
import type { Fallbacks } from '../render/index.js';
import type { Language } from '../notes/types.js';
import type { TranslationStatus } from './status.js';

/**
 * The texts the report in `language` shows in the notes' language, because they have no up-to-date
 * translation (missing, or stale: see forLanguage), so the render stage marks them with their own
 * language (a lang span: French typography leaves them alone, the HTML, DOCX and tagged PDF say
 * which language they are in). Names (organizations, acronyms) are not translated unless given and
 * are not marked. Undefined for the notes' own language, or when everything is translated. Pure.
 */
export function fallbackTexts(status: TranslationStatus, language: Language): Fallbacks | undefined {
  const source = status.languages[0];
  if (source === undefined || language === source) return undefined;
  const markdown = new Map<string, string>();
  const plain = new Map<string, string>();
  for (const s of status.slots) {
    if (s.language !== language || s.state === 'translated' || s.slot.optional) continue;
    (s.slot.markdown ? markdown : plain).set(s.slot.value, source);
  }
  return markdown.size + plain.size > 0 ? { markdown, plain } : undefined;
}

/**
 * Every (md) text of a model, as being in `lang`: a workshop's texts shown in a programme document
 * of another language (Niamey's French recommendations in the English dossiers). `fallbacks` (that
 * workshop's own untranslated texts, in its notes' language) take precedence. Pure.
 */
export function modelTexts(model: unknown, lang: string, fallbacks: Fallbacks | undefined): Fallbacks {
  const markdown = new Map<string, string>();
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (value instanceof Markdown) markdown.set(value.source, lang);
    else if (value !== null && typeof value === 'object' && !seen.has(value)) {
      seen.add(value);
      for (const item of Array.isArray(value) ? value : Object.values(value)) visit(item);
    }
  };
  visit(model);
  for (const [text, own] of fallbacks?.markdown ?? []) markdown.set(text, own);
  return { markdown, plain: new Map(fallbacks?.plain ?? []) };
}

/** Several workshops' texts in one document; a text two of them share keeps the first one's language. */
export function mergeFallbacks(list: ReadonlyArray<Fallbacks | undefined>): Fallbacks | undefined {
  const markdown = new Map<string, string>();
  const plain = new Map<string, string>();
  for (const each of list) {
    for (const [text, lang] of each?.markdown ?? []) if (!markdown.has(text)) markdown.set(text, lang);
    for (const [text, lang] of each?.plain ?? []) if (!plain.has(text)) plain.set(text, lang);
  }
  return markdown.size + plain.size > 0 ? { markdown, plain } : undefined;
}
