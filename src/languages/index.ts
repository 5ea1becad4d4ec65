export { textSlots, type TextSlot } from './slots.js';
export { fingerprint } from './fingerprint.js';
export { structureDifferences } from './structure.js';
export { coverageLines, reportLanguages, translationStatus, translationTarget, type SlotStatus, type TranslationEntry, type TranslationFileInfo, type TranslationStatus, type TranslatableProject } from './status.js';
export { forLanguage } from './apply.js';
export { movedTranslations, type MovedEntry, type MovedTranslations } from './moved.js';
export { fallbackTexts, mergeFallbacks, modelTexts } from './fallback.js';
