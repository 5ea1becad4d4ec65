import type { Nodes, Parent, PhrasingContent, RootContent } from 'mdast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

/** `<!-- … -->`: a comment, or a directive the templates write (`<!-- wr:chart … -->`), which the writers read. */
export function isHtmlComment(html: string): boolean {
  return /^<!--[\s\S]*-->$/.test(html.trim());
}

/** `<br>`, `<br/>`, `<br />`, `</br>` (as browsers read it), in any case. */
export function isLineBreakTag(html: string): boolean {
  return /^<\/?br\s*\/?>$/i.test(html.trim());
}

/**
 * The raw HTML a template wrote, as the writers show it (one model for the PDF, the DOCX and the
 * HTML pages): its words, without its tags. A `<br>` is a line break; a block of HTML (`<div>…</div>`)
 * is a paragraph of its words, its `<br>` line breaks in it; an inline tag (`<b>`, `</em>`) is left
 * out, the words between the tags staying where they are. Comments stay raw HTML, which no writer
 * prints but which holds the templates' directives (`<!-- wr:chart … -->`). What a template's HTML
 * loses is said by the template check (`template-html`); the notes' HTML never gets here (it is
 * shown as text). Mutates `tree`; positions are kept.
 */
export function liftRawHtml(tree: Nodes): void {
  if (!('children' in tree)) return;
  const parent = tree as Parent;
  let changed = false;
  const out: RootContent[] = [];
  for (const node of parent.children as RootContent[]) {
    if (node.type !== 'html' || isHtmlComment(node.value)) {
      out.push(node);
      continue;
    }
    changed = true;
    // Each node its own copy: positions are shifted in place, node by node (see shiftPositions).
    const position = () => (node.position ? { position: structuredClone(node.position) } : {});
    if (BLOCK_PARENTS.has(parent.type)) {
      const children = htmlWords(node.value);
      if (children.length > 0) out.push({ type: 'paragraph', children: children.map((child) => ({ ...child, ...position() })), ...position() });
    } else if (isLineBreakTag(node.value)) {
      out.push({ type: 'break', ...position() });
    }
  }
  if (changed) parent.children = mergeTexts(out) as typeof parent.children;
  for (const child of parent.children as Nodes[]) liftRawHtml(child);
}

const BLOCK_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/**
 * The words of a block of HTML, as a browser's innerText gives them (hast-util-to-text on the tree
 * hast-util-from-html parses: tags and comments left out, entities decoded, what a reader does not
 * see, `<script>` or `<style>`, left out, white space collapsed), each of its lines (a `<br>`, a
 * paragraph) after a line break.
 */
export function htmlWords(html: string): PhrasingContent[] {
  const lines = toText(fromHtml(html, { fragment: true })).split(/\s*\n\s*/).map((line) => line.trim()).filter((line) => line !== '');
  return lines.flatMap((line, i): PhrasingContent[] => (i > 0 ? [{ type: 'break' }, { type: 'text', value: line }] : [{ type: 'text', value: line }]));
}

/** Adjacent text nodes (the words either side of a tag left out) as one, as the parser would give them. */
function mergeTexts(nodes: RootContent[]): RootContent[] {
  const out: RootContent[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.data?.lang === node.data?.lang) {
      out[out.length - 1] = { ...last, value: last.value + node.value, ...(last.position && node.position ? { position: { start: { ...last.position.start }, end: { ...node.position.end } } } : {}) };
    } else out.push(node);
  }
  return out;
}
