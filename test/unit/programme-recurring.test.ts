import { describe, expect, it } from 'vitest';
import { consolidate, type ReportModel } from '../../src/consolidate/index.js';
import { forEdition } from '../../src/editions/index.js';
import type { Language } from '../../src/notes/types.js';
import { programmeModel, type ProgrammeWorkshopInput } from '../../src/programme/model.js';
import { countryTable } from '../../src/reference/countries.js';
import { WORKSHOP, check, checked, codes, session } from './helpers.js';

const WATCHLISTS_EN = 'Connect remote land border posts to national and international watchlists so that officers can screen every traveller against current records.';
const WATCHLISTS_EN_AGAIN = 'Connect remote land border posts to national and international watchlists so that officers can screen every traveller against current lists.';
const WATCHLISTS_FR = 'Relier les postes frontières terrestres isolés aux listes de surveillance nationales et internationales afin que les agents puissent contrôler chaque voyageur au regard des fichiers à jour.';
const WATCHLISTS_FR_AGAIN = 'Relier les postes frontières terrestres isolés aux listes de surveillance nationales et internationales afin que les agents puissent contrôler chaque voyageur au regard des fichiers actuels.';
const COMMITTEES = 'Set up joint committees of police, customs and gendarmerie at the main border posts.';
const PATROLS = 'Extend coordinated patrols in the three-borders area to Mali, supported by permanent liaison officers.';

/** A workshop's report model: its recommendations (`text`, optional `id` and `same_as`), all addressed to all Member States, in one session. */
function workshop(year: number, city: string, language: Language, recs: Array<{ text: string; id?: string; same_as?: string }>): ReportModel {
  const lines = recs.flatMap((rec) => [
    `  - text: "${rec.text}"`,
    '    theme: kst',
    '    addressed_to: [member-states]',
    ...(rec.id ? [`    id: ${rec.id}`] : []),
    ...(rec.same_as ? [`    same_as: ${rec.same_as}`] : []),
  ]);
  const notes = WORKSHOP.replace(/2022-05-(\d\d)/g, `${year}-05-$1`).replace('title: Border Security Workshop', `title: Border Security Workshop\nlanguage: ${language}\nlocation: { city: ${city}, country: MAR }`);
  const project = checked({
    workshop: notes,
    sessions: { 'sessions/a.yaml': session({ date: `${year}-05-09`, extra: `country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\nrecommendations:\n${lines.join('\n')}` }) },
  });
  return consolidate(project, countryTable());
}

function input(id: string, model: ReportModel, languages?: ProgrammeWorkshopInput['languages']): ProgrammeWorkshopInput {
  return { id, reports: `../../${id}/out/`, model, ...(languages ? { languages } : {}) };
}

const build = (inputs: ProgrammeWorkshopInput[]) => programmeModel({ title: 'Programme', organizers: [] }, 'en', inputs);
const raised = (model: ReturnType<typeof build>) => model.recurring.map((group) => group.raised.map((r) => `${r.name} ${r.label}`).join(' + '));

