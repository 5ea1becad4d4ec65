import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/html/page.js';

const labels = { contents: 'Contents', skip: 'Skip', documents: 'Documents', languages: 'Language', organizedBy: 'Organized by', withSupportOf: 'With the support of' };
const page = (lang: string) => htmlPage(`---\ntitle: "T"\nlang: ${lang}\n---\n# A\n\nUne note[^1] ici, et encore[^1].\n\n[^1]: Texte.\n`, { file: 'report.md', root: '', labels }).html;

describe('footnotes on an HTML page', () => {
  it('are headed and linked back in the page\'s language, which screen readers read out (a French page said “Footnotes”, “Back to reference 1”)', () => {
    const french = page('fr');
    expect(french).toContain('id="footnote-label">Notes</h2>');
    expect(french).toContain('aria-label="Retour à l’appel 1"');
    expect(french).toContain('aria-label="Retour à l’appel 1-2"');
    expect(french).not.toMatch(/Footnotes|Back to reference/);
    const english = page('en');
    expect(english).toContain('id="footnote-label">Footnotes</h2>');
    expect(english).toContain('aria-label="Back to reference 1"');
  });
});
