import type { Language } from '../notes/types.js';

/**
 * Each language's name in that language, capitalised as a link shows it on its own (“Français” on an
 * English page, “English” on a French one): a reader looks for the language they read.
 */
export const OWN_NAMES: Record<Language, string> = { en: 'English', fr: 'Français' };
