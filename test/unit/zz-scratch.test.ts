import { test } from 'vitest';
import { checked, session, WORKSHOP } from './helpers.js';
import { consolidate } from '../../src/consolidate/index.js';
import { countryTable } from '../../src/reference/countries.js';
const both = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';
test('x', () => {
  const p = checked({ workshop: WORKSHOP.replace("  - id: unoct-rabat", "  - id: unoct-rabat\n    acronym: UNOCT") + 'partners:\n  - { id: eu, name: European Union, acronym: EU, role: donor }\n', sessions: {
    'sessions/c.yaml': session({ date: '2022-05-10', extra: both + '\nrecommendations:\n  - id: c\n    text: Text C.\n    theme: ibm\n    addressed_to: [eu]\n    priority: low\n' }),
    'sessions/a.yaml': session({ date: '2022-05-09', order: 2, extra: 'recommendations:\n  - id: a\n    text: Text A.\n    theme: kst\n    same_as: b\n    addressed_to: [MLI]\n    priority: high\n  - id: x\n    text: Other.\n    theme: kst\nactions:\n  - text: Act.\n    owner: MLI\n    recommendations: [a, c, x]' }),
    'sessions/b.yaml': session({ date: '2022-05-09', extra: 'recommendations:\n  - id: b\n    text: Text B.\n    theme: kst\n    same_as: c\n    addressed_to: [member-states, NER]\n' }),
  } });
  const m = consolidate(p, countryTable());
  console.log(JSON.stringify({ sessions: m.sessions.map(s => [s.id, s.number, s.recommendations]), recs: m.recommendations, actions: m.actions, briefs: m.briefs, participation: m.participation }, null, 1));
});
