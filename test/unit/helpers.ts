/** Shared builders for the unit tests: in-memory projects, no disk access. */
import { load, type LoadedProject } from '../../src/load/index.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import type { ParsedFile, FileRole } from '../../src/load/source.js';
import { countryTable } from '../../src/reference/countries.js';
import { validate, type CheckedProject } from '../../src/validate/index.js';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';

export const WORKSHOP = `title: Border Security Workshop
dates:
  start: 2022-05-09
  end: 2022-05-10
organizers:
  - id: uncct
    name: United Nations Counter-Terrorism Centre
    acronym: UNCCT
  - id: unoct-rabat
    name: UNOCT Programme Office
countries:
  - MLI
  - NER
themes:
  - id: kst
    title: Known or suspected terrorists
  - id: ibm
    title: Integrated border management
participation:
  - country: MLI
    total: 4
    women: 1
  - country: NER
    total: 3
    women: 1
`;

/** A valid session mentioning both beneficiaries; `extra` is appended verbatim. */
export function session(fields: { title?: string; date?: string; order?: number; extra?: string } = {}): string {
  return [
    `title: ${fields.title ?? 'A session'}`,
    `date: ${fields.date ?? '2022-05-09'}`,
    ...(fields.order !== undefined ? [`order: ${fields.order}`] : []),
    'type: plenary',
    'summary: Something was discussed.',
    ...(fields.extra ? [fields.extra.replace(/\n$/, '')] : []),
    '',
  ].join('\n');
}

export interface ProjectInput {
  workshop?: string;
  sessions?: Record<string, string>;
  countries?: Record<string, string>;
  assets?: string[];
}

const DEFAULT_SESSIONS = {
  'sessions/a.yaml': session({ extra: 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }),
};

export function loadProject(input: ProjectInput = {}): { project: LoadedProject; diagnostics: Diagnostic[] } {
  return load({
    workshop: { path: 'workshop.yaml', text: input.workshop ?? WORKSHOP },
    sessions: Object.entries(input.sessions ?? DEFAULT_SESSIONS).map(([path, text]) => ({ path, text })),
    countries: Object.entries(input.countries ?? {}).map(([path, text]) => ({ path, text })),
    assets: input.assets ?? [],
  });
}

/** load + validate; all diagnostics of both stages. */
export function check(input: ProjectInput = {}): { project?: CheckedProject; diagnostics: Diagnostic[] } {
  const loaded = loadProject(input);
  const result = validate(loaded.project, countryTable());
  return { ...(result.project ? { project: result.project } : {}), diagnostics: [...loaded.diagnostics, ...result.diagnostics] };
}

/** A valid project, checked; throws with the diagnostics when it is not. */
export function checked(input: ProjectInput = {}): CheckedProject {
  const { project, diagnostics } = check(input);
  const errors = diagnostics.filter((d) => d.severity === 'error');
  if (!project || errors.length) throw new Error(`Expected a valid project:\n${JSON.stringify(errors, null, 2)}`);
  return project;
}

export function parse(text: string, role: FileRole = 'session', path = 'sessions/a.yaml'): ParsedFile {
  return parseYamlFile({ path, text }, role).file;
}

/** Compact view of a diagnostic for assertions: code, file, line:column. */
export function where(d: Diagnostic): string {
  return `${d.code} ${d.location ? `${d.location.file}:${d.location.start.line}:${d.location.start.column}` : '(project)'}`;
}

export function codes(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map((d) => d.code);
}

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TemplateFile } from '../../src/render/templates.js';

/** The bundled templates, keyed by relative name (`report.md.hbs`, `partials/person.md.hbs`). */
export function bundledTemplates(): Map<string, TemplateFile> {
  const root = fileURLToPath(new URL('../../templates/', import.meta.url));
  const map = new Map<string, TemplateFile>();
  const add = (name: string) => map.set(name, { text: readFileSync(root + name, 'utf8'), displayPath: `(bundled) ${name}`, overridden: false });
  for (const name of readdirSync(root)) if (name.endsWith('.hbs')) add(name);
  for (const name of readdirSync(root + 'partials')) if (name.endsWith('.hbs')) add(`partials/${name}`);
  return map;
}
