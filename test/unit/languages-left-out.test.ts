import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { validate } from '../../src/validate/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { ROOT } from '../helpers/run-cli.js';

const MINIMAL = path.join(ROOT, 'test/fixtures/minimal');
const read = (file: string) => ({ path: file, text: readFileSync(path.join(MINIMAL, file), 'utf8') });

/** minimal/ in English and `languages`, with a French translation of its first session. */
function diagnostics(languages: string) {
  const workshop = read('workshop.yaml');
  const sessions = readdirSync(path.join(MINIMAL, 'sessions')).sort().map((name) => read(`sessions/${name}`));
  const translation = { path: 'translations/fr/sessions/a.yaml', text: 'title:\n  source: "0000abcd"\n  text: Contrôle des voyageurs\n' };
  const sources = {
    workshop: { ...workshop, text: workshop.text.replace('title: Border Security Workshop\n', `title: Border Security Workshop\nlanguages: ${languages}\n`) },
    sessions, countries: readdirSync(path.join(MINIMAL, 'countries')).map((name) => read(`countries/${name}`)), followUps: [], translations: [translation], assets: [],
  };
  return validate(load(sources).project, countryTable()).diagnostics;
}

describe('a language of languages: that is left out (FR, es)', () => {
  it('is one error at its place, not the translations of every file called orphans and missing in “undefined”', () => {
    for (const written of ['[en, FR]', '[en, es]']) {
      const found = diagnostics(written);
      expect(found.map((d) => `${d.code} ${d.location?.file}:${d.location?.start.line}`), written).toEqual(['enum workshop.yaml:2']);
      // (A language the tool has no catalogue for is said as such.)
      expect(found[0]!.message, written).toBe(written === '[en, FR]' ? '“FR” is not valid as item 2 of languages.' : '“es” is not a language workshop-report writes reports in.');
      expect(JSON.stringify(found), written).not.toContain('undefined');
    }
    expect(diagnostics('[en, FR]')[0]!.hint).toBe('Did you mean “fr”? Allowed: en, fr.');
  });

  it('with the language written right, the translation is checked as before', () => {
    expect(diagnostics('[en, fr]').map((d) => d.code)).toContain('stale-translation');
  });
});
