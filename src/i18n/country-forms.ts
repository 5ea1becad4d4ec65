import type { Language } from '../notes/types.js';

/** How a country name enters a French sentence: with its article ("le Mali"), "in" ("au Mali"), "of" ("du Mali"). */
export interface CountryForms {
  the: string;
  in: string;
  of: string;
}

type Gender = 'm' | 'f' | 'vowel';

/**
 * Reviewed French forms for the countries of the examples and of West and North Africa (and the
 * Sahel), keyed by ISO alpha-3; the names are the UN M49 French names. Other countries fall back to
 * article-free phrasing.
 */
const FRENCH: Record<string, [Gender, string]> = {
  BEN: ['m', 'Bénin'], BFA: ['m', 'Burkina Faso'], CPV: ['m', 'Cabo Verde'], CIV: ['f', 'Côte d’Ivoire'],
  GMB: ['f', 'Gambie'], GHA: ['m', 'Ghana'], GIN: ['f', 'Guinée'], GNB: ['f', 'Guinée-Bissau'],
  LBR: ['m', 'Libéria'], MLI: ['m', 'Mali'], MRT: ['f', 'Mauritanie'], NER: ['m', 'Niger'],
  NGA: ['m', 'Nigéria'], SEN: ['m', 'Sénégal'], SLE: ['f', 'Sierra Leone'], TGO: ['m', 'Togo'],
  DZA: ['vowel', 'Algérie'], EGY: ['vowel', 'Égypte'], LBY: ['f', 'Libye'], MAR: ['m', 'Maroc'],
  SDN: ['m', 'Soudan'], TUN: ['f', 'Tunisie'], TCD: ['m', 'Tchad'], CMR: ['m', 'Cameroun'],
};

/** The forms of a country in a language; `name` alone when no reviewed form is known. */
export function countryForms(code: string, name: string, language: Language): CountryForms {
  if (language === 'en') return { the: name, in: `in ${name}`, of: `of ${name}` };
  const entry = FRENCH[code];
  if (!entry) return { the: name, in: name, of: name };
  const [gender, french] = entry;
  switch (gender) {
    case 'm':
      return { the: `le ${french}`, in: `au ${french}`, of: `du ${french}` };
    case 'f':
      return { the: `la ${french}`, in: `en ${french}`, of: `de la ${french}` };
    case 'vowel':
      return { the: `l’${french}`, in: `en ${french}`, of: `de l’${french}` };
  }
}

