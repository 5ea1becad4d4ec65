import { describe, expect, it } from 'vitest';
import { jsToXliff12, xliff12ToJs, type XliffJs } from 'xliff';
import { withTargetStates } from '../../src/build/target-states.js';
import { unitKey } from '../../src/languages/xliff.js';

describe('withTargetStates: a state on the targets the xliff library writes without one', () => {
  const data: XliffJs = {
    sourceLanguage: 'en', targetLanguage: 'fr',
    resources: {
      'sessions/the "1".yaml': {
        'title#0a1b2c3d': { source: 'Q & A <today>', target: 'Q & R <aujourd’hui>', note: 'a "note" & more' },
        'summary#11111111': { source: ['Two ', { GenericSpan: { id: 'g1', ctype: 'bold', contents: ['words'] } }, { Standalone: { id: 'x2', ctype: 'x-paragraph' } }, '  spaced  '], target: ['Deux ', { GenericSpan: { id: 'g1', ctype: 'bold', contents: ['mots'] } }, { Standalone: { id: 'x2', ctype: 'x-paragraph' } }, '\u00a0espacés  '] },
      },
      'workshop.yaml': { 'title#22222222': { source: 'Title', target: 'Titre' } },
    },
  };

  it('sets it on the named unit only, keeping every other byte as the library wrote it (entities, spaces, empty elements)', async () => {
    const xml = await jsToXliff12(data, { indent: '' });
    expect(withTargetStates(xml, new Map())).toBe(xml);
    const stated = withTargetStates(xml, new Map([[unitKey('sessions/the "1".yaml', 'summary#11111111'), 'needs-review-translation']]));
    expect(stated).toBe(xml.replace(/(<trans-unit id="summary#11111111"><source>.*?<\/source><target)>/, '$1 state="needs-review-translation">'));
    expect(stated).not.toBe(xml);
    // Read back, the texts are the same.
    expect((await xliff12ToJs(stated)).resources).toEqual((await xliff12ToJs(xml)).resources);
  });
});
