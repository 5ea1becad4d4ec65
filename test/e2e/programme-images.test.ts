// A programme's documents copy its workshops' (md) texts, whose images are paths in each workshop's
// own folder: the programme publishes none of them, so each is its alt text, plain, in every format
// (the Markdown linked a file that was not there). An image the programme's own templates name is
// published with its documents, as a workshop's template's is.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, listFiles, remove, runBin, tempDir } from '../helpers/run-cli.js';
import { makePng } from '../typeset/png.js';
import { allText, openPdf } from '../typeset/read-pdf.js';
import { readDocx, wordText } from '../docx/read-docx.js';

const FIXTURES = path.join(ROOT, 'test/fixtures');
const work = tempDir('wr-programme-images-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');

/**
 * programme/ with two copies of the minimal workshop beside it (alpha-2022, beta-2023); alpha's
 * recommendation to every Member State (in the dossiers of Mali and Niger) shows a map of its own
 * assets/, and the programme's dossier template names the programme's logo.
 */
function programme(name: string): string {
  const root = path.join(work, name);
  copyTree(path.join(FIXTURES, 'programme/base'), root);
  for (const folder of ['alpha-2022', 'beta-2023']) {
    copyTree(path.join(FIXTURES, 'minimal'), path.join(root, folder));
    // Its actions have ids, as a programme's calendar needs (else action-without-id).
    const session = path.join(root, folder, 'sessions/a.yaml');
    writeFileSync(session, read(session).replace('  - text: Assess connectivity needs', '  - id: connectivity-needs\n    text: Assess connectivity needs'));
  }
  const alpha = path.join(root, 'alpha-2022');
  mkdirSync(path.join(alpha, 'assets'));
  writeFileSync(path.join(alpha, 'assets/map.png'), makePng(6, 4, 2));
  const session = path.join(alpha, 'sessions/a.yaml');
  const text = 'against current records.';
  expect(read(session)).toContain(text);
  writeFileSync(session, read(session).replace(text, `${text} See ![Map of border posts](assets/map.png)`));
  const own = path.join(root, 'programme');
  mkdirSync(path.join(own, 'assets'));
  writeFileSync(path.join(own, 'assets/logo.png'), makePng(6, 2, 2));
  mkdirSync(path.join(own, 'templates/programme'), { recursive: true });
  const dossier = read(path.join(ROOT, 'templates/programme/country-dossier.md.hbs'));
  const heading = '# {{t "programme_dossier" country=dossier.country.name}}\n';
  expect(dossier).toContain(heading);
  writeFileSync(path.join(own, 'templates/programme/country-dossier.md.hbs'), dossier.replace(heading, `${heading}\n![Programme logo](assets/logo.png)\n`));
  return root;
}

describe('images in a programme\'s documents', () => {
  it('one of a workshop\'s notes is its alt text, plain, in every format, said once; one of the programme\'s own templates is published with them', async () => {
    const root = programme('all-formats');
    const result = runBin(['build', 'programme', '--format', 'md,html,pdf,docx'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const out = path.join(root, 'programme/out');
    for (const country of ['MLI', 'NER']) {
      const markdown = read(path.join(out, `countries/${country}.md`));
      // As a workshop's report shows an image it leaves out: its alt text, plain, where it was.
      expect(markdown).toContain('against current records. See Map of border posts |');
      expect(markdown).not.toContain('![Map');
      // The programme's own image, named from the dossier's folder (it named assets/logo.png from countries/).
      expect(markdown).toContain('![Programme logo](../assets/logo.png)');
      const html = read(path.join(out, `countries/${country}.html`));
      expect(html).toContain('See Map of border posts');
      expect([...html.matchAll(/<img [^>]*>/g)].map((m) => m[0])).toEqual(['<img src="../assets/logo.png" alt="Programme logo">']);
      const pdf = (await allText(await openPdf(new Uint8Array(readFileSync(path.join(out, `countries/${country}.pdf`)))))).join(' ');
      expect(pdf.replace(/\s+/g, ' ')).toContain('See Map of border posts');
      expect(wordText(readDocx(new Uint8Array(readFileSync(path.join(out, `countries/${country}.docx`)))).xml('word/document.xml'))).toContain('See Map of border posts');
    }
    // No document of the programme names the workshop's file, which is not there.
    const files = listFiles(out).filter((file) => !file.startsWith('.'));
    for (const file of files.filter((f) => /\.(md|html)$/.test(f))) expect(read(path.join(out, file)), file).not.toContain('map.png');
    expect(files.filter((file) => file.startsWith('assets/'))).toEqual(['assets/logo.png']);
    expect(readFileSync(path.join(out, 'assets/logo.png')).equals(Buffer.from(makePng(6, 2, 2)))).toBe(true);
    // No warning of the programme's (it is no mistake), one note after what was written (its PDF warned once per
    // dossier, the map being in a table cell). The workshop's own PDF says so of its report, once, at the notes.
    expect(result.stderr).not.toMatch(/^programme\/.*\[image\]$/m);
    expect(result.stderr.match(/\[image\]$/gm)).toEqual(['[image]']);
    expect(result.stderr).toMatch(/^alpha-2022\/sessions\/a\.yaml:\d+:\d+ warning The PDF shows this image as its alt text only/m);
    expect(result.stderr.match(/^Images in the notes shown as their alt text in the programme's documents, which publish no workshop's images \(its own reports show them\): alpha-2022 \(1 image\)\.$/gm)).toHaveLength(1);
    // The workshop's own report shows it, and publishes it.
    expect(read(path.join(root, 'alpha-2022/out/recommendations.md'))).toContain('![Map of border posts](assets/map.png)');
    expect(existsSync(path.join(root, 'alpha-2022/out/assets/map.png'))).toBe(true);
  });

  it('a Markdown build alone: the same Markdown, the programme\'s own image published beside it (it was only with the HTML), and --strict passes', () => {
    const root = programme('markdown');
    const result = runBin(['build', 'programme', '--strict'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    const out = path.join(root, 'programme/out');
    const markdown = read(path.join(out, 'countries/MLI.md'));
    expect(markdown).toContain('See Map of border posts |');
    expect(markdown).not.toContain('assets/map.png');
    expect(markdown).toContain('![Programme logo](../assets/logo.png)');
    expect(listFiles(out).filter((file) => file.startsWith('assets/'))).toEqual(['assets/logo.png']);
  });

  it('an image of the programme\'s own template it cannot show is its alt text in every format, warned once at the template (not again at each document)', () => {
    const root = programme('missing');
    const template = path.join(root, 'programme/templates/programme/country-dossier.md.hbs');
    writeFileSync(template, read(template).replace('assets/logo.png', 'assets/logoo.png'));
    const line = read(template).split('\n').findIndex((text) => text.includes('assets/logoo.png')) + 1;
    const result = runBin(['build', 'programme', '--format', 'md,html'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[image\]/g)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^programme/templates/programme/country-dossier\\.md\\.hbs:${line}:1 warning The image file was not found\\. \\[image\\]$`, 'm'));
    const out = path.join(root, 'programme/out');
    expect(read(path.join(out, 'countries/MLI.md'))).toMatch(/^Programme logo$/m);
    expect(read(path.join(out, 'countries/MLI.html'))).not.toContain('<img');
    expect(listFiles(out).filter((file) => file.startsWith('assets/'))).toEqual([]);
  });
});
