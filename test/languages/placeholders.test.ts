import { describe, expect, it } from 'vitest';
import { fromInline, toInline } from '../../src/languages/placeholders.js';
import { structureDifferences } from '../../src/languages/structure.js';
import type { XliffValue } from 'xliff';

describe('Markdown as XLIFF inline markup a translator cannot break', () => {
  const source = 'Establish **API** and *PNR* systems, see [resolution 2396](https://undocs.org/S/RES/2396(2017)).\n\nSecond `code` paragraph.\n';

  it('turns emphasis and links into spans, paragraphs and code into placeholders', () => {
    expect(toInline(source)).toEqual([
      'Establish ', { GenericSpan: { id: 'g1', ctype: 'bold', contents: ['API'] } }, ' and ', { GenericSpan: { id: 'g2', ctype: 'italic', contents: ['PNR'] } },
      ' systems, see ', { GenericSpan: { id: 'g3', ctype: 'x-link', contents: ['resolution 2396'] } }, '.',
      { Standalone: { id: 'x4', ctype: 'x-paragraph' } }, 'Second ', { Span: { id: 'ph5', ctype: 'x-code', contents: 'code' } }, ' paragraph.',
    ]);
  });

  it('brings a translation back with the source\'s link address and placeholders, whatever the target says', () => {
    const target: XliffValue = [
      'Mettre en place des systèmes ', { GenericSpan: { id: 'g1', ctype: 'bold', contents: ['API'] } }, ' et ', { GenericSpan: { id: 'g2', ctype: 'italic', contents: ['PNR'] } },
      ', voir la ', { GenericSpan: { id: 'g3', ctype: 'x-link', href: 'https://evil.example', contents: ['résolution 2396'] } }, '.',
      { Standalone: { id: 'x4', ctype: 'x-paragraph' } }, 'Deuxième paragraphe ', { Span: { id: 'ph5', ctype: 'x-code', contents: 'changed' } }, ' * 2.',
    ];
    const markdown = fromInline(target, source);
    expect(markdown).toBe('Mettre en place des systèmes **API** et *PNR*, voir la [résolution 2396](https://undocs.org/S/RES/2396\\(2017\\)).\n\nDeuxième paragraphe `code` \\* 2.\n');
    expect(structureDifferences(source, markdown)).toEqual([]);
  });

  it('refuses a span the source does not have', () => {
    expect(() => fromInline([{ GenericSpan: { id: 'g9', ctype: 'x-link', contents: ['x'] } }], source)).toThrow(/g9/);
  });

  it('names what a translation changed in the structure', () => {
    expect(structureDifferences('- a\n- b\n', '- a\n- b\n- c\n')).toEqual(['has 3 list items where the source has 2']);
    expect(structureDifferences('See [the plan](https://a.example).', 'Voir le plan.')).toEqual(['loses the link to https://a.example']);
    expect(structureDifferences('**Bold** text', 'Texte')).toEqual(['has 0 bold passages where the source has 1']);
  });
});
