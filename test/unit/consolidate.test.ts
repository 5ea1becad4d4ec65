import { describe, expect, it } from 'vitest';
import { consolidate, type ReportModel } from '../../src/consolidate/index.js';
import { countryTable } from '../../src/reference/countries.js';
import { checked, session, WORKSHOP, type ProjectInput } from './helpers.js';

const BOTH = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';
const rec = (fields: Record<string, string>) => `  - ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n    ')}\n`;
const WITH_PARTNER = `${WORKSHOP}partners:\n  - { id: eu, name: European Union, acronym: EU, role: donor }\n`;

function model(input: ProjectInput): ReportModel {
  return consolidate(checked(input), countryTable());
}
const text = (r: { text: { source: string } }) => r.text.source;
const src = (m: { source: string }) => m.source;

describe('consolidate: same_as groups', () => {
  // Written in sessions c, a, b (file order); programme order is a (9 May, order 1), b (9 May, order 2), c (10 May).
  const m = model({
    workshop: WITH_PARTNER,
    sessions: {
      'sessions/c.yaml': session({ date: '2022-05-10', extra: `${BOTH}\nrecommendations:\n${rec({ id: 'c', text: 'Text C.', theme: 'ibm', addressed_to: '[eu]', priority: 'low' })}` }),
      'sessions/a.yaml': session({ order: 1, extra: `recommendations:\n${rec({ id: 'a', text: 'Text A.', theme: 'ibm', same_as: 'b', addressed_to: '[NER, uncct]', priority: 'high' })}` }),
      'sessions/b.yaml': session({ order: 2, extra: `recommendations:\n${rec({ id: 'b', text: 'Text B.', theme: 'ibm', same_as: 'c', addressed_to: '[member-states, MLI]' })}` }),
    },
  });

  it('consolidates a chain a → b → c as one recommendation with c’s text, theme and id', () => {
    expect(m.recommendations).toHaveLength(1);
    const [r] = m.recommendations;
    expect(text(r!)).toBe('Text C.');
    expect(r!.theme.id).toBe('ibm');
    expect(r!.id).toBe('c');
    expect([...r!.ids].sort()).toEqual(['a', 'b', 'c']);
  });

  it('lists the sessions it came from in session order', () => {
    expect(m.recommendations[0]!.sessions.map((s) => [s.id, s.number])).toEqual([['a', 1], ['b', 2], ['c', 3]]);
  });

  it('takes the highest priority of the group', () => {
    expect(m.recommendations[0]!.priority).toBe('high');
  });

  it('unites the addressees; member-states hides the beneficiary codes', () => {
    expect(m.recommendations[0]!.addressed_to.map((a) => [a.kind, a.id])).toEqual([['member-states', 'member-states'], ['organization', 'uncct'], ['organization', 'eu']]);
    expect(m.recommendations[0]!.addressed_to.find((a) => a.id === 'eu')).toMatchObject({ name: 'European Union (EU)', short: 'EU' });
  });

  it('tells every contributing session it has that number', () => {
    expect(m.sessions.map((s) => [s.id, s.recommendations.map((r) => r.label)])).toEqual([['a', ['R1']], ['b', ['R1']], ['c', ['R1']]]);
  });
});

describe('consolidate: addressees without member-states', () => {
  it('lists beneficiary codes in workshop order, then organizations, each once', () => {
    const m = model({ sessions: { 'sessions/a.yaml': session({ extra: `${BOTH}\nrecommendations:\n${rec({ id: 'x', text: 'X.', theme: 'kst', addressed_to: '[unoct-rabat, NER, MLI]' })}${rec({ text: 'Y.', theme: 'kst', same_as: 'x', addressed_to: '[NER, uncct]' })}` }) } });
    expect(m.recommendations[0]!.addressed_to.map((a) => a.id)).toEqual(['MLI', 'NER', 'uncct', 'unoct-rabat']);
    expect(m.recommendations[0]!.addressed_to[0]).toEqual({ kind: 'country', id: 'MLI', name: 'Mali', short: 'Mali' });
  });
});

