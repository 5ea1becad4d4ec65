/**
 * What marks a list item, the same in the PDF (which draws it) and the DOCX (whose numbering
 * definitions name it), so that the two cannot disagree: a bullet by how deep the list is nested,
 * and an ordered item's number in arabic figures at every depth.
 */

/** The bullets of unordered lists, from the outermost (depth 0) in, again from the first after the last. */
const BULLETS = ['•', '–', '•'] as const;

/** The bullet of an unordered list nested `depth` lists deep (0: not in a list). */
export function bulletAt(depth: number): string {
  return BULLETS[depth % BULLETS.length]!;
}

/**
 * An ordered list item's marker as printed at every depth: its number in arabic figures and a full
 * stop, `3.`, never a letter or a roman numeral. The DOCX gives Word's place-holder for the number
 * (`%3`, the third level's), with decimal numbering.
 */
export function orderedMarker(number: number | string): string {
  return `${number}.`;
}
