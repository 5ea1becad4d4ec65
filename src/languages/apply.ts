import type { CheckedProject } from '../validate/index.js';
import type { Language } from '../notes/types.js';
import type { TranslationStatus } from './status.js';

/**
 * The notes as they read in `language`: every text with an up-to-date translation replaced by it,
 * the others left in the notes' language (a stale translation is not used, as gettext ignores a
 * fuzzy one: it may say what the source no longer says). Ids, order and everything else stay, so
 * recommendation and action numbers are the same in every language. The notes' own language gives
 * the project back as it is. Pure.
 */
export function forLanguage(project: CheckedProject, status: TranslationStatus, language: Language): CheckedProject {
  if (language === status.languages[0]) {
    // The notes as they are, saying which language they are in (`languages: [fr, en]` names it first).
    return project.workshop.data.language === language ? project : { ...project, workshop: { ...project.workshop, data: { ...project.workshop.data, language } } };
  }
  const replacements = new Map<string, Array<{ path: ReadonlyArray<string | number>; text: string }>>();
  for (const s of status.slots) {
    if (s.language !== language || s.state !== 'translated' || !s.translation) continue;
    const list = replacements.get(s.source.source.path) ?? [];
    list.push({ path: s.slot.path, text: s.translation.entry.text });
    replacements.set(s.source.source.path, list);
  }
  const translate = <T>(file: { file: { source: { path: string } }; data: T }): T => {
    const list = replacements.get(file.file.source.path);
    if (!list) return file.data;
    const data = structuredClone(file.data) as unknown;
    for (const { path, text } of list) setAt(data, path, text);
    return data as T;
  };
  return {
    ...project,
    workshop: { ...project.workshop, data: { ...translate(project.workshop), language } },
    sessions: project.sessions.map((session) => ({ ...session, data: translate(session) })),
    countries: project.countries.map((country) => ({ ...country, data: translate(country) })),
    followUps: project.followUps.map((followUp) => ({ ...followUp, data: translate(followUp) })),
  };
}

function setAt(data: unknown, path: ReadonlyArray<string | number>, value: string): void {
  let at = data as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  at[path[path.length - 1]!] = value;
}
