// Images named in the notes are judged by `validate`, at the place the notes name them: read only
// from inside the project, up to the byte and pixel caps, PNG or JPEG. `build` does not repeat them
// per generated document, and the PDF is still written without the images it refuses.
import { existsSync, mkdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/limits.js';
import { OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { chunk, makePng } from '../typeset/png.js';
import { strFromU8, unzipSync } from 'fflate';
import { allText, openPdf } from '../typeset/read-pdf.js';
import { ROOT, copyTree, listFiles, remove, runBin, tempDir, copyExampleWithoutEditions } from '../helpers/run-cli.js';

const work = tempDir('wr-images-');
afterAll(() => remove(work));

interface Reported { ruleId: string; severity: string; message: string; file: string; line: number; column: number }
const reported = (stdout: string) => JSON.parse(stdout) as Reported[];

/** The header of a PNG of any size: enough for the pixel cap, no pixels at all. */
function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IEND', new Uint8Array())]);
}

describe('images in (md) fields', () => {
  it('validate refuses files over the byte cap and damaged ones, at the field that names them; a path that climbs out is never read, and said so', () => {
    const dir = path.join(work, 'project');
    copyExampleWithoutEditions(dir);
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    // 11 MiB with a PNG signature: refused by its size before it is read.
    const big = path.join(dir, 'assets/big.png');
    writeFileSync(big, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(big, LIMITS.imageBytes + 1);
    // Exactly at the cap: read, then refused only because it is not a whole PNG.
    const edge = path.join(dir, 'assets/edge.png');
    writeFileSync(edge, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(edge, LIMITS.imageBytes);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  ![Big](assets/big.png)\n\n  ![Edge](assets/edge.png)\n\n  ![Climb](../../../etc/hostname)\n\n'));
    const line = readFileSync(session, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 1;
    const validated = runBin(['validate', dir, '--reporter', 'json']);
    expect(validated.code).toBe(0);
    const images = reported(validated.stdout).filter((d) => d.ruleId === 'image');
    // Each at its own `![…](…)` inside the field, the summary's lines below its key.
    expect(images.map((d) => [path.basename(d.file), d.line, d.column, d.message])).toEqual([
      ['01-opening.yaml', line + 1, 3, 'The image file is 10 MiB (10,485,761 bytes); images are limited to 10 MiB (10,485,760 bytes). It is left out.'],
      ['01-opening.yaml', line + 3, 3, 'The PNG file has no valid IHDR header: it is truncated or damaged and is left out.'],
      ['01-opening.yaml', line + 5, 3, 'The image path leads outside the project folder, and images come only from inside it: it is left out (the documents show its alt text).'],
    ]);
    // build says the same once, where the notes name them, and still writes the PDF.
    const built = runBin(['build', dir, '--format', 'pdf', '--reporter', 'json']);
    expect(built.code).toBe(0);
    expect(reported(built.stdout).filter((d) => d.ruleId === 'image')).toEqual(images);
  });

  it('a symbolic link out of the project is an error at the link, and nothing is built', () => {
    const dir = path.join(work, 'escape');
    copyExampleWithoutEditions(dir);
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    symlinkSync(path.join(ROOT, 'docs/previews/cover.png'), path.join(dir, 'assets/escape.png'));
    const built = runBin(['build', dir, '--reporter', 'json']);
    expect(built.code).toBe(1);
    expect(reported(built.stdout).map((d) => `${d.ruleId} ${path.basename(d.file)}`)).toEqual(['link-outside-project escape.png']);
  });
});

/** The example, without editions, with one image file added. */
function exampleWithImage(name: string, image: string, bytes: Uint8Array): string {
  const dir = path.join(work, name);
  copyExampleWithoutEditions(dir);
  mkdirSync(path.dirname(path.join(dir, image)), { recursive: true });
  writeFileSync(path.join(dir, image), bytes);
  return dir;
}

describe('images the report never reads', () => {
  it('a web address, a path out of the project and an absolute path: each a warning of validate and build at its own ![…](…), none read', () => {
    const dir = exampleWithImage('refused', 'assets/x.png', makePng(4, 4, 2));
    const session = path.join(dir, 'sessions/01-opening.yaml');
    const photo = 'Photo: ![Group photo](http://example.org/photo.png) and ![rel](../img/assets/x.png) and ![abs](/etc/hostname) and ![rel2](../../etc/passwd.png)';
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', `summary: |\n  ${photo}\n\n`));
    const line = readFileSync(session, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 2;
    // Columns are 1-based, after the block scalar's two spaces of indentation.
    const column = (image: string) => 3 + photo.indexOf(image);
    const expected = [
      { at: column('![Group photo]'), message: 'The image is a web address, and images come only from files inside the project: it is left out (the documents show its alt text).', hint: "Download the image into the project's assets/ folder and write its path, e.g. ![…](assets/photo.png)." },
      { at: column('![rel]'), message: 'The image path leads outside the project folder, and images come only from inside it: it is left out (the documents show its alt text).', hint: "Copy the image into the project's assets/ folder if it is not there, and write its path from the project folder down, e.g. ![…](assets/x.png)." },
      { at: column('![abs]'), message: 'The image path is absolute, and images come only from inside the project folder: it is left out (the documents show its alt text).', hint: "Copy the image into the project's assets/ folder and write its path from the project folder, e.g. ![…](assets/photo.png)." },
      { at: column('![rel2]'), message: 'The image path leads outside the project folder, and images come only from inside it: it is left out (the documents show its alt text).', hint: "Copy the image into the project's assets/ folder if it is not there, and write its path from the project folder down, e.g. ![…](assets/passwd.png)." },
    ].map(({ at, message, hint }) => ({ ruleId: 'image', severity: 'warning', file: 'sessions/01-opening.yaml', line, column: at, message, hint }));
    const pick = (stdout: string) => (JSON.parse(stdout) as Array<Reported & { hint: string }>).filter((d) => d.ruleId === 'image')
      .map(({ ruleId, severity, file, line: l, column: c, message, hint }) => ({ ruleId, severity, file: path.relative(dir, path.resolve(dir, file)).split(path.sep).join('/'), line: l, column: c, message, hint }));
    const validated = runBin(['validate', '.', '--reporter', 'json'], { cwd: dir });
    expect(validated.code).toBe(0);
    expect(pick(validated.stdout)).toEqual(expected);
    // build says the same, once each, and still writes every format, with the alt text in the image's place.
    const built = runBin(['build', '.', '--format', 'md,html', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(pick(built.stdout)).toEqual(expected);
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toContain('Photo: Group photo and rel and abs and rel2');
  });
});

describe('an image the report cannot show', () => {
  /** The fonts of the PDF's text items that are one of `texts`, by text (regular or italic). */
  async function pdfFonts(file: string, texts: readonly string[]): Promise<Record<string, string>> {
    const doc = await openPdf(new Uint8Array(readFileSync(file)));
    const fonts: Record<string, string> = {};
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      await page.getOperatorList();
      for (const item of content.items) if ('str' in item && texts.includes(item.str)) fonts[item.str] = (page.commonObjs.get(item.fontName) as { name: string }).name.replace(/^[A-Z]+\+/, '');
    }
    return fonts;
  }

  it('is its alt text, plain, in its place in every format, the Markdown too, for every reason it is left out; one it shows beside it is as it was', async () => {
    const good = makePng(4, 4, 2);
    const dir = exampleWithImage('left-out', 'assets/good.png', good);
    writeFileSync(path.join(dir, 'assets/bad.png'), Buffer.from('not an image at all, nor a PNG: random bytes would do'));
    writeFileSync(path.join(dir, 'assets/cut.png'), good.subarray(0, 40));
    writeFileSync(path.join(dir, 'assets/huge.png'), pngHeader(20_000, 20_000));
    writeFileSync(path.join(dir, 'assets/big.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    truncateSync(path.join(dir, 'assets/big.png'), LIMITS.imageBytes + 1);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    const summary = [
      'Photo: ![Not an image](assets/bad.png) and ![Fine](assets/good.png "The delegations") here.',
      '![Cut short](assets/cut.png)', '![Too many pixels](assets/huge.png)', '![Too large](assets/big.png)', '![Not there](assets/gone.png)', '![On the web](https://example.org/x.png)',
      '[![Linked](assets/bad.png)](https://example.org/)',
    ];
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', `summary: |\n${summary.map((line) => `  ${line}\n\n`).join('')}`));
    const country = path.join(dir, 'countries/MLI.yaml');
    writeFileSync(country, readFileSync(country, 'utf8').replace('  - Border posts without reliable power or connectivity.', '  - "Border posts without power: ![Not an image](assets/bad.png) ![Fine](assets/good.png)"'));
    const built = runBin(['build', '.', '--format', 'md,pdf,docx,html', '--reporter', 'json'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    // Each said once, where the notes name it (the same place validate says it), never at a generated document.
    const images = reported(built.stdout).filter((d) => d.ruleId === 'image');
    expect(images.map((d) => `${d.file} ${d.message.split(/[.:]/)[0]}`)).toEqual([
      'countries/MLI.yaml The image is not a PNG or JPEG file and is left out',
      'sessions/01-opening.yaml The image is not a PNG or JPEG file and is left out',
      'sessions/01-opening.yaml The PNG file is damaged and is left out',
      'sessions/01-opening.yaml The image is 20,000 × 20,000 = 400,000,000 pixels; images are limited to 40,000,000 pixels',
      'sessions/01-opening.yaml The image file is 10 MiB (10,485,761 bytes); images are limited to 10 MiB (10,485,760 bytes)',
      'sessions/01-opening.yaml The image file was not found',
      'sessions/01-opening.yaml The image is a web address, and images come only from files inside the project',
      'sessions/01-opening.yaml The image is not a PNG or JPEG file and is left out',
    ]);
    const out = path.join(dir, 'out');
    // The Markdown names only the image it publishes (it named each file left out, a broken image on GitHub and through pandoc).
    const markdown = readFileSync(path.join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('\n\nPhoto: Not an image and ![Fine](assets/good.png "The delegations") here.\n\nCut short\n\nToo many pixels\n\nToo large\n\nNot there\n\nOn the web\n\n[Linked](https://example.org/)\n\n');
    expect(markdown.match(/!\[[^\]]*\]\([^) ]*/g)).toEqual(['![Fine](assets/good.png', '![Fine](assets/good.png']);
    expect(readFileSync(path.join(out, 'countries/MLI.md'), 'utf8')).toContain('- Border posts without power: Not an image ![Fine](../assets/good.png)\n');
    expect(listFiles(path.join(out, 'assets'))).toEqual(['good.png']);
    expect(readFileSync(path.join(out, 'assets/good.png')).equals(Buffer.from(good))).toBe(true);
    // The HTML page: the same words in the same place, plain (the shown image in its figure, as ever).
    const html = readFileSync(path.join(out, 'report.html'), 'utf8');
    expect(html).toContain('<p>Photo: Not an image and here.</p>\n<figure class="image"><img src="assets/good.png" alt="Fine" title="The delegations"><figcaption>The delegations</figcaption></figure>\n<p>Cut short</p>\n<p>Too many pixels</p>\n<p>Too large</p>\n<p>Not there</p>\n<p>On the web</p>\n<p><a href="https://example.org/">Linked</a></p>');
    expect(html).not.toMatch(/<img src="(?!assets\/good\.png)/);
    // The DOCX: plain runs (the alt text of a file left out was in italics, of a web address plain).
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync(path.join(out, 'report.docx'))))['word/document.xml']!);
    // Each a paragraph of its own words, in no italics (Photo: … before the image's paragraph).
    const paragraphs = xml.split('</w:p>').map((p) => ({ text: [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''), italic: p.includes('<w:i/>') }));
    for (const text of ['Photo: Not an image and here.', 'Cut short', 'Too many pixels', 'Too large', 'Not there', 'On the web', 'Linked']) expect(paragraphs.filter((p) => p.text === text)).toEqual([{ text, italic: false }]);
    // The two images it shows (here and in the country section), and no other.
    expect(xml.match(/<a:blip\b/g)).toHaveLength(2);
    // The PDF: the same words, in roman type, not a framed “[Cut short]” in italics.
    const pdf = (await allText(await openPdf(new Uint8Array(readFileSync(path.join(out, 'report.pdf')))))).join('\n');
    expect(pdf).toContain('Photo: Not an image and here.');
    expect(pdf).toContain('Cut short Too many pixels Too large Not there On the web Linked');
    expect(pdf).not.toContain('[');
    expect(new Set(Object.values(await pdfFonts(path.join(out, 'report.pdf'), ['Cut short', 'Too large', 'On the web', 'Linked'])))).toEqual(new Set(['SourceSans3-Regular']));
    // A build of the Markdown alone leaves the same images out: the check finds the folder up to date.
    const check = runBin(['build', '.', '--check', '--format', 'md'], { cwd: dir });
    expect(check.code, check.stdout + check.stderr).toBe(0);
  });
});

describe('images in a translation', () => {
  it('are judged as the notes\' are, at the ![ in the translation file: a missing file, a web address (validate did not look at translations)', () => {
    const dir = path.join(work, 'translated');
    copyTree(path.join(ROOT, 'examples/rabat-2022'), dir);
    const file = path.join(dir, 'translations/fr/sessions/01-opening.yaml');
    const photo = 'Photo : ![La tribune](assets/tribune.png) et ![En ligne](https://example.org/a.png)';
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^(summary:\n  source: .*\n  text: \|\n)/m, `$1    ${photo}\n\n`));
    const line = readFileSync(file, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 4;
    const validated = runBin(['validate', '.', '--reporter', 'json'], { cwd: dir });
    expect(validated.code, validated.stderr).toBe(0);
    const images = reported(validated.stdout).filter((d) => d.ruleId === 'image').map((d) => [d.file, d.line, d.column, d.message.split(':')[0]]);
    expect(images).toEqual([
      ['translations/fr/sessions/01-opening.yaml', line, 5 + photo.indexOf('![La tribune]'), 'The image file was not found.'],
      ['translations/fr/sessions/01-opening.yaml', line, 5 + photo.indexOf('![En ligne]'), 'The image is a web address, and images come only from files inside the project'],
    ]);
  });
});

describe('an image written as a reference', () => {
  it('![alt][label] with its definition in the field: a warning of validate at the ![ (every format showed only its alt text, silently)', () => {
    const dir = exampleWithImage('reference', 'assets/x.png', makePng(4, 4, 2));
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  Photo: ![Group photo][photo]\n\n  [photo]: assets/x.png\n\n'));
    const line = readFileSync(session, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 2;
    const validated = runBin(['validate', '.', '--reporter', 'json'], { cwd: dir });
    expect(validated.code).toBe(0);
    expect(reported(validated.stdout).filter((d) => d.ruleId === 'image').map(({ severity, file, line: l, column, message }) => ({ severity, file, line: l, column, message }))).toEqual([
      { severity: 'warning', file: 'sessions/01-opening.yaml', line, column: 10, message: 'The image is written as a reference (![…][photo]), which the report does not show: it is left out (the documents show its alt text).' },
    ]);
  });
});

describe('an image shown with the Markdown', () => {
  it('is published beside it (also when only Markdown is built), and a brief one folder down names it ../assets/x.png; a later build removes it', async () => {
    const png = makePng(4, 4, 2);
    const dir = exampleWithImage('markdown', 'assets/x.png', png);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    const country = path.join(dir, 'countries/MLI.yaml');
    const original = readFileSync(country, 'utf8');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  Photo: ![Group photo](assets/x.png)\n\n'));
    writeFileSync(country, original.replace('  - Border posts without reliable power or connectivity.', '  - "Border posts without power: ![Group photo](assets/x.png)"'));
    const built = runBin(['build', '.', '--format', 'md', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(reported(built.stdout).filter((d) => d.ruleId === 'image')).toEqual([]);
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toContain('Photo: ![Group photo](assets/x.png)');
    expect(readFileSync(path.join(dir, 'out/countries/MLI.md'), 'utf8')).toContain('- Border posts without power: ![Group photo](../assets/x.png)');
    expect(readFileSync(path.join(dir, 'out/assets/x.png')).equals(Buffer.from(png))).toBe(true);
    // With the HTML too: the one file, published once, and the PDF shows the image inside its paragraph.
    const all = runBin(['build', '.', '--format', 'md,html,pdf'], { cwd: dir });
    expect(all.code).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/.workshop-report.json'), 'utf8')) as { files: string[]; formats: Record<string, string[]> };
    expect(manifest.files.filter((file) => file === 'assets/x.png')).toHaveLength(1);
    // Made for the Markdown and the HTML alike: a build of the PDF alone leaves it, a build of either removes it once no document shows it.
    expect([manifest.formats.md?.includes('assets/x.png'), manifest.formats.html?.includes('assets/x.png'), manifest.formats.pdf?.includes('assets/x.png')]).toEqual([true, true, false]);
    const doc = await openPdf(new Uint8Array(readFileSync(path.join(dir, 'out/countries/MLI.pdf'))));
    let painted = 0;
    for (let p = 1; p <= doc.numPages; p++) painted += (await (await doc.getPage(p)).getOperatorList()).fnArray.filter((op) => op === OPS.paintImageXObject).length;
    expect(painted).toBe(1);
    // The notes name it no more: the next build removes it.
    writeFileSync(country, original);
    writeFileSync(session, readFileSync(session, 'utf8').replace('  Photo: ![Group photo](assets/x.png)\n\n', ''));
    expect(runBin(['build', '.', '--format', 'md'], { cwd: dir }).code).toBe(0);
    expect(existsSync(path.join(dir, 'out/assets/x.png'))).toBe(false);
  });
});

describe('the logo in a Markdown build', () => {
  it('is published with it as the front matter names it, from each document\'s folder (report.md: assets/…, a brief: ../assets/…)', () => {
    const png = makePng(6, 2, 2);
    const dir = exampleWithImage('logo-markdown', 'assets/our_logo.png', png);
    const workshop = path.join(dir, 'workshop.yaml');
    writeFileSync(workshop, readFileSync(workshop, 'utf8').replace(/^report:\n/m, 'report:\n  logo: assets/our_logo.png\n'));
    const built = runBin(['build', '.', '--format', 'md'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    // As the template writes it (escaped for Markdown, as pandoc reads front matter), one folder up for a brief.
    expect(readFileSync(path.join(dir, 'out/report.md'), 'utf8')).toMatch(/^logo: "assets\/our\\\\_logo\.png"$/m);
    expect(readFileSync(path.join(dir, 'out/countries/MLI.md'), 'utf8')).toMatch(/^logo: "\.\.\/assets\/our\\\\_logo\.png"$/m);
    expect(readFileSync(path.join(dir, 'out/assets/our_logo.png')).equals(Buffer.from(png))).toBe(true);
  });
});

describe('an image the PDF can only show as text', () => {
  it('in a recommendation (a table cell): a warning of build at that ![…](…), though the same file is named earlier', () => {
    const dir = exampleWithImage('table-cell', 'assets/x.png', makePng(4, 4, 2));
    const opening = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(opening, readFileSync(opening, 'utf8').replace('summary: |\n', 'summary: |\n  Photo: ![Group photo](assets/x.png)\n\n'));
    const session = path.join(dir, 'sessions/02-trends-threats.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('and share the results with border agencies.', 'and share the results ![map](assets/x.png) with border agencies.'));
    const lines = readFileSync(session, 'utf8').split('\n');
    const line = lines.findIndex((text) => text.includes('![map]')) + 1;
    const column = lines[line - 1]!.indexOf('![map]') + 1;
    const built = runBin(['build', '.', '--format', 'pdf', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(reported(built.stdout).filter((d) => d.ruleId === 'image').map((d) => ({ file: d.file, line: d.line, column: d.column, severity: d.severity, message: d.message }))).toEqual([
      { file: 'sessions/02-trends-threats.yaml', line, column, severity: 'warning', message: 'The PDF shows this image as its alt text only: it is in a table cell or a heading, where the PDF places no image (the HTML and DOCX show it).' },
    ]);
  });
});

describe('where an image is named', () => {
  it('the same image twice in one field: each reported at its own place', () => {
    const dir = exampleWithImage('twice', 'assets/huge.png', pngHeader(20_000, 20_000));
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('summary: |\n', 'summary: |\n  See ![a](assets/huge.png) and ![a](assets/huge.png).\n\n'));
    const line = readFileSync(session, 'utf8').split('\n').findIndex((text) => text.startsWith('summary:')) + 2;
    const images = reported(runBin(['validate', dir, '--reporter', 'json']).stdout).filter((d) => d.ruleId === 'image');
    expect(images.map((d) => `${d.line}:${d.column}`)).toEqual([`${line}:7`, `${line}:33`]);
  });
});

describe('the logo', () => {
  it('a 20,000 × 20,000 PNG is reported once, by validate, at the logo key of workshop.yaml; build never blames a generated file', () => {
    const dir = exampleWithImage('logo', 'assets/logo.png', pngHeader(20_000, 20_000));
    const workshop = path.join(dir, 'workshop.yaml');
    writeFileSync(workshop, readFileSync(workshop, 'utf8').replace('report:\n', 'report:\n  logo: assets/logo.png\n'));
    const line = readFileSync(workshop, 'utf8').split('\n').findIndex((text) => text === '  logo: assets/logo.png') + 1;
    const expected = [{ ruleId: 'image', severity: 'warning', file: 'workshop.yaml', line, column: 3, message: 'The image is 20,000 × 20,000 = 400,000,000 pixels; images are limited to 40,000,000 pixels. It is left out.' }];
    const pick = (list: Reported[]) => list.filter((d) => d.ruleId === 'image').map(({ ruleId, severity, file, line: l, column, message }) => ({ ruleId, severity, file, line: l, column, message }));
    const validated = runBin(['validate', '.', '--reporter', 'json'], { cwd: dir });
    expect(pick(reported(validated.stdout))).toEqual(expected);
    const built = runBin(['build', '.', '--format', 'md,pdf', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(0);
    expect(pick(reported(built.stdout))).toEqual(expected);
  });

  it('one the report cannot show (damaged, not PNG or JPEG) is named by no front matter, in any folder, and not published (report.md named `logo: "assets/logo.png"`, a file not there)', () => {
    const dir = exampleWithImage('logo-left-out', 'assets/logo.png', new TextEncoder().encode('not an image at all'));
    const workshop = path.join(dir, 'workshop.yaml');
    writeFileSync(workshop, readFileSync(workshop, 'utf8').replace('report:\n', 'report:\n  logo: assets/logo.png\n'));
    const line = readFileSync(workshop, 'utf8').split('\n').findIndex((text) => text === '  logo: assets/logo.png') + 1;
    const built = runBin(['build', '.', '--format', 'md,html,docx', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(0);
    // Said once, where the notes name it, as before.
    expect(reported(built.stdout).filter((d) => d.ruleId === 'image').map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([`workshop.yaml:${line}:3`]);
    for (const file of ['out/report.md', 'out/countries/MLI.md']) {
      const markdown = readFileSync(path.join(dir, file), 'utf8');
      expect(markdown, file).toMatch(/^---\ntitle: /);
      expect(markdown, file).not.toMatch(/^logo:/m);
    }
    expect(existsSync(path.join(dir, 'out/assets/logo.png'))).toBe(false);
    expect(listFiles(path.join(dir, 'out')).filter((file) => file.startsWith('assets/'))).toEqual([]);
  });

  it('transparency under PDF/A, which only the build judges, is reported once at the logo key, not at a generated file', () => {
    const dir = path.join(work, 'logo-pdfa');
    copyExampleWithoutEditions(dir);
    mkdirSync(path.join(dir, 'assets'), { recursive: true });
    writeFileSync(path.join(dir, 'assets/logo.png'), makePng(4, 4, 6));
    const workshop = path.join(dir, 'workshop.yaml');
    writeFileSync(workshop, readFileSync(workshop, 'utf8').replace('report:\n', 'report:\n  logo: assets/logo.png\n'));
    const line = readFileSync(workshop, 'utf8').split('\n').findIndex((text) => text === '  logo: assets/logo.png') + 1;
    expect(reported(runBin(['validate', '.', '--reporter', 'json'], { cwd: dir }).stdout).filter((d) => d.ruleId === 'image')).toEqual([]);
    const built = runBin(['build', '.', '--format', 'pdf', '--pdf-a', '--reporter', 'json'], { cwd: dir });
    expect(built.code).toBe(1);
    const images = reported(built.stdout).filter((d) => d.ruleId === 'image');
    expect(images.map(({ severity, file, line: l, column, message }) => ({ severity, file, line: l, column, message }))).toEqual([
      { severity: 'error', file: 'workshop.yaml', line, column: 3, message: 'The image has transparency, which PDF/A does not allow.' },
    ]);
  });
});
