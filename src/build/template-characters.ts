import { unsafeCharacters } from '../characters.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { textSpanToLocation } from '../diagnostics/location.js';
import { LIMITS } from '../limits.js';
import { unsafeProblem } from '../load/unsafe-characters.js';
import type { TemplateFile } from '../render/index.js';

/**
 * `control-character` in a template of the project's own, as in the notes: a character that does not
 * show or is not text (pasted from a word processor into templates/report.md.hbs), at its line and
 * column, once per character with its other places related. Every format leaves out those that are
 * not text (the rendered Markdown is read without them), without a word before; a bidirectional
 * control is kept, and reorders the text around it. Pure.
 */
export function templateCharacterProblems(file: TemplateFile): Diagnostic[] {
  const found = unsafeCharacters(file.text);
  const diagnostics: Diagnostic[] = [];
  for (const char of new Set(found.map((place) => place.char))) {
    const [first, ...again] = found.filter((place) => place.char === char);
    const location = textSpanToLocation(file.displayPath, file.text, first!.index, first!.index + char.length);
    const { message, hint } = unsafeProblem({ char, offset: first!.index, length: char.length }, location.start.column, again.length + 1, false, 'This template');
    const related = again.slice(0, LIMITS.relatedLocations).map((other) => ({ ...textSpanToLocation(file.displayPath, file.text, other.index, other.index + char.length), message: 'the same character again' }));
    diagnostics.push({ code: 'control-character', severity: 'warning', stage: 'render', message, hint, location, ...(related.length > 0 ? { related } : {}) });
  }
  return diagnostics;
}
