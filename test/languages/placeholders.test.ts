import { describe, expect, it } from 'vitest';
import { fromInline, inlineContent, toInline, toTargetInline } from '../../src/languages/placeholders.js';
import { structureDifferences } from '../../src/languages/structure.js';
import { xliff12ToJs } from 'xliff';
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

  it('brings back bold, italics and a paragraph a translation adds (Markdown shows them; validate says the structure differs), and refuses a span Markdown cannot show (it became italics)', () => {
    const added = fromInline(['Établir ', { GenericSpan: { id: 'g9', ctype: 'bold', contents: ['API'] } }, ' et ', { GenericSpan: { id: 'g8', ctype: 'italic', contents: ['PNR'] } }, '.', { Standalone: { id: 'x9', ctype: 'x-paragraph' } }, 'Suite.'], 'Establish API and PNR.');
    expect(added).toBe('Établir **API** et *PNR*.\n\nSuite.');
    expect(structureDifferences('Establish API and PNR.', added)).toEqual(['has 2 paragraphs where the source has 1', 'has 1 bold passage where the source has 0', 'has 1 italic passage where the source has 0']);
    expect(() => fromInline(['Établir ', { GenericSpan: { id: 'g9', ctype: 'underlined', contents: ['API'] } }], 'Establish API.')).toThrow('a <g> span of ctype “underlined”, which Markdown cannot show (it shows bold, italic and x-strike)');
    expect(() => fromInline(['Établir ', { GenericSpan: { id: 'g9', contents: ['API'] } }], 'Establish API.')).toThrow('a <g> span of no ctype');
  });

  it('gives a span that came back without its ctype the kind of the source\'s span of the same id (a link stays a link, where it became italics)', () => {
    expect(fromInline(['Voir la ', { GenericSpan: { id: 'g3', contents: ['résolution 2396'] } }, ' et ', { GenericSpan: { id: 'g1', contents: ['API'] } }, '.'], source)).toBe('Voir la [résolution 2396](https://undocs.org/S/RES/2396\\(2017\\)) et **API**.\n');
  });

  it('takes away the white space a translation tool kept at a paragraph\'s or item\'s edges, inside a span\'s edges and around line breaks, as Markdown does for the source, and keeps a non-breaking space (each space became `&#x20;`)', () => {
    const paragraph = { Standalone: { id: 'x9', ctype: 'x-paragraph' } };
    expect(fromInline(['  Les plans sans budget\u00a0!', paragraph, 'Deuxième paragraphe.  '], 'Plans!\n\nSecond.')).toBe('Les plans sans budget\u00a0!\n\nDeuxième paragraphe.');
    expect(fromInline(['\u00a0Voir', { GenericSpan: { id: 'g1', ctype: 'bold', contents: [' API '] } }, 'et ', { GenericSpan: { id: 'g2', ctype: 'italic', contents: ['PNR '] } }, paragraph, ' \n  '], 'See **API** and *PNR*')).toBe('Voir **API** et *PNR*');
    expect(fromInline(['\n      Une ligne\n      et la suivante.\n    '], 'One line\nand the next.')).toBe('Une ligne\net la suivante.');
    expect(fromInline([' Points\u00a0: ', { Standalone: { id: 'x1', ctype: 'x-list' } }, ' un ', { Standalone: { id: 'x2', ctype: 'x-list-item' } }, ' deux '], 'Points:\n\n- one\n- two')).toBe('Points\u00a0:\n\n- un\n- deux');
  });

  it('brings back a text that starts with a list as that list, every item kept (all but the first item were dropped, and the list made a paragraph)', () => {
    for (const [source, translation] of [['- One\n- two\n\nAfter.', '- Un\n- deux\n\nAprès.'], ['1. One\n2. two', '1. Un\n2. deux'], ['- One', '- Un']]) {
      expect(fromInline(toInline(translation!), source!)).toBe(translation);
    }
  });

  it('gives a translation\'s spans and placeholders the source\'s ids, so that links in another order keep their addresses (they swapped, even given back untouched)', () => {
    const linked = 'See [A](https://a.example), then **B** and [C](https://c.example) with `x`.';
    const translation = 'Voir **B**, [C](https://c.example) et `x`, puis [A](https://a.example).';
    const target = toTargetInline(translation, linked);
    expect(target).toEqual([
      'Voir ', { GenericSpan: { id: 'g2', ctype: 'bold', contents: ['B'] } }, ', ', { GenericSpan: { id: 'g3', ctype: 'x-link', contents: ['C'] } }, ' et ',
      { Span: { id: 'ph4', ctype: 'x-code', contents: 'x' } }, ', puis ', { GenericSpan: { id: 'g1', ctype: 'x-link', contents: ['A'] } }, '.',
    ]);
    expect(fromInline(target, linked)).toBe(translation);
    // One the source does not have gets an id the source does not use: refused at import, not given another's address.
    expect(toTargetInline('Voir [A](https://a.example) et [D](https://d.example).', 'See [A](https://a.example).')).toEqual(['Voir ', { GenericSpan: { id: 'g1', ctype: 'x-link', contents: ['A'] } }, ' et ', { GenericSpan: { id: 'g2', ctype: 'x-link', contents: ['D'] } }, '.']);
    expect(() => fromInline(toTargetInline('[B](https://b.example) [A](https://a.example) [X](https://x.example)', '[A](https://a.example) [B](https://b.example)'), '[A](https://a.example) [B](https://b.example)')).toThrow('the link g3 is not in the source');
  });

  it('names what a translation changed in the structure', () => {
    expect(structureDifferences('- a\n- b\n', '- a\n- b\n- c\n')).toEqual(['has 3 list items where the source has 2']);
    expect(structureDifferences('See [the plan](https://a.example).', 'Voir le plan.')).toEqual(['loses the link to https://a.example']);
    expect(structureDifferences('**Bold** text', 'Texte')).toEqual(['has 0 bold passages where the source has 1']);
  });

  /** A <target> as the XLIFF reader gives it (read as the import reads a file). */
  const target = async (inner: string): Promise<XliffValue> => {
    const xml = `<?xml version="1.0"?><xliff version="1.2"><file original="f.yaml" source-language="en" target-language="fr"><body><trans-unit id="u"><source>s</source><target>${inner}</target></trans-unit></body></file></xliff>`;
    return (await xliff12ToJs(xml, { captureSpacesBetweenElements: true })).resources['f.yaml']!.u!.target!;
  };

  it('takes a translation tool\'s segment markers away, joining the text of the segments in order with what lies between them (the reader gives a lone <mrk> as itself, not in a list)', async () => {
    const lone = await target('<mrk mtype="seg" mid="1">Gestion intégrée des frontières</mrk>');
    expect(lone).toEqual({ Marker: { mtype: 'seg', mid: '1', contents: 'Gestion intégrée des frontières' } });
    expect(inlineContent(lone)).toEqual(['Gestion intégrée des frontières']);
    expect(inlineContent(await target('<mrk mtype="seg" mid="1">Un.</mrk> <mrk mtype="seg" mid="2">Deux <mrk mtype="term">termes</mrk>.</mrk>'))).toEqual(['Un. Deux termes.']);
    // Each segment on its own line (a pretty-printed target): the line break is read as nothing, the sentences kept apart.
    expect(inlineContent(await target('\n        <mrk mtype="seg" mid="1">Un.</mrk>\n        <mrk mtype="seg" mid="2">Deux.</mrk>\n      '))).toEqual(['Un. Deux.']);
    expect(inlineContent(await target('<mrk mtype="seg" mid="1">Voir <g id="g1" ctype="bold"><mrk mtype="x-term">API</mrk></g></mrk><x id="x2" ctype="x-paragraph"/><mrk mtype="seg" mid="2"><g id="g3" ctype="italic">PNR</g></mrk>'))).toEqual([
      'Voir ', { GenericSpan: { id: 'g1', ctype: 'bold', contents: ['API'] } }, { Standalone: { id: 'x2', ctype: 'x-paragraph' } }, { GenericSpan: { id: 'g3', ctype: 'italic', contents: ['PNR'] } },
    ]);
  });

  it('brings a segmented translation back as the unsegmented one, and a target that is one span alone (it was refused: "values is not iterable")', async () => {
    const plain = 'Establish **API** and *PNR* systems.\n\nSecond paragraph. Third sentence.';
    const whole = await target('Mettre en place <g id="g1" ctype="bold">API</g> et <g id="g2" ctype="italic">PNR</g>.<x id="x3" ctype="x-paragraph"/>Deuxième paragraphe. Troisième phrase.');
    const segmented = await target('<mrk mtype="seg" mid="1">Mettre en place <g id="g1" ctype="bold">API</g> et <g id="g2" ctype="italic">PNR</g>.</mrk><x id="x3" ctype="x-paragraph"/><mrk mtype="seg" mid="2">Deuxième paragraphe.</mrk> <mrk mtype="seg" mid="3">Troisième phrase.</mrk>');
    expect(fromInline(segmented, plain)).toBe(fromInline(whole, plain));
    expect(fromInline(segmented, plain)).toBe('Mettre en place **API** et *PNR*.\n\nDeuxième paragraphe. Troisième phrase.');
    expect(fromInline(await target('<g id="g1" ctype="bold">Tout en gras</g>'), '**All bold**')).toBe('**Tout en gras**');
    expect(fromInline(await target('<mrk mtype="seg" mid="1"><g id="g1" ctype="bold">Tout en gras</g></mrk>'), '**All bold**')).toBe('**Tout en gras**');
  });

  it('names an element it does not read, rather than drop it or take its codes for words', async () => {
    expect(() => inlineContent(['a ', { SpanStart: { id: '1', contents: '<b>' } }, 'b'])).toThrow('<bpt>, an element workshop-report does not read: it reads <g>, <x/>, <ph> and <mrk>');
    expect(() => inlineContent({ Marker: { mtype: 'seg', contents: [{ GenericSpanEnd: { rid: '1' } }] } })).toThrow(/^<ex\/>, an element/);
    const plural = await target('<plural id="p"><option key="one">un</option></plural>');
    expect(() => fromInline(plural, 'one')).toThrow(/^<plural>, an element workshop-report does not read/);
  });
});
