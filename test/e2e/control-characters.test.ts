import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, describe, expect, it } from 'vitest';
import { build } from '../../src/build/pipeline.js';
import { ROOT, copyTree, remove, tempDir } from '../helpers/run-cli.js';
import { readDocx, wordText } from '../docx/read-docx.js';
import { allText, openPdf } from '../typeset/read-pdf.js';

const work = tempDir('wr-control-');
afterAll(() => remove(work));

/** What XML 1.0 allows (its `Char` production): a U+FFFF, a control character is not well-formed. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

describe('characters that are not text, in the notes', () => {
  it('are warned of where the notes hold them, and left out of every format alike; the DOCX and the HTML stay well-formed XML (a U+FFFF made word/document.xml unreadable, exit 0, no warning)', async () => {
    const dir = path.join(work, 'p');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const file = path.join(dir, 'sessions/a.yaml');
    const points = [
      '  - Screening depends on timely\uffff access\ufffe to watchlists.',
      '  - La coordination\u0007 entre\u001b[31m police\u0008 et douanes.',
      '  - "NUL\\0 here, surrogate \\uD800 there"',
    ];
    writeFileSync(file, readFileSync(file, 'utf8').replace('  - Screening depends on timely access to watchlists.', points.join('\n')));

    const result = await build(dir, { formats: ['md', 'html', 'pdf', 'docx'] }, { cwd: dir });
    // Each at its line and column in the notes; none as a missing glyph of the PDF, nor in the generated Markdown.
    expect(result.diagnostics.map((d) => `${d.code} ${d.severity} ${d.location?.file}:${d.location?.start.line}:${d.location?.start.column}`)).toEqual([
      'control-character warning sessions/a.yaml:13:32',
      'control-character warning sessions/a.yaml:13:40',
      'control-character warning sessions/a.yaml:14:20',
      'control-character warning sessions/a.yaml:14:27',
      'control-character warning sessions/a.yaml:14:39',
      'control-character warning sessions/a.yaml:15:9',
      'control-character warning sessions/a.yaml:15:28',
    ]);

    const file$ = (name: string) => result.files.find((f) => f.path === name)!.content;
    const expected = ['Screening depends on timely access to watchlists.', 'La coordination entre[31m police et douanes.', 'NUL here, surrogate there'];
    const flat = (text: string) => text.replace(/\s+/g, ' ');

    const markdown = file$('report.md') as string;
    expect(markdown).not.toMatch(NOT_XML);
    // (The Markdown escapes the “[”.)
    for (const text of expected) expect(flat(markdown).replaceAll('\\[', '[')).toContain(text);

    const html = file$('report.html') as string;
    expect(html).not.toMatch(NOT_XML);
    for (const text of expected) expect(flat(html)).toContain(text);

    // Every XML part of the DOCX is well-formed: valid UTF-8, only characters XML allows, read by an XML parser.
    const docx = readDocx(file$('report.docx') as Uint8Array);
    for (const [part, bytes] of Object.entries(docx.parts).filter(([part]) => /\.(xml|rels)$/.test(part))) {
      const xml = strictUtf8.decode(bytes);
      expect(NOT_XML.exec(xml)?.[0], part).toBeUndefined();
      expect(XMLValidator.validate(xml), part).toBe(true);
    }
    const word = flat(wordText(docx.xml('word/document.xml')));
    for (const text of expected) expect(word).toContain(text);

    const pdf = flat((await allText(await openPdf(file$('report.pdf') as Uint8Array))).join(' '));
    for (const text of expected) expect(pdf).toContain(text);
  }, 120_000);
});
