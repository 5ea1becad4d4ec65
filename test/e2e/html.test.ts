import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOSTILE } from '../unit/render-helpers.js';
import { ROOT, copyTree, listFiles, remove, runBin, runInProcess, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-html-');
afterAll(() => remove(work));
const read = (file: string) => readFileSync(file, 'utf8');

describe('HTML: a small static site per edition', () => {
  const out = path.join(work, 'rabat');
  it('writes a page per document, an index, one stylesheet and the fonts, in each edition', () => {
    const result = runBin(['build', 'examples/rabat-2022', '--format', 'html', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    const files = listFiles(path.join(out, 'en/public'));
    expect(files).toEqual(['countries/BFA.html', 'countries/GHA.html', 'countries/MLI.html', 'countries/NER.html', 'follow-up.html', 'fonts/SourceSans3-Bold.ttf.woff2', 'fonts/SourceSans3-BoldIt.ttf.woff2', 'fonts/SourceSans3-It.ttf.woff2', 'fonts/SourceSans3-Regular.ttf.woff2', 'index.html', 'press-release.html', 'recommendations.html', 'report.html', 'style.css']);
    const index = read(path.join(out, 'en/public/index.html'));
    expect(index).toContain('<a href="report.html">Workshop report</a>');
    expect(index).toContain('<a href="countries/MLI.html">');
  });

  it('links each page to the same page in the edition\'s other language, named in that language; a public page never to a restricted one', () => {
    const pages = listFiles(out).filter((file) => file.endsWith('.html') && file !== 'index.html');
    expect(pages.length).toBe(34);
    for (const file of pages) {
      const html = read(path.join(out, file));
      const [language, edition, ...rest] = file.split('/');
      const other = language === 'en' ? 'fr' : 'en';
      const switches = [...html.matchAll(/<a href="([^"]+)" hreflang="([a-z]+)" lang="([a-z]+)">([^<]+)<\/a>/g)].map((m) => [path.posix.join(path.posix.dirname(file), m[1]!), m[2], m[3], m[4]]);
      const target = [other, edition, ...rest].join('/');
      expect(switches, file).toEqual([[target, other, other, other === 'fr' ? 'Français' : 'English']]);
      expect(existsSync(path.join(out, target)), target).toBe(true);
      expect(html).toMatch(/<header><nav class="languages" aria-label="(Language|Langue)">/);
      if (edition === 'public') expect(html, file).not.toMatch(/restricted|RESTRICTED|RESTREINTE/);
    }
  });

  it('writes an entry page into the output folder listing the editions built, public first, each in both languages', () => {
    const index = read(path.join(out, 'index.html'));
    expect(index).toMatch(/^<!doctype html>\n<html lang="en">/);
    expect(index).toContain('<h1 class="title">Regional Workshop on Good Practices in Border Security Management</h1>');
    const links = [...index.matchAll(/<a href="([^"]+)" hreflang="([a-z]+)" lang="\2">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[3]}`);
    expect(links).toEqual(['en/public/index.html English', 'fr/public/index.html Français', 'en/restricted/index.html English', 'fr/restricted/index.html Français']);
    expect(index).toContain('<h2>Restricted</h2><p class="marking">RESTRICTED: for workshop participants only</p>');
    expect(index).toContain('<link rel="stylesheet" href="en/public/style.css">');
    expect(index).not.toMatch(/<script/);
  });

  it('pages are accessible documents with no script, linking to each other by relative paths', () => {
    for (const file of ['en/restricted/report.html', 'en/restricted/countries/MLI.html', 'en/public/recommendations.html', 'fr/public/recommendations.html']) {
      const page = read(path.join(out, file));
      expect(page.startsWith(`<!doctype html>\n<html lang="${file.slice(0, 2)}">`), file).toBe(true);
      expect(page).not.toMatch(/<script|javascript:|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
      expect(page).toContain('<a class="skip" href="#main">');
      expect(page).toMatch(/<main id="main" tabindex="-1">/);
      expect(page).toMatch(/<th scope="col"/);
      expect(page).toMatch(/<div class="table" role="region" tabindex="0" aria-label="[^"]+"><table>/);
    }
    const brief = read(path.join(out, 'en/restricted/countries/MLI.html'));
    expect(brief).toContain('href="../style.css"');
    expect(brief).toContain('href="../report.html#session-2-recent-trends-and-threats-in-the-region"');
    const report = read(path.join(out, 'en/restricted/report.html'));
    expect(report).toContain('<h2 id="session-2-recent-trends-and-threats-in-the-region">');
    expect(report).toMatch(/<figure class="chart"><svg [^>]*role="img" aria-labelledby="chart-title"><title id="chart-title">Stacked bar chart of Women and Men: Burkina Faso \d+ and \d+; Ghana/);
    // A French page's chart is read out in French.
    expect(read(path.join(out, 'fr/restricted/report.html'))).toMatch(/<title id="chart-title">Diagramme à barres empilées \(Femmes et Hommes\)\u202f: Burkina Faso \d+ et \d+\u202f; Ghana/);
    expect(report).toContain('<p class="marking">RESTRICTED: for workshop participants only</p>');
    // The cover's words, at the top of every page: the title as the page's first heading, then its subtitle, dates and place, organizers.
    for (const page of [report, brief]) {
      expect(page).toMatch(/<header>[\s\S]*<div class="title-block"><h1 class="title">Regional Workshop on Good Practices in Border Security Management<\/h1><p class="subtitle">Enhancing capacities of Member States in North Africa and the Sahel region to counter terrorism<\/p><p class="when">9–13 May 2022 · Centre de conférences Les Orangers, Agdal, Rabat, Morocco<\/p><dl class="organizers"><dt>Organized by<\/dt><dd>United Nations Counter-Terrorism Centre \(UNCCT\)<\/dd>[\s\S]*?<\/dl><\/div><\/header>/);
      expect(page.indexOf('<h1')).toBe(page.indexOf('<h1 class="title">'));
    }
    expect(read(path.join(out, 'en/public/report.html'))).not.toContain('RESTRICTED');
  });

  it('is byte-reproducible and covered by build --check', async () => {
    const again = path.join(work, 'again');
    expect(runBin(['build', 'examples/rabat-2022', '--format', 'html', '--out', again]).code).toBe(0);
    expect(snapshot(again)).toEqual(snapshot(out));
    const check = await runInProcess(['build', 'examples/rabat-2022', '--format', 'html', '--out', out, '--check']);
    expect(check.stderr).toContain('is up to date (55 files)');
    expect(check.code).toBe(0);
  });

  it('a French project is a French site', () => {
    const fr = path.join(work, 'niamey');
    expect(runBin(['build', 'examples/niamey-2022', '--format', 'html', '--out', fr]).code).toBe(0);
    const page = read(path.join(fr, 'report.html'));
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('<dt>Organisé par</dt>');
    expect(page).toContain('aria-label="Table des matières"');
    // One language, no editions: the output folder is the site, its index the site's; no page has a language switch.
    expect(read(path.join(fr, 'index.html'))).toContain('<h2>Documents</h2>');
    for (const file of listFiles(fr).filter((f) => f.endsWith('.html'))) expect(read(path.join(fr, file)), file).not.toMatch(/hreflang|class="languages"/);
  });

  it('the index is in the edition\'s language, with the title of a first document in another marked as such (it took that document\'s lang, around English words)', async () => {
    const dir = path.join(work, 'index-lang');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  formats: [html]\n  documents:\n    - { name: communique, template: communique.md.hbs }\n`);
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates/communique.md.hbs'), '---\ntitle: "Communiqué"\nlang: fr\norganizers:\n  - "ONUCT"\n---\n\n# Contexte\n\nTexte.\n');
    expect((await runInProcess(['build', dir])).code).toBe(0);
    const index = read(path.join(dir, 'out/index.html'));
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('<h1 class="title" lang="fr">Communiqué</h1>');
    expect(index).toContain('<dt>Organized by</dt>');
    expect(read(path.join(dir, 'out/communique.html'))).toContain('<html lang="fr">');
  });

  it('the index tells apart documents of one title (a custom document made per country) by their file\'s name, where it listed “Country annex” four times', async () => {
    const dir = path.join(work, 'index-per-country');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    writeFileSync(path.join(dir, 'workshop.yaml'), `${read(path.join(dir, 'workshop.yaml'))}report:\n  formats: [html]\n  documents:\n    - { name: annex, template: annex.md.hbs, per: country }\n`);
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates/annex.md.hbs'), '{{> front-matter document="Country annex"}}\n\n# {{brief.country.name}}\n\nText.\n');
    const built = await runInProcess(['build', dir]);
    expect(built.code, built.stderr).toBe(0);
    const index = read(path.join(dir, 'out/index.html'));
    const links = [...index.matchAll(/<a href="(annex\/[^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(links.length).toBeGreaterThan(1);
    for (const link of links) expect(link).toMatch(/^annex\/([A-Z]{3})\.html Country annex \(\1\)$/);
  });

  it('no field can put markup or a script into a page', async () => {
    const dir = path.join(work, 'hostile');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const session = path.join(dir, 'sessions/a.yaml');
    const list = HOSTILE.map((text) => `  - ${JSON.stringify(text)}`).join('\n');
    writeFileSync(session, read(session).replace('title: Traveller screening', `title: ${JSON.stringify('<script>alert(1)</script> <img src=x onerror=alert(1)>')}`).replace('key_points:\n', `key_points:\n${list}\n`));
    const result = await runInProcess(['build', dir, '--format', 'html'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    for (const file of listFiles(path.join(dir, 'out')).filter((f) => f.endsWith('.html'))) {
      const page = read(path.join(dir, 'out', file));
      // No element or attribute from the notes: their text is escaped (`&#x3C;img … onerror=…` stays text).
      // (A key point written as a Markdown image, `![img](x.png)`, is an image: (md) fields may show one.)
      expect(page, file).not.toMatch(/<script|<img src="x"|<[^>]*\sonerror=|href="javascript:|<!--/);
    }
    expect(read(path.join(dir, 'out/report.html'))).toContain('&#x3C;script>alert(1)&#x3C;/script>');
  });
});

describe('HTML in watch mode and the preview', () => {
  it('gives after an edit, from what it kept of the last build, the same bytes as a build from scratch', async () => {
    const { build } = await import('../../src/build/pipeline.js');
    const { warmState } = await import('../../src/build/warm.js');
    const dir = path.join(work, 'warm');
    copyTree(path.join(ROOT, 'examples/rabat-2022'), dir);
    const warm = warmState();
    try {
      await build(dir, { formats: ['md', 'html'] }, { warm });
      const session = path.join(dir, 'sessions/03-kst-initiatives.yaml');
      // An English summary changes: the French page shows it (its translation is stale), both report pages change.
      writeFileSync(session, read(session).replace('The panel reviewed the tools', 'The panel reviewed, at length, the tools'));
      const again = await build(dir, { formats: ['md', 'html'] }, { warm });
      const fresh = await build(dir, { formats: ['md', 'html'] });
      expect(again.files.map((f) => f.path)).toEqual(fresh.files.map((f) => f.path));
      again.files.forEach((file, i) => expect(Buffer.from(file.content as string | Uint8Array).equals(Buffer.from(fresh.files[i]!.content as string | Uint8Array)), file.path).toBe(true));
      expect(String(again.files.find((f) => f.path === 'fr/public/report.html')!.content)).toContain('The panel reviewed, at length, the tools');
    } finally {
      await warm.pool.close();
    }
  });
});
