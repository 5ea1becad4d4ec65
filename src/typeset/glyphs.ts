import type { Diagnostic, Location, Position } from '../diagnostics/diagnostic.js';

/** A source point as mdast gives it (offset may be missing). */
export interface SourcePoint {
  line: number;
  column: number;
  offset?: number | undefined;
}
import type { Metrics } from './measure.js';
import { withoutNonText } from '../characters.js';
import type { FontKey } from './types.js';

/** Drawn in place of a character that no embedded font can show, so the gap stays visible. */
export const PLACEHOLDER = '?';

/** Replaces characters the fonts cannot draw and remembers them for one warning per document. */
export class GlyphCheck {
  private readonly missing = new Set<string>();
  private first: Position | undefined;
  private readonly ok = new Map<string, boolean>();
  /** The first letter of a right-to-left script the document holds, and where. */
  private rtl: { ch: string; at: Position } | undefined;

  constructor(private readonly m: Metrics) {}

  /** Returns `text` with missing characters replaced; `at` is where the text starts in the source. */
  check(raw: string, font: FontKey, at: SourcePoint | undefined): string {
    // Composed characters draw with the font's own accented glyphs; soft hyphens, joiners,
    // direction marks and bidirectional controls (every line is laid out left to right) never print,
    // nor do control characters, lone surrogates and noncharacters (the notes rule
    // `control-character` warns of them, every format leaves them out), so they are dropped rather
    // than reported; typed ligatures are spelled out (the font forms them again) so that text
    // extraction finds the letters.
    const text = withoutNonText(raw)
      .normalize('NFC')
      .replace(/[\u00ad\u200c-\u200f\u2060\u202a-\u202e\u2066-\u2069\ufe0e\ufe0f]/g, '')
      .replace(/[\ufb00-\ufb06]/g, (lig) => lig.normalize('NFKC'));
    if (!this.rtl && at) {
      const found = RIGHT_TO_LEFT.exec(text);
      if (found) this.rtl = { ch: found[0], at: positionIn(text, found.index, at) };
    }
    for (const ch of text) {
      if (ch !== '\n' && ch !== '\r' && !this.has(font, ch)) return this.replaceAll(text, font, at);
    }
    return text;
  }

  private replaceAll(text: string, font: FontKey, at: SourcePoint | undefined): string {
    let out = '';
    let i = 0;
    for (const ch of text) {
      if (ch !== '\n' && ch !== '\r' && !this.has(font, ch)) {
        // A space the font lacks (em space…) is still a space.
        if (/\s/.test(ch)) {
          out += ' ';
          i += ch.length;
          continue;
        }
        this.record(ch, text, i, at);
        out += PLACEHOLDER;
      } else {
        out += ch;
      }
      i += ch.length;
    }
    return out;
  }

  private has(font: FontKey, ch: string): boolean {
    const key = font + ch;
    let v = this.ok.get(key);
    if (v === undefined) {
      const cp = ch.codePointAt(0) ?? 0;
      v = this.m.hasGlyph(font, cp);
      this.ok.set(key, v);
    }
    return v;
  }

  private record(ch: string, text: string, index: number, at: SourcePoint | undefined): void {
    this.missing.add(ch);
    if (this.first || !at) return;
    this.first = positionIn(text, index, at);
  }

  /** The one 'missing-glyph' warning for the document, if any character was replaced (the build splits it by where the notes hold each). */
  diagnostic(file: string): Diagnostic | undefined {
    if (this.missing.size === 0) return undefined;
    const start = this.first ?? { line: 1, column: 1, offset: 0 };
    return missingGlyphDiagnostic([...this.missing], { file, start, end: { ...start, column: start.column + 1, offset: start.offset + 1 } });
  }

  /**
   * The one 'right-to-left' warning for the document, if it holds a letter of a right-to-left
   * script (Arabic, Hebrew…) that the fonts draw: the PDF lays every line out left to right, so
   * such words come in the wrong order (the HTML and the DOCX show them right). Located at the first.
   */
  rightToLeft(file: string): Diagnostic | undefined {
    if (!this.rtl || this.missing.has(this.rtl.ch)) return undefined;
    const start = this.rtl.at;
    const code = `U+${(this.rtl.ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
    return {
      code: 'right-to-left', severity: 'warning', stage: 'typeset',
      message: `The PDF lays text out left to right: the words of right-to-left text (${this.rtl.ch}, ${code}) come in the wrong order there, and spaces around them may be lost. The HTML and the Word document show it right.`,
      location: { file, start, end: { ...start, column: start.column + 1, offset: start.offset + 1 } },
      actual: `${this.rtl.ch} (${code})`,
      hint: 'For a PDF, give the text in a Latin transcription or a translation, or make the PDF from the Word document (--format docx).',
    };
  }
}

/** Where the character at `index` of a text starting at `at` is in the source. */
function positionIn(text: string, index: number, at: SourcePoint): Position {
  const before = text.slice(0, index);
  const nl = before.lastIndexOf('\n');
  const lines = nl < 0 ? 0 : before.split('\n').length - 1;
  return { line: at.line + lines, column: nl < 0 ? at.column + index : index - nl, offset: (at.offset ?? 0) + index };
}

/** A letter of a right-to-left script: Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u;

/** A 'missing-glyph' warning for `chars`, at `location`; `actual` lists them (see missingGlyphChars). */
export function missingGlyphDiagnostic(chars: readonly string[], location: Location): Diagnostic {
  const listed = chars.map((ch) => `${ch} (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`);
  return {
    code: 'missing-glyph',
    severity: 'warning',
    stage: 'typeset',
    message: `The embedded fonts have no glyph for ${listed.length === 1 ? 'this character' : `these ${listed.length} characters`}: ${listed.join(', ')}; ${listed.length === 1 ? 'it is' : 'each is'} printed as '${PLACEHOLDER}'.`,
    location,
    actual: listed.join(', '),
    hint: 'Use a theme font that covers these scripts (report.pdf_theme.fonts in workshop.yaml), or write the text in a Latin script.',
  };
}

/** The characters a 'missing-glyph' warning lists, from its `actual` (`ل (U+0644), Ƴ (U+01B3)`). */
export function missingGlyphChars(actual: string): string[] {
  return [...actual.matchAll(/\(U\+([0-9A-F]{4,6})\)/g)].map((match) => String.fromCodePoint(parseInt(match[1]!, 16)));
}
