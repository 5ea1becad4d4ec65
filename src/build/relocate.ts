import path from 'node:path';
import type { Diagnostic, Location } from '../diagnostics/diagnostic.js';
import { LIMITS } from '../limits.js';
import { imagePlace } from '../validate/images.js';
import type { WriterResult } from './writer.js';
import { missingGlyphChars, missingGlyphDiagnostic } from '../typeset/glyphs.js';

/**
 * The one place where writers' diagnostics about generated documents are pointed at what the user
 * wrote. A problem with a character of the generated text (a glyph no font has) is located where the
 * notes first hold that character, with the generated document as a related place; any other is
 * located in the generated Markdown where the build publishes it (relative to the project folder;
 * without `markdownWritten`, a related place says which builds write the Markdown).
 * Diagnostics about other files (a theme file) pass unchanged.
 */
export function relocateWriterDiagnostics(result: WriterResult, generated: ReadonlySet<string>, projectDir: string, outDir: string, known: readonly Diagnostic[], notes: ReadonlyMap<string, string>, imagePlaces: ReadonlyMap<string, Location>, markdownWritten = true): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  // Without md among the formats, the generated Markdown is not published: a place in it says so (it pointed at a file that was not there).
  const shows = markdownWritten ? 'where the generated document shows it' : 'where the generated document shows it (its Markdown is written by a build with md among its formats)';
  const published = (file: string) => path.relative(projectDir, path.join(outDir, file)).split(path.sep).join('/');
  const diagnostics = onceEach(result.diagnostics, known).flatMap((d): Diagnostic[] => {
    if (!d.location || !generated.has(d.location.file)) return [d];
    const inOutput = { ...d.location, file: published(d.location.file) };
    // Characters no font has, on different lines of the notes: one warning at each line, with its own characters.
    if (d.code === 'missing-glyph' && d.actual !== undefined && missingGlyphChars(d.actual).length > 1) return byPlaceInNotes(missingGlyphChars(d.actual), notes, inOutput, shows, result.sources.get(d.location.file));
    const text = d.code === 'missing-glyph' || d.code === 'right-to-left' ? result.sources.get(d.location.file) : undefined;
    const character = text === undefined ? undefined : String.fromCodePoint(text.codePointAt(d.location.start.offset) ?? 0);
    const shown = d.code === 'image' ? result.sources.get(d.location.file)?.slice(d.location.start.offset, d.location.end.offset) : undefined;
    const inNotes = character !== undefined ? placeInNotes(notes, character, text, d.location.start.offset) : d.code === 'image' && d.actual !== undefined ? imagePlace(imagePlaces, d.actual, shown) : undefined;
    if (!inNotes) return [{ ...d, location: inOutput }];
    return [{ ...d, location: inNotes, related: [...(d.related ?? []), { ...inOutput, message: shows }] }];
  });
  const sources = new Map([...result.sources].map(([file, text]) => [generated.has(file) ? published(file) : file, text]));
  return { diagnostics: mergeSamePlace(diagnostics, known), sources };
}

/**
 * Documents showing the same text of the notes give the same problem at the same place: reported
 * once, each document a related place (at most LIMITS.relatedLocations). Already known: dropped.
 */
