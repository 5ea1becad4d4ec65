/**
 * The document's language on the runs the library writes without one, in the parts that hold text
 * (the body, headers, footers, notes): the contents' entries, their tabs and PAGEREF fields, which
 * the library makes from the headings, the begin and end of the contents' field, the chart's and the
 * images' drawings, the footnote references, the notes' separators. Every run of ours has its `w:lang` already; these took the styles' default,
 * which with a reference document is the reference's (an `en-US` house style in a French report).
 *
 * The library gives no way to set them, so its XML is completed here, as the page numbers are
 * filled in (page-numbers.ts): a run without properties (`<w:r>` then its content) is given
 * `<w:rPr><w:lang w:val="…"/></w:rPr>`; one with properties but no language is given it last,
 * where the schema's order puts it, unless something that must follow it is there (then it is left
 * as it is: the library writes no such run).
 */
export function languageOnEveryRun(xml: string, lang: string): string {
  const element = `<w:lang w:val="${lang}"/>`;
  return xml
    .replace(/<w:r>(?!<w:rPr>)/g, `<w:r><w:rPr>${element}</w:rPr>`)
    .replace(/<w:r><w:rPr>((?:(?!<\/?w:rPr\b)[\s\S])*?)<\/w:rPr>/g, (run, properties: string) => (AFTER_LANG.test(properties) || properties.includes('<w:lang ') ? run : `<w:r><w:rPr>${properties}${element}</w:rPr>`));
}

/** Run properties the schema puts after `w:lang` (CT_RPr): adding the language before them would need to find them. */
const AFTER_LANG = /<w:(eastAsianLayout|specVanish|oMath|rPrChange)\b/;

/** The parts whose runs are the document's text. */
export const TEXT_PART = /^word\/(document|header\d+|footer\d+|footnotes|endnotes)\.xml$/;
