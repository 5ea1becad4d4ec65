import type { HeadingPages } from '../typeset/types.js';

/**
 * Where each document of an edition has its headings, by document file, as the typesetter lays them
 * out: the PDF writer publishes them as it lays each document out (`fromPdf`), or else the DOCX
 * writer lays the documents out itself; the DOCX writes them into its contents. Listeners are called
 * synchronously, so the DOCX thread is told while the main thread goes on painting the PDF.
 */
export class HeadingPagesBook {
  private readonly known = new Map<string, HeadingPages | undefined>();
  private readonly waiting = new Map<string, Array<(pages: HeadingPages | undefined) => void>>();
  private finished = false;

  /** `fromPdf`: the PDF is typeset in this build with the theme the DOCX follows, so its layout serves. */
  constructor(readonly fromPdf: boolean) {}

  publish(file: string, pages: HeadingPages | undefined): void {
    if (this.known.has(file)) return;
    this.known.set(file, pages);
    const listeners = this.waiting.get(file) ?? [];
    this.waiting.delete(file);
    for (const listener of listeners) listener(pages);
  }

  /** Calls `listener` once with the document's pages: now if known, else when published; undefined once none will come. */
  on(file: string, listener: (pages: HeadingPages | undefined) => void): void {
    if (this.known.has(file) || this.finished) listener(this.known.get(file));
    else this.waiting.set(file, [...(this.waiting.get(file) ?? []), listener]);
  }

  /** No more will be published: whoever still waits is told there are none. */
  finish(): void {
    this.finished = true;
    for (const file of [...this.waiting.keys()]) this.publish(file, undefined);
  }
}
