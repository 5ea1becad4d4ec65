import { describe, expect, it } from 'vitest';
import { CATALOGUES, collator, countryForms, formatDate, formatDateRange, formatNumber, formatPercent, frenchSpacing, joinList } from '../../src/i18n/index.js';
import { en } from '../../src/i18n/en.js';
import { helpers } from '../../src/render/helpers.js';

const NNBSP = '\u202f';

describe('message catalogues', () => {
  it.each(Object.entries(CATALOGUES))('%s has every key of the English catalogue and no other', (_language, catalogue) => {
    expect(Object.keys(catalogue).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(catalogue)) expect(text, key).not.toBe('');
  });

  it('keeps the same placeholders in every language', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const catalogue of Object.values(CATALOGUES)) {
      for (const key of Object.keys(en) as Array<keyof typeof en>) expect(placeholders(catalogue[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

describe('French dates and numbers', () => {
  it('writes ranges as running text and for tables', () => {
    expect(formatDateRange('2022-05-09', '2022-05-13', 'fr', 'prose')).toBe('du 9 au 13 mai 2022');
    expect(formatDateRange('2022-05-09', '2022-05-13', 'fr')).toBe('9–13 mai 2022');
    expect(formatDateRange('2022-05-30', '2022-06-02', 'fr', 'prose')).toBe('du 30 mai au 2 juin 2022');
    expect(formatDateRange('2022-05-09', '2022-05-13', 'en')).toBe('9–13 May 2022');
  });

  it('writes the first of the month as 1er', () => {
    expect(formatDate('2022-05-01', 'fr')).toBe('1er mai 2022');
    expect(formatDate('2022-05-01', 'en')).toBe('1 May 2022');
  });

  it('uses the language’s separators, with one kind of no-break space', () => {
    expect(formatNumber(12345, 'fr')).toBe(`12${NNBSP}345`);
    expect(formatNumber(12345, 'en')).toBe('12,345');
    expect(formatPercent(0.32, 'fr')).toBe(`32${NNBSP}%`);
    expect(formatPercent(0.32, 'en')).toBe('32%');
  });

  it('joins lists with the language’s word', () => {
    expect(joinList(['Burkina Faso', 'Mali', 'Niger'], 'fr')).toBe('Burkina Faso, Mali et Niger');
  });
});

describe('French typography', () => {
  it('puts a narrow no-break space before : ; ? ! and inside « »', () => {
    expect(frenchSpacing('Pays : Mali ; voir « ceci » ! Vraiment?')).toBe(`Pays${NNBSP}: Mali${NNBSP}; voir «${NNBSP}ceci${NNBSP}»${NNBSP}! Vraiment${NNBSP}?`);
  });

  it('leaves times and URLs alone', () => {
    expect(frenchSpacing('à 10:30, voir https://example.org')).toBe('à 10:30, voir https://example.org');
  });

  it('spaces a text written with backslash escapes too (a rapporteur\'s <pilotes>, made \\<pilotes\\>, left the whole text unspaced)', async () => {
    const { applyTypography } = await import('../../src/i18n/typography.js');
    expect(applyTypography('Des comités \\<pilotes\\> dans trois communes : puis les leçons !\n', 'fr')).toBe(`Des comités \\<pilotes\\> dans trois communes${NNBSP}: puis les leçons${NNBSP}!\n`);
    expect(applyTypography('Un \\*astérisque\\* ; et 10:30.\n', 'fr')).toBe(`Un \\*astérisque\\*${NNBSP}; et 10:30.\n`);
  });
});

describe('countries in French sentences', () => {
  it('uses the reviewed forms, and article-free phrasing for others', () => {
    expect(countryForms('MLI', 'Mali', 'fr')).toEqual({ the: 'le Mali', in: 'au Mali', of: 'du Mali' });
    expect(countryForms('CIV', 'Côte d’Ivoire', 'fr')).toEqual({ the: 'la Côte d’Ivoire', in: 'en Côte d’Ivoire', of: 'de la Côte d’Ivoire' });
    expect(countryForms('EGY', 'Égypte', 'fr').of).toBe('de l’Égypte');
    expect(countryForms('FRA', 'France', 'fr')).toEqual({ the: 'France', in: 'France', of: 'France' });
  });

  it('sorts with the language’s collation, so Égypte sorts with E', () => {
    const sortBy = helpers('fr').sortBy!;
    const sorted = sortBy([{ name: 'Zambie' }, { name: 'Égypte' }, { name: 'Espagne' }, { name: 'Algérie' }, { name: 'Érythrée' }], 'name', {}) as Array<{ name: string }>;
    expect(sorted.map((c) => c.name)).toEqual(['Algérie', 'Égypte', 'Érythrée', 'Espagne', 'Zambie']);
    expect(collator('fr').compare('Égypte', 'Fidji')).toBeLessThan(0);
  });
});

describe('the French example', () => {
  it('is French throughout: labels, dates, typography, UN country names', async () => {
    const { readFileSync } = await import('node:fs');
    const report = readFileSync(new URL('../../examples/niamey-2022/out/report.md', import.meta.url), 'utf8');
    expect(report).toContain('date: "28–30 novembre 2022"');
    expect(report).toContain(`# Recommandations`);
    expect(report).toContain(`**Date${NNBSP}:**`);
    expect(report).toContain('Tous les États Membres participants');
    expect(report).not.toMatch(/\bRecommendations\b|\bParticipants\b(?! \|)/);
    const brief = readFileSync(new URL('../../examples/niamey-2022/out/countries/MLI.md', import.meta.url), 'utf8');
    expect(brief).toContain('qui concernent le Mali');
    expect(brief).toContain(`document: "Fiche pays${NNBSP}: Mali"`);
  });
});
