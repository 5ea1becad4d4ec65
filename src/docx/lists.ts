import { AlignmentType, type ILevelsOptions, type INumberingOptions, LevelFormat } from 'docx';
import { bulletAt, orderedMarker } from '../markdown/list-markers.js';

const INDENT = 360;

/**
 * Lists as Word numbering, with the PDF's markers at every level (list-markers.ts): `•`, `–`, `•`, …
 * for bullets, `1.` for numbers (a third level showed `i.`, the second `◦`, where the PDF prints
 * `1.` and `–`). One bulleted list definition, one numbered per start value; each numbered
 * list is an instance of its own, so it counts from its start again. Bulleted lists share one
 * instance: a bullet does not count, so restarting it would change nothing, and an instance is a
 * `w:num` with an override per level (a report's 52 bulleted lists made 31 KB of numbering.xml).
 */
export class Lists {
  private readonly starts = new Set<number>();
  private instance = 0;

  /** The numbering a list's items use: its reference and, for a numbered list, a fresh instance. */
  next(ordered: boolean, start: number | null | undefined): { reference: string; instance: number } {
    if (!ordered) return { reference: 'bullets', instance: 0 };
    this.instance += 1;
    const first = Math.max(0, start ?? 1);
    this.starts.add(first);
    return { reference: `numbers-${first}`, instance: this.instance };
  }

  /** The numbering definitions the document's lists use. */
  options(): INumberingOptions {
    const levels = (format: (level: number) => Pick<ILevelsOptions, 'format' | 'text'>, start = 1): ILevelsOptions[] =>
      Array.from({ length: WORD_LIST_LEVELS }, (_, level) => ({
        level,
        start,
        alignment: AlignmentType.LEFT,
        ...format(level),
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: LIST_HANGING } } },
      }));
    return {
      config: [
        // A Word level is the list's nesting depth, as the PDF's (wordListLevel): deeper lists share the ninth's bullet.
        { reference: 'bullets', levels: levels((level) => ({ format: LevelFormat.BULLET, text: bulletAt(level) })) },
        ...[...this.starts].sort((a, b) => a - b).map((start) => ({
          reference: `numbers-${start}`,
          levels: levels((level) => ({ format: LevelFormat.DECIMAL, text: orderedMarker(`%${level + 1}`) }), start),
        })),
      ],
    };
  }
}

/** Word's list levels: nine (0–8); an item nested deeper is numbered, and indented, at the ninth (the docx writer refused it: an internal error). */
export const WORD_LIST_LEVELS = 9;

/** The list level Word is given for a nesting level (0-based). */
export const wordListLevel = (level: number): number => Math.min(level, WORD_LIST_LEVELS - 1);

/** The hanging indent of a list item's first paragraph (its number or bullet), in twips. */
export const LIST_HANGING = INDENT;

/** The left indent of a list item's later paragraphs, in twips, at a nesting level (0-based). */
export const listIndent = (level: number): number => INDENT * (wordListLevel(level) + 1);
