import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { readBundled } from '../assets.js';

/** Languages the UN M49 table gives names in; the report languages are a subset. */
export type NameLanguage = 'en' | 'fr' | 'es' | 'ru' | 'ar' | 'zh';

interface Row {
  iso3: string;
  [language: string]: string;
}

/** The UN M49 country and area names, keyed by ISO 3166-1 alpha-3 code. */
export class CountryTable {
  private readonly rows: Map<string, Row>;

  constructor(rows: Row[]) {
    this.rows = new Map(rows.map((row) => [row.iso3, row]));
  }

  has(code: string): boolean {
    return this.rows.has(code);
  }

  codes(): string[] {
    return [...this.rows.keys()];
  }

  /** The UN name in a language; the code itself for an unknown code (validation reports those). */
  name(code: string, language: NameLanguage): string {
    return this.rows.get(code)?.[language] || code;
  }
}

let table: CountryTable | undefined;

/** The bundled table (data/un-m49-country-names.csv), parsed once. */
export function countryTable(): CountryTable {
  table ??= new CountryTable(bundledRows());
  return table;
}

/** The CSV's rows, the way csv-parse reads them (`columns`, `skip_empty_lines`). */
export function parseCountryCsv(text: string): Row[] {
  const { parse } = createRequire(import.meta.url)('csv-parse/sync') as typeof import('csv-parse/sync');
  return parse(text, { columns: true, skip_empty_lines: true }) as Row[];
}

/**
 * The build writes the parsed rows as JSON next to this module (scripts/build-validators.mjs):
 * reading them costs about 1 ms, loading the CSV parser and parsing about 40. Run from the sources
 * (the tests), the CSV is parsed.
 */
function bundledRows(): Row[] {
  const json = new URL('./un-m49-country-names.json', import.meta.url);
  return existsSync(json) ? (JSON.parse(readFileSync(json, 'utf8')) as Row[]) : parseCountryCsv(readBundled('data/un-m49-country-names.csv'));
}
