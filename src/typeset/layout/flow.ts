import { type Box, type PageBoxes, translate } from './boxes.js';

/** An unbreakable piece of vertical content; boxes are relative to the slice's top edge. */
export interface Slice {
  height: number;
  spaceBefore: number;
  boxes: Box[];
  /** How many following slices must end up on the same page as this one. */
  keepWithNext?: number;
  pageBreakBefore?: boolean;
  /** Slices re-drawn first when a page break falls just before this slice (a table's header row). */
  repeat?: Slice[];
  /** Baseline of the first line, relative to the top (to align list markers). */
  baseline?: number;
}

export interface Frame {
  top: number;
  bottom: number;
}

/** Places slices top to bottom, starting new pages as needed, honouring keep-with-next and repeated headers. */
export function flow(slices: readonly Slice[], frame: Frame): PageBoxes[] {
  const pages: PageBoxes[] = [{ boxes: [] }];
  const capacity = frame.bottom - frame.top;
  let y = frame.top;
  let empty = true;
  const page = (): PageBoxes => pages[pages.length - 1] as PageBoxes;
  const newPage = (): void => {
    pages.push({ boxes: [] });
    y = frame.top;
    empty = true;
  };
  const put = (s: Slice, space: number): void => {
    const top = y + space;
    for (const b of s.boxes) {
      const moved = translate(b, 0, top);
      if (moved.kind === 'rect' && moved.stretchUp && space > 0) {
        moved.y -= space;
        moved.height += space;
      }
      page().boxes.push(moved);
    }
    y = top + s.height;
    empty = false;
  };
  // Height needed by slice i together with the slices it must keep on its page. When the whole
  // chain cannot fit on any page, only the slice's own promise counts (a heading and two lines).
  const chain = (i: number, extend: boolean): number => {
    const first = slices[i] as Slice;
    let end = i + (first.keepWithNext ?? 0);
    let h = first.height;
    for (let j = i + 1; j <= end && j < slices.length; j++) {
      const s = slices[j] as Slice;
      if (s.pageBreakBefore) break;
      h += s.spaceBefore + s.height;
      if (extend) end = Math.max(end, j + (s.keepWithNext ?? 0));
    }
    if (h <= capacity) return h;
    return extend ? chain(i, false) : first.height;
  };
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i] as Slice;
    if (s.pageBreakBefore && !empty) newPage();
    let space = empty ? 0 : s.spaceBefore;
    if (!empty && y + space + chain(i, true) > frame.bottom + 0.01) {
      newPage();
      space = 0;
    }
    if (empty && s.repeat && pages.length > 1) {
      for (const h of s.repeat) put(h, 0);
      space = 0;
    }
    put(s, space);
  }
  return pages;
}
