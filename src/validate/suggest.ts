import { closest, distance } from 'fastest-levenshtein';

/** The closest candidate within a small edit distance, for "did you mean". */
export function suggest(word: string, candidates: Iterable<string>, maxDistance?: number): string | undefined {
  const list = [...candidates].filter((candidate) => candidate !== word);
  if (list.length === 0 || word.length === 0) return undefined;
  // The same but for case first (`FR` is fr, although en is as many edits away).
  const same = list.find((candidate) => candidate.toLowerCase() === word.toLowerCase());
  if (same !== undefined) return same;
  const best = closest(word, list);
  const limit = maxDistance ?? Math.max(2, Math.floor(word.length / 3));
  const edits = distance(word.toLowerCase(), best.toLowerCase());
  // Nor a word mostly replaced: `odt` is no mistyped `md`, nor `es` (a language of its own) `en`;
  // letters swapped are a typo however short the word (`kts`, `dorp`, `hihg`: two edits each).
  const letters = (text: string) => [...text.toLowerCase()].sort().join('');
  const rewritten = maxDistance === undefined && edits * 2 >= Math.max(word.length, best.length) && letters(word) !== letters(best);
  return edits <= limit && !rewritten ? best : undefined;
}

/**
 * The keys a French-speaking rapporteur writes in French (`nom:`, `pays:`, `échéance:`), by what
 * each may mean (written without accents, in lower case, `_` between words): no typo of the English
 * key (`nom` is two edits from `name`, a word mostly rewritten), so no "did you mean" found them.
 */
const FRENCH_KEYS: Readonly<Record<string, readonly string[]>> = {
  nom: ['name'], sous_titre: ['subtitle'], titre_court: ['short_title'], lieu: ['location', 'venue'], ville: ['city'],
  pays: ['country', 'countries'], pays_beneficiaires: ['countries'], resume: ['summary'], points_cles: ['key_points'],
  responsable: ['owner'], echeance: ['due'], date_limite: ['due'], priorite: ['priority'], destinataires: ['addressed_to'],
  adresse_a: ['addressed_to'], femmes: ['women'], hommes: ['men'], organisateurs: ['organizers'], partenaires: ['partners'],
  presidents: ['chairs'], president: ['chairs'], presidence: ['chairs'], intervenants: ['speakers'], intervenant: ['speaker'],
  langue: ['language'], langues: ['languages'], objectifs: ['objectives'], defis: ['challenges'], besoins: ['needs'],
  bonnes_pratiques: ['good_practices'], notes_pays: ['country_notes'], restreint: ['restricted'], mises_a_jour: ['updates'],
  signale_par: ['reported_by'], rapporte_par: ['reported_by'], ordre: ['order'], sigle: ['acronym'], acronyme: ['acronym'],
  etat: ['status'],
};

/** A value a French-speaking rapporteur writes in French, by what it may mean (as FRENCH_KEYS). */
const FRENCH_VALUES: Readonly<Record<string, readonly string[]>> = {
  termine: ['done'], terminee: ['done'], fait: ['done'], faite: ['done'], realise: ['done'], realisee: ['done'], acheve: ['done'],
  en_cours: ['in-progress'], non_commence: ['not-started'], non_commencee: ['not-started'], pas_commence: ['not-started'], pas_commencee: ['not-started'], a_faire: ['not-started'],
  bloque: ['blocked'], bloquee: ['blocked'], abandonne: ['dropped'], abandonnee: ['dropped'], annule: ['dropped'], annulee: ['dropped'],
  haute: ['high'], elevee: ['high'], moyenne: ['medium'], basse: ['low'], faible: ['low'],
  ouverture: ['opening'], pleniere: ['plenary'], table_ronde: ['panel'], groupe_de_travail: ['working-group'], atelier: ['working-group'], visite: ['field-visit'], visite_de_terrain: ['field-visit'], cloture: ['closing'],
  anglais: ['en'], francais: ['fr'],
};