describe('recurring recommendations across a programme', () => {
  it('links a recommendation to another workshop\'s by same_as: WORKSHOP:ID, whichever member of the group it names', () => {
    const rabat = workshop(2022, 'Rabat', 'en', [{ text: WATCHLISTS_EN, id: 'watchlists' }, { text: `${WATCHLISTS_EN} Again.`, id: 'watchlists-again', same_as: 'watchlists' }, { text: COMMITTEES, id: 'committees' }]);
    const niamey = workshop(2023, 'Niamey', 'en', [{ text: PATROLS, id: 'patrols', same_as: 'rabat-2022:watchlists-again' }]);
    const model = build([input('niamey-2023', niamey), input('rabat-2022', rabat)]);
    // The link names "watchlists-again", merged into Rabat's R1 with "watchlists"; R2 is "committees".
    expect(rabat.recommendations.map((r) => r.ids)).toEqual([['watchlists', 'watchlists-again'], ['committees']]);
    expect(raised(model)).toEqual(['Rabat 2022 R1 + Niamey 2023 R1']);
    expect(model.recurring[0]!.text.source).toBe(WATCHLISTS_EN);
    const dossier = model.dossiers.find((d) => d.country.code === 'MLI')!;
    const [first, second] = dossier.workshops;
    expect(first!.recommendations.map((r) => `${r.label}: ${r.also_raised.map((a) => `${a.name} ${a.label}`).join(', ')}`)).toEqual(['R1: Niamey 2023 R1', 'R2: ']);
    expect(second!.recommendations.map((r) => r.also_raised.map((a) => `${a.name} ${a.label}`))).toEqual([['Rabat 2022 R1']]);
  });

  it('finds near-duplicates by the validate metric (Jaccard of word 3-shingles ≥ 0.8), and no others', () => {
    const rabat = workshop(2022, 'Rabat', 'en', [{ text: WATCHLISTS_EN }, { text: COMMITTEES }]);
    const niamey = workshop(2023, 'Niamey', 'en', [{ text: PATROLS }, { text: WATCHLISTS_EN_AGAIN }]);
    expect(raised(build([input('rabat-2022', rabat), input('niamey-2023', niamey)]))).toEqual(['Rabat 2022 R1 + Niamey 2023 R2']);
  });

  it('does not link texts in two languages when the workshops share none: only an explicit same_as can', () => {
    const rabat = workshop(2022, 'Rabat', 'en', [{ text: WATCHLISTS_EN }]);
    const niamey = workshop(2023, 'Niamey', 'fr', [{ text: WATCHLISTS_FR }]);
    expect(build([input('rabat-2022', rabat), input('niamey-2023', niamey)]).recurring).toEqual([]);
  });

  it('compares in a language both have: a workshop\'s translation against the other\'s own text', () => {
    const rabat = workshop(2022, 'Rabat', 'en', [{ text: COMMITTEES }, { text: WATCHLISTS_EN }]);
    const rabatFr = workshop(2022, 'Rabat', 'fr', [{ text: 'Créer des comités mixtes de police, de douane et de gendarmerie aux principaux postes frontières.' }, { text: WATCHLISTS_FR }]);
    const niamey = workshop(2023, 'Niamey', 'fr', [{ text: WATCHLISTS_FR_AGAIN }]);
    const model = build([input('rabat-2022', rabat, [{ language: 'en', model: rabat }, { language: 'fr', model: rabatFr }]), input('niamey-2023', niamey)]);
    expect(raised(model)).toEqual(['Rabat 2022 R2 + Niamey 2023 R1']);
    // Shown in the programme's language where the workshop has it.
    expect(model.recurring[0]!.text.source).toBe(WATCHLISTS_EN);
  });

  it('compares in the programme\'s language when both have it, not in another they share', () => {
    // Alike in French, not in English: two workshops with both languages are compared in English (the programme's).
    const a = workshop(2022, 'Rabat', 'en', [{ text: WATCHLISTS_EN }]);
    const aFr = workshop(2022, 'Rabat', 'fr', [{ text: WATCHLISTS_FR }]);
    const b = workshop(2023, 'Dakar', 'en', [{ text: PATROLS }]);
    const bFr = workshop(2023, 'Dakar', 'fr', [{ text: WATCHLISTS_FR_AGAIN }]);
    const model = build([input('rabat-2022', a, [{ language: 'en', model: a }, { language: 'fr', model: aFr }]), input('dakar-2023', b, [{ language: 'en', model: b }, { language: 'fr', model: bFr }])]);
    expect(model.recurring).toEqual([]);
  });
});

describe('same_as: WORKSHOP:ID in a workshop alone', () => {
  const notes = (sameAs: string) => session({ extra: `country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\nrecommendations:\n  - { id: secret, text: "${COMMITTEES}", theme: ibm, restricted: true }\n  - { id: open, text: "${PATROLS}", theme: kst, same_as: ${sameAs} }` });

  it('is not judged (the programme checks it) and merges nothing', () => {
    const { diagnostics, project } = check({ sessions: { 'sessions/a.yaml': notes('niamey-2023:no-such-rec') } });
    expect(codes(diagnostics)).toEqual([]);
    const model = consolidate(project!, countryTable());
    expect(model.recommendations.map((r) => [r.ids, r.same_as_elsewhere])).toEqual([[['open'], [{ workshop: 'niamey-2023', id: 'no-such-rec' }]], [['secret'], undefined]]);
  });

  it('stays in a public edition (it takes no text from the other workshop), where the restricted recommendation is left out', () => {
    const edition = { name: 'public', folder: 'public/', public: true, attribution: 'names' } as const;
    const project = checked({ sessions: { 'sessions/a.yaml': notes('niamey-2023:patrols') } });
    const open = forEdition(project, edition, () => '').sessions[0]!.data.recommendations!;
    expect(open.map((r) => [r.id, r.same_as])).toEqual([['open', 'niamey-2023:patrols']]);
  });
});
