/**
 * A (md) text from the notes, as written. The render stage turns every instance into safe
 * Markdown before templates see it; JSON shows the source text.
 */
export class Markdown {
  constructor(readonly source: string) {}

  toJSON(): string {
    return this.source;
  }
}
