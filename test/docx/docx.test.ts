import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { docxSettings } from './settings.js';
import { SetupError } from '../../src/errors.js';
import { docxDocument } from '../../src/docx/document.js';
import { bookmarkName } from '../../src/docx/bookmarks.js';
import { readReference } from '../../src/docx/reference.js';
import { makePng } from '../typeset/png.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import { ROOT } from '../helpers/run-cli.js';
import { fonts as fontBytes, labels as typesetLabels } from '../typeset/helpers.js';
import { layoutHeadingPages } from '../../src/typeset/index.js';
import { elements, readDocx, wordText } from './read-docx.js';

const fixture = readFileSync(path.join(ROOT, 'test/fixtures/typeset/all-constructs.md'), 'utf8');
const report = readFileSync(path.join(ROOT, 'examples/rabat-2022/out/en/restricted/report.md'), 'utf8');
const french = readFileSync(path.join(ROOT, 'examples/niamey-2022/out/report.md'), 'utf8');

const settings = docxSettings;

const attr = (node: Record<string, unknown> | undefined, name: string) => (node?.[`@_${name}`] as string | undefined);
const styleOf = (p: Record<string, unknown>) => attr(elements(p['w:pPr'], 'w:pStyle')[0], 'w:val');

/** Every run (`w:r`) of the parts that hold text: the body, headers, footers, footnotes and endnotes. */
function textRuns(bytes: Uint8Array): Array<{ part: string; run: Record<string, unknown> }> {
  const { parts, xml } = readDocx(bytes);
  return Object.keys(parts)
    .filter((part) => /^word\/(document|header\d+|footer\d+|footnotes|endnotes)\.xml$/.test(part))
    .flatMap((part) => elements(xml(part), 'w:r').map((run) => ({ part, run })));
}

/** The language of a run's own properties. */
const runLanguage = (run: Record<string, unknown>) => attr(elements(run['w:rPr'], 'w:lang')[0], 'w:val');

