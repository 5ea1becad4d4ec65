import type { Language } from '../notes/types.js';

/** The report language a document's `lang` tag names (`fr`, `fr-CA`: French), else undefined. */
export function reportLanguage(tag: string | undefined): Language | undefined {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  return primary === 'en' || primary === 'fr' ? primary : undefined;
}

/**
 * The fixed words a writer prints on a document (`Page 2 of 9`, `Contents`): in the language its
 * front matter names (`lang: fr` in a custom document of an English report) when the caller has
 * words in it, else the edition's.
 */
export function wordsFor<T>(tag: string | undefined, words: T, byLanguage: Partial<Record<Language, T>> | undefined): T {
  const language = reportLanguage(tag);
  return (language !== undefined ? byLanguage?.[language] : undefined) ?? words;
}
