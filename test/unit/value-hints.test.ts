import { describe, expect, it } from 'vitest';
import { check, session } from './helpers.js';

describe('a list written under a block indicator (key_points: |)', () => {
  it('is told to take the “|” out, where the hint described the list the user had written', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: 'key_points: |\n  - Border security is shared.\n  - Data must flow.\ncountry_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }) } });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.start.line}:${d.location?.start.column} ${d.hint}`)).toEqual(['type 5:13 Take out the “|” after key_points: it makes the “- ” lines below one text; without it, each is an item of the list.']);
  });

  it('text under it that is no list keeps the hint of the field', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: 'key_points: |\n  Border security is shared.\ncountry_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }) } });
    expect(diagnostics[0]!.hint).not.toContain('Take out');
  });
});

describe('a list of one item with no space after its “-” (chairs: over -name: …)', () => {
  it('says the “-name:” is read as a key and writes the item, where the hint gave only an example of the list', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: 'chairs:\n  -name: Hervé Lambert\ncountry_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }) } });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.start.line}:${d.location?.start.column} ${d.message} ${d.hint}`)).toEqual(['type 6:3 “chairs” must be a list, not a mapping: “-name:” is read as a key, the “-” of a list item without its space. A list item starts with “- ” (a dash and a space): write “- name: Hervé Lambert”.']);
  });
});

describe('an id written with accents (themes: [coopération])', () => {
  it('is told the id without them, where the hint said “letters”, which é is', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': session({ extra: 'themes: [coopération]\ncountry_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]' }) } });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.start.line}:${d.location?.start.column} ${d.hint}`)).toEqual(['invalid-value 5:10 Ids are written with the letters a to z, without accents: “cooperation”.']);
  });
});

describe('a key written as a reader writes it, below a block of text (from the review)', () => {
  const notes = 'country_notes:\n  MLI:\n    needs: [Radios.]\n  NER:\n    needs: [Vehicles.]\n';
  it('“Key points:” above its items is the key mistyped, not text to indent into the summary (which would have moved the key points into it)', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': `title: A session\ndate: 2022-05-09\ntype: plenary\nsummary: |\n  Something was discussed.\nKey points:\n  - A point.\n${notes}` } });
    expect(diagnostics.map((d) => `${d.code} ${d.location?.start.line} ${d.message} ${d.hint}`)).toEqual(['unknown-key 6 Unknown key “Key points”. Did you mean “key_points”?']);
  });

  it('with a non-breaking space in it, the hint names the space and the key meant, not the words without it', () => {
    const { diagnostics } = check({ sessions: { 'sessions/a.yaml': `title: A session\ndate: 2022-05-09\ntype: plenary\nsummary: Something was discussed.\nkey\u00a0points:\n  - A point.\n${notes}` } });
    expect(diagnostics.map((d) => d.hint)).toEqual(['It holds a non-breaking space (U+00A0), a character that cannot be told apart here: write “key_points”, typed again.']);
  });
});
