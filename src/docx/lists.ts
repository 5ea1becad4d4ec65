import { AlignmentType, type ILevelsOptions, type INumberingOptions, LevelFormat } from 'docx';

const BULLETS = ['•', '◦', '▪'];
const INDENT = 360;

/**
 * Lists as Word numbering: one bulleted list definition, one numbered per start value; each numbered
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
      Array.from({ length: 6 }, (_, level) => ({
        level,
        start,
        alignment: AlignmentType.LEFT,
        ...format(level),
        style: { paragraph: { indent: { left: INDENT * (level + 1), hanging: INDENT } } },
      }));
    return {
      config: [
        { reference: 'bullets', levels: levels((level) => ({ format: LevelFormat.BULLET, text: BULLETS[level % BULLETS.length]! })) },
        ...[...this.starts].sort((a, b) => a - b).map((start) => ({
          reference: `numbers-${start}`,
          levels: levels((level) => ({ format: [LevelFormat.DECIMAL, LevelFormat.LOWER_LETTER, LevelFormat.LOWER_ROMAN][level % 3]!, text: `%${level + 1}.` }), start),
        })),
      ],
    };
  }
}

/** The left indent of a list item's later paragraphs, in twips, at a nesting level (0-based). */
export const listIndent = (level: number): number => INDENT * (level + 1);