/**
 * The value meant by one of a list's values written otherwise: a typo of one of `allowed`, else a
 * French word for one (`terminé` → done, `haute` → high); `french` when it was. Undefined when neither.
 */
export function valueMeant(written: string, allowed: Iterable<string>): { value: string; french: boolean } | undefined {
  const meant = wordMeant(written, allowed, 'value');
  return meant && { value: meant.word, french: meant.french };
}

/**
 * The key or value meant by one written otherwise (`titel` → title, `nom` → name, `terminé` → done): a typo of one of `allowed`, else the
 * one a French word stands for (looked up without accents, in lower case, `_` between words).
 */
export function wordMeant(written: string, allowed: Iterable<string>, kind: 'key' | 'value'): { word: string; french: boolean } | undefined {
  const words = [...allowed];
  const typo = suggest(written, words);
  if (typo !== undefined) return { word: typo, french: false };
  const french = kind === 'key' ? FRENCH_KEYS : FRENCH_VALUES;
  const key = written.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/[\s\u00a0'’-]+/g, '_');
  const word = (Object.hasOwn(french, key) ? french[key]! : []).find((candidate) => words.includes(candidate) && candidate !== written);
  return word === undefined ? undefined : { word, french: true };
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const best = suggest(word, candidates);
  return best === undefined ? undefined : `Did you mean “${best}”?`;
}

/** Whether a key written may be `wanted` mistyped: the same but for case, one letter, or two letters swapped (`di`, `actoin`). */
export function mayBeKey(written: string, wanted: string): boolean {
  const key = written.toLowerCase();
  if (distance(key, wanted) <= 1) return true;
  return key.length === wanted.length && [...key].sort().join('') === [...wanted].sort().join('') && [...key].filter((c, i) => c !== wanted[i]).length === 2;
}

/** Whether `iso` (YYYY-MM-DD) is a day of the calendar. */
export function isCalendarDay(iso: string): boolean {
  const day = new Date(`${iso}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(iso) && !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === iso;
}

/**
 * The YYYY-MM-DD days a date written otherwise may mean: `2023-3-31` or `2023/03/31` (year first);
 * `31/03/2023`, `31.03.2023` (day first, as in French and most of Africa) or `03/31/2023` (month
 * first) when the numbers say which; both when they do not (`03/04/2025`: 3 April or 4 March).
 * Only days of the calendar; none for a date already right.
 */
export function datesMeant(written: string): string[] {
  const day = (year: string, month: string, date: string) => `${year}-${month.padStart(2, '0')}-${date.padStart(2, '0')}`;
  const yearFirst = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(written);
  const yearLast = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(written);
  // `20221115`, as a spreadsheet or ISO's basic form writes it.
  const digits = /^(\d{4})(\d{2})(\d{2})$/.exec(written);
  // Year first, a month past 12 (`2022-13-01`): the day and the month swapped, as an American form writes them.
  const swapped = yearFirst && !isCalendarDay(day(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!)) ? [day(yearFirst[1]!, yearFirst[3]!, yearFirst[2]!)] : [];
  const candidates = yearFirst ? [day(yearFirst[1]!, yearFirst[2]!, yearFirst[3]!), ...swapped]
    : digits ? [day(digits[1]!, digits[2]!, digits[3]!)]
    : yearLast ? [day(yearLast[3]!, yearLast[2]!, yearLast[1]!), day(yearLast[3]!, yearLast[1]!, yearLast[2]!)]
    : [];
  return [...new Set(candidates)].filter((meant) => meant !== written && isCalendarDay(meant));
}

/** “Did you mean 2023-03-31? ”, “Did you mean 2025-04-03 or 2025-03-04? ” (`before` ahead of each date: `--as-of `), else nothing. */
export function didYouMeanDate(written: string, before = ''): string {
  const meant = datesMeant(written);
  if (meant.length === 0) return '';
  return `Did you mean ${meant.map((date) => `${before}${date}`).join(' or ')}?${meant.length > 1 ? ' The day and the month can be read either way.' : ''} `;
}
