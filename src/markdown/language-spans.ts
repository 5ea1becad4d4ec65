import type { Nodes, Parent, RootContent } from 'mdast';

declare module 'mdast' {
  interface Data {
    /** The language of this node's text when it is not the document's: a fallback text (see languageSpan). */
    lang?: string;
  }
}

/** What every language span's Markdown contains: a quick test before walking a tree. */
export const LANGUAGE_MARK = '<span lang="';

const OPEN = /^<span lang="([a-z]{2,3}(?:-[A-Za-z0-9]{1,8})*)">$/;
const CLOSE = '</span>';

/**
 * Inline Markdown marked as being in `lang`: `<span lang="en">…</span>`, which GitHub and pandoc
 * (`native_spans`) read as a span in that language. It is what a report says of a text left in the
 * notes' language (an untranslated or stale text in the French report); a template may write it too.
 */
export function languageSpan(inline: string, lang: string): string {
  return `<span lang="${lang}">${inline}</span>`;
}

/**
 * Reads the language spans of a freshly parsed tree: each `<span lang="xx">` … `</span>` pair of
 * raw HTML nodes among one parent's children is removed and the nodes between them get
 * `data.lang`, so every writer sees plain nodes that say their language (a span that is not closed
 * in the same parent is left as it is: raw HTML, which no writer prints). Mutates `tree`.
 */
export function liftLanguageSpans(tree: Nodes): void {
  if (!('children' in tree)) return;
  const parent = tree as Parent;
  let changed = false;
  const out: RootContent[] = [];
  const children = parent.children as RootContent[];
  for (let i = 0; i < children.length; i++) {
    const node = children[i]!;
    const lang = node.type === 'html' ? OPEN.exec(node.value)?.[1] : undefined;
    const end = lang === undefined ? -1 : children.findIndex((c, j) => j > i && c.type === 'html' && c.value === CLOSE);
    if (lang === undefined || end < 0) {
      out.push(node);
      continue;
    }
    for (const inside of children.slice(i + 1, end)) {
      inside.data = { ...inside.data, lang };
      out.push(inside);
    }
    changed = true;
    i = end;
  }
  if (changed) parent.children = out as typeof parent.children;
  for (const child of parent.children as Nodes[]) liftLanguageSpans(child);
}

/** The language a node's text is in: its own mark, else its parent's (`inherited`). */
export function languageOf(node: Nodes, inherited: string): string {
  return node.data?.lang ?? inherited;
}
