import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { allText, openPdf } from '../typeset/read-pdf.js';
import { ROOT, copyTree, editFile, read, remove, runBin, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-template-markup-');
afterAll(() => remove(work));
let counter = 0;

/** The minimal project, its report the shipped template with `lines` under the introduction's heading (line 5). */
function project(lines: string): string {
  const dir = path.join(work, `p${++counter}`);
  copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
  mkdirSync(path.join(dir, 'templates'), { recursive: true });
  const shipped = read(path.join(ROOT, 'templates/report.md.hbs'));
  const heading = '# {{t "introduction"}}\n';
  expect(shipped.split('\n')[4]).toBe(heading.trim());
  writeFileSync(path.join(dir, 'templates/report.md.hbs'), shipped.replace(heading, `${heading}\n${lines}\n`));
  return dir;
}

const output = (result: { stdout: string; stderr: string }) => `${result.stdout}\n${result.stderr}`;
const documentXml = (file: string) => strFromU8(unzipSync(new Uint8Array(readFileSync(file)))['word/document.xml']!);
const pdfText = async (file: string) => (await allText(await openPdf(new Uint8Array(readFileSync(file))))).join('\n').replace(/[ \t]+/g, ' ');

describe('HTML in a template (template-html)', () => {
  it('validate and build warn at the template line; the PDF, the HTML and the DOCX show its words, <br> a line break in each', async () => {
    // Lines 7 and 9 of the template.
    const dir = project('<div style="color:red"><b>DRAFT</b> – not for circulation</div>\n\nEditor\'s note<br>second line with <em>emphasis</em>.\n');
    const validated = runBin(['validate', '.'], { cwd: dir });
    expect(validated.code).toBe(0);
    for (const text of [output(validated), output(runBin(['build', '.', '--format', 'md,pdf,html,docx'], { cwd: dir }))]) {
      expect(text).toMatch(/templates\/report\.md\.hbs:7:1 warning This template writes HTML \(<div>, <b>\), which the PDF, the DOCX and the HTML pages do not carry.*\[template-html\]/);
      expect(text).toMatch(/templates\/report\.md\.hbs:9:35 warning This template writes HTML \(<em>\).*\[template-html\]/);
      expect(text).toContain('**DRAFT**');
    }
    const out = path.join(dir, 'out');
    expect(read(path.join(out, 'report.md'))).toContain('<div style="color:red"><b>DRAFT</b> – not for circulation</div>');
    const pdf = await pdfText(path.join(out, 'report.pdf'));
    expect(pdf).toContain('DRAFT – not for circulation');
    // Two lines, where the tags were dropped and the words ran together (“notesecond”).
    expect(pdf).toContain("Editor's note second line with emphasis.");
    const html = read(path.join(out, 'report.html'));
    expect(html).toContain('<p>DRAFT – not for circulation</p>');
    expect(html).toContain("<p>Editor's note<br>\nsecond line with emphasis.</p>");
    const xml = documentXml(path.join(out, 'report.docx'));
    expect(xml).toContain('DRAFT – not for circulation');
    expect(xml).toMatch(/Editor&apos;s note<\/w:t><\/w:r><w:r>(?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?<w:br\/>/);
  });
});

describe('images in a template (image)', () => {
  it('validate and every build judge them as the notes\' images, at the template line; one the report cannot show is its alt text, plain, in every format, the Markdown too', async () => {
    // Lines 7 and 9 of the template.
    const dir = project('![Remote](https://example.org/x.png)\n\n![Logo](assets/logoo.png)\n');
    const web = /templates\/report\.md\.hbs:7:1 warning The image is a web address, and images come only from files inside the project: it is left out \(the documents show its alt text\)\. \[image\]/;
    const missing = /templates\/report\.md\.hbs:9:1 warning The image file was not found\. \[image\]/;
    const validated = runBin(['validate', '.'], { cwd: dir });
    expect(validated.code).toBe(0);
    const htmlOnly = runBin(['build', '.', '--format', 'html'], { cwd: dir });
    const all = runBin(['build', '.', '--format', 'md,pdf,html,docx'], { cwd: dir });
    for (const result of [validated, htmlOnly, all]) {
      expect(output(result)).toMatch(web);
      expect(output(result)).toMatch(missing);
      // Said once, at the template: not again at the generated Markdown, nor as a web address "not found".
      expect(output(result)).not.toContain('out/report.md');
      expect(output(result).match(/\[image\]/g)).toHaveLength(2);
    }
    const out = path.join(dir, 'out');
    // The Markdown names no image it does not publish (it showed a broken image on GitHub, a web address an image fetched from the web).
    const markdown = read(path.join(out, 'report.md'));
    expect(markdown).toContain('\n\nRemote\n\nLogo\n\n');
    expect(markdown).not.toContain('![');
    const html = read(path.join(out, 'report.html'));
    expect(html).not.toMatch(/<img src="(https:|assets\/logoo)/);
    expect(html).toContain('<p>Remote</p>\n<p>Logo</p>');
    const pdf = await pdfText(path.join(out, 'report.pdf'));
    // The words, as a paragraph each, not a framed “[Remote]”.
    expect(pdf).toContain('Introduction Remote Logo Participation');
    expect(pdf).not.toContain('[');
    const xml = documentXml(path.join(out, 'report.docx'));
    // A paragraph each, in no italics, as the notes' images by a web address always were (these were in italics, those plain).
    const paragraphs = xml.split('</w:p>').map((p) => ({ text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''), italic: p.includes('<w:i/>') }));
    for (const text of ['Remote', 'Logo']) expect(paragraphs.filter((p) => p.text === text)).toEqual([{ text, italic: false }]);
  });

  it('one whose path data makes, or written as a reference, is judged by every build, a Markdown one too, at the generated document (only a PDF build judged the first, none the second)', () => {
    // assets/2022-05-09.png, which is not there; a reference, which the HTML page showed as an <img> of its web address.
    const dir = project('![Flag](assets/{{workshop.dates.start}}.png "The flag")\n\nRef: ![Ref image][logo]\n\n[logo]: https://example.org/logo.png\n');
    const built = runBin(['build', '.', '--format', 'md,html'], { cwd: dir });
    expect(built.code, output(built)).toBe(0);
    expect(output(built)).toMatch(/out\/report\.md:\d+:1 warning The image file was not found: “assets\/2022-05-09\.png”\. \[image\]/);
    expect(output(built)).toMatch(/out\/report\.md:\d+:6 warning The image is written as a reference \(!\[…\]\[logo\]\), which the report does not show/);
    expect(output(built).match(/\[image\]/g)).toHaveLength(2);
    expect(read(path.join(dir, 'out/report.md'))).toContain('# Introduction\n\nFlag\n\nRef: Ref image\n\n');
    const html = read(path.join(dir, 'out/report.html'));
    expect(html).toContain('<h1 id="introduction">Introduction</h1>\n<p>Flag</p>\n<p>Ref: Ref image</p>');
    expect(html).not.toContain('<img');
  });
});

describe('three braces in a template (template-unescaped)', () => {
  it('print the notes\' text escaped for Markdown, as two braces do (it went in as it was: *draft* in italics, exit 0 without a word); validate and build warn at the braces', () => {
    // Line 7 of the template.
    const dir = project('Raw: {{{workshop.title}}}\n\nTwo: {{workshop.title}}\n');
    editFile(path.join(dir, 'workshop.yaml'), /^title: .*$/m, 'title: "Q&A | *draft* <script>x</script> Regional Workshop"');
    const warned = /^templates\/report\.md\.hbs:7:6 warning \{\{\{workshop\.title\}\}\} prints as \{\{workshop\.title\}\} does: three braces do not switch off the escaping in these templates.*\[template-unescaped\]$/m;
    const validated = runBin(['validate', '.'], { cwd: dir });
    expect(validated.code, output(validated)).toBe(0);
    expect(validated.stderr).toMatch(warned);
    expect(validated.stderr).toContain('hint: Write {{workshop.title}}: two braces leave an “&” as it is (Q&A)');
    const built = runBin(['build', '.', '--format', 'md,html'], { cwd: dir });
    expect(built.code, output(built)).toBe(0);
    expect(built.stderr).toMatch(warned);
    const markdown = read(path.join(dir, 'out/report.md'));
    expect(markdown).toContain('Raw: Q&A \\| \\*draft\\* \\<script\\>x\\</script\\> Regional Workshop\n');
    expect(markdown).toContain('Two: Q&A \\| \\*draft\\* \\<script\\>x\\</script\\> Regional Workshop\n');
    const html = read(path.join(dir, 'out/report.html'));
    expect(html).toMatch(/Raw: Q&(amp;|#x26;)A \| \*draft\* &(lt;|#x3C;)script>x/);
    expect(html).not.toContain('<em>draft</em>');
  });
});
