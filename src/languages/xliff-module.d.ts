// The part of the `xliff` package (no types of its own) that the translator's round trip uses.
declare module 'xliff' {
  /** Plain text, or an inline element: `{ GenericSpan: { id, ctype, contents } }` (`<g>`), `{ Standalone: { id, ctype } }` (`<x/>`), `{ Span: { id, contents } }` (`<ph>`). */
  export type XliffValue = string | Array<string | Record<string, Record<string, unknown>>>;
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
