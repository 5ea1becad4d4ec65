import { describe, expect, it } from 'vitest';
import { templateCharacterProblems } from '../../src/build/template-characters.js';
import { templateMarkupProblems } from '../../src/build/project-templates.js';

const file = (text: string) => ({ text, displayPath: 'templates/report.md.hbs', overridden: true });

describe('control-character in a template of the project', () => {
  it('is a warning at each character’s line and column, once per character, its other places related', () => {
    const found = templateCharacterProblems(file('# {{t "introduction"}}\n\nPasted\u000btext \u202e here\n\nAnd\u000b again.\n'));
    expect(found.map((d) => [d.code, d.severity, `${d.location!.start.line}:${d.location!.start.column}`, d.message])).toEqual([
      ['control-character', 'warning', '3:7', 'This template holds the control character VT (U+000B) (2 times), which does not show: the reports leave it out.'],
      ['control-character', 'warning', '3:13', 'This template holds a right-to-left override (U+202E), which does not show and reorders the text around it.'],
    ]);
    expect(found[0]!.related).toEqual([expect.objectContaining({ start: expect.objectContaining({ line: 5, column: 4 }), message: 'the same character again' })]);
    expect(found[0]!.hint).toBe('Delete the VT (U+000B) at column 7 (it often comes from copying out of a word processor or a web page).');
  });

  it('finds none in a template of text, accents, emoji and tabs', () => {
    expect(templateCharacterProblems(file('# Réunion 😀\n\tindented {{workshop.title}}\r\n'))).toEqual([]);
  });

  it('is among the problems `validate` and `build` find in the project’s own templates', async () => {
    const found = await templateMarkupProblems([file('# Title\n\nA\u0007bell.\n')], '/nonexistent');
    expect(found.map((d) => d.code)).toEqual(['control-character']);
  });
});
