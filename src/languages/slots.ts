import type { DataPath } from '../load/index.js';
import type { FileRole } from '../load/index.js';

/** One translatable text of a notes file. */
export interface TextSlot {
  /** How a translation file addresses it: `recommendations.api-pnr.text`, `key_points.2`. */
  key: string;
  /** Where it is in the file's data. */
  path: DataPath;
  value: string;
  /** Markdown (an (md) field of FORMAT.md), whose structure a translation must keep. */
  markdown: boolean;
  /**
   * A name (an organization's name or acronym, a person's organization, an institution): proper
   * names often stay as they are, so one without translation is printed as written, counted apart
   * (not `missing-translation`), and offered to the translator all the same.
   */
  optional: boolean;
}

type Data = Record<string, unknown>;

/**
 * Every translatable text of a file's data, in the file's order: titles, summaries, key points,
 * objectives, country-note items, recommendation and action texts, theme titles, job titles and
 * topics, participation groups, partners' roles; names of organizations optionally. Names of
 * people, ids, codes, dates and enumerated values are never translated, nor is a person's
 * `organization` that names one of `organizations` (the workshop's organizers' and partners' ids:
 * the report prints that organization's name, translated with the workshop). A list item with an
 * `id` is addressed by it, any other by its index; an item written as `{ text: … }` at `.text`. Pure.
 */
export function textSlots(role: FileRole, data: unknown, organizations: ReadonlySet<string> = new Set()): TextSlot[] {
  const slots: TextSlot[] = [];
  if (!isObject(data)) return slots;
  const add = (path: DataPath, key: string, value: unknown, markdown: boolean, optional = false) => {
    if (typeof value === 'string' && value.trim() !== '') slots.push({ key, path, value, markdown, optional });
  };
  const field = (at: Data, path: DataPath, key: string, name: string, markdown: boolean, optional = false) => add([...path, name], key ? `${key}.${name}` : name, at[name], markdown, optional);
  /** A list of texts, each a string or `{ text }`. */
  const texts = (list: unknown, path: DataPath, key: string) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      if (typeof item === 'string') add([...path, index], `${key}.${index}`, item, true);
      else if (isObject(item)) add([...path, index, 'text'], `${key}.${itemKey(item, index)}.text`, item.text, true);
    });
  };
  /** A list of mappings, each with the given text fields. */
  const items = (list: unknown, path: DataPath, key: string, fields: ReadonlyArray<[string, boolean, boolean?]>) => {
    if (!Array.isArray(list)) return;
    list.forEach((item, index) => {
      if (!isObject(item)) return;
      for (const [name, markdown, optional] of fields) field(item, [...path, index], `${key}.${itemKey(item, index)}`, name, markdown, optional);
    });
  };
  const d = data;
  if (role === 'workshop') {
    for (const name of ['title', 'subtitle', 'short_title']) field(d, [], '', name, false);
    field(d, [], '', 'summary', true);
    texts(d.objectives, ['objectives'], 'objectives');
    items(d.themes, ['themes'], 'themes', [['title', false]]);
    items(d.organizers, ['organizers'], 'organizers', [['name', false, true], ['acronym', false, true]]);
    items(d.partners, ['partners'], 'partners', [['name', false, true], ['acronym', false, true], ['role', false]]);
    items(d.participation, ['participation'], 'participation', [['group', false]]);
    if (isObject(d.report)) {
      items(d.report.documents, ['report', 'documents'], 'report.documents', [['title', false]]);
      items(d.report.editions, ['report', 'editions'], 'report.editions', [['marking', false]]);
    }
  } else if (role === 'session') {
    field(d, [], '', 'title', false);
    const person = (at: Data, path: DataPath, key: string) => {
      field(at, path, key, 'title', false);
      if (path[0] !== 'rapporteur') field(at, path, key, 'topic', false);
      if (typeof at.organization !== 'string' || !organizations.has(at.organization)) field(at, path, key, 'organization', false, true);
    };
    for (const people of ['chairs', 'speakers']) {
      const list = d[people];
      if (Array.isArray(list)) list.forEach((item, index) => isObject(item) && person(item, [people, index], `${people}.${itemKey(item, index)}`));
    }
    if (isObject(d.rapporteur)) person(d.rapporteur, ['rapporteur'], 'rapporteur');
    field(d, [], '', 'summary', true);
    texts(d.key_points, ['key_points'], 'key_points');
    if (isObject(d.country_notes)) {
      for (const [code, notes] of Object.entries(d.country_notes)) {
        if (!isObject(notes)) continue;
        for (const [kind, list] of Object.entries(notes)) texts(list, ['country_notes', code, kind], `country_notes.${code}.${kind}`);
      }
    }
    items(d.recommendations, ['recommendations'], 'recommendations', [['text', true]]);
    items(d.actions, ['actions'], 'actions', [['text', true]]);
  } else if (role === 'follow-up') {
    if (Array.isArray(d.updates)) d.updates.forEach((update, index) => {
      if (isObject(update)) add(['updates', index, 'note'], `updates.${index}.note`, update.note, true);
    });
  } else if (role === 'country') {
    if (Array.isArray(d.institutions)) d.institutions.forEach((name, index) => add(['institutions', index], `institutions.${index}`, name, false, true));
    field(d, [], '', 'summary', true);
    for (const kind of ['initiatives', 'challenges', 'good_practices', 'needs']) texts(d[kind], [kind], kind);
  }
  return slots;
}

function itemKey(item: Data, index: number): string {
  return typeof item.id === 'string' && item.id !== '' ? item.id : String(index);
}

function isObject(value: unknown): value is Data {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
