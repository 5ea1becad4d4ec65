import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/validate/suggest.js';

describe('suggest (“Did you mean …?”)', () => {
  it('offers the word meant for a typo: a letter more, less, changed, or a case', () => {
    expect(suggest('pdff', ['md', 'pdf', 'html', 'docx'])).toBe('pdf');
    expect(suggest('frr', ['en', 'fr'])).toBe('fr');
    expect(suggest('FR', ['en', 'fr'])).toBe('fr');
    expect(suggest('recomendations', ['recommendations', 'actions'])).toBe('recommendations');
    // Two letters swapped, in a short word too.
    expect(suggest('kts', ['kst', 'ibm'])).toBe('kst');
    expect(suggest('hihg', ['high', 'medium', 'low'])).toBe('high');
  });

  it('offers nothing for a word mostly rewritten: another format, a language of its own', () => {
    // `--format odt` was told “Did you mean “md”?”, `languages: [en, fr, es]` “Did you mean “en”?”.
    expect(suggest('odt', ['md', 'pdf', 'html', 'docx'])).toBeUndefined();
    expect(suggest('es', ['en', 'fr'])).toBeUndefined();
    expect(suggest('de', ['en', 'fr'])).toBeUndefined();
  });

  it('keeps a caller’s own limit', () => {
    expect(suggest('es', ['en', 'fr'], 1)).toBe('en');
  });
});
