import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { check, session, WORKSHOP, where, type ProjectInput } from './helpers.js';
import { valueMeant } from '../../src/validate/suggest.js';

const BOTH = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]';
/** A session file that mentions both beneficiaries, plus `extra`. */
const mentioning = (extra: string, fields: Parameters<typeof session>[0] = {}) => session({ ...fields, extra: `${BOTH}\n${extra}` });
const rec = (fields: Record<string, string>) => `  - ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('\n    ')}\n`;

function diagnostics(input: ProjectInput): Diagnostic[] {
  return check(input).diagnostics;
}
const related = (d: Diagnostic) => (d.related ?? []).map((r) => `${r.file}:${r.start.line}:${r.start.column}`);

describe('validate: a valid project', () => {
  it('has no diagnostics and returns the checked project', () => {
    const result = check();
    expect(result.diagnostics).toEqual([]);
    expect(result.project?.sessions.map((s) => s.id)).toEqual(['a']);
    expect(result.project?.workshop.data.title).toBe('Border Security Workshop');
  });

  it('reports a project without session files as that one error, not the countries no session mentions', () => {
    expect(diagnostics({ sessions: {} }).map(where)).toEqual(['no-sessions (project)']);
  });
});

describe('validate: cross-file rules of FORMAT.md', () => {
  it('duplicate recommendation ids: at the second, naming the first', () => {
    const list = diagnostics({ sessions: {
      'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r1', text: 'Do one thing.', theme: 'kst' })}`),
      'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ id: 'r1', text: 'Do a different thing entirely.', theme: 'kst' })}` }),
    } });
    expect(list.map(where)).toEqual(['duplicate-id sessions/b.yaml:6:9']);
    expect(related(list[0]!)).toEqual(['sessions/a.yaml:11:9']);
  });

  it('duplicate session ids: a session without id takes its file name', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('id: b'), 'sessions/b.yaml': session() } });
    expect(list.map(where)).toEqual(['duplicate-id sessions/b.yaml:1:1']);
    expect(related(list[0]!)).toEqual(['sessions/a.yaml:10:5']);
  });

  it('duplicate organization ids across organizers and partners', () => {
    const list = diagnostics({ workshop: `${WORKSHOP}partners:\n  - id: uncct\n    name: Someone else\n` });
    expect(list.map(where)).toEqual(['duplicate-id workshop.yaml:27:9']);
    expect(related(list[0]!)).toEqual(['workshop.yaml:6:9']);
  });

  it('unknown theme: at the value, with did-you-mean', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`themes: [kts]\nrecommendations:\n${rec({ text: 'x', theme: 'ibn' })}`) } });
    expect(list.map(where)).toEqual(['unknown-theme sessions/a.yaml:10:10', 'unknown-theme sessions/a.yaml:13:12']);
    expect(list.map((d) => d.hint)).toEqual(['Did you mean “kst”?', 'Did you mean “ibm”?']);
  });

  it('unknown theme used in several places (a theme renamed in workshop.yaml): one error at the first use, the others listed', () => {
    const list = diagnostics({
      sessions: {
        'sessions/a.yaml': mentioning(`themes: [ibn]\nrecommendations:\n${rec({ text: 'x', theme: 'ibn' })}`),
        'sessions/b.yaml': mentioning(`themes: [ibn]`),
      },
    });
    expect(list.map(where)).toEqual(['unknown-theme sessions/a.yaml:10:10']);
    expect(list[0]!.message).toBe('“ibn” is not a theme of this workshop, and 2 more places use it.');
    expect(list[0]!.hint).toMatch(/^Did you mean “ibm”\? If a theme's id was changed in workshop\.yaml/);
    expect(list[0]!.related?.map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`)).toEqual(['sessions/a.yaml:13:12 another use', 'sessions/b.yaml:10:10 another use']);
  });

  it('not-beneficiary: a country_notes key that is a real country but no beneficiary, at the key', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('  GHA:\n    needs: [x]') } });
    expect(list.map(where)).toEqual(['not-beneficiary sessions/a.yaml:10:3']);
  });

  it('not-beneficiary in addressed_to, action countries and participation', () => {
    const list = diagnostics({
      workshop: `${WORKSHOP}  - country: GHA\n    total: 1\n`,
      sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ text: 'x', theme: 'kst', addressed_to: '[GHA]' })}actions:\n  - text: y\n    owner: uncct\n    countries: [BFA]`) },
    });
    expect(list.map(where)).toEqual(['not-beneficiary workshop.yaml:26:14', 'not-beneficiary sessions/a.yaml:13:20', 'not-beneficiary sessions/a.yaml:17:17']);
  });

  it('unknown-country: a code not in the M49 table, anywhere a country is allowed', () => {
    const list = diagnostics({
      workshop: WORKSHOP.replace('  - NER\n', '  - NER\n  - XYZ\n'),
      sessions: { 'sessions/a.yaml': mentioning('speakers:\n  - name: X\n    country: QQQ') },
    });
    expect(list.map(where)).toEqual(['unknown-country workshop.yaml:14:5', 'unknown-country sessions/a.yaml:12:14']);
  });

  it('a speaker may come from any M49 country', () => {
    expect(diagnostics({ sessions: { 'sessions/a.yaml': mentioning('speakers:\n  - name: X\n    country: FRA') } })).toEqual([]);
  });

  it('unknown organization for an action owner (member-states cannot own an action)', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('actions:\n  - text: x\n    owner: member-states\n  - text: y\n    owner: uncctt') } });
    expect(list.map(where)).toEqual(['unknown-organization sessions/a.yaml:12:12', 'unknown-organization sessions/a.yaml:14:12']);
    expect(list[1]!.hint).toBe('Did you mean “uncct”?');
  });

  it('unknown recommendation and unknown same_as target', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'api', text: 'x', theme: 'kst', same_as: 'apj' })}actions:\n  - text: y\n    owner: uncct\n    recommendations: [ap1]`) } });
    expect(list.map(where)).toEqual(['unknown-same-as sessions/a.yaml:14:14', 'unknown-recommendation sessions/a.yaml:18:23']);
    // Not its own id for the same_as: following that hint would make it the same as itself.
    expect(list.map((d) => d.hint)).toEqual(['Give the id of the recommendation this one repeats; that recommendation needs an `id:`.', 'Did you mean “api”?']);
  });

  it('same-as-loop: a recommendation that is the same as itself', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r1', text: 'x', theme: 'kst', same_as: 'r1' })}`) } });
    expect(list.map(where)).toEqual(['same-as-loop sessions/a.yaml:14:14']);
  });

  it('same-as-loop: a 2-cycle is reported once, with the other member related', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r1', text: 'x', theme: 'kst', same_as: 'r2' })}${rec({ id: 'r2', text: 'y', theme: 'kst', same_as: 'r1' })}`) } });
    expect(list.map(where)).toEqual(['same-as-loop sessions/a.yaml:14:14']);
    expect(related(list[0]!)).toEqual(['sessions/a.yaml:18:14']);
    expect(list[0]!.message).toContain('r1 → r2 → r1');
  });

  it('same-as-loop: a chain leading into a loop reports the loop, not the way in', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'a0', text: 'w', theme: 'kst', same_as: 'r1' })}${rec({ id: 'r1', text: 'x', theme: 'kst', same_as: 'r2' })}${rec({ id: 'r2', text: 'y', theme: 'kst', same_as: 'r1' })}`) } });
    expect(list.map((d) => d.code)).toEqual(['same-as-loop']);
    expect(list[0]!.location!.start.line).toBe(18);
  });

  it('same-as-theme: a warning at same_as, related to the theme at the end of the chain', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r1', text: 'x', theme: 'kst', same_as: 'r2' })}${rec({ id: 'r2', text: 'y', theme: 'ibm' })}`) } });
    expect(list.map(where)).toEqual(['same-as-theme sessions/a.yaml:14:14']);
    expect(list[0]!.severity).toBe('warning');
    expect(related(list[0]!)).toEqual(['sessions/a.yaml:17:12']);
  });

  const TEXT = 'Connect remote land border posts to national and international watchlists so that officers can screen every traveller.';

  it('near-duplicate: a warning at the second text, related to the first', () => {
    const list = diagnostics({ sessions: {
      'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r1', text: TEXT, theme: 'kst' })}`),
      'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ text: `"**${TEXT.toUpperCase().replace(/\.$/, '!')}**"`, theme: 'kst' })}` }),
    } });
    expect(list.map(where)).toEqual(['near-duplicate sessions/b.yaml:6:11']);
    expect(list[0]!.severity).toBe('warning');
    expect(related(list[0]!)).toEqual(['sessions/a.yaml:12:11']);
    expect(list[0]!.hint).toContain('same_as: r1');
  });

  it('near-duplicate: none when the two are linked by same_as', () => {
    expect(diagnostics({ sessions: {
      'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r1', text: TEXT, theme: 'kst' })}`),
      'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ text: TEXT, theme: 'kst', same_as: 'r1' })}` }),
    } })).toEqual([]);
  });

  it('near-duplicate: none when both link to the same third recommendation', () => {
    expect(diagnostics({ sessions: {
      'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'root', text: 'Something else entirely.', theme: 'kst' })}${rec({ text: TEXT, theme: 'kst', same_as: 'root' })}`),
      'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ text: TEXT, theme: 'kst', same_as: 'root' })}` }),
    } })).toEqual([]);
  });

  it('near-duplicate: none between two recommendations with the same id (a session file copied): duplicate-id says it, and a same_as would point one at itself', () => {
    const copied = `recommendations:\n${rec({ id: 'r1', text: TEXT, theme: 'kst' })}`;
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(copied), 'sessions/a copy.yaml': mentioning(copied, { title: 'Another session' }) } });
    expect(list.map((d) => d.code)).toEqual(['duplicate-id']);
    // A third alike recommendation is still one, pointed at the id they share.
    const third = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(copied), 'sessions/a copy.yaml': mentioning(copied, { title: 'Another session' }), 'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ id: 'r2', text: TEXT, theme: 'kst' })}` }) } });
    const near = third.filter((d) => d.code === 'near-duplicate');
    expect(near.map(where)).toEqual(['near-duplicate sessions/b.yaml:7:11']);
    expect(near[0]!.hint).toContain('same_as: r1');
  });

  it('repeated-session: a session file copied whole (“a - Copy.yaml”, “a (2).yaml”) is a warning in the copy, naming the file it repeats (the session was printed twice without a word)', () => {
    // In the order they are read (code points): “a (2).yaml” and “a - Copy.yaml” before “a.yaml”; the shorter name is the original, as for repeated-follow-up.
    const list = diagnostics({ sessions: { 'sessions/a (2).yaml': mentioning(''), 'sessions/a - Copy.yaml': mentioning(''), 'sessions/a.yaml': mentioning('') } });
    expect(list.map(where)).toEqual(['repeated-session sessions/a (2).yaml:1:1', 'repeated-session sessions/a - Copy.yaml:1:1']);
    expect(list.map((d) => d.severity)).toEqual(['warning', 'warning']);
    expect(list[1]!.message).toBe('This file repeats sessions/a.yaml whole: its session would be in the report twice.');
    expect(list[1]!.hint).toBe('Delete sessions/a - Copy.yaml if it is a copy; if it is meant as another session, write that session\'s notes in it.');
    expect(related(list[1]!)).toEqual(['sessions/a.yaml:1:1']);
    // A name that says it is a copy is the copy, though shorter than the original's.
    const short = diagnostics({ sessions: { 'sessions/02 - Copy.yaml': mentioning(''), 'sessions/02-trends-threats.yaml': mentioning('') } });
    expect(short.map(where)).toEqual(['repeated-session sessions/02 - Copy.yaml:1:1']);
  });

  it('repeated-session: a copy holding recommendation and action ids is one error in the copy, not two duplicate-id errors in the original calling the copy the first use', () => {
    const notes = `recommendations:\n${rec({ id: 'r1', text: TEXT, theme: 'kst' })}actions:\n  - id: a1\n    text: Meet.\n    owner: uncct\n    recommendations: [r1]\n`;
    const list = diagnostics({ sessions: { 'sessions/a (2).yaml': mentioning(notes), 'sessions/a.yaml': mentioning(notes) } });
    expect(list.map(where)).toEqual(['repeated-session sessions/a (2).yaml:1:1']);
    expect(list[0]!.severity).toBe('error');
    expect(list[0]!.message).toBe('This file repeats sessions/a.yaml whole, ids and all: its session would be in the report twice, and its ids (“r1”, “a1”) used twice.');
    // An id the copy shares with a third file is still said, once, between the original and that file.
    const third = diagnostics({ sessions: { 'sessions/a (2).yaml': mentioning(notes), 'sessions/a.yaml': mentioning(notes), 'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ id: 'r1', text: 'Do a different thing entirely.', theme: 'kst' })}` }) } });
    expect(third.map(where)).toEqual(['repeated-session sessions/a (2).yaml:1:1', 'duplicate-id sessions/b.yaml:6:9']);
    expect(related(third[1]!)).toEqual(['sessions/a.yaml:11:9']);
  });

  it('unmentioned-country: a beneficiary nobody writes about, at its code in workshop.yaml', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': session({ extra: 'country_notes:\n  MLI:\n    needs: [Radios.]' }) } });
    expect(list.map(where)).toEqual(['unmentioned-country workshop.yaml:13:5']);
    expect(list[0]!.severity).toBe('warning');
  });

  it('a country file, a speaker, an addressee or an action counts as a mention', () => {
    expect(diagnostics({ sessions: { 'sessions/a.yaml': session() }, countries: { 'countries/MLI.yaml': 'country: MLI\n', 'countries/NER.yaml': 'country: NER\n' } })).toEqual([]);
    expect(diagnostics({ sessions: { 'sessions/a.yaml': session({ extra: `speakers:\n  - name: X\n    country: MLI\nactions:\n  - text: y\n    owner: NER` }) } })).toEqual([]);
  });

  it('action-due-early: a warning at the due date before the workshop ends', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('actions:\n  - text: x\n    owner: uncct\n    due: 2022-05-01\n  - text: y\n    owner: uncct\n    due: 2022-05-10') } });
    expect(list.map(where)).toEqual(['action-due-early sessions/a.yaml:13:10']);
    expect(list[0]!.severity).toBe('warning');
  });

  it('an unknown organization, or one close to an id, used in several places: one diagnostic at the first use, the others listed', () => {
    const unknown = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('actions:\n  - text: x\n    owner: uncctt\n  - text: y\n    owner: uncctt'), 'sessions/b.yaml': mentioning('actions:\n  - text: z\n    owner: uncctt') } });
    expect(unknown.map(where)).toEqual(['unknown-organization sessions/a.yaml:12:12']);
    expect(unknown[0]!.message).toBe('“uncctt” is not an organization id or a beneficiary country code, and 2 more places use it.');
    expect(unknown[0]!.hint).toBe('Did you mean “uncct”? If an organization\'s id was changed in workshop.yaml, change it back, or give its uses the new id.');
    expect(unknown[0]!.related?.map((r) => `${r.file}:${r.start.line}`)).toEqual(['sessions/a.yaml:14', 'sessions/b.yaml:12']);
    const typos = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('chairs:\n  - name: X\n    organization: unoct-rabt\nrapporteur:\n  name: Y\n  organization: unoct-rabt') } });
    expect(typos.map(where)).toEqual(['organization-typo sessions/a.yaml:12:19']);
    expect(typos[0]!.message).toBe('“unoct-rabt” is not an organization id, but is close to “unoct-rabat”, and 1 more place uses it.');
    expect(typos[0]!.related).toHaveLength(1);
  });

  it('organization-typo: free text within two edits of an id', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': mentioning('chairs:\n  - name: X\n    organization: unoct-rabt\nrapporteur:\n  name: Y\n  organization: Ministry of Security') } });
    expect(list.map(where)).toEqual(['organization-typo sessions/a.yaml:12:19']);
    expect(list[0]!.hint).toContain('“unoct-rabat”');
  });

  it('women-exceed-total: at women, related to total', () => {
    const list = diagnostics({ workshop: WORKSHOP.replace('women: 1\n  - country: NER', 'women: 5\n  - country: NER') });
    expect(list.map(where)).toEqual(['women-exceed-total workshop.yaml:22:12']);
    expect(related(list[0]!)).toEqual(['workshop.yaml:21:12']);
  });

  it('session-outside-dates: at the session date', () => {
    expect(diagnostics({ sessions: { 'sessions/a.yaml': mentioning('', { date: '2022-05-11' }) } }).map(where)).toEqual(['session-outside-dates sessions/a.yaml:2:7']);
    expect(diagnostics({ sessions: { 'sessions/a.yaml': mentioning('', { date: '2022-05-08' }) } }).map(where)).toEqual(['session-outside-dates sessions/a.yaml:2:7']);
    expect(diagnostics({ sessions: { 'sessions/a.yaml': mentioning('', { date: '2022-05-10' }) } })).toEqual([]);
  });

  it('session-outside-dates: every session outside (a workshop year typed wrong) is one error at the workshop dates, the sessions listed', () => {
    const sessions = { 'sessions/a.yaml': mentioning('', { date: '2023-05-09' }), 'sessions/b.yaml': mentioning('', { date: '2023-05-10' }) };
    const list = diagnostics({ sessions });
    expect(list.map(where)).toEqual(['session-outside-dates workshop.yaml:2:1']);
    expect(list[0]!.message).toBe('None of the 2 dated sessions falls within the workshop dates (2022-05-09 to 2022-05-10): they run from 2023-05-09 to 2023-05-10.');
    expect(related(list[0]!)).toEqual(['sessions/a.yaml:2:7', 'sessions/b.yaml:2:7']);
    // Nor is an action "due early" against dates in doubt.
    // (Sessions a year before the workshop's dates: an action due after them is before its end.)
    const early = { 'sessions/a.yaml': mentioning('actions:\n  - text: x\n    owner: uncct\n    due: 2021-12-01', { date: '2021-05-09' }), 'sessions/b.yaml': mentioning('', { date: '2021-05-10' }) };
    const withAction = diagnostics({ sessions: early });
    expect(withAction.map((d) => d.code)).toEqual(['session-outside-dates']);
    // But one due before the sessions themselves is judged against them.
    const earlier = diagnostics({ sessions: { ...early, 'sessions/a.yaml': mentioning('actions:\n  - text: x\n    owner: uncct\n    due: 2021-05-01', { date: '2021-05-09' }) } });
    expect(earlier.map((d) => d.code)).toEqual(['session-outside-dates', 'action-due-early']);
    expect(earlier[1]!.message).toBe('This action is due on 2021-05-01, before the last session (2021-05-10).');
    // One outside among others: that session's own error.
    expect(diagnostics({ sessions: { ...sessions, 'sessions/c.yaml': mentioning('', { date: '2022-05-10' }) } }).map(where)).toEqual(['session-outside-dates sessions/a.yaml:2:7', 'session-outside-dates sessions/b.yaml:2:7']);
  });

  it('date-range: start after end, at start, related to end; no session-outside-dates on top', () => {
    const list = diagnostics({ workshop: WORKSHOP.replace('start: 2022-05-09', 'start: 2022-05-11') });
    expect(list.map(where)).toEqual(['date-range workshop.yaml:3:10']);
    expect(related(list[0]!)).toEqual(['workshop.yaml:4:8']);
  });

  it('country-file-name: a countries/ file about another country, at its country value', () => {
    const list = diagnostics({ countries: { 'countries/MLI.yaml': 'country: NER\n' } });
    expect(list.map(where)).toEqual(['country-file-name countries/MLI.yaml:1:10']);
    expect(list[0]!.hint).toBe('Rename the file to countries/NER.yaml, or correct `country:`.');
  });

  it('country-file-name: a copy still saying the country whose file it was copied from is told to correct country:, not to rename (that would replace the file)', () => {
    const list = diagnostics({ countries: { 'countries/MLI.yaml': 'country: MLI\n', 'countries/NER.yaml': 'country: MLI\n' } });
    expect(list.map(where)).toEqual(['country-file-name countries/NER.yaml:1:10']);
    expect(list[0]!.message).toBe('This file is named NER but says it is about MLI, which has its own file already (countries/MLI.yaml).');
    expect(list[0]!.hint).toMatch(/^Correct `country:` to NER if this file is about NER .* Renaming it would replace countries\/MLI\.yaml\.$/);
    expect(related(list[0]!)).toEqual(['countries/MLI.yaml:1:10']);
  });

  it('enum: a language the tool has no catalogue for is said as such, not “Did you mean en?”; a typo of one still is', () => {
    const list = diagnostics({ workshop: `${WORKSHOP}languages: [en, fr, es]\n` });
    expect(list.map(where)).toEqual([expect.stringMatching(/^enum workshop\.yaml:\d+:21$/)]);
    expect(list[0]!.message).toBe('“es” is not a language workshop-report writes reports in.');
    expect(list[0]!.hint).toBe('It writes them in en and fr (a language is added to the tool itself: see “Adding a language” in its README). Allowed: en, fr.');
    const typo = diagnostics({ workshop: `${WORKSHOP}languages: [en, frr]\n` });
    expect(typo[0]!.hint).toBe('Did you mean “fr”? Allowed: en, fr.');
  });

  it('missing-asset: a logo that is not among the assets', () => {
    const input = { workshop: `${WORKSHOP}report:\n  logo: assets/logo.png\n` };
    expect(diagnostics(input).map(where)).toEqual(['missing-asset workshop.yaml:27:9']);
    expect(diagnostics({ ...input, assets: ['assets/logo.png'] })).toEqual([]);
    expect(diagnostics({ workshop: `${WORKSHOP}report:\n  logo: ./assets/logo.png\n`, assets: ['assets/logo.png'] })).toEqual([]);
  });

  it('missing-asset: a DOCX reference document that is not among the assets', () => {
    const input = { workshop: `${WORKSHOP}report:\n  docx_reference: assets/house-style.docx\n` };
    expect(diagnostics(input).map(where)).toEqual(['missing-asset workshop.yaml:27:19']);
    expect(diagnostics(input)[0]?.message).toBe('The DOCX reference document “assets/house-style.docx” is not a file in the project\'s assets/ folder.');
    expect(diagnostics({ ...input, assets: ['assets/house-style.docx'] })).toEqual([]);
  });
});

