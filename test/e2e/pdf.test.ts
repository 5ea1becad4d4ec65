import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allText, openPdf, pageText, type PdfDoc } from '../typeset/read-pdf.js';
import { ROOT, copyTree, listFiles, read, remove, runBin, runInProcess, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-pdf-');
afterAll(() => remove(work));
const out = path.join(work, 'rabat');
let report: PdfDoc;

beforeAll(async () => {
  const result = runBin(['build', 'examples/rabat-2022', '--format', 'md,pdf', '--out', out]);
  expect(result.code).toBe(0);
  report = await openPdf(readFileSync(path.join(out, 'en/restricted/report.pdf')));
});

describe('the example report as PDF', () => {
  it('writes a PDF beside each Markdown document', () => {
    const documents = ['countries/BFA.pdf', 'countries/GHA.pdf', 'countries/MLI.pdf', 'countries/NER.pdf', 'follow-up.pdf', 'recommendations.pdf', 'report.pdf'];
    const edition = (language: string) => [...['press-release.pdf', ...documents].sort().map((f) => `${language}/public/${f}`), ...documents.map((f) => `${language}/restricted/${f}`)];
    // The example is bilingual: each language in its folder, its editions inside.
    expect(listFiles(out).filter((f) => f.endsWith('.pdf'))).toEqual([...edition('en'), ...edition('fr')]);
  });

  it('has a cover, contents, footers with page numbers, and the text with its accents', async () => {
    expect(report.numPages).toBeGreaterThan(12);
    expect(await pageText(report, 1)).toContain('Regional Workshop on Good Practices in Border Security Management');
    expect(await pageText(report, 1)).not.toMatch(/Page 1 of/);
    expect(await pageText(report, 2)).toContain('Contents');
    expect(await pageText(report, 2)).toContain(`Page 2 of ${report.numPages}`);
    const text = (await allText(report)).join(' ');
    expect(text).toContain('Ouédraogo');
    expect(text).toContain('“Tanger-Med”');
    for (let r = 1; r <= 16; r++) expect(text).toContain(`R${r}`);
  });

  it('has bookmarks mirroring the headings', async () => {
    const outline = (await report.getOutline()) ?? [];
    expect(outline.map((item) => item.title)).toEqual(['Introduction', 'Sessions', 'Recommendations', 'Follow-up action plan', 'Country summaries', 'Annex: Programme']);
    expect(outline[1]!.items.map((item) => item.title)[0]).toBe('Session 1: Opening session');
  });

  it('embeds its fonts and is tagged, titled and in its language', async () => {
    const bytes = readFileSync(path.join(out, 'en/restricted/report.pdf')).toString('latin1');
    expect(bytes).toMatch(/\/FontFile2/);
    expect(bytes).toMatch(/SourceSans3-Regular/);
    expect(bytes).toMatch(/\/StructTreeRoot/);
    expect(bytes).toMatch(/\/Lang \(en\)/);
    const { info } = (await report.getMetadata()) as unknown as { info: Record<string, unknown> };
    expect(info.Title).toBe('Regional Workshop on Good Practices in Border Security Management');
  });

  it('country briefs link back to the full report as PDF', () => {
    const brief = readFileSync(path.join(out, 'en/restricted/countries/MLI.pdf')).toString('latin1');
    expect(brief).toMatch(/report\.pdf#session-2-recent-trends-and-threats-in-the-region|\(\.\.\/report\.pdf\)/);
  });
});

describe('PDF output is reproducible', () => {
  it('gives byte-identical PDFs whatever the time zone and locale', () => {
    const builds = [
      { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8' },
      { TZ: 'America/Anchorage', LANG: 'en_US.UTF-8' },
    ].map((env, i) => {
      const dir = path.join(work, `tz-${i}`);
      expect(runBin(['build', 'examples/rabat-2022', '--format', 'pdf', '--out', dir], { env }).code).toBe(0);
      return listFiles(dir).map((f) => [f, readFileSync(path.join(dir, f)).toString('base64')]);
    });
    expect(builds[0]).toEqual(builds[1]);
    expect(builds[0]!.map(([f]) => f)).toContain('fr/public/report.pdf');
  });
});

describe('the two editions of the example as PDF', () => {
  const MARKING = 'RESTRICTED: for workshop participants only';
  const RESTRICTED = ['Ménaka and Mopti', 'Tillabéri and Agadez', 'without causing significant delays', 'joint coordination centre at the ports of Tema'];

  it('prints the restricted edition\'s marking on the cover and in the header of every other page', async () => {
    expect(await pageText(report, 1)).toContain(MARKING);
    for (let page = 2; page <= report.numPages; page++) expect(await pageText(report, page), `page ${page}`).toContain(MARKING);
    const text = (await allText(report)).join(' ').replace(/\s+/g, ' ');
    for (const phrase of RESTRICTED) expect(text).toContain(phrase);
  });

  it('leaves every restricted item and every name of a person out of the public PDFs', async () => {
    const pdfs = listFiles(path.join(out, 'en/public')).filter((f) => f.endsWith('.pdf'));
    expect(pdfs).toHaveLength(8);
    for (const file of pdfs) {
      const text = (await allText(await openPdf(readFileSync(path.join(out, 'en/public', file))))).join(' ').replace(/\s+/g, ' ');
      expect(text, file).not.toContain(MARKING);
      for (const phrase of [...RESTRICTED, 'Youssef Benjelloun', 'Karim Tazi', 'Léa Fontaine']) expect(text, `${file}: ${phrase}`).not.toContain(phrase);
    }
    const publicReport = (await allText(await openPdf(readFileSync(path.join(out, 'en/public/report.pdf'))))).join(' ');
    expect(publicReport).toContain('a representative (Kingdom of Morocco)');
  });
});

describe('French PDF', () => {
  it('says "Page 2 sur N" and keeps French typography', async () => {
    const dir = path.join(work, 'niamey');
    expect(runBin(['build', 'examples/niamey-2022', '--format', 'pdf', '--out', dir]).code).toBe(0);
    const doc = await openPdf(readFileSync(path.join(dir, 'report.pdf')));
    expect(await pageText(doc, 2)).toContain(`Page 2 sur ${doc.numPages}`);
    expect(await pageText(doc, 2)).toContain('Table des matières');
    const text = (await allText(doc)).join(' ');
    expect(text).toContain('cœur');
    expect(text).toContain('Tous les États Membres participants');
  });
});

describe('characters no font can draw', () => {
  it('warns with the document, the line and the characters, and still builds', async () => {
    const dir = path.join(work, 'glyphs');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const file = path.join(dir, 'sessions/a.yaml');
    writeFileSync(file, read(file).replace(/^title: (.*)$/m, 'title: "$1 مرحبا 你好"'));
    const result = await runInProcess(['build', dir, '--format', 'pdf'], { cwd: dir });
    expect(result.code).toBe(0);
    // Located where the notes hold the first of them (the session title), the generated document as a related place.
    expect(result.stderr).toMatch(/^sessions\/a\.yaml:1:\d+ warning The embedded fonts have no glyph for these 7 characters: .*\[missing-glyph\]$/m);
    // --format pdf writes no Markdown: the related place says where it would be, and how to have it written.
    expect(result.stderr).toMatch(/^ +see: out\/report\.md:\d+:\d+ where the generated document shows it \(its Markdown is written by a build with md among its formats\)$/m);
    expect(existsSync(path.join(dir, 'out/report.md'))).toBe(false);
    const both = await runInProcess(['build', dir, '--format', 'md,pdf'], { cwd: dir });
    expect(both.stderr).toMatch(/^ +see: out\/report\.md:\d+:\d+ where the generated document shows it$/m);
    expect(result.stderr).toContain('U+0645');
    expect(result.stderr).toContain('U+4F60');
  });

  it('characters on different lines of the notes are said at each line, each with its own (they were all said at the first)', async () => {
    const dir = path.join(work, 'glyphs-lines');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const file = path.join(dir, 'sessions/a.yaml');
    writeFileSync(file, read(file).replace(/^title: (.*)$/m, 'title: "$1 مرحبا"').replace('  - Screening depends on timely access to watchlists.', '  - Screening depends on timely access to watchlists ①.'));
    const keyPoint = read(file).split('\n').findIndex((line) => line.includes('①')) + 1;
    const result = await runInProcess(['build', dir, '--format', 'pdf'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^sessions\/a\.yaml:1:\d+ warning The embedded fonts have no glyph for these 5 characters: [^\n①]*\[missing-glyph\]$/m);
    expect(result.stderr).toMatch(new RegExp(`^sessions/a\\.yaml:${keyPoint}:\\d+ warning The embedded fonts have no glyph for this character: ① \\(U\\+2460\\); it is printed as`, 'm'));
  });

  it('a character is said where the document\'s word holding it comes from, not where the notes first hold the character (a name\'s alif blamed for a recommendation\'s)', async () => {
    const dir = path.join(work, 'glyphs-word');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const file = path.join(dir, 'sessions/a.yaml');
    writeFileSync(file, read(file).replace(/^title: (.*)$/m, 'title: "$1 العلوي"').replace('screen every traveller against current records.', 'screen every traveller against current records (ال).'));
    const line = read(file).split('\n').findIndex((text) => text.includes('(ال)')) + 1;
    const column = read(file).split('\n')[line - 1]!.indexOf('(ال)') + 2;
    const result = await runInProcess(['build', dir, '--format', 'md,pdf'], { cwd: dir });
    expect(result.code).toBe(0);
    // recommendations.md prints the recommendation and not the title: its warning is at the recommendation's word.
    expect(result.stderr).toMatch(new RegExp(`^sessions/a\\.yaml:${line}:${column} warning The embedded fonts have no glyph for these 2 characters: ا \\(U\\+0627\\), ل \\(U\\+0644\\)[^\\n]*\\n(?:.*\\n)*? +see: out/recommendations\\.md:`, 'm'));
    expect(result.stderr).toMatch(/^sessions\/a\.yaml:1:\d+ warning The embedded fonts have no glyph for these \d+ characters:/m);
  });

  it('a character written as a reference in the notes (&#x2460;) is said at the reference, not in the generated document', async () => {
    const dir = path.join(work, 'glyphs-reference');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const file = path.join(dir, 'sessions/a.yaml');
    writeFileSync(file, read(file).replace('  - Screening depends on timely access to watchlists.', '  - Screening depends on timely access to watchlists &#x2460;.'));
    const line = read(file).split('\n').findIndex((text) => text.includes('&#x2460;')) + 1;
    const column = read(file).split('\n')[line - 1]!.indexOf('&#x2460;') + 1;
    const result = await runInProcess(['build', dir, '--format', 'md,pdf'], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^sessions/a\\.yaml:${line}:${column} warning The embedded fonts have no glyph for this character: ① \\(U\\+2460\\)`, 'm'));
    expect(result.stderr).toMatch(/^ +see: out\/report\.md:\d+:\d+ where the generated document shows it$/m);
  });
});

describe('custom documents as PDF', () => {
  it('typesets a per-country custom document like the built-in ones', async () => {
    const dir = path.join(work, 'custom');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  formats: [md, pdf]\n  documents:\n    - { name: minister, template: minister.md.hbs, per: country }\n`);
    copyTree(path.join(ROOT, 'templates/partials'), path.join(dir, 'templates/partials'));
    writeFileSync(path.join(dir, 'templates/minister.md.hbs'), '{{> front-matter document="Note"}}\n\n# {{brief.country.name}}\n\n{{length brief.recommendations}} recommendations.\n');
    expect((await runInProcess(['build', dir])).code).toBe(0);
    expect(listFiles(path.join(dir, 'out')).filter((f) => f.startsWith('minister/'))).toEqual(['minister/MLI.md', 'minister/MLI.pdf', 'minister/NER.md', 'minister/NER.pdf']);
    const doc = await openPdf(readFileSync(path.join(dir, 'out/minister/NER.pdf')));
    expect((await allText(doc)).join(' ')).toContain('Niger');
  });
});

describe('a custom document in another language than the report', () => {
  it('prints its fixed words (contents, page numbers, cover, notes) in the language its front matter names, in every format', async () => {
    const dir = path.join(work, 'custom-fr');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  formats: [md, pdf, docx, html]\n  documents:\n    - { name: communique, template: communique.md.hbs }\n`);
    mkdirSync(path.join(dir, 'templates'), { recursive: true });
    const sections = ['Contexte', 'Objectifs', 'Suites'].map((h) => `# ${h}\n\nTexte${h === 'Suites' ? '[^1]' : ''}.\n`).join('\n');
    writeFileSync(path.join(dir, 'templates/communique.md.hbs'), `---\ntitle: "Communiqué"\nlang: fr\norganizers:\n  - "ONUCT"\n---\n\n${sections}\n[^1]: Une note.\n`);
    expect((await runInProcess(['build', dir])).code).toBe(0);
    const pdf = (await allText(await openPdf(readFileSync(path.join(dir, 'out/communique.pdf'))))).join(' ');
    expect(pdf).toContain('Table des matières');
    expect(pdf).toMatch(/Organisé par/i);
    expect(pdf).toMatch(/Page 2 sur \d/);
    expect(pdf).not.toMatch(/Contents|Page \d of|Organized by/i);
    const { readDocx, wordText } = await import('../docx/read-docx.js');
    const docx = readDocx(readFileSync(path.join(dir, 'out/communique.docx')));
    const words = Object.keys(docx.parts).filter((p) => /^word\/(document|footer\d*)\.xml$/.test(p)).map((p) => wordText(docx.xml(p))).join(' ');
    expect(words).toContain('Table des matières');
    expect(words).toMatch(/Organisé par/i);
    expect(words).toMatch(/Page.*sur/);
    expect(words).not.toMatch(/Contents|Organized by| of /i);
    const html = read(path.join(dir, 'out/communique.html'));
    expect(html).toContain('aria-label="Table des matières"');
    expect(html).toMatch(/Organisé par/i);
    expect(html).toContain('>Notes<');
  });
});

describe('progress', () => {
  it('shows which document is typeset on a terminal, never in CI or when piped', async () => {
    const run = async (isTTY: boolean, env: Record<string, string>) => {
      let stderr = '';
      const { run: runCli } = await import('../../src/cli/run.js');
      await runCli(['build', path.join(ROOT, 'test/fixtures/minimal'), '--format', 'pdf', '--out', path.join(work, `progress-${isTTY}-${Object.keys(env).length}`)], {
        stdout: { write: () => undefined }, stderr: { write: (t: string) => { stderr += t; }, isTTY }, cwd: ROOT, env,
      });
      return stderr;
    };
    expect(await run(true, {})).toContain('Typesetting report.pdf (1/4)');
    expect(await run(true, { CI: 'true' })).not.toContain('Typesetting');
    expect(await run(false, {})).not.toContain('Typesetting');
  });
});

describe('archival PDF/A and the logo', () => {
  it('--pdf-a writes PDF/A identification, and refuses a logo with an alpha channel without writing anything', async () => {
    const { makePng } = await import('../typeset/png.js');
    const dir = path.join(work, 'pdfa');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const { mkdirSync } = await import('node:fs');
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets/logo.png'), makePng(40, 20, 2));
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  logo: assets/logo.png\n`);
    expect((await runInProcess(['build', dir, '--format', 'pdf', '--pdf-a'])).code).toBe(0);
    const raw = readFileSync(path.join(dir, 'out/report.pdf')).toString('latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('/OutputIntents');
    expect(raw).toMatch(/\/StructTreeRoot/);
    expect(raw).not.toMatch(/\/S \/Transparency/);
    const before = listFiles(path.join(dir, 'out'));

    writeFileSync(path.join(dir, 'assets/logo.png'), makePng(40, 20, 6));
    const refused = await runInProcess(['build', dir, '--format', 'pdf', '--pdf-a'], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('[image]');
    expect(listFiles(path.join(dir, 'out'))).toEqual(before);
    expect((await runInProcess(['build', dir, '--format', 'pdf'])).code).toBe(0);
  });
});

describe('the PDF theme', () => {
  it('--pdf-theme FILE wins over report.pdf_theme, and is checked by its schema', async () => {
    const dir = path.join(work, 'theme');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  pdf_theme: { page_size: A4 }\n`);
    writeFileSync(path.join(dir, 'letter.yaml'), 'page_size: Letter\naccent_color: "#7A1F1F"\n');
    expect((await runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', path.join(dir, 'letter.yaml')])).code).toBe(0);
    const doc = await openPdf(readFileSync(path.join(dir, 'out/report.pdf')));
    expect((await doc.getPage(1)).view).toEqual([0, 0, 612, 792]);

    writeFileSync(path.join(dir, 'bad.yaml'), 'page_size: Letter\naccent_colour: "#7A1F1F"\n');
    const bad = await runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', path.join(dir, 'bad.yaml')], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/^bad\.yaml:2:1 error Unknown key “accent_colour”\. \[unknown-key\]$/m);
    expect(bad.stderr).toContain('Did you mean “accent_color”?');
  });
  it('a theme value holding a control character is an error at it, naming the character, and the last build stays (every PDF was left out and removed, exit 0)', async () => {
    const dir = path.join(work, 'control-theme');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    expect(runBin(['build', dir, '--format', 'md,pdf']).code).toBe(0);
    const before = snapshot(path.join(dir, 'out'));
    expect(Object.keys(before)).toContain('report.pdf');
    // Its control-character warning dropped the theme, and the PDF writer then made nothing: no error,
    // the Markdown written, the last build's PDFs "Removed … left over from the previous build", exit 0.
    writeFileSync(path.join(dir, 'theme.yaml'), 'font_size: 11\x01\n');
    for (const args of [['--format', 'md,pdf'], ['--format', 'pdf'], ['--format', 'md,pdf', '-q']]) {
      const result = runBin(['build', dir, ...args, '--pdf-theme', 'theme.yaml'], { cwd: dir });
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/^theme\.yaml:1:12 error “font_size” must be a number, not text \(“11”\)\. \[type\]$/m);
      expect(result.stderr).toContain('hint: It holds the control character SOH (U+0001), a character that does not show: write “11”, typed again.');
      expect(result.stderr).not.toMatch(/Wrote|Removed/);
      expect(snapshot(path.join(dir, 'out'))).toEqual(before);
    }
    const check = runBin(['build', dir, '--check', '--format', 'md,pdf', '--pdf-theme', 'theme.yaml'], { cwd: dir });
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('theme.yaml:1:12 error');
    expect(check.stderr).not.toContain('up to date');
    writeFileSync(path.join(dir, 'theme.yaml'), 'accent_color: "#1F4E79\x01"\n');
    // A text the character leaves valid once left out, as in the notes: used without it, with the warning at it; the PDFs are written.
    const colour = await runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', 'theme.yaml'], { cwd: dir });
    expect(colour.code, colour.stderr).toBe(0);
    expect(colour.stderr).toMatch(/^theme\.yaml:1:23 warning This text holds the control character SOH \(U\+0001\), which does not show: the reports leave it out\. \[control-character\]$/m);
    expect(existsSync(path.join(dir, 'out/report.pdf'))).toBe(true);
    // A NUL byte is an encoding error, as in the notes.
    writeFileSync(path.join(dir, 'theme.yaml'), 'accent_color: "#1F4E79\x00"\n');
    const nul = await runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', 'theme.yaml'], { cwd: dir });
    expect(nul.code).toBe(1);
    expect(nul.stderr).toMatch(/^theme\.yaml:1:23 error The file holds a NUL character \(U\+0000\): .* \[encoding\]$/m);
    expect(snapshot(path.join(dir, 'out'))).toEqual(before);
  });
  it('reads the theme file as strict UTF-8, as the notes are: Latin-1 or UTF-16 is an encoding error at its place, and nothing is written', async () => {
    const dir = path.join(work, 'theme-encoding');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const build = (bytes: Buffer) => {
      writeFileSync(path.join(dir, 'theme.yaml'), bytes);
      return runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', 'theme.yaml'], { cwd: dir });
    };
    // The font's path was read with a U+FFFD for the è: "Cannot read the font file …/th�me.ttf", exit 2.
    const path1 = await build(Buffer.from('fonts:\n  regular: assets/polices/thème.ttf\n', 'latin1'));
    expect(path1.code).toBe(1);
    expect(path1.stderr).toMatch(/^theme\.yaml:2:29 error The file is not valid UTF-8 \(byte 0xE8\)\. \[encoding\]$/m);
    expect(path1.stderr).toContain('Save the file as UTF-8');
    expect(path1.stderr).not.toContain('\ufffd');
    // In a comment, it passed without a word.
    const comment = await build(Buffer.from('# Thème du rapport\nfont_size: 11\n', 'latin1'));
    expect(comment.code).toBe(1);
    expect(comment.stderr).toMatch(/^theme\.yaml:1:5 error The file is not valid UTF-8 \(byte 0xE8\)\. \[encoding\]$/m);
    // UTF-16 was `not-a-mapping`, with raw NULs in the code frame.
    const utf16 = await build(Buffer.from('\ufefffont_size: 11\n', 'utf16le'));
    expect(utf16.code).toBe(1);
    expect(utf16.stderr).toMatch(/^theme\.yaml:1:1 error The file is encoded as UTF-16, not UTF-8\. \[encoding\]$/m);
    expect(utf16.stderr).not.toContain('\0');
    expect(utf16.stderr).not.toContain('not-a-mapping');
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
    // UTF-8, with or without its byte-order mark, is read.
    expect((await build(Buffer.from('\ufefffont_size: 11\n', 'utf8'))).code).toBe(0);
  });
  it('refuses a font file it cannot embed with exit 2 and what to give instead, writing nothing; takes an OpenType (CFF) font', async () => {
    const dir = path.join(work, 'fonts');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'not-a-font.ttf'), 'plain text, not a font\n');
    copyFileSync(path.join(ROOT, 'node_modules/source-sans/WOFF2/TTF/SourceSans3-Regular.ttf.woff2'), path.join(dir, 'web.ttf'));
    copyFileSync(path.join(ROOT, 'node_modules/source-sans/OTF/SourceSans3-Regular.otf'), path.join(dir, 'cff.otf'));
    const theme = (file: string) => {
      writeFileSync(path.join(dir, 'theme.yaml'), `fonts:\n  regular: ${file}\n`);
      return runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', path.join(dir, 'theme.yaml')], { cwd: dir });
    };
    const text = await theme('not-a-font.ttf');
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('not-a-font.ttf is not a font the PDF can embed.');
    expect(text.stderr).toContain('TrueType or OpenType');
    // fontkit reads WOFF2 but pdfkit cannot subset it (and HarfBuzz here cannot read it): said before anything is typeset.
    const web = await theme('web.ttf');
    expect(web.code).toBe(2);
    expect(web.stderr).toContain('web.ttf is a web font (WOFF2), which the PDF cannot embed.');
    expect(listFiles(dir).some((f) => f.endsWith('.pdf'))).toBe(false);
    expect((await theme('cff.otf')).code).toBe(0);
    const doc = await openPdf(readFileSync(path.join(dir, 'out/report.pdf')));
    expect((await allText(doc)).join('\n')).toContain('Border Security Workshop');
  });
  it('refuses a theme font with one damaged byte with exit 2 naming the font and its key, writing nothing (was exit 3, or Node aborted)', () => {
    const italic = readFileSync(path.join(ROOT, 'node_modules/source-sans/TTF/SourceSans3-It.ttf'));
    // One byte of a cmap range's end (Node aborted: "Fatal JavaScript invalid size error", exit 133), one of a glyph's place in loca ("Offset is outside the bounds of the DataView", exit 3).
    for (const [name, at, from, to, damage] of [
      ['cmap.ttf', 87814, 0x00, 0x23, 'its cmap maps a range of characters outside Unicode (U+25B8–U+230025B9)'],
      ['loca.ttf', 276113, 0x00, 0x08, 'its loca table places glyph 31 past the end of its glyf table'],
    ] as const) {
      const dir = path.join(work, `damaged-${name}`);
      copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
      const bytes = Buffer.from(italic);
      expect(bytes[at]).toBe(from);
      bytes[at] = to;
      writeFileSync(path.join(dir, name), bytes);
      writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  pdf_theme:\n    fonts:\n      bold_italic: ${name}\n`);
      const result = runBin(['build', dir, '--format', 'pdf', '--out', path.join(dir, 'out')]);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`${path.join(dir, name)} (the PDF theme's fonts.bold_italic) is not a font the PDF can embed: ${damage}, as in a damaged file.`);
      expect(result.stderr).toContain('Download or copy the font again');
      expect(existsSync(path.join(dir, 'out')) ? listFiles(path.join(dir, 'out')) : []).toEqual([]);
    }
  });
  it('validate warns of a theme font file that is not there, at its key (it passed, then the PDF build stopped); a Markdown build still writes', async () => {
    const dir = path.join(work, 'font-not-there');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  pdf_theme:\n    fonts:\n      regular: assets/fonts/MyFont.ttf\n`);
    const line = read(path.join(dir, 'workshop.yaml')).split('\n').findIndex((l) => l.includes('MyFont')) + 1;
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`^workshop\\.yaml:${line}:16 warning The PDF theme's regular font “assets/fonts/MyFont\\.ttf” is not there: a PDF build stops at it\\. \\[missing-asset\\]$`, 'm'));
    expect((await runInProcess(['validate', dir, '--strict'], { cwd: dir })).code).toBe(1);
    expect((await runInProcess(['build', dir, '--format', 'md'], { cwd: dir })).code).toBe(0);
    // Once it is there, nothing is said.
    mkdirSync(path.join(dir, 'assets/fonts'), { recursive: true });
    writeFileSync(path.join(dir, 'assets/fonts/MyFont.ttf'), readFileSync(path.join(ROOT, 'node_modules/source-sans/TTF/SourceSans3-Regular.ttf')));
    const fixed = await runInProcess(['validate', dir], { cwd: dir });
    expect(fixed.stderr).not.toContain('missing-asset');
  });
  it('an empty theme file gets a hint about theme settings, not about workshop.yaml', async () => {
    const dir = path.join(work, 'empty-theme');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'theme.yaml'), '');
    const result = await runInProcess(['build', dir, '--format', 'pdf', '--pdf-theme', path.join(dir, 'theme.yaml')], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^theme\.yaml:1:1 error The file is empty\. \[empty-file\]$/m);
    expect(result.stderr).toContain('A PDF theme holds settings');
    expect(result.stderr).not.toContain('workshop.yaml needs');
  });
});
