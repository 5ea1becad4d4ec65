import type { Image, Nodes, PhrasingContent } from 'mdast';
import type { GlyphCheck } from '../glyphs.js';
import type { FontKey } from '../types.js';
import type { LinkTarget, TextStyle } from './boxes.js';
import type { Span } from './line-break.js';

export interface InlineContext {
  glyphs: GlyphCheck;
  linkColor: string;
  codeColor: string;
  /** Footnote label → number, in order of first reference. */
  footnotes: Map<string, number>;
  /** Told of each image drawn as its alt text (in a table cell or a heading: a paragraph places its images as blocks). */
  imageAsText?: (image: Image) => void;
}

interface Flags {
  bold: boolean;
  italic: boolean;
  strike: boolean;
  link: LinkTarget | undefined;
  /** The text's own language, when it is not the document's (a fallback text). */
  lang?: string | undefined;
}

function fontFor(f: Flags): FontKey {
  if (f.bold) return f.italic ? 'boldItalic' : 'bold';
  return f.italic ? 'italic' : 'regular';
}

/** http(s) and mailto become URI links, '#x' an internal jump, relative '.md'/'.pdf' files a jump into that PDF; anything else is plain text. */
export function resolveLink(url: string): LinkTarget | undefined {
  if (/^(https?:|mailto:)/i.test(url)) return { kind: 'uri', uri: url };
  if (url.startsWith('#')) return url.length > 1 ? { kind: 'dest', name: decodeURIComponent(url.slice(1)) } : undefined;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith('//') || url === '') return undefined;
  const hash = url.indexOf('#');
  const path = hash < 0 ? url : url.slice(0, hash);
  const dest = hash < 0 ? undefined : decodeURIComponent(url.slice(hash + 1));
  const file = path.replace(/\.md$/i, '.pdf');
  // Only other PDFs can be opened from a PDF; a link to any other local file stays plain text.
  if (!/\.pdf$/i.test(file)) return undefined;
  return dest ? { kind: 'file', file, dest } : { kind: 'file', file };
}

/** Converts Markdown inline content to styled spans (soft line breaks become spaces). */
export function inlineSpans(nodes: readonly PhrasingContent[], base: TextStyle, ctx: InlineContext): Span[] {
  const spans: Span[] = [];
  const styles = new Map<string, TextStyle>();
  const styleOf = (f: Flags, mono = false): TextStyle => {
    const font: FontKey = mono ? 'mono' : fontFor(f);
    const key = `${font}|${f.strike}|${f.link ? JSON.stringify(f.link) : ''}|${f.lang ?? ''}`;
    let s = styles.get(key);
    if (!s) {
      s = { font, size: mono ? base.size * 0.9 : base.size, color: f.link ? ctx.linkColor : mono ? ctx.codeColor : base.color };
      if (f.link) s.link = f.link;
      if (f.strike) s.strike = true;
      if (f.lang) s.lang = f.lang;
      styles.set(key, s);
    }
    return s;
  };
  const initial: Flags = { bold: base.font === 'bold' || base.font === 'boldItalic', italic: base.font === 'italic' || base.font === 'boldItalic', strike: false, link: base.link };
  const walk = (node: PhrasingContent, flags: Flags): void => {
    const f = node.data?.lang === undefined ? flags : { ...flags, lang: node.data.lang };
    switch (node.type) {
      case 'text': {
        const style = styleOf(f);
        spans.push({ text: ctx.glyphs.check(node.value.replace(/\r?\n/g, ' '), style.font, node.position?.start), style });
        return;
      }
      case 'inlineCode': {
        const style = styleOf(f, true);
        spans.push({ text: ctx.glyphs.check(node.value, 'mono', node.position?.start), style });
        return;
      }
      case 'break':
        spans.push({ text: '\n', style: styleOf(f) });
        return;
      case 'emphasis':
        node.children.forEach((c) => walk(c, { ...f, italic: true }));
        return;
      case 'strong':
        node.children.forEach((c) => walk(c, { ...f, bold: true }));
        return;
      case 'delete':
        node.children.forEach((c) => walk(c, { ...f, strike: true }));
        return;
      case 'link':
        node.children.forEach((c) => walk(c, { ...f, link: f.link ?? resolveLink(node.url) }));
        return;
      case 'linkReference':
        node.children.forEach((c) => walk(c, f));
        return;
      case 'image':
      case 'imageReference':
        if (node.type === 'image') ctx.imageAsText?.(node);
        if (node.alt) spans.push({ text: ctx.glyphs.check(node.alt, 'italic', node.position?.start), style: styleOf({ ...f, italic: true }) });
        return;
      case 'footnoteReference': {
        let n = ctx.footnotes.get(node.identifier);
        if (n === undefined) {
          n = ctx.footnotes.size + 1;
          ctx.footnotes.set(node.identifier, n);
        }
        const style: TextStyle = { ...styleOf({ ...f, link: { kind: 'dest', name: `fn-${n}` } }), size: base.size * 0.65, rise: base.size * 0.35 };
        spans.push({ text: String(n), style });
        return;
      }
      default:
        // Raw HTML is never drawn: what reaches the typesetter is comments and template directives (see liftRawHtml).
        return;
    }
  };
  nodes.forEach((n) => walk(n, initial));
  return spans;
}

/** Plain text of a node, as GitHub uses it for heading ids. */
export function plainText(node: Nodes): string {
  if ('value' in node && node.type !== 'html') return node.value;
  if (node.type === 'image') return node.alt ?? '';
  if ('children' in node) return (node.children as Nodes[]).map(plainText).join('');
  return '';
}
