import { parse } from 'csv-parse/sync';
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
  table ??= new CountryTable(parse(readBundled('data/un-m49-country-names.csv'), { columns: true, skip_empty_lines: true }) as Row[]);
  return table;
}
