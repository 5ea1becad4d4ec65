import { describe, expect, it } from 'vitest';
import { check, session } from './helpers.js';

const NOTES = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\n';
const REC = 'recommendations:\n  - text: Share data.\n    theme: kst\n    addressed_to: [member-states]\n';

describe('restricted: true at the top level just below a list (restricted-scope)', () => {
  it('is warned at the key: it marks the whole session, which then left the public edition without a word', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: `${NOTES}${REC}restricted: true` }) } });
    expect(diagnostics.map((d) => `${d.code} ${d.severity} ${d.location?.start.line}:${d.location?.start.column}`)).toEqual(['restricted-scope warning 14:1']);
    expect(diagnostics[0]!.message).toBe('restricted: true here marks the whole session: all its notes are left out of public editions, not only the item above it.');
  });

  it('near the top, or indented under the item, is no warning', () => {
    expect(check({ sessions: { 'sessions/a.yaml': session({ extra: `restricted: true\n${NOTES}${REC}` }) } }).diagnostics).toEqual([]);
    expect(check({ sessions: { 'sessions/a.yaml': session({ extra: `${NOTES}${REC}    restricted: true` }) } }).diagnostics).toEqual([]);
  });
});

describe('restricted: true at the top level below other entries (from the review)', () => {
  it('below a mapping (rapporteur:), a list of people (chairs:) or a list of ids is no warning: there is no item it could be meant for', () => {
    for (const above of ['rapporteur:\n  name: A. B.\n  organization: uncct\n', 'chairs:\n  - name: A. B.\n    organization: uncct\n', 'themes:\n  - kst\n']) {
      expect(check({ sessions: { 'sessions/a.yaml': session({ extra: `${NOTES}${above}restricted: true` }) } }).diagnostics.map((d) => d.code)).toEqual([]);
    }
  });
});