describe('validate: a reference to a recommendation whose id is not valid', () => {
  const NBSP = '\u00a0';
  const ACTION = (ids: string) => `actions:\n  - text: y\n    owner: uncct\n    recommendations: [${ids}]`;
  const defining = (id: string) => mentioning(`recommendations:\n${rec({ id, text: 'Set up joint committees at the main border posts.', theme: 'ibm' })}`);
  const referring = session({ extra: `recommendations:\n${rec({ id: 'committees', text: 'Train border officers in the use of watchlists.', theme: 'ibm', same_as: 'joint-committees' })}${ACTION('joint-committees')}` });

  it('an id with a non-breaking space at its end: one error there, and each reference says it names that id, with where it is (not “no recommendation”, nor a “did you mean” of another)', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': defining(`"joint-committees${NBSP}"`), 'sessions/b.yaml': referring } });
    expect(list.map(where)).toEqual(['invalid-value sessions/a.yaml:11:9', 'unknown-same-as sessions/b.yaml:9:14', 'unknown-recommendation sessions/b.yaml:13:23']);
    expect(list[1]!.message).toBe(`“same_as: joint-committees” names no recommendation: the recommendation whose id is written “joint-committees${NBSP}” has no valid id.`);
    expect(list[2]!.message).toBe(`No recommendation has the id “joint-committees”: the recommendation whose id is written “joint-committees${NBSP}” has no valid id.`);
    for (const d of list.slice(1)) {
      expect(d.hint).toBe('Write that id as “joint-committees” in sessions/a.yaml (letters, digits, - and _, no spaces): this reference then names it.');
      expect(d.related?.map((r) => `${r.file}:${r.start.line}:${r.start.column} ${r.message}`)).toEqual(['sessions/a.yaml:11:9 the id written there']);
    }
  });

  it('an id with a space for a hyphen, or spaces around it: the same, even with another id close to the reference (whose “did you mean” it was)', () => {
    for (const written of ['joint committees', 'joint - committees', ` joint-committees${NBSP}${NBSP}`, '"joint-committees\u200b"']) {
      const other = `${rec({ id: 'joint-committee', text: 'Hold a yearly meeting of the heads of border police.', theme: 'kst' })}`;
      const list = diagnostics({ sessions: { 'sessions/a.yaml': `${defining(written)}${other}`, 'sessions/b.yaml': referring } });
      expect(list.map((d) => d.code), written).toEqual(['invalid-value', 'unknown-same-as', 'unknown-recommendation']);
      expect(list.slice(1).map((d) => d.hint)).toEqual([expect.stringContaining('Write that id as “joint-committees” in sessions/a.yaml'), expect.stringContaining('Write that id as “joint-committees”')]);
    }
    // An underscore for the space, when the reference has one.
    const list = diagnostics({ sessions: { 'sessions/a.yaml': defining('joint committees'), 'sessions/b.yaml': session({ extra: ACTION('joint_committees') }) } });
    expect(list.map((d) => d.code)).toEqual(['invalid-value', 'unknown-recommendation']);
    expect(list[1]!.related?.map((r) => r.start.line)).toEqual([11]);
  });

  it('a reference only close to an invalid id, with no valid one close: pointed there too, with what to correct (as an action\'s)', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': defining('joint committees'), 'sessions/b.yaml': session({ extra: ACTION('joint-comittees') }) } });
    expect(list.map(where)).toEqual(['invalid-value sessions/a.yaml:11:9', 'unknown-recommendation sessions/b.yaml:8:23']);
    expect(list[1]!.message).toBe('No recommendation has the id “joint-comittees”: the recommendation whose id is written “joint committees” has no valid id.');
    expect(list[1]!.hint).toMatch(/^Correct the id in the session file/);
  });

  it('a reference to another id is still unknown, with its own “did you mean”', () => {
    const list = diagnostics({ sessions: { 'sessions/a.yaml': `${defining('joint committees')}${rec({ id: 'api-pnr', text: 'Use passenger data.', theme: 'kst' })}`, 'sessions/b.yaml': session({ extra: ACTION('api-pnt') }) } });
    expect(list.map(where)).toEqual(['invalid-value sessions/a.yaml:11:9', 'unknown-recommendation sessions/b.yaml:8:23']);
    expect(list[1]!.message).toBe('No recommendation has the id “api-pnt”.');
    expect(list[1]!.hint).toBe('Did you mean “api-pnr”?');
  });

  it('a same_as is never pointed at the recommendation that holds it: no “did you mean” of its own id, nor of its own invalid id', () => {
    const own = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'comites-locaux', text: 'x', theme: 'kst', same_as: 'cl-comites-locaux' })}`) } });
    expect(own.map(where)).toEqual(['unknown-same-as sessions/a.yaml:14:14']);
    expect(own[0]!.hint).toBe('Give the id of the recommendation this one repeats; that recommendation needs an `id:`.');
    const ownInvalid = diagnostics({ sessions: { 'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'comites locaux', text: 'x', theme: 'kst', same_as: 'comites-locaux' })}`) } });
    expect(ownInvalid.map(where)).toEqual(['invalid-value sessions/a.yaml:11:9', 'unknown-same-as sessions/a.yaml:14:14']);
    expect(ownInvalid[1]!.message).toBe('“same_as: comites-locaux” names no recommendation.');
  });

  it('no near-duplicate between a recommendation and the one its same_as names by an id that is not valid', () => {
    const TEXT = 'Connect remote land border posts to national and international watchlists so that officers can screen every traveller.';
    const list = diagnostics({ sessions: {
      'sessions/a.yaml': mentioning(`recommendations:\n${rec({ id: 'r 1', text: TEXT, theme: 'kst' })}`),
      'sessions/b.yaml': session({ extra: `recommendations:\n${rec({ text: TEXT, theme: 'kst', same_as: 'r-1' })}` }),
    } });
    expect(list.map((d) => d.code)).toEqual(['invalid-value', 'unknown-same-as']);
  });
});

