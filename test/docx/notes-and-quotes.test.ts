import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { docxSettings } from './settings.js';
import { docxDocument } from '../../src/docx/document.js';
import { blockIndents } from '../../src/docx/styles.js';
import { resolveTheme } from '../../src/typeset/theme.js';
import { openPdf } from '../typeset/read-pdf.js';
import { elements, readDocx, wordText } from './read-docx.js';

const theme = resolveTheme({ accent_color: '#336699' });

const settings = docxSettings;

const notes = `---
title: "Notes"
---

# Notes

The organizers opened[^a] the workshop and presented[^a] its objectives, then others[^b] spoke, again[^a].

[^a]: Shared note.
[^b]: Other note.
`;

const quotes = `---
title: "Quotes"
---

# Quotes

Before the quote.

> Quote level 1
> > Quote level 2
> > - list in quote

After the quote.
`;

/** What LibreOffice makes of a DOCX: its PDF's text items on the last page (the body), with their size and position. */
interface Item { str: string; size: number; x: number; y: number }
const work = mkdtempSync(path.join(tmpdir(), 'docx-notes-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let laidOut: Record<string, Item[]> | undefined;
/** Both documents converted once (soffice starts slowly), with a profile of its own. */
async function libreOffice(files: Record<string, Uint8Array>): Promise<Record<string, Item[]>> {
  if (laidOut) return laidOut;
  const names = Object.keys(files).map((name) => {
    writeFileSync(path.join(work, `${name}.docx`), files[name]!);
    return path.join(work, `${name}.docx`);
  });
  const run = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', path.join(work, 'pdf'), ...names], { encoding: 'utf8', timeout: 120_000 });
  expect(run.error, 'soffice must be installed (.ci/run installs libreoffice-writer-nogui)').toBeUndefined();
  expect(run.status, run.stderr).toBe(0);
  laidOut = {};
  for (const name of Object.keys(files)) {
    const pdf = await openPdf(new Uint8Array(readFileSync(path.join(work, 'pdf', `${name}.pdf`))));
    const content = await (await pdf.getPage(pdf.numPages)).getTextContent();
    laidOut[name] = content.items.flatMap((i) => ('str' in i && i.str.trim() ? [{ str: i.str.trim(), size: i.transform[3] as number, x: i.transform[4] as number, y: i.transform[5] as number }] : []));
    await pdf.destroy();
  }
  return laidOut;
}

const notesDocx = await docxDocument(notes, 'notes.md', await settings());
const quotesDocx = await docxDocument(quotes, 'quotes.md', await settings());

describe('DOCX: a footnote cited more than once', () => {
  const { xml, parts } = readDocx(notesDocx.bytes);
  const document = xml('word/document.xml');
  const raw = new TextDecoder().decode(parts['word/document.xml']);

  it('is one footnote, referenced once; a later citation is a NOTEREF field to a bookmark on that reference, showing its number', () => {
    const footnotes = elements(xml('word/footnotes.xml'), 'w:footnote').filter((f) => Number(f['@_w:id']) > 0);
    expect(footnotes.map((f) => [f['@_w:id'], wordText(f)])).toEqual([['1', 'Shared note.'], ['2', 'Other note.']]);
    // Word numbers footnotes by their references: one each, in the order of the text.
    expect(elements(document, 'w:footnoteReference').map((r) => r['@_w:id'])).toEqual(['1', '2']);
    // The first citation of the note cited again is bookmarked; the other note is not.
    const bookmark = /<w:bookmarkStart ([^>]*)\/>(.*?)<w:bookmarkEnd w:id="(\d+)"\/>/.exec(raw.slice(raw.indexOf('<w:bookmarkStart w:name="_RefNote')));
    expect(bookmark?.[1]).toMatch(new RegExp(`^(?=.*w:name="_RefNote1")(?=.*w:id="${bookmark?.[3]}")`));
    expect(bookmark?.[2]).toMatch(/^<w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><w:lang w:val="en-GB"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r>$/);
    expect(elements(document, 'w:bookmarkStart').filter((b) => String(b['@_w:name']).startsWith('_RefNote'))).toHaveLength(1);
    // Two later citations: each a field whose result is the note's number, in the footnote reference's style.
    const instructions = elements(document, 'w:instrText').map((t) => String(t['#text']).trim());
    expect(instructions.filter((t) => t.startsWith('NOTEREF'))).toEqual(['NOTEREF _RefNote1 \\f \\h', 'NOTEREF _RefNote1 \\f \\h']);
    const fields = raw.match(/<w:fldChar w:fldCharType="separate"\/><\/w:r><w:r>.*?<\/w:r>/g) ?? [];
    expect(fields).toHaveLength(2);
    for (const field of fields) expect(field).toMatch(/<w:rStyle w:val="FootnoteReference"\/>.*<w:t[^>]*>1<\/w:t>/);
    // The text reads as the PDF's: the number after each citation.
    expect(wordText(document)).toContain('opened the workshop and presented1 its objectives, then others spoke, again1.');
  });

  it('is laid out by LibreOffice as in the PDF: 1, 1, 2, 1 in the text, and two footnotes', async () => {
    const { notes: items } = await libreOffice({ notes: notesDocx.bytes, quotes: quotesDocx.bytes });
    const body = items!.find((i) => i.str.startsWith('The organizers'))!.size;
    // The superscript numbers (the footer is larger), top to bottom and left to right: the citations, then the footnotes' own.
    const small = items!.filter((i) => i.size < body * 0.7 && /^\d+$/.test(i.str)).sort((a, b) => b.y - a.y || a.x - b.x);
    expect(small.map((i) => i.str)).toEqual(['1', '1', '2', '1', '1', '2']);
    const footnoteText = items!.filter((i) => /note\.$/.test(i.str)).map((i) => i.str);
    expect(footnoteText).toEqual(['Shared note.', 'Other note.']);
  }, 150_000);
});

describe('DOCX: a footnote cited in a link\'s text', () => {
  it('keeps its reference (after the link\'s text), so the notes after it keep their numbers', async () => {
    const markdown = '---\ntitle: "Linked note"\n---\n\n# Linked\n\nSee [the site[^a] here](https://example.org), then[^b] and again[^a].\n\n[^a]: Linked note.\n[^b]: Next note.\n';
    const built = await docxDocument(markdown, 'linked.md', await settings());
    const { xml, parts } = readDocx(built.bytes);
    const document = xml('word/document.xml');
    expect(elements(document, 'w:footnoteReference').map((r) => r['@_w:id'])).toEqual(['1', '2']);
    expect(elements(document, 'w:hyperlink').map(wordText)).toEqual(['the site', ' here']);
    expect(elements(document, 'w:bookmarkStart').map((b) => b['@_w:name'])).toContain('_RefNote1');
    expect(new TextDecoder().decode(parts['word/document.xml'])).toMatch(/>the site<\/w:t><\/w:r><\/w:hyperlink><w:bookmarkStart [^>]*\/><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><w:lang w:val="en-GB"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r><w:bookmarkEnd [^>]*\/><w:hyperlink /);
  });
});

describe('DOCX: a quote in a quote, with a list', () => {
  const document = readDocx(quotesDocx.bytes).xml('word/document.xml');
  const step = blockIndents(theme.fontSize).quote;
  const paragraph = (text: string) => elements(document, 'w:p').find((p) => wordText(p) === text)!;
  const indent = (text: string) => {
    const ind = elements(paragraph(text)['w:pPr'], 'w:ind')[0];
    return ind ? { left: Number(ind['@_w:left'] ?? ind['@_w:start']), hanging: ind['@_w:hanging'] === undefined ? undefined : Number(ind['@_w:hanging']) } : undefined;
  };
  const style = (text: string) => elements(paragraph(text)['w:pPr'], 'w:pStyle')[0]?.['@_w:val'];

  it('indents each level of quote further, and a list in a quote with it', () => {
    // One level: the Quote style's own indent.
    expect(style('Quote level 1')).toBe('Quote');
    expect(indent('Quote level 1')).toBeUndefined();
    expect(style('Quote level 2')).toBe('Quote');
    expect(indent('Quote level 2')).toEqual({ left: 2 * step, hanging: undefined });
    // The item is still a bullet (Word numbering), its bullet where the inner quote's text starts.
    expect(elements(paragraph('list in quote'), 'w:numPr')).toHaveLength(1);
    expect(style('list in quote')).toBe('Quote');
    expect(indent('list in quote')).toEqual({ left: 2 * step + 360, hanging: 360 });
    expect(indent('After the quote.')).toBeUndefined();
  });

  it('is laid out by LibreOffice as in the PDF: each level further in, the bullet inside the inner quote', async () => {
    const { quotes: items } = await libreOffice({ notes: notesDocx.bytes, quotes: quotesDocx.bytes });
    const x = (text: string) => items!.find((i) => i.str === text)!.x;
    const body = x('Before the quote.');
    expect(x('After the quote.')).toBeCloseTo(body, 0);
    expect(x('Quote level 1')).toBeGreaterThan(body + 10);
    expect(x('Quote level 2')).toBeGreaterThan(x('Quote level 1') + 10);
    const list = items!.find((i) => i.str === 'list in quote')!;
    const bullet = items!.find((i) => i.str === '•' && Math.abs(i.y - list.y) < 1)!;
    expect(bullet.x).toBeGreaterThanOrEqual(x('Quote level 2') - 1);
    expect(list.x).toBeGreaterThan(bullet.x);
  }, 150_000);

  it('indents code and a table in a quote with it, and a quote in a list item with the item', async () => {
    const markdown = '---\ntitle: "More quotes"\n---\n\n# More\n\n> ```\n> quoted code\n> ```\n>\n> | head |\n> | --- |\n> | cell |\n\n- item\n\n  > quoted in the item\n';
    const built = await docxDocument(markdown, 'more.md', await settings());
    const document = readDocx(built.bytes).xml('word/document.xml');
    const ind = (p: Record<string, unknown>) => Number(elements(p['w:pPr'], 'w:ind')[0]?.['@_w:left']);
    const code = elements(document, 'w:p').find((p) => wordText(p) === 'quoted code')!;
    expect(ind(code)).toBe(step + blockIndents(theme.fontSize).code);
    const table = elements(document, 'w:tbl')[0]!;
    expect(Number(elements(table['w:tblPr'], 'w:tblInd')[0]?.['@_w:w'])).toBe(step);
    const inItem = elements(document, 'w:p').find((p) => wordText(p) === 'quoted in the item')!;
    expect(elements(inItem['w:pPr'], 'w:pStyle')[0]?.['@_w:val']).toBe('Quote');
    expect(ind(inItem)).toBe(360 + step);
  });

  it('keeps a table and a list in quotes nested deeper than the page is wide within half of it (30 levels: the table had a negative width, and the build stopped)', async () => {
    const deep = '> '.repeat(30);
    const markdown = `---\ntitle: "Deep"\n---\n\n# Deep\n\n${deep}| a | b |\n${deep}|---|---|\n${deep}| 1 | 2 |\n\n${deep}- deep item\n`;
    const built = await docxDocument(markdown, 'deep.md', await settings());
    const document = readDocx(built.bytes).xml('word/document.xml');
    const table = elements(document, 'w:tbl')[0]!;
    const indent = Number(elements(table['w:tblPr'], 'w:tblInd')[0]?.['@_w:w']);
    const columns = elements(table['w:tblGrid'], 'w:gridCol').map((c) => Number(c['@_w:w']));
    expect(indent).toBeGreaterThan(0);
    expect(columns.every((width) => width > 0)).toBe(true);
    expect(elements(document, 'w:p').some((p) => wordText(p) === 'deep item')).toBe(true);
  });
});
