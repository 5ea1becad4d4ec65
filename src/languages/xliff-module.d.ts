// The part of the `xliff` package (no types of its own) that the translator's round trip uses.
declare module 'xliff' {
  /**
   * An inline element: `{ GenericSpan: { id, ctype, contents } }` (`<g>`), `{ Standalone: { id, ctype } }` (`<x/>`),
   * `{ Span: { id, contents } }` (`<ph>`), `{ Marker: { mtype, mid, contents } }` (`<mrk>`), and so on for
   * `<bpt>` (SpanStart), `<ept>` (SpanEnd), `<bx/>` (GenericSpanStart), `<ex/>` (GenericSpanEnd).
   */
  export type XliffElement = Record<string, Record<string, unknown>>;
  /** Plain text, or text among inline elements. The reader gives an element alone in its parent as itself, not in a list. */
  export type XliffValue = string | XliffElement | Array<string | XliffElement>;
  export interface XliffUnit {
    source: XliffValue;
    target?: XliffValue;
    note?: string;
    additionalAttributes?: Record<string, string>;
  }
  export interface XliffJs {
    sourceLanguage: string;
    targetLanguage?: string;
    resources: Record<string, Record<string, XliffUnit>>;
  }
  export function jsToXliff12(obj: XliffJs, options?: { indent?: string }): Promise<string>;
  export function xliff12ToJs(xml: string, options?: Record<string, unknown>): Promise<XliffJs>;
}
