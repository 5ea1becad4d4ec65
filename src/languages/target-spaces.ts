import type { PhrasingContent } from 'mdast';

/**
 * The white space a translation tool leaves in a target, taken away as Markdown takes it from the
 * source (written back, each space became `&#x20;` in the translation and the report): at the start
 * and end of a paragraph or list item (a non-breaking space there included), and around a line
 * break inside one (a pretty-printed target's indentation). White space just inside a span's edge
 * (`<g ctype="bold"> API </g>`) is moved out of it, where Markdown can show it. Spaces inside the
 * text, non-breaking ones included (`budget !`), are kept. Pure: gives new nodes.
 */
export function tidyPhrasing(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out = hoisted(nodes);
  const first = out[0];
  if (first?.type === 'text') out[0] = { ...first, value: first.value.replace(/^\s+/, '') };
  const last = out[out.length - 1];
  if (last?.type === 'text') out[out.length - 1] = { ...last, value: last.value.replace(/\s+$/, '') };
  return out.filter((node) => node.type !== 'text' || node.value !== '');
}

/** A plain text's target (a title, a name) without the white space at its ends or around its line breaks. */
export function tidyPlain(text: string): string {
  return lines(text).trim();
}

/** The nodes with each span's edge spaces moved out of it, lines' edge spaces taken away, and texts side by side joined (their white space where they meet made one). */
function hoisted(nodes: readonly PhrasingContent[]): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  const text = (value: string) => {
    const previous = out[out.length - 1];
    // Where two texts meet, white space on both sides is one (`Voir <g> API</g>`: "Voir **API**").
    if (previous?.type === 'text') out[out.length - 1] = { ...previous, value: previous.value + (/\s$/.test(previous.value) ? value.replace(/^\s+/, '') : value) };
    else if (value !== '') out.push({ type: 'text', value });
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      text(lines(node.value));
      continue;
    }
    if (node.type !== 'strong' && node.type !== 'emphasis' && node.type !== 'delete' && node.type !== 'link') {
      out.push(node);
      continue;
    }
    const children = hoisted(node.children as PhrasingContent[]);
    const first = children[0];
    const before = first?.type === 'text' ? /^\s*/.exec(first.value)![0] : '';
    if (first?.type === 'text' && before) children[0] = { ...first, value: first.value.slice(before.length) };
    const last = children[children.length - 1];
    const after = last?.type === 'text' ? /\s*$/.exec(last.value)![0] : '';
    if (last?.type === 'text' && after) children[children.length - 1] = { ...last, value: last.value.slice(0, last.value.length - after.length) };
    text(before);
    const kept = children.filter((child) => child.type !== 'text' || child.value !== '');
    // A span of white space alone is that space (a link stays, its address with it).
    if (kept.length > 0 || node.type === 'link') out.push({ ...node, children: kept } as PhrasingContent);
    text(after);
  }
  return out;
}

/** Spaces and tabs around a line break taken away: Markdown reads none there. */
function lines(value: string): string {
  return value.replace(/[ \t]*\r?\n[ \t]*/g, '\n');
}
