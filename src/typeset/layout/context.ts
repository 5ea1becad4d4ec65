import type { Language } from '../../notes/types.js';
import type GithubSlugger from 'github-slugger';
import type { Diagnostic, Location } from '../../diagnostics/diagnostic.js';
import type { Node } from 'mdast';
import type { Metrics } from '../measure.js';
import type { ResolvedTheme } from '../theme.js';
import type { HeadingInfo, StructNode } from './boxes.js';
import type { InlineContext } from './inline.js';

export const TEXT_COLOR = '#1A1A1A';
export const MUTED_COLOR = '#5A5A5A';
/** Editions' markings (RESTRICTED…): dark red, 8:1 on white. */
export const MARKING_COLOR = '#A1111B';
export const RULE_COLOR = '#C8CCD0';

/** Collects the logical structure tree; ids are creation order, which is reading order within a parent. */
export class StructBuilder {
  readonly nodes: StructNode[] = [];
  add(type: string, parent: number | null, extra: Partial<Pick<StructNode, 'alt' | 'scope'>> = {}): number {
    const id = this.nodes.length;
    this.nodes.push({ id, type, parent, ...extra });
    return id;
  }
}

/** Image bytes already checked (format, size); undefined when a diagnostic was reported instead. */
export interface LoadedImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** What every block layout function needs; `x`/`width` is the current column. */
export interface BlockContext {
  m: Metrics;
  theme: ResolvedTheme;
  inline: InlineContext;
  struct: StructBuilder;
  parentSid: number | null;
  x: number;
  width: number;
  /** Height of the text frame: nothing may be taller. */
  capacity: number;
  color: string;
  listDepth: number;
  headings: HeadingInfo[];
  slugger: GithubSlugger;
  file: string;
  loadImage: (src: string, at: Diagnostic['location']) => LoadedImage | undefined;
  /** The document's language (its front matter's, else the edition's): the chart's text alternative. */
  language: Language;
  /** Chart directive waiting for the next table. */
  pendingChart: { columns: string[]; keepTable: boolean } | undefined;
}

/** Mixes a #RRGGBB colour with white; amount 0 = colour, 1 = white. */
export function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number): string =>
    Math.round(c + (255 - c) * amount)
      .toString(16)
      .padStart(2, '0');
  return `#${mix((n >> 16) & 255)}${mix((n >> 8) & 255)}${mix(n & 255)}`.toUpperCase();
}

/** The diagnostic location of an mdast node. */
export function nodeLocation(file: string, node: Node): Location | undefined {
  const p = node.position;
  if (!p) return undefined;
  return {
    file,
    start: { line: p.start.line, column: p.start.column, offset: p.start.offset ?? 0 },
    end: { line: p.end.line, column: p.end.column, offset: p.end.offset ?? 0 },
  };
}