describe('validate: no cascade', () => {
  const referring = mentioning(`recommendations:\n${rec({ text: 'Do it.', theme: 'kst', same_as: 'r1' })}actions:\n  - text: y\n    owner: uncct\n    recommendations: [r1]`);

  it('a session with a syntax error does not make references to its ids errors elsewhere', () => {
    const result = check({ sessions: { 'sessions/a.yaml': session({ extra: 'recommendations:\n  - id: r1\n    text: "unclosed\n' }), 'sessions/b.yaml': referring } });
    expect(result.diagnostics.map(where)).toEqual(['yaml-syntax sessions/a.yaml:7:11']);
    expect(result.project).toBeUndefined();
  });

  it('an empty session file does not either, but a misspelt id (close to a known one) is still reported', () => {
    const defining = mentioning(`recommendations:\n${rec({ id: 'api-pnr', text: 'Do it.', theme: 'kst' })}`);
    const misspelt = session({ extra: 'actions:\n  - text: y\n    owner: uncct\n    recommendations: [api-pnt, r9]' });
    const result = check({ sessions: { 'sessions/a.yaml': defining, 'sessions/b.yaml': misspelt, 'sessions/c.yaml': '' } });
    // r9 may be in the emptied file; api-pnt is one letter from api-pnr.
    expect(result.diagnostics.map(where)).toEqual(['empty-file sessions/c.yaml:1:1', 'unknown-recommendation sessions/b.yaml:8:23']);
    expect(result.diagnostics[1]!.hint).toBe('Did you mean “api-pnr”?');
  });

  it('a recommendation failing its schema does not either, and nothing is said about mentions', () => {
    const result = check({ sessions: { 'sessions/a.yaml': session({ extra: 'recommendations:\n  - id: r1\n    text: y\n' }), 'sessions/b.yaml': session({ extra: referring.slice(referring.indexOf('recommendations:')) }) } });
    expect(result.diagnostics.map(where)).toEqual(['required sessions/a.yaml:6:5']);
    expect(result.project).toBeUndefined();
  });

  it('a session missing a required key is still checked against the others', () => {
    const result = check({ sessions: { 'sessions/a.yaml': 'title: x\nrecommendations:\n  - id: r1\n    text: y\n    theme: kst\n', 'sessions/b.yaml': session({ extra: referring.slice(referring.indexOf('recommendations:')) }) } });
    // Nothing was left out of either file: the missing keys are the only problems of a.yaml, and
    // no file mentions a beneficiary.
    expect(result.diagnostics.map((d) => d.code)).toEqual(['required', 'required', 'required', 'unmentioned-country', 'unmentioned-country']);
    expect(result.project).toBeUndefined();
  });

  it('an invalid workshop.yaml does not stop the other files being checked', () => {
    const result = check({ workshop: WORKSHOP.replace('title: Border Security Workshop\n', ''), sessions: { 'sessions/a.yaml': referring } });
    expect(result.diagnostics.map(where)).toEqual(['required workshop.yaml:1:1', 'unknown-same-as sessions/a.yaml:13:14', 'unknown-recommendation sessions/a.yaml:17:23']);
  });

  it('a workshop.yaml whose themes were left out does not make every theme unknown', () => {
    const result = check({ workshop: WORKSHOP.replace('  - id: ibm\n    title: Integrated border management\n', '  - id: ibm\n    titel: Integrated border management\n'), sessions: { 'sessions/a.yaml': mentioning('themes: [ibm]') } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['unknown-key']);
  });

  it('a workshop.yaml whose countries were garbled does not make every country a non-beneficiary', () => {
    const result = check({ workshop: WORKSHOP.replace('  - NER\n', '  - "NER\n'), sessions: { 'sessions/a.yaml': mentioning('') } });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml-syntax']);
  });
});

describe('validate: a country written where its code goes', () => {
  const speaker = (country: string) => mentioning(`speakers:\n  - name: A speaker\n    country: ${country}`);
  const hintFor = (country: string, workshop = WORKSHOP) => {
    const list = diagnostics({ workshop, sessions: { 'sessions/a.yaml': speaker(country) } });
    expect(list.map(where)).toEqual(['invalid-value sessions/a.yaml:12:14']);
    return list[0]!.hint;
  };

  it('in lower case: did you mean the code in capitals', () => {
    expect(hintFor('mli')).toBe('Did you mean “MLI”? Country codes are written in capitals.');
    expect(hintFor('Ner')).toBe('Did you mean “NER”? Country codes are written in capitals.');
  });

  it('by its UN name (any case, accents or not, English, French or Spanish), or a name close to a beneficiary\'s: its code', () => {
    expect(hintFor('Mali')).toBe('Did you mean “MLI” (Mali)? A country is written as its ISO 3166-1 alpha-3 code.');
    expect(hintFor('cote d\'ivoire')).toBe('Did you mean “CIV” (Côte d’Ivoire)? A country is written as its ISO 3166-1 alpha-3 code.');
    expect(hintFor('Maly')).toBe('Did you mean “MLI” (Mali)? A country is written as its ISO 3166-1 alpha-3 code.');
    // Nigeria is a country of its own, not a near Niger.
    expect(hintFor('Nigeria')).toBe('Did you mean “NGA” (Nigeria)? A country is written as its ISO 3166-1 alpha-3 code.');
  });

  it('nothing close: the description of a code, as before', () => {
    expect(hintFor('Atlantis')).toMatch(/^A country's ISO 3166-1 alpha-3 code, in capitals/);
  });

  it('where an addressee or an owner goes (an organization id or a beneficiary code), and as a key of country_notes: the same suggestion', () => {
    const at = (extra: string) => diagnostics({ sessions: { 'sessions/a.yaml': mentioning(extra) } });
    const addressed = at('recommendations:\n  - text: x\n    theme: kst\n    addressed_to: [mali, member-states]');
    expect(addressed.map(where)).toEqual(['unknown-organization sessions/a.yaml:13:20']);
    expect(addressed[0]!.hint).toBe('Did you mean “MLI” (Mali)? A country is written as its ISO 3166-1 alpha-3 code.');
    const owner = at('actions:\n  - text: x\n    owner: ner');
    expect(owner.map(where)).toEqual(['unknown-organization sessions/a.yaml:12:12']);
    expect(owner[0]!.hint).toBe('Did you mean “NER”? Country codes are written in capitals.');
    // A country that is not a beneficiary cannot be an addressee: an organization id is suggested as before.
    expect(at('actions:\n  - text: x\n    owner: Francee').map((d) => d.hint)).toEqual([expect.not.stringContaining('FRA')]);
    expect(at('actions:\n  - text: x\n    owner: uncctt').map((d) => d.hint)).toEqual(['Did you mean “uncct”?']);
    const notes = diagnostics({ sessions: { 'sessions/a.yaml': session({ extra: 'country_notes:\n  Mali:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }) } });
    expect(notes.map(where)).toEqual(['invalid-value sessions/a.yaml:6:3']);
    expect(notes[0]!.hint).toBe('Did you mean “MLI” (Mali)? A country is written as its ISO 3166-1 alpha-3 code.');
  });
});

describe('validate: keys written in French', () => {
  it('a French word for a key (nom, pays, échéance, responsable) is one unknown-key error with the key meant, not that error and a missing key', () => {
    const workshop = WORKSHOP.replace('  - id: uncct\n    name: United Nations', '  - id: uncct\n    nom: United Nations').replace('countries:\n', 'pays:\n');
    const list = diagnostics({ workshop, sessions: { 'sessions/a.yaml': session() } });
    expect(list.map((d) => [d.code, d.message, d.hint]).sort()).toEqual([
      ['unknown-key', 'Unknown key “nom” in organizers[1].', 'Did you mean “name”? Keys are written in English, as in FORMAT.md, whatever the language of the notes.'],
      ['unknown-key', 'Unknown key “pays”.', 'Did you mean “countries”? Keys are written in English, as in FORMAT.md, whatever the language of the notes.'],
    ]);
    const action = diagnostics({ workshop: WORKSHOP, sessions: { 'sessions/a.yaml': session({ extra: 'actions:\n  - text: Train officers.\n    responsable: uncct\n    échéance: 2022-09-30' }) } });
    expect(action.map((d) => d.hint)).toEqual(['Did you mean “owner”? Keys are written in English, as in FORMAT.md, whatever the language of the notes.', 'Did you mean “due”? Keys are written in English, as in FORMAT.md, whatever the language of the notes.']);
    // Values of a list written in French too: “haute” is high.
    const priority = diagnostics({ workshop: WORKSHOP, sessions: { 'sessions/a.yaml': session({ extra: 'recommendations:\n  - text: Train officers.\n    theme: kst\n    addressed_to: [member-states]\n    priority: haute' }) } });
    expect(priority.map((d) => [d.code, d.hint])).toEqual([['enum', 'Did you mean “high”? The values are written in English, whatever the language of the notes. Allowed: high, medium, low.']]);
    expect(valueMeant('Terminé', ['not-started', 'in-progress', 'done', 'blocked', 'dropped'])).toEqual({ value: 'done', french: true });
    expect(valueMeant('en cours', ['not-started', 'in-progress', 'done', 'blocked', 'dropped'])).toEqual({ value: 'in-progress', french: true });
    expect(valueMeant('in progres', ['not-started', 'in-progress', 'done', 'blocked', 'dropped'])).toEqual({ value: 'in-progress', french: false });
    expect(valueMeant('terminé', ['high', 'medium', 'low'])).toBeUndefined();
    // A typo of the key itself says only that.
    const typo = diagnostics({ workshop: WORKSHOP.replace('title: Border', 'titel: Border'), sessions: { 'sessions/a.yaml': session() } });
    expect(typo.map((d) => d.hint)).toEqual(['Did you mean “title”?']);
  });
});
