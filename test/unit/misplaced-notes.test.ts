import { describe, expect, it } from 'vitest';
import { check, session } from './helpers.js';

describe('notes saved in another notes folder than their kind\'s', () => {
  it('a session\'s notes in countries/ are one warning saying where they go, where they were ten errors of a country file', () => {
    const { diagnostics } = check({ countries: { 'countries/03-extra.yaml': session({ title: 'Working group' }) } });
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.location?.file}:${d.location?.start.line}`)).toEqual(['not-read warning countries/03-extra.yaml:1']);
    expect(diagnostics[0]!.message).toBe('countries/03-extra.yaml is a session\'s notes (title, date, type), not a country file: it is not read here, and nothing of it is in the report.');
    expect(diagnostics[0]!.hint).toBe('Move it to sessions/03-extra.yaml.');
  });

  it('a country\'s notes in sessions/ are told to go to countries/, named by the country\'s code', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }), 'sessions/mali.yaml': 'country: MLI\nsummary: The delegation presented its strategy.\n' } });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.file}: ${d.hint}`)).toEqual(['not-read sessions/mali.yaml: Move it to countries/MLI.yaml.']);
  });

  it('what refers to its notes is not blamed for their absence: an action implementing its recommendation is no unknown-recommendation (a “Did you mean” of another)', () => {
    const misplaced = session({ title: 'Working group', extra: 'recommendations:\n  - id: comites-locaux\n    text: Set up local committees.\n    theme: kst\n    addressed_to: [member-states]' });
    const referring = session({ extra: 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\nrecommendations:\n  - id: cl-comites-locaux\n    text: Train local committees.\n    theme: kst\n    addressed_to: [member-states]\nactions:\n  - text: Hold a meeting.\n    owner: uncct\n    recommendations: [comites-locaux]' });
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': referring }, countries: { 'countries/03-extra.yaml': misplaced } });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.file}`)).toEqual(['not-read countries/03-extra.yaml']);
  });
});
