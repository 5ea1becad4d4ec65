import type { Language } from '../notes/types.js';

/** The document language as Word tags it (`w:lang`, `dc:language`): the report's English is British (UN style). */
export function wordLanguage(lang: string | undefined, fallback: Language): string {
  const code = (lang ?? fallback).toLowerCase();
  if (code.startsWith('fr')) return 'fr-FR';
  return 'en-GB';
}