describe('DOCX: the contents\' page numbers, from where the typesetter puts the headings', async () => {
  const base = await settings();
  // What the build hands the DOCX: the PDF's layout of the same Markdown (or, without a PDF, that layout alone).
  const pages = layoutHeadingPages({ markdown: report, file: 'restricted/report.md', theme: base.theme, fonts: fontBytes, labels: typesetLabels, creationDate: base.date });
  const built = await docxDocument(report, 'restricted/report.md', base, pages);
  const { xml } = readDocx(built.bytes);
  const document = xml('word/document.xml');
  const entries = elements(document, 'w:p').filter((p) => /^TOC\d$/.test(styleOf(p) ?? ''));
  /** An entry's title, and the result of its PAGEREF field (the text of its last run). */
  const read = (entry: Record<string, unknown>) => {
    const runs = elements(entry, 'w:r');
    const last = runs[runs.length - 1]!;
    return { title: wordText(runs.slice(0, -1)), page: wordText(last), instruction: String(elements(last, 'w:instrText')[0]?.['#text'] ?? '') };
  };

  it('writes each entry\'s page number as the result of its PAGEREF field: the page the layout puts its heading on', () => {
    const expected = pages.headings;
    expect(entries.length).toBeGreaterThan(20);
    const read0 = entries.map(read);
    expect(read0[0]).toMatchObject({ title: 'Introduction', instruction: expect.stringContaining('PAGEREF _Toc') as unknown as string });
    // The layout's level 1–2 headings are the entries, in order; each entry shows its heading's page.
    const levels = report.split('\n').filter((line) => /^#{1,2} /.test(line)).length;
    expect(entries.length).toBe(levels);
    const byTitle = new Map<string, number>();
    for (const entry of read0) {
      expect(entry.page, entry.title).toMatch(/^\d+$/);
      byTitle.set(entry.title, Number(entry.page));
    }
    const slugPage = new Map(expected.map((h) => [h.id, h.page]));
    expect(byTitle.get('Introduction')).toBe(slugPage.get('introduction'));
    expect(byTitle.get('Session 2: Recent trends and threats in the region')).toBe(slugPage.get('session-2-recent-trends-and-threats-in-the-region'));
    expect(byTitle.get('Annex: Programme')).toBe(slugPage.get('annex-programme'));
    // In order, from the page after the contents to the last page.
    const numbers = read0.map((entry) => Number(entry.page));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(numbers[0]).toBeGreaterThanOrEqual(3);
    expect(numbers[numbers.length - 1]).toBeLessThanOrEqual(pages.pageCount);
  });

  it('keeps the contents field dirty (Word renumbers it on opening), and its page references clean', () => {
    const begins = elements(document, 'w:fldChar').filter((f) => attr(f, 'w:fldCharType') === 'begin');
    const toc = entries[0]!;
    const tocBegin = elements(toc, 'w:fldChar')[0];
    expect(attr(tocBegin, 'w:dirty')).toBe('true');
    // The other begins of the contents (its PAGEREF fields) are clean: the number written is shown as it is.
    const pagerefBegins = entries.flatMap((entry) => elements(entry, 'w:fldChar').filter((f) => attr(f, 'w:fldCharType') === 'begin')).slice(1);
    expect(pagerefBegins.length).toBe(entries.length);
    for (const begin of pagerefBegins) expect(attr(begin, 'w:dirty')).toBeUndefined();
    expect(begins.length).toBeGreaterThan(entries.length);
  });

  it('starts every level-1 heading on a page, as the PDF does', () => {
    const headings = elements(document, 'w:p').filter((p) => styleOf(p) === 'Heading1');
    expect(headings.length).toBeGreaterThan(4);
    for (const heading of headings) expect(elements(heading['w:pPr'], 'w:pageBreakBefore'), wordText(heading)).toHaveLength(1);
  });

  it('leaves the numbers out without a layout, and with a reference document (its fonts and page are not ours)', async () => {
    const without = readDocx((await docxDocument(report, 'restricted/report.md', base)).bytes).xml('word/document.xml');
    const blank = elements(without, 'w:p').filter((p) => /^TOC\d$/.test(styleOf(p) ?? '')).map(read);
    expect(blank[0]).toMatchObject({ title: 'Introduction', page: '' });
    const dir = mkdtempSync(path.join(tmpdir(), 'wr-docx-ref-'));
    try {
      writeFileSync(path.join(dir, 'house.docx'), built.bytes);
      const reference = await readReference('house.docx', dir);
      const housed = readDocx((await docxDocument(report, 'restricted/report.md', { ...base, reference }, pages)).bytes).xml('word/document.xml');
      const entries = elements(housed, 'w:p').filter((p) => /^TOC\d$/.test(styleOf(p) ?? '')).map(read);
      expect(entries[0]).toMatchObject({ title: 'Introduction', page: '' });
      // The house style decides where a chapter starts.
      expect(elements(housed, 'w:pageBreakBefore')).toHaveLength(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DOCX: Word structure read back from word/document.xml and word/styles.xml', async () => {
  const built = await docxDocument(report, 'restricted/report.md', await settings());
  const { xml, parts } = readDocx(built.bytes);
  const document = xml('word/document.xml');
  const styles = xml('word/styles.xml');
  const paragraphs = elements(document, 'w:p');

  it('defines the styles an editor restyles by, following the PDF theme', () => {
    const byId = new Map(elements(styles, 'w:style').map((s) => [attr(s, 'w:styleId'), s]));
    for (const [id, name] of [['Title', 'Title'], ['Subtitle', 'Subtitle'], ['Heading1', 'Heading 1'], ['Heading2', 'Heading 2'], ['Heading3', 'Heading 3'], ['Normal', 'Normal'], ['ListParagraph', 'List Paragraph'], ['Caption', 'caption'], ['TableText', 'Table text']] as const) {
      const style = byId.get(id);
      expect(style, id).toBeDefined();
      expect(attr(elements(style, 'w:name')[0], 'w:val')?.toLowerCase()).toBe(name.toLowerCase());
    }
    expect(attr(elements(byId.get('Heading1'), 'w:color')[0], 'w:val')).toBe('336699');
    expect(attr(elements(byId.get('Heading1'), 'w:rFonts')[0], 'w:ascii')).toBe('Source Sans 3');
  });

  it('puts the headings in Heading 1–3, each with a bookmark named after its anchor', () => {
    const headings = paragraphs.filter((p) => /^Heading[123]$/.test(styleOf(p) ?? ''));
    const texts = headings.map((p) => `${styleOf(p)} ${wordText(p)}`);
    expect(texts).toContain('Heading1 Introduction');
    expect(texts).toContain('Heading2 Session 2: Recent trends and threats in the region');
    const names = elements(document, 'w:bookmarkStart').map((b) => attr(b, 'w:name'));
    expect(names).toContain(bookmarkName('session-2-recent-trends-and-threats-in-the-region'));
    // Every internal link leads to a bookmark of the document.
    const anchors = elements(document, 'w:hyperlink').map((h) => attr(h, 'w:anchor')).filter(Boolean);
    expect(anchors.length).toBeGreaterThan(5);
    for (const anchor of anchors) expect(names).toContain(anchor);
  });

  it('has a contents field pre-filled with its entries, which Word updates on opening, and PAGE and NUMPAGES in the footer', () => {
    const instructions = elements(document, 'w:instrText').map((t) => String(t['#text']));
    expect(instructions.some((t) => /TOC \\o "1-2"/.test(t) || (t.includes('TOC') && t.includes('\\o'))), instructions.join('|')).toBe(true);
    const entries = paragraphs.filter((p) => /^TOC\d$/.test(styleOf(p) ?? ''));
    expect(entries.length).toBeGreaterThan(10);
    expect(wordText(entries[0])).toBe('Introduction');
    // Each entry's page number is a PAGEREF field to its heading's bookmark; the field is dirty, so Word fills the numbers in.
    const bookmarks = new Set(elements(document, 'w:bookmarkStart').map((b) => attr(b, 'w:name')));
    const pagerefs = instructions.filter((t) => t.includes('PAGEREF')).map((t) => /PAGEREF (\S+)/.exec(t)?.[1]);
    expect(pagerefs.length).toBe(entries.length);
    for (const name of pagerefs) expect(bookmarks.has(name)).toBe(true);
    expect(elements(document, 'w:fldChar').some((f) => attr(f, 'w:fldCharType') === 'begin' && attr(f, 'w:dirty') === 'true')).toBe(true);
    const footer = xml('word/footer1.xml');
    const fields = [...elements(footer, 'w:instrText').map((t) => String(t['#text'])), ...elements(footer, 'w:fldSimple').map((f) => attr(f, 'w:instr') ?? '')].join(' ');
    expect(fields).toMatch(/PAGE/);
    expect(fields).toMatch(/NUMPAGES/);
    expect(wordText(footer)).toContain('Page');
  });

  it('repeats table header rows, keeps rows whole, and sizes columns from their content', () => {
    const tables = elements(document, 'w:tbl');
    expect(tables.length).toBeGreaterThan(3);
    for (const table of tables) {
      const rows = elements(table, 'w:tr');
      expect(elements(rows[0], 'w:tblHeader').length, 'header row').toBe(1);
      for (const row of rows) expect(elements(row, 'w:cantSplit').length).toBe(1);
    }
    const participation = tables.find((t) => wordText(t).startsWith('Country or group'))!;
    const widths = elements(participation, 'w:gridCol').map((c) => Number(attr(c, 'w:w')));
    expect(widths[0]).toBeGreaterThan(2 * widths[2]!);
  });

  it('numbers lists with Word numbering, not typed numbers', () => {
    const numbered = paragraphs.filter((p) => elements(p, 'w:numPr').length > 0);
    expect(numbered.length).toBeGreaterThan(10);
    for (const p of numbered) expect(wordText(p)).not.toMatch(/^\d+\.\s/);
    expect(parts['word/numbering.xml']).toBeDefined();
  });

  it('tags every run with the document language, and draws the participation chart', () => {
    // Every run of every part that holds text: the contents' entries, their tabs and PAGEREF fields and the
    // contents field's begin and end too (the library makes them; they took the styles' default), and the chart's drawing.
    const runs = textRuns(built.bytes);
    expect(runs.length).toBeGreaterThan(100);
    expect(attr(elements(elements(styles, 'w:docDefaults'), 'w:lang')[0], 'w:val')).toBe('en-GB');
    for (const { part, run } of runs) expect(runLanguage(run), `${part}: ${JSON.stringify(run).slice(0, 200)}`).toBe('en-GB');
    const contents = elements(paragraphs.filter((p) => /^TOC\d$/.test(styleOf(p) ?? '')), 'w:r');
    expect(contents.length).toBeGreaterThan(60);
    expect(contents.filter((r) => elements(r, 'w:fldChar').length > 0).length).toBeGreaterThan(20);
    expect(runs.filter(({ run }) => elements(run, 'w:drawing').length > 0)).toHaveLength(1);
    expect(Object.keys(parts).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(1);
  });

  it('writes core properties from the front matter and the workshop date, and embeds the fonts', () => {
    const core = xml('docProps/core.xml');
    const text = (name: string) => String(elements(core, name)[0]?.['#text'] ?? '');
    expect(text('dc:title')).toBe('Regional Workshop on Good Practices in Border Security Management');
    expect(text('dc:subject')).toBe('Workshop report');
    expect(text('dc:creator')).toContain('United Nations Counter-Terrorism Centre (UNCCT)');
    expect(text('dc:language')).toBe('en-GB');
    expect(text('dcterms:created')).toBe('2022-05-13T00:00:00Z');
    expect(text('dcterms:modified')).toBe('2022-05-13T00:00:00Z');
    // The report has neither code nor bold italic: Source Sans 3 regular, bold and italic only.
    expect(Object.keys(parts).filter((p) => p.startsWith('word/fonts/'))).toHaveLength(3);
    expect(elements(xml('word/fontTable.xml'), 'w:font').filter((f) => elements(f, 'w:embedRegular').length > 0).map((f) => f['@_w:name'])).toEqual(['Source Sans 3']);
  });

  it('gives what a reader sees to the leak guard', () => {
    expect(built.text).toContain('Session 2: Recent trends and threats in the region');
    expect(built.text).toContain('RESTRICTED: for workshop participants only');
  });
});

describe('DOCX: every Markdown construct', async () => {
  const built = await docxDocument(fixture, 'all-constructs.md', await settings());
  const { xml, parts } = readDocx(built.bytes);
  const document = xml('word/document.xml');

  it('embeds every face when the document uses them all (code, and emphasis in bold)', () => {
    expect(Object.keys(parts).filter((p) => p.startsWith('word/fonts/'))).toHaveLength(5);
    const fonts = elements(xml('word/fontTable.xml'), 'w:font');
    const embedded = (name: string) => fonts.filter((f) => f['@_w:name'] === name).flatMap((f) => ['w:embedRegular', 'w:embedBold', 'w:embedItalic', 'w:embedBoldItalic'].filter((e) => elements(f, e).length > 0));
    expect(embedded('Source Sans 3')).toEqual(['w:embedRegular', 'w:embedBold', 'w:embedItalic', 'w:embedBoldItalic']);
    expect(embedded('Source Code Pro')).toEqual(['w:embedRegular']);
  });

  it('makes footnotes Word footnotes, links hyperlinks, and code a code style', () => {
    const footnotes = xml('word/footnotes.xml');
    expect(wordText(footnotes)).toContain('The footnote text, with emphasis.');
    expect(elements(document, 'w:footnoteReference')).toHaveLength(1);
    const rels = xml('word/_rels/document.xml.rels');
    const targets = elements(rels, 'Relationship').filter((r) => attr(r, 'TargetMode') === 'External').map((r) => attr(r, 'Target'));
    expect(targets).toContain('https://example.org');
    expect(targets).toContain('other.docx');
    const relative = elements(document, 'w:hyperlink').find((h) => wordText(h) === 'relative link');
    expect(attr(relative, 'w:anchor')).toBe(bookmarkName('part'));
    expect(elements(document, 'w:pStyle').some((s) => attr(s, 'w:val') === 'SourceCode')).toBe(true);
  });
});

describe('DOCX: a French document', async () => {
  const built = await docxDocument(french, 'report.md', { ...(await settings()), language: 'fr' });
  const { xml } = readDocx(built.bytes);

  it('is tagged French on every run and in its properties', () => {
    const runs = textRuns(built.bytes);
    expect(runs.length).toBeGreaterThan(50);
    for (const { part, run } of runs) expect(runLanguage(run), `${part}: ${JSON.stringify(run).slice(0, 200)}`).toBe('fr-FR');
    expect(String(elements(xml('docProps/core.xml'), 'dc:language')[0]?.['#text'])).toBe('fr-FR');
  });

  it('is tagged French on every run with a house style whose default language is another (the contents\' entries took it)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wr-docx-lang-'));
    try {
      // A reference document whose styles' default language is English.
      writeFileSync(path.join(dir, 'house.docx'), (await docxDocument('---\ntitle: "House"\n---\n\nText.\n', 'house.md', await settings())).bytes);
      const reference = await readReference('house.docx', dir);
      const housed = await docxDocument(french, 'report.md', { ...(await settings()), language: 'fr', reference });
      const defaults = readDocx(housed.bytes).xml('word/styles.xml');
      expect(attr(elements(elements(defaults, 'w:docDefaults'), 'w:lang')[0], 'w:val')).toBe('en-GB');
      const runs = textRuns(housed.bytes);
      expect(runs.filter(({ run }) => elements(run, 'w:fldChar').length > 0).length).toBeGreaterThan(10);
      for (const { part, run } of runs) expect(runLanguage(run), `${part}: ${JSON.stringify(run).slice(0, 200)}`).toBe('fr-FR');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('describes the participation chart in French', () => {
    const described = elements(xml('word/document.xml'), 'wp:docPr').map((d) => String(d['@_descr']));
    expect(described.some((d) => /^Diagramme à barres empilées \(Femmes et Hommes\)\u202f: .+ \d+ et \d+\u202f; /.test(d))).toBe(true);
  });
});

describe('DOCX: links', async () => {
  it('follows a percent-encoded anchor, and keeps one that cannot be decoded', async () => {
    const markdown = '---\ntitle: "Links"\n---\n\n# Déjà vu\n\n[encoded](#d%C3%A9j%C3%A0-vu), [broken](#100%), [web](https://example.org/a%zz), [script](javascript:alert(1))\n';
    const built = await docxDocument(markdown, 'links.md', await settings());
    const document = readDocx(built.bytes).xml('word/document.xml');
    const anchors = elements(document, 'w:hyperlink').map((h) => [wordText(h), h['@_w:anchor']]);
    expect(anchors).toContainEqual(['encoded', bookmarkName('déjà-vu')]);
    expect(anchors).toContainEqual(['broken', bookmarkName('100%')]);
    expect(elements(document, 'w:bookmarkStart').map((b) => b['@_w:name'])).toContain(bookmarkName('déjà-vu'));
    // Only http, https and mailto become links, as in the PDF.
    expect(anchors.map(([text]) => text)).not.toContain('script');
    expect(wordText(document)).toContain('script');
  });
});

describe('DOCX: deep lists', () => {
  it('numbers a list nested past Word\'s nine levels at the ninth, every item kept (the docx writer threw: an internal error)', async () => {
    const items = Array.from({ length: 12 }, (_, depth) => `${'  '.repeat(depth)}- item ${depth + 1}`).join('\n');
    const built = await docxDocument(`---\ntitle: "Deep"\n---\n\n# Deep\n\n${items}\n`, 'deep.md', await settings());
    const document = readDocx(built.bytes).xml('word/document.xml');
    const levels = elements(document, 'w:ilvl').map((l) => Number(l['@_w:val']));
    expect(levels).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8]);
    for (let n = 1; n <= 12; n++) expect(wordText(document)).toContain(`item ${n}`);
    // Each of the nine levels is defined, so none shows without its bullet.
    const numbering = readDocx(built.bytes).xml('word/numbering.xml');
    expect(new Set(elements(numbering, 'w:lvl').map((l) => Number(l['@_w:ilvl'])))).toEqual(new Set([0, 1, 2, 3, 4, 5, 6, 7, 8]));
  });
});

describe('DOCX: text is text', () => {
  it('writes markup-like text of the notes as text, never as Word XML', async () => {
    const hostile = 'A </w:t></w:r><w:r><w:t>B & <![CDATA[x]]> "quoted" \'single\' <script>alert(1)</script>';
    const markdown = `---\ntitle: "Hostile"\n---\n\n# Heading\n\n${hostile.replace(/[<&]/g, (c) => `\\${c}`)}\n\n| a |\n| --- |\n| ${hostile.replace(/[<&|]/g, (c) => `\\${c}`)} |\n`;
    const built = await docxDocument(markdown, 'hostile.md', await settings());
    const document = readDocx(built.bytes).xml('word/document.xml');
    const text = wordText(document);
    expect(text.split(hostile.replace(/\\/g, '')).length).toBeGreaterThanOrEqual(2);
    expect(elements(document, 'w:tbl')).toHaveLength(1);
    expect(elements(document, 'script')).toHaveLength(0);
  });
});

describe('DOCX: characters XML does not allow', () => {
  it('never writes one, whatever the Markdown holds (a U+FFFF, a U+FFFE, controls: word/document.xml was not well-formed, and Word and LibreOffice could not open it)', async () => {
    const odd = 'A\uffffB\ufffeC\u0001D\u001bE\ud800F \u{1ffff}G';
    const markdown = `---\ntitle: "Odd${odd}"\n---\n\n# Heading ${odd}\n\n${odd}\n\n| a |\n| --- |\n| ${odd} |\n`;
    const built = await docxDocument(markdown, 'odd.md', await settings());
    const { parts, xml } = readDocx(built.bytes);
    const strict = new TextDecoder('utf-8', { fatal: true });
    for (const [part, bytes] of Object.entries(parts).filter(([name]) => /\.(xml|rels)$/.test(name))) {
      const text = strict.decode(bytes);
      expect(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.exec(text)?.[0], part).toBeUndefined();
      expect(XMLValidator.validate(text), part).toBe(true);
    }
    // Left out, the rest of the text kept (U+1FFFF is a noncharacter XML allows: the notes and the Markdown leave it out, the writer need not).
    expect(wordText(xml('word/document.xml'))).toContain('ABCDEF \u{1ffff}G');
  });
});

describe('DOCX: images and reference documents', async () => {
  it('embeds an image at its size (96 pixels to the inch), and no wider than the text', async () => {
    const small = makePng(200, 100, 2);
    const wide = makePng(2000, 500, 2);
    const markdown = '---\ntitle: "Images"\n---\n\n![A small image](small.png)\n\n![A wide image](wide.png)\n';
    const loadImage = (src: string) => (src === 'small.png' ? { data: small, type: 'png' as const, width: 200, height: 100 } : { data: wide, type: 'png' as const, width: 2000, height: 500 });
    const built = await docxDocument(markdown, 'images.md', { ...(await settings()), loadImage });
    const { parts, xml } = readDocx(built.bytes);
    expect(Object.keys(parts).filter((p) => p.startsWith('word/media/'))).toHaveLength(2);
    const extents = elements(xml('word/document.xml'), 'wp:extent').map((e) => [Number(e['@_cx']), Number(e['@_cy'])]);
    expect(extents[0]).toEqual([200 * 9525, 100 * 9525]);
    // A4 less 20 mm margins either side: 170 mm of text, 642 pixels.
    expect(extents[1]![0]).toBeLessThanOrEqual(643 * 9525);
    const [width, height] = extents[1]!;
    expect(width! / height!).toBeCloseTo(4, 1);
    expect(elements(xml('word/document.xml'), 'wp:docPr').map((d) => d['@_descr'])).toEqual(['A small image', 'A wide image']);
  });

  it('keeps an image inside a link (a logo linking to its site), linked', async () => {
    const logo = makePng(120, 60, 2);
    const markdown = '---\ntitle: "Linked image"\n---\n\nPartner: [![UNOCT logo](logo.png)](https://www.un.org/counterterrorism/) and [text ![icon](logo.png)](#partner).\n\n# Partner\n';
    const loadImage = () => ({ data: logo, type: 'png' as const, width: 120, height: 60 });
    const built = await docxDocument(markdown, 'linked.md', { ...(await settings()), loadImage });
    const document = readDocx(built.bytes).xml('word/document.xml');
    // The paragraph's text with its link, then each image in a paragraph of its own, still linked (as the PDF lays them out).
    const links = elements(document, 'w:hyperlink');
    expect(links.map((l) => elements(l, 'wp:docPr').map((d) => d['@_descr']))).toEqual([[], ['UNOCT logo'], ['icon']]);
    expect(wordText(links[0]!)).toBe('text');
    expect(links[2]!['@_w:anchor']).toBeDefined();
  });

  it('shows a paragraph\'s images after its text, each centred in a paragraph of its own with its title as a caption, as the PDF does (they sat in the line, left-aligned)', async () => {
    const photo = makePng(300, 200, 2);
    const markdown = '---\ntitle: "Photos"\n---\n\nPhoto: ![The delegations](team.png "The delegations in Rabat") and more.\n\n- ![Alone](team.png)\n';
    const loadImage = () => ({ data: photo, type: 'png' as const, width: 300, height: 200 });
    const built = await docxDocument(markdown, 'photos.md', { ...(await settings()), loadImage });
    const body = elements(readDocx(built.bytes).xml('word/document.xml'), 'w:p');
    const at = body.findIndex((p) => wordText(p) === 'Photo: and more.');
    expect(at).toBeGreaterThanOrEqual(0);
    const [text, image, caption, item] = body.slice(at, at + 4) as Array<Record<string, unknown>>;
    const pPr = (p: Record<string, unknown>) => elements(p, 'w:pPr')[0];
    expect(elements(pPr(text!), 'w:keepNext')).toHaveLength(1);
    expect(elements(text!, 'w:drawing')).toHaveLength(0);
    expect(elements(image!, 'w:drawing')).toHaveLength(1);
    expect(attr(elements(pPr(image!), 'w:jc')[0], 'w:val')).toBe('center');
    expect(wordText(caption!)).toBe('The delegations in Rabat');
    expect(styleOf(caption!)).toBe('Caption');
    expect(attr(elements(pPr(caption!), 'w:jc')[0], 'w:val')).toBe('center');
    // A list item holding only an image: the image is the item, numbered, centred.
    expect(elements(item!, 'w:drawing')).toHaveLength(1);
    expect(elements(pPr(item!), 'w:numPr')).toHaveLength(1);
    expect(attr(elements(pPr(item!), 'w:jc')[0], 'w:val')).toBe('center');
  });

  it('reads the styles and the page (size and margins) of a reference document', async () => {
    const letter = await docxDocument(fixture, 'letter.md', { ...(await settings()), theme: resolveTheme({ page_size: 'Letter', margins: { left: 30 } }) });
    const dir = mkdtempSync(path.join(tmpdir(), 'wr-docx-ref-'));
    try {
      writeFileSync(path.join(dir, 'house.docx'), letter.bytes);
      const reference = await readReference('house.docx', dir);
      expect(reference.page?.width).toBe(12240);
      expect(reference.page?.margins.left).toBe(Math.round(30 * (72 / 25.4) * 20));
      expect(reference.styleIds.has('Heading1')).toBe(true);
      const built = await docxDocument(report, 'report.md', { ...(await settings()), reference });
      const size = elements(readDocx(built.bytes).xml('word/document.xml'), 'w:pgSz')[0];
      expect(size?.['@_w:w']).toBe('12240');
      writeFileSync(path.join(dir, 'text.docx'), 'not a Word document');
      await expect(readReference('text.docx', dir)).rejects.toThrow('text.docx is not a Word document');
      await expect(readReference('missing.docx', dir)).rejects.toThrow('Cannot read the DOCX reference document missing.docx');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('DOCX: a reference document the writer cannot use is a setup error, read before anything is written', async () => {
  const built = await docxDocument(fixture, 'house.md', await settings());
  /** The built document with one part rewritten. */
  const patched = (part: string, rewrite: (xml: string) => string): Uint8Array => {
    const entries = unzipSync(built.bytes);
    entries[part] = strToU8(rewrite(strFromU8(entries[part]!)));
    return zipSync(entries);
  };
  const read = async (bytes: Uint8Array): Promise<unknown> => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wr-docx-ref-'));
    try {
      writeFileSync(path.join(dir, 'house.docx'), bytes);
      return await readReference('house.docx', dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it('margins that leave no room for text: says how wide the text would be (the chart had width -7, exit 3)', async () => {
    const wide = patched('word/document.xml', (xml) => xml.replace(/w:(left|right)="\d+"/g, 'w:$1="6000"'));
    const error = await read(wide).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toBe('house.docx has margins that leave no room for text: its page is 21 cm wide, its left and right margins 10.58 cm and 10.58 cm, so the text would be -0.17 cm wide (at least 1 cm is needed).');
    // Top and bottom as well; a page of zero width too.
    await expect(read(patched('word/document.xml', (xml) => xml.replace(/w:(top|bottom)="\d+"/g, 'w:$1="9000"')))).rejects.toThrow(/so the text would be -?[0-9.]+ cm high/);
    await expect(read(patched('word/document.xml', (xml) => xml.replace(/(<w:pgSz[^>]*w:w=")\d+/g, '$10')))).rejects.toThrow('its page is 0 cm wide');
    // Narrow but enough: read.
    await expect(read(patched('word/document.xml', (xml) => xml.replace(/w:(left|right)="\d+"/g, 'w:$1="5500"')))).resolves.toMatchObject({ page: { margins: { left: 5500 } } });
  });

  it('styles with entities a DOCTYPE declares, which the docx library does not read (exit 3)', async () => {
    const entities = patched('word/styles.xml', (xml) => `<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "Normal"><!ENTITY f "&a;&a;">]>${xml.split('?>').slice(1).join('?>').replace('<w:style ', '<w:style w:x="&f;" ')}`);
    await expect(read(entities)).rejects.toThrow('house.docx is not a Word document the DOCX can use (its word/styles.xml cannot be read: Invalid XML: unknown entity "&f;").');
    await expect(read(patched('word/document.xml', (xml) => xml.replace('<w:body>', '<w:body><w:p a="1/>')))).rejects.toThrow('house.docx is not a Word document (its word/document.xml cannot be read');
  });
});

describe('DOCX: bookmark names', () => {
  it('are Word names (letters, digits, underscores, at most 40), one per anchor', () => {
    const slugs = ['introduction', 'session-2-recent-trends-and-threats-in-the-region', 'déjà-vu', 'deja-vu', 'a_b', 'a-b', '100%', 'session-3-national-and-regional-initiatives-and-strategies-a', 'session-3-national-and-regional-initiatives-and-strategies-b'];
    const names = slugs.map(bookmarkName);
    expect(names[0]).toBe('h_introduction');
    for (const name of names) expect(name).toMatch(/^h_[A-Za-z0-9_]{0,38}$/);
    expect(new Set(names).size).toBe(slugs.length);
  });
});