describe('consolidate: ordering and numbering', () => {
  const m = model({
    sessions: {
      'sessions/a.yaml': session({ order: 1, extra: `${BOTH}\nrecommendations:\n${rec({ id: 'a1', text: 'A1.', theme: 'ibm', priority: 'high' })}${rec({ id: 'a2', text: 'A2.', theme: 'kst', priority: 'low' })}${rec({ id: 'a3', text: 'A3.', theme: 'kst' })}` }),
      'sessions/b.yaml': session({ order: 2, extra: `recommendations:\n${rec({ id: 'b1', text: 'B1.', theme: 'kst' })}${rec({ id: 'b2', text: 'B2.', theme: 'kst', priority: 'high' })}${rec({ id: 'b3', text: 'B3.', theme: 'ibm' })}\nactions:\n  - text: Act one.\n    owner: MLI\n    recommendations: [b3, a2]\n  - text: Act two.\n    owner: uncct\n    countries: [NER]` }),
    },
  });

  it('orders by theme order, then priority, then first appearance', () => {
    // kst before ibm (workshop order); high before medium before low; then session and position.
    expect(m.recommendations.map((r) => r.id)).toEqual(['b2', 'a3', 'b1', 'a2', 'a1', 'b3']);
  });

  it('numbers R1, R2, … in that order', () => {
    expect(m.recommendations.map((r) => [r.label, r.number])).toEqual([['R1', 1], ['R2', 2], ['R3', 3], ['R4', 4], ['R5', 5], ['R6', 6]]);
  });

  it('groups by theme with the same numbers', () => {
    expect(m.recommendations_by_theme.map((g) => [g.theme.id, g.theme.number, g.recommendations.map((r) => r.label)])).toEqual([
      ['kst', 1, ['R1', 'R2', 'R3', 'R4']],
      ['ibm', 2, ['R5', 'R6']],
    ]);
  });

  it('uses the same numbers in the briefs as in the full list', () => {
    const byId = new Map(m.recommendations.map((r) => [r.id, r.label]));
    for (const brief of m.briefs) for (const r of brief.recommendations) expect(r.label).toBe(byId.get(r.id));
  });

  it('numbers actions A1, A2, … and links them to R numbers both ways', () => {
    expect(m.actions.map((a) => [a.label, a.owner.id, a.recommendations.map((r) => r.label), a.session.id])).toEqual([
      ['A1', 'MLI', ['R4', 'R6'], 'b'],
      ['A2', 'uncct', [], 'b'],
    ]);
    expect(m.recommendations.map((r) => [r.label, r.actions])).toEqual([['R1', []], ['R2', []], ['R3', []], ['R4', ['A1']], ['R5', []], ['R6', ['A1']]]);
    expect(m.sessions.map((s) => s.actions.map((a) => a.label))).toEqual([[], ['A1', 'A2']]);
  });

  it('does not depend on the order the session files are given in', () => {
    const a = session({ order: 2, extra: `${BOTH}\nrecommendations:\n${rec({ id: 'a1', text: 'A1.', theme: 'kst' })}` });
    const b = session({ order: 1, extra: `recommendations:\n${rec({ id: 'b1', text: 'B1.', theme: 'kst' })}` });
    const forward = model({ sessions: { 'sessions/a.yaml': a, 'sessions/b.yaml': b } });
    const backward = model({ sessions: { 'sessions/b.yaml': b, 'sessions/a.yaml': a } });
    expect(JSON.stringify(backward)).toBe(JSON.stringify(forward));
    expect(forward.recommendations.map((r) => [r.label, r.id])).toEqual([['R1', 'b1'], ['R2', 'a1']]);
  });
});

