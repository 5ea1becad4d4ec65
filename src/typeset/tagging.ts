import type { Box, PageBoxes, StructNode } from './layout/boxes.js';

type Elem = PDFKit.PDFStructureElement;

/**
 * Builds the tagged-PDF structure tree from the layout's struct nodes and wraps each run of drawing
 * in marked content: boxes with a `sid` belong to that element, everything else is an Artifact.
 */
export class StructTagger {
  private readonly elems = new Map<number, Elem>();
  private readonly root: Elem;
  private open: number | 'artifact' | 'link' | string | undefined;
  private pendingLink: Elem | undefined;

  constructor(
    private readonly doc: PDFKit.PDFDocument,
    private readonly nodes: readonly StructNode[],
    pages: readonly PageBoxes[],
  ) {
    const used = new Set<number>();
    for (const p of pages) {
      for (const b of p.boxes) {
        let id = 'sid' in b && !(b.kind === 'text' && b.artifact) ? b.sid : undefined;
        while (id !== undefined && !used.has(id)) {
          used.add(id);
          id = nodes[id]?.parent ?? undefined;
        }
      }
    }
    this.root = doc.struct('Document');
    doc.addStructure(this.root);
    for (const n of nodes) {
      if (!used.has(n.id)) continue;
      const options: Record<string, string> = {};
      if (n.alt) options['alt'] = n.alt;
      if (n.scope) options['scope'] = n.scope;
      const elem = doc.struct(n.type, options);
      this.elems.set(n.id, elem);
      const parent = n.parent === null ? this.root : this.elems.get(n.parent);
      parent?.add(elem);
    }
  }

  /** Draws inside the right marked-content sequence, reusing the open one when the owner is the same. */
  mark(box: Exclude<Box, { kind: 'dest' | 'link' }>, draw: () => void): void {
    const sid = box.kind === 'line' || (box.kind === 'text' && box.artifact) ? undefined : box.sid;
    const parent = sid === undefined ? undefined : this.elems.get(sid);
    if (parent && box.kind === 'text' && box.style.link) {
      // Linked text gets its own Link element, which the annotation drawn next joins.
      this.closePage();
      const link = this.doc.struct('Link', box.style.lang ? ({ lang: box.style.lang } as PDFKit.Mixins.StructureElementOptions) : {});
      parent.add(link);
      link.add(this.doc.markStructureContent('Link'));
      this.open = 'link';
      this.pendingLink = link;
      draw();
      this.closePage();
      return;
    }
    if (parent && box.kind === 'text' && box.style.lang) {
      // Text in another language than the document's (a fallback): a Span that says which, as
      // PDF/UA asks, continued while the next run is in the same element and language.
      const want = `${sid}|${box.style.lang}`;
      if (this.open !== want) {
        this.closePage();
        const span = this.doc.struct('Span', { lang: box.style.lang } as PDFKit.Mixins.StructureElementOptions);
        parent.add(span);
        span.add(this.doc.markStructureContent('Span', { lang: box.style.lang } as PDFKit.Mixins.MarkingOptions));
        this.open = want;
      }
      draw();
      return;
    }
    const want = sid ?? 'artifact';
    if (this.open !== want) {
      this.closePage();
      const node = sid === undefined ? undefined : this.nodes[sid];
      if (!node || !parent) this.doc.markContent('Artifact');
      else parent.add(this.doc.markStructureContent(node.type));
      this.open = want;
    }
    draw();
  }

  /** The Link element for an annotation: the one of the text just drawn, or a new one under `sid`. */
  linkParent(sid: number | undefined): Elem | undefined {
    const pending = this.pendingLink;
    this.pendingLink = undefined;
    if (pending) return pending;
    const parent = sid === undefined ? undefined : this.elems.get(sid);
    if (!parent) return undefined;
    const link = this.doc.struct('Link');
    parent.add(link);
    return link;
  }

  closePage(): void {
    if (this.open !== undefined) this.doc.endMarkedContent();
    this.open = undefined;
  }

  end(): void {
    this.root.end();
  }
}
