/** Every input limit in one place; the README's "Limits" table mirrors this file. */
export const LIMITS = {
  /** Largest notes or template file read, in bytes. */
  fileBytes: 2 * 1024 * 1024,
  /** Files read at the same time. */
  readConcurrency: 32,
  /** Largest logo or image file, in bytes. */
  imageBytes: 10 * 1024 * 1024,
  /** Largest image, in pixels (width × height): decoding cost grows with pixels, not bytes. */
  imagePixels: 40_000_000,
  /** Deepest nesting of mappings and lists in a notes file (the format needs fewer than 10). */
  depth: 20,
  /** Most keys in one mapping, or items in one list. */
  items: 10_000,
  /**
   * Steps of template work one rendered document may take: a block entered ({{#each}}, {{#if}},
   * {{#unless}}, {{#with}}), each item an {{#each}} goes through, a partial placed. The default
   * templates take under 800 for the Rabat example and under 200,000 for a 2,000-session workshop.
   */
  templateSteps: 5_000_000,
  /** Most characters one rendered document may have (about 200 MB of Markdown). */
  templateOutputChars: 200_000_000,
  /**
   * Most characters that start or end inline Markdown ([ ] * _ ` ~ < \) in one paragraph of a text:
   * the parser's time grows with the square of their number (2,000 take about 0.1 s a paragraph).
   */
  markdownMarkersPerParagraph: 2_000,
  /** Deepest nesting of block quotes and lists in one text (notes need a few levels). */
  markdownNesting: 100,
  /** Most related places one diagnostic lists (a group of near-duplicates, a repeated id); the rest are counted. */
  relatedLocations: 10,
} as const;