describe('consolidate: session order', () => {
  it('orders by date, then order (missing last), then file name', () => {
    const m = model({
      workshop: WORKSHOP.replace('end: 2022-05-10', 'end: 2022-05-12'),
      sessions: {
        'sessions/01.yaml': session({ title: 'Day two, no order', date: '2022-05-10', extra: BOTH }),
        'sessions/02.yaml': session({ title: 'Day one, order 2', date: '2022-05-09', order: 2 }),
        'sessions/03.yaml': session({ title: 'Day one, no order, z', date: '2022-05-09' }),
        'sessions/00.yaml': session({ title: 'Day one, no order, a', date: '2022-05-09' }),
        'sessions/04.yaml': session({ title: 'Day one, order 1', date: '2022-05-09', order: 1 }),
        'sessions/05.yaml': session({ title: 'Day two, order 10', date: '2022-05-10', order: 10 }),
        'sessions/06.yaml': session({ title: 'Day two, order 9', date: '2022-05-10', order: 9 }),
        'sessions/07.yaml': session({ title: 'Day three', date: '2022-05-12' }),
      },
    });
    expect(m.sessions.map((s) => [s.number, s.title])).toEqual([
      [1, 'Day one, order 1'], [2, 'Day one, order 2'], [3, 'Day one, no order, a'], [4, 'Day one, no order, z'],
      [5, 'Day two, order 9'], [6, 'Day two, order 10'], [7, 'Day two, no order'], [8, 'Day three'],
    ]);
    expect(m.programme.map((d) => [d.date, d.sessions.map((s) => s.number)])).toEqual([
      ['2022-05-09', [1, 2, 3, 4]], ['2022-05-10', [5, 6, 7]], ['2022-05-12', [8]],
    ]);
  });

  it('uses the id when given, else the file name', () => {
    const m = model({ sessions: { 'sessions/01-opening.yaml': session({ extra: `${BOTH}\nid: opening` }), 'sessions/02-closing.yml': session() } });
    expect(m.sessions.map((s) => s.id)).toEqual(['opening', '02-closing']);
    expect(m.sessions.map((s) => s.file)).toEqual(['sessions/01-opening.yaml', 'sessions/02-closing.yml']);
  });
});

describe('consolidate: country briefs', () => {
  const m = model({
    workshop: `${WORKSHOP}  - group: UN and international organizations\n    total: 9\n`,
    sessions: {
      'sessions/a.yaml': session({ order: 1, extra: `country_notes:\n  MLI:\n    needs: [Radios.]\n    challenges: [Long borders.]\nrecommendations:\n${rec({ id: 'all', text: 'All.', theme: 'kst', addressed_to: '[member-states]' })}${rec({ id: 'ner', text: 'Niger.', theme: 'kst', addressed_to: '[NER]' })}${rec({ id: 'mli', text: 'Mali.', theme: 'kst', addressed_to: '[MLI, uncct]' })}${rec({ id: 'org', text: 'Org.', theme: 'kst', addressed_to: '[uncct]' })}actions:\n  - text: Owned by Mali.\n    owner: MLI\n  - text: Lists Mali.\n    owner: uncct\n    countries: [NER, MLI]\n  - text: Niger only.\n    owner: NER` }),
      'sessions/b.yaml': session({ order: 2, extra: 'country_notes:\n  NER:\n    initiatives: [Committee.]\n  MLI:\n    good_practices: [Patrols.]' }),
    },
    countries: { 'countries/MLI.yaml': 'country: MLI\ninstitutions: [Police, Customs]\nsummary: Mali presented.\nneeds: [Equipment.]\n' },
  });
  const mali = m.briefs.find((b) => b.country.code === 'MLI')!;
  const niger = m.briefs.find((b) => b.country.code === 'NER')!;

  it('has one brief per beneficiary, in workshop order', () => {
    expect(m.briefs.map((b) => [b.country.code, b.country.name])).toEqual([['MLI', 'Mali'], ['NER', 'Niger']]);
  });

  it('gathers the country file', () => {
    expect(mali.institutions).toEqual(['Police', 'Customs']);
    expect(mali.summary?.source).toBe('Mali presented.');
    expect(mali.presentation.needs.map((n) => n.source)).toEqual(['Equipment.']);
    expect(niger.institutions).toEqual([]);
    expect(niger.summary).toBeUndefined();
  });

  it('gathers every session’s notes for it, in session order', () => {
    expect(mali.session_notes.map((n) => [n.session.id, n.needs.map(src), n.challenges.map(src), n.good_practices.map(src)])).toEqual([
      ['a', ['Radios.'], ['Long borders.'], []],
      ['b', [], [], ['Patrols.']],
    ]);
    expect(niger.session_notes.map((n) => [n.session.id, n.initiatives.map(src)])).toEqual([['b', ['Committee.']]]);
  });

  it('gathers recommendations addressed to it directly or as a member state', () => {
    expect(mali.recommendations.map((r) => r.id)).toEqual(['all', 'mli']);
    expect(niger.recommendations.map((r) => r.id)).toEqual(['all', 'ner']);
  });

  it('gathers actions it owns or that list it', () => {
    expect(mali.actions.map((a) => a.label)).toEqual(['A1', 'A2']);
    expect(niger.actions.map((a) => a.label)).toEqual(['A2', 'A3']);
  });

  it('gives the country’s participation row', () => {
    expect(mali.participation).toEqual({ label: 'Mali', country: { code: 'MLI', name: 'Mali' }, total: 4, women: 1, men: 3, women_share: 0.25 });
  });

  it('totals participation; women’s share counts only rows that give women', () => {
    expect(m.participation.rows.map((r) => [r.label, r.total, r.women, r.men])).toEqual([
      ['Mali', 4, 1, 3], ['Niger', 3, 1, 2], ['UN and international organizations', 9, undefined, undefined],
    ]);
    expect(m.participation.rows[2]).not.toHaveProperty('women_share');
    expect(m.participation).toMatchObject({ total: 16, women: 2, men: 5, has_gender: true });
    expect(m.participation.women_share).toBeCloseTo(2 / 7, 12);
  });
});