function mergeSamePlace(diagnostics: readonly Diagnostic[], known: readonly Diagnostic[]): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}\0${d.message}\0${d.location?.file}\0${d.location?.start.offset}`;
  const seen = new Set(known.map(key));
  const merged = new Map<string, Diagnostic>();
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const k = key(d);
    if (seen.has(k)) continue;
    const first = merged.get(k);
    if (!first) {
      const copy = { ...d, ...(d.related ? { related: [...d.related] } : {}) };
      merged.set(k, copy);
      out.push(copy);
    } else if ((first.related?.length ?? 0) < LIMITS.relatedLocations) (first.related ??= []).push(...(d.related ?? []));
  }
  return out;
}

/**
 * A missing-glyph warning of several characters, split by the line of the notes that first holds
 * each (the Arabic of a name on one line, a Hausa “Ƴ” on another were all said at the first); those
 * the notes do not hold (a template's) stay at the generated document.
 */
function byPlaceInNotes(chars: readonly string[], notes: ReadonlyMap<string, string>, inOutput: Location, shows: string, generated: string | undefined): Diagnostic[] {
  const groups = new Map<string, { at: Location | undefined; chars: string[] }>();
  for (const ch of chars) {
    const at = placeInNotes(notes, ch, generated, generated?.indexOf(ch) ?? -1);
    const key = at ? `${at.file}\0${at.start.line}` : '';
    const group = groups.get(key);
    if (!group) groups.set(key, { at, chars: [ch] });
    else {
      group.chars.push(ch);
      if (at && group.at && at.start.offset < group.at.start.offset) group.at = at;
    }
  }
  return [...groups.values()].map(({ at, chars: own }) => {
    // In code-point order: two documents (two editions) missing the same characters at one place are one warning (their orders differed).
    const d = missingGlyphDiagnostic([...own].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!), at ?? inOutput);
    return at ? { ...d, related: [{ ...inOutput, message: shows }] } : d;
  });
}

/** A run of letters, marks and digits (a word), or of anything but white space. */
const WORD = /[\p{L}\p{M}\p{N}]/u;

/**
 * Where the notes hold the character the generated document shows at `offset`: in the same word
 * (`ال` of a recommendation's “… for ال”, not the first name holding an alif), the word written
 * whole, not inside a longer one; else where the notes first hold the character.
 */
function placeInNotes(notes: ReadonlyMap<string, string>, character: string, generated: string | undefined, offset: number): Location | undefined {
  if (generated !== undefined && offset >= 0) {
    const letter = WORD.test(character);
    const inWord = (ch: string) => (letter ? WORD.test(ch) : /\S/u.test(ch));
    let start = offset;
    while (start > 0 && inWord(generated[start - 1]!)) start--;
    let end = offset + character.length;
    while (end < generated.length && inWord(generated[end]!)) end++;
    const word = generated.slice(start, end);
    if (word.length > character.length) {
      const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const found = firstOccurrence(notes, word, new RegExp(letter ? `(?<![\\p{L}\\p{M}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])` : `(?<!\\S)${escaped}(?!\\S)`, 'u'));
      if (found) {
        const within = offset - start;
        const column = found.start.column + within;
        return { file: found.file, start: { line: found.start.line, column, offset: found.start.offset + within }, end: { line: found.start.line, column: column + character.length, offset: found.start.offset + within + character.length } };
      }
    }
  }
  return firstOccurrence(notes, character);
}

/**
 * Where a character first appears in the notes (files in code-point order of their paths): as
 * itself, or written as a character reference in Markdown (`&#128512;`, `&#x1F600;`), which was
 * not found, so the warning pointed into the generated document.
 */
function firstOccurrence(notes: ReadonlyMap<string, string>, needle: string, whole?: RegExp): Location | undefined {
  const code = needle.codePointAt(0);
  const reference = [...needle].length === 1 && code !== undefined ? new RegExp(`&#(?:0*${code}|[xX]0*${code.toString(16)});`, 'i') : undefined;
  for (const file of [...notes.keys()].sort()) {
    const text = notes.get(file)!;
    let offset = whole ? (whole.exec(text)?.index ?? -1) : text.indexOf(needle);
    let length = needle.length;
    const written = reference?.exec(text);
    if (written && (offset === -1 || written.index < offset)) {
      offset = written.index;
      length = written[0].length;
    }
    if (offset === -1) continue;
    const before = text.slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    const start = { line, column, offset };
    return { file, start, end: { line, column: column + length, offset: offset + length } };
  }
  return undefined;
}

/**
 * An image problem is a property of the file, not of each document showing it: `validate` reported
 * it at the notes already (the same judgement), and a logo on every cover is judged once here.
 */
function onceEach(diagnostics: readonly Diagnostic[], known: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set(known.filter((d) => d.code === 'image').map((d) => `${d.message}\0${d.actual}`));
  return diagnostics.filter((d) => {
    if (d.code !== 'image') return true;
    const key = `${d.message}\0${d.actual}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
