import type { FontKey } from '../types.js';

/** Where a link goes: a URL, a named destination in this PDF, or another (relative) file and an optional destination in it. */
export type LinkTarget =
  | { kind: 'uri'; uri: string }
  | { kind: 'dest'; name: string }
  | { kind: 'file'; file: string; dest?: string };

export interface TextStyle {
  font: FontKey;
  size: number;
  color: string;
  link?: LinkTarget;
  strike?: boolean;
  /** Baseline shift upwards in points (footnote references). */
  rise?: number;
  /** The text's language when it is not the document's: tagged as a Span (or Link) with /Lang. */
  lang?: string;
}

/** One run of text on one line. `y`/`height` is the line box; `baseline` is absolute. */
export interface TextBox {
  kind: 'text';
  x: number;
  y: number;
  width: number;
  height: number;
  baseline: number;
  text: string;
  style: TextStyle;
  sid?: number;
  artifact?: boolean;
}

export interface RectBox {
  kind: 'rect';
  x: number;
  y: number;
  width: number;
  height: number;
  fill: string;
  /** Grown upwards by the spacing the flow puts above the slice, so bars and shading stay continuous. */
  stretchUp?: boolean;
  sid?: number;
}

export interface LineBox {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  width: number;
  /** Running header/footer decoration, drawn in the margin. */
  artifact?: boolean;
}

export interface ImageBox {
  kind: 'image';
  x: number;
  y: number;
  width: number;
  height: number;
  data: Uint8Array;
  sid?: number;
}

export interface LinkBox {
  kind: 'link';
  x: number;
  y: number;
  width: number;
  height: number;
  target: LinkTarget;
  /** The structure element of the linked text. */
  sid?: number;
  /** The linked words, as the annotation's description for screen readers. */
  text?: string;
}

/** A named destination (heading anchor) at a vertical position. */
export interface DestBox {
  kind: 'dest';
  name: string;
  y: number;
}

export type Box = TextBox | RectBox | LineBox | ImageBox | LinkBox | DestBox;

export interface PageBoxes {
  boxes: Box[];
}

/** Logical structure for the tagged PDF; boxes point at leaves through `sid`. */
export interface StructNode {
  id: number;
  type: string;
  parent: number | null;
  alt?: string;
  scope?: 'Column';
}

export interface HeadingInfo {
  level: number;
  text: string;
  id: string;
  /** 0-based page index, filled in by the flow. */
  page: number;
}

export function translate(box: Box, dx: number, dy: number): Box {
  switch (box.kind) {
    case 'text':
      return { ...box, x: box.x + dx, y: box.y + dy, baseline: box.baseline + dy };
    case 'line':
      return { ...box, x1: box.x1 + dx, x2: box.x2 + dx, y1: box.y1 + dy, y2: box.y2 + dy };
    case 'dest':
      return { ...box, y: box.y + dy };
    default:
      return { ...box, x: box.x + dx, y: box.y + dy };
  }
}