describe('consolidate: participation without gender', () => {
  it('has no women_share and has_gender false', () => {
    const m = model({ workshop: WORKSHOP.replace(/\n    women: 1/g, '') });
    expect(m.participation).toMatchObject({ total: 7, women: 0, men: 0, has_gender: false });
    expect(m.participation).not.toHaveProperty('women_share');
  });

  it('has no women_share for a row of zero participants', () => {
    const m = model({ workshop: WORKSHOP.replace('total: 3\n    women: 1', 'total: 0\n    women: 0') });
    expect(m.participation.rows[1]).not.toHaveProperty('women_share');
    expect(m.participation.women_share).toBe(0.25);
  });
});

describe('consolidate: people and workshop', () => {
  it('shows organization ids by acronym or name and free text as written, with the country once', () => {
    const m = model({ sessions: { 'sessions/a.yaml': session({ extra: `${BOTH}\nspeakers:\n  - { name: A, organization: uncct, country: MLI }\n  - { name: B, organization: unoct-rabat }\n  - { name: C, organization: Ministry of Security of Mali, country: MLI }\n  - { name: D, country: NER }` }) } });
    expect(m.sessions[0]!.speakers.map((p) => [p.name, p.organization, p.affiliation])).toEqual([
      ['A', 'UNCCT', 'UNCCT, Mali'],
      ['B', 'UNOCT Programme Office', 'UNOCT Programme Office'],
      ['C', 'Ministry of Security of Mali', 'Ministry of Security of Mali'],
      ['D', undefined, 'Niger'],
    ]);
  });

  it('fills workshop defaults', () => {
    const m = model({});
    expect(m.language).toBe('en');
    expect(m.workshop).toMatchObject({ title: 'Border Security Workshop', short_title: 'Border Security Workshop', report_title: 'Border Security Workshop' });
    expect(m.workshop.organizers.map((o) => o.label)).toEqual(['United Nations Counter-Terrorism Centre (UNCCT)', 'UNOCT Programme Office']);
    expect(m.countries).toEqual([{ code: 'MLI', name: 'Mali' }, { code: 'NER', name: 'Niger' }]);
  });
});
