import { describe, expect, it } from 'vitest';
import { languageOnEveryRun, TEXT_PART } from '../../src/docx/run-language.js';

const lang = '<w:lang w:val="fr-FR"/>';

describe('DOCX: the document language on the runs the library writes without one', () => {
  it('gives a run without properties its own, with the language', () => {
    expect(languageOnEveryRun('<w:p><w:r><w:tab/></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>', 'fr-FR')).toBe(
      `<w:p><w:r><w:rPr>${lang}</w:rPr><w:tab/></w:r><w:r><w:rPr>${lang}</w:rPr><w:fldChar w:fldCharType="end"/></w:r></w:p>`,
    );
  });

  it('adds it last to properties without one, and leaves a run that has one as it is', () => {
    expect(languageOnEveryRun('<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>', 'fr-FR')).toBe(`<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/>${lang}</w:rPr><w:footnoteRef/></w:r>`);
    const tagged = '<w:r><w:rPr><w:b/><w:lang w:val="en-GB"/></w:rPr><w:t>English</w:t></w:r>';
    expect(languageOnEveryRun(tagged, 'fr-FR')).toBe(tagged);
  });

  it('leaves properties with an element the schema puts after the language as they are, and text that looks like a run', () => {
    const later = '<w:r><w:rPr><w:b/><w:specVanish/></w:rPr><w:t>x</w:t></w:r>';
    expect(languageOnEveryRun(later, 'fr-FR')).toBe(later);
    const escaped = `<w:r><w:rPr>${lang}</w:rPr><w:t>&lt;w:r&gt;</w:t></w:r>`;
    expect(languageOnEveryRun(escaped, 'fr-FR')).toBe(escaped);
  });

  it('is applied to the parts that hold text, not to styles or numbering', () => {
    for (const part of ['word/document.xml', 'word/header1.xml', 'word/footer2.xml', 'word/footnotes.xml', 'word/endnotes.xml']) expect(TEXT_PART.test(part), part).toBe(true);
    for (const part of ['word/styles.xml', 'word/numbering.xml', 'word/charts/chart1.xml', 'word/settings.xml']) expect(TEXT_PART.test(part), part).toBe(false);
  });
});
