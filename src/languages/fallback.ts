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
  const markdown = new Set<string>();
  const plain = new Set<string>();
  for (const s of status.slots) {
    if (s.language !== language || s.state === 'translated' || s.slot.optional) continue;
    (s.slot.markdown ? markdown : plain).add(s.slot.value);
  }
  return markdown.size + plain.size > 0 ? { lang: source, markdown, plain } : undefined;
}
