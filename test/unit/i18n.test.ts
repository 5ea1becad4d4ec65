import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, formatDayMonth, formatNumber, formatPercent, joinList, translate } from '../../src/i18n/index.js';

describe('formatDate', () => {
  it('writes day, month name and year', () => {
    expect(formatDate('2022-05-13', 'en')).toBe('13 May 2022');
    expect(formatDate('2022-01-01', 'en')).toBe('1 January 2022');
    expect(formatDate('2022-12-31', 'en')).toBe('31 December 2022');
  });

  it('writes French dates with 1er for the first day', () => {
    expect(formatDate('2022-05-01', 'fr')).toBe('1er mai 2022');
    expect(formatDate('2022-08-15', 'fr')).toBe('15 août 2022');
  });

  it('does not shift dates with the time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      expect(formatDate('2022-05-09', 'en')).toBe('9 May 2022');
      process.env.TZ = 'Pacific/Pago_Pago';
      expect(formatDate('2022-05-09', 'en')).toBe('9 May 2022');
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('formats day and month without the year', () => {
    expect(formatDayMonth('2022-05-09', 'en')).toBe('9 May');
    expect(formatDayMonth('2022-06-01', 'fr')).toBe('1er juin');
  });
});

describe('formatDateRange', () => {
  it('shares month and year within one month: 9–13 May 2022', () => {
    expect(formatDateRange('2022-05-09', '2022-05-13', 'en')).toBe('9–13 May 2022');
  });

  it('shares the year across months: 30 May – 2 June 2022', () => {
    expect(formatDateRange('2022-05-30', '2022-06-02', 'en')).toBe('30 May – 2 June 2022');
  });

  it('writes both dates in full across years', () => {
    expect(formatDateRange('2022-12-30', '2023-01-02', 'en')).toBe('30 December 2022 – 2 January 2023');
  });

  it('writes a single date for a one-day event', () => {
    expect(formatDateRange('2022-05-09', '2022-05-09', 'en')).toBe('9 May 2022');
  });

  it('has a French prose style', () => {
    expect(formatDateRange('2022-05-09', '2022-05-13', 'fr', 'prose')).toBe('du 9 au 13 mai 2022');
    expect(formatDateRange('2022-05-30', '2022-06-02', 'fr', 'prose')).toBe('du 30 mai au 2 juin 2022');
    expect(formatDateRange('2022-12-30', '2023-01-01', 'fr', 'prose')).toBe('du 30 décembre 2022 au 1er janvier 2023');
    expect(formatDateRange('2022-05-01', '2022-05-03', 'fr')).toBe('1er–3 mai 2022');
  });

  it('ignores the prose style in English', () => {
    expect(formatDateRange('2022-05-09', '2022-05-13', 'en', 'prose')).toBe('9–13 May 2022');
  });
});

describe('joinList', () => {
  it('joins with commas and "and" before the last', () => {
    expect(joinList(['Burkina Faso', 'Ghana', 'Mali', 'Niger'], 'en')).toBe('Burkina Faso, Ghana, Mali and Niger');
    expect(joinList(['Mali', 'Niger'], 'en')).toBe('Mali and Niger');
  });

  it('returns one item as it is and nothing for none', () => {
    expect(joinList(['Mali'], 'en')).toBe('Mali');
    expect(joinList([], 'en')).toBe('');
  });
});

describe('formatPercent and formatNumber', () => {
  it('rounds to whole percent', () => {
    expect(formatPercent(0.25, 'en')).toBe('25%');
    expect(formatPercent(2 / 7, 'en')).toBe('29%');
    expect(formatPercent(1 / 3, 'en')).toBe('33%');
    expect(formatPercent(0, 'en')).toBe('0%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('uses French separators in French', () => {
    expect(formatPercent(0.25, 'fr')).toMatch(/^25\s%$/u);
    expect(formatNumber(1234, 'fr')).toMatch(/^1\s234$/u);
  });

  it('groups thousands in English', () => {
    expect(formatNumber(1234, 'en')).toBe('1,234');
    expect(formatNumber(1234.5, 'en', 1)).toBe('1,234.5');
  });
});

describe('translate', () => {
  it('fills placeholders and keeps unknown ones visible', () => {
    expect(translate('en', 'session_number', { number: 3 })).toBe('Session 3');
    expect(translate('en', 'page_of', { page: 2 })).toBe('Page 2 of {pages}');
  });

  it('says one thing in the singular ("1 recommendations" was printed in every format)', () => {
    expect(translate('en', 'recommendations_intro', { count: 1 })).toBe('1 recommendation, numbered in the same way in every document.');
    expect(translate('en', 'recommendations_intro', { count: 2 })).toMatch(/^2 recommendations, grouped by theme/);
    expect(translate('en', 'participants_count', { count: '1' })).toBe('1 participant');
    expect(translate('fr', 'recommendations_intro', { count: 1 })).toMatch(/^1 recommandation, numérotée/);
    expect(translate('fr', 'participation_sentence_no_gender', { total: '1' })).toBe('L’atelier a réuni 1 participant.');
    // 11 and 21 are plural in both languages.
    expect(translate('en', 'participants_count', { count: '11' })).toBe('11 participants');
  });
});
