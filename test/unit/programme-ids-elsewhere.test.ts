import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { idsElsewhere, type ActionOwner } from '../../src/validate/programme-actions.js';

const members: ActionOwner[] = [
  { id: 'rabat-2022', dir: '/p/rabat-2022', facts: { recommendationIds: ['api-pnr', 'focal-points'], actionIds: ['circulate-report', 'focal-points-list'], links: [] } },
  { id: 'niamey-2022', dir: '/p/niamey-2022', facts: { recommendationIds: ['comites-locaux', 'api-pnx'], actionIds: ['circulate-reports'], links: [] } },
];
const unknown = (code: 'unknown-action' | 'unknown-recommendation', id: string, hint: string, extra: Partial<Diagnostic> = {}): Diagnostic => ({ code, severity: 'error', stage: 'validate', message: `No ${code.slice(8)} has the id “${id}”.`, hint, actual: id, ...extra });
const hints = (diagnostics: Diagnostic[]) => idsElsewhere(members, [{ diagnostics: [] }, { diagnostics }])[1]!.diagnostics.map((d) => d.hint);

describe('idsElsewhere: a follow-up report naming another workshop\'s action or recommendation', () => {
  it('says whose recommendation it is and where the report belongs, as for an action', () => {
    expect(hints([unknown('unknown-recommendation', 'focal-points', 'Use the `id:` of a recommendation in a session file.')])).toEqual([
      '“focal-points” is a recommendation of rabat-2022: this report belongs in ../rabat-2022/follow-up/ (move it there), or name a recommendation of this workshop.',
    ]);
    expect(hints([unknown('unknown-action', 'focal-points-list', 'Use the `id:` of an action in a session file (give the action one if it has none).')])).toEqual([
      '“focal-points-list” is an action of rabat-2022: this report belongs in ../rabat-2022/follow-up/ (move it there), or name an action of this workshop.',
    ]);
  });

  it('keeps the workshop\'s own "Did you mean" after it: inside the programme, at least as helpful as alone', () => {
    expect(hints([unknown('unknown-recommendation', 'api-pnr', 'Did you mean “api-pnx”?'), unknown('unknown-action', 'circulate-report', 'Did you mean “circulate-reports”?')])).toEqual([
      '“api-pnr” is a recommendation of rabat-2022: this report belongs in ../rabat-2022/follow-up/ (move it there), or name a recommendation of this workshop: did you mean “api-pnx”?',
      '“circulate-report” is an action of rabat-2022: this report belongs in ../rabat-2022/follow-up/ (move it there), or name an action of this workshop: did you mean “circulate-reports”?',
    ]);
  });

  it('leaves alone an id of no other workshop, a reference that is no follow-up update\'s (no `actual`), and one naming an invalid id of its own', () => {
    const said = [
      unknown('unknown-recommendation', 'nowhere', 'Use the `id:` of a recommendation in a session file.'),
      { ...unknown('unknown-recommendation', 'api-pnr', 'Use the `id:` of a recommendation in a session file.'), actual: undefined },
      unknown('unknown-action', 'focal-points-list', 'Write that id as “focal-points-list” in sessions/a.yaml', { related: [{ file: 'sessions/a.yaml', start: { line: 3, column: 9, offset: 20 }, end: { line: 3, column: 26, offset: 37 }, message: 'the id written there' }] }),
    ];
    const [, niamey] = idsElsewhere(members, [{ diagnostics: [] }, { diagnostics: said }]);
    expect(niamey!.diagnostics).toBe(said);
  });
});
