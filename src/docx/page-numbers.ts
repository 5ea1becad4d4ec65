import type { PageNumberEstimator } from 'docx';
import type { HeadingPages } from '../typeset/types.js';
import { bookmarkName } from './bookmarks.js';
import type { Parts } from './package.js';

/** A formatted element of the library: `{ 'w:p': [children…] }`, an element with attributes only holding them as an object. */
type Formatted = Record<string, unknown>;

/** Marks a page number to fill in: private-use characters around the heading's bookmark name, which no text of ours holds. */
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = /\uE000([A-Za-z0-9_]+)\uE001/g;

/**
 * The contents' page numbers, first as placeholders: given to the document as its `pageNumbers`, the
 * library writes each PAGEREF of the contents clean, with what this gives as its result. A heading
 * is found by its own bookmark (its anchor, `h_…`), and the contents' bookmark on the same paragraph
 * (`_Toc…`, the library's) is given a placeholder naming it; fillPageNumbers puts the page in once
 * the typesetter has laid the document out.
 */
export function pageNumberPlaceholders(): PageNumberEstimator {
  return (body) => {
    const bookmarks = new Map<string, string>();
    for (const block of contentOf(body as Formatted)) {
      const paragraph = (block as Formatted)['w:p'];
      if (!Array.isArray(paragraph)) continue;
      const names = paragraph.flatMap((child: Formatted) => {
        const start = child['w:bookmarkStart'] as { _attr?: Record<string, unknown> } | Array<{ _attr?: Record<string, unknown> }> | undefined;
        const attributes = Array.isArray(start) ? start.find((part) => part._attr)?._attr : start?._attr;
        const name = attributes?.['w:name'];
        return typeof name === 'string' ? [name] : [];
      });
      const heading = names.find((name) => name.startsWith('h_'));
      if (heading) for (const name of names) bookmarks.set(name, `${OPEN}${heading}${CLOSE}`);
    }
    return { bookmarks };
  };
}

/**
 * The parts with each placeholder replaced by the page the typesetter put its heading on (the PDF's
 * layout, which LibreOffice's and Word's match within a page), or by nothing when it is not known.
 */
export function fillPageNumbers(parts: Parts, pages: HeadingPages | undefined): Parts {
  const byBookmark = new Map((pages?.headings ?? []).map((h) => [bookmarkName(h.id), String(h.page)]));
  for (const [path, data] of parts) {
    if (typeof data === 'string' && data.includes(OPEN)) parts.set(path, data.replace(PLACEHOLDER, (_, name: string) => byBookmark.get(name) ?? ''));
  }
  return parts;
}

/** The children of the body (`{ 'w:body': [...] }`). */
function contentOf(element: Formatted): unknown[] {
  const content = Object.values(element)[0];
  return Array.isArray(content) ? content : [];
}
