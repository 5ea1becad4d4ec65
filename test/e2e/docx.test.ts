import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPdf, type PdfDoc } from '../typeset/read-pdf.js';
import { elements, readDocx, wordText } from '../docx/read-docx.js';
import { build } from '../../src/build/pipeline.js';
import { Timings } from '../../src/build/timings.js';
import { EXAMPLE, ROOT, copyTree, listFiles, remove, runBin, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-docx-');
afterAll(() => remove(work));
const out = path.join(work, 'rabat');
const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The recommendations as the notes word them, from the committed Markdown (one row per recommendation). */
function recommendations(file: string): string[] {
  const markdown = readFileSync(file, 'utf8');
  return [...markdown.matchAll(/^\| \*\*R\d+\*\* \| (.+?) \|/gm)].map((m) => normal(m[1]!.replace(/\*\*|\*|`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')));
}

/** Each page's text set larger than the body text (its headings), joined, from LibreOffice's PDF of a DOCX. */
async function largeText(pdf: PdfDoc): Promise<string[]> {
  const pages: Array<Array<{ str: string; height: number }>> = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.flatMap((item) => ('str' in item && item.str.trim() ? [{ str: item.str, height: Math.round(item.height) }] : [])));
  }
  // The body size: the height most text has.
  const counts = new Map<number, number>();
  for (const item of pages.flat()) counts.set(item.height, (counts.get(item.height) ?? 0) + item.str.length);
  const body = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
  return pages.map((items) => items.filter((item) => item.height >= body * 1.25).map((item) => item.str).join(' '));
}

describe('DOCX: the example as Word documents, opened by LibreOffice', () => {
  beforeAll(() => {
    const result = runBin(['build', 'examples/rabat-2022', '--format', 'pdf,docx', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
  }, 300_000);

  it('writes a DOCX beside each PDF, in each edition', () => {
    const files = listFiles(out);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    // Two languages, two editions each: 8 documents in public, 7 in restricted.
    expect(pdfs.length).toBe(30);
    expect(files.filter((f) => f.endsWith('.docx'))).toEqual(pdfs.map((f) => f.replace(/\.pdf$/, '.docx')));
  });

  // One soffice run per format converts them all (it starts slowly); names made unique, as it writes into one folder.
  const flat = path.join(work, 'flat');
  const converted = path.join(work, 'converted');
  const flatName = (file: string) => file.replace(/\//g, '__');
  let conversion: string[] | undefined;
  /** Every DOCX as LibreOffice lays it out (a PDF) and reads it (its text: table cells one by one, where a PDF's text interleaves columns). */
  const convert = (): string[] => {
    if (conversion) return conversion;
    mkdirSync(flat);
    const docx = listFiles(out).filter((f) => f.endsWith('.docx'));
    for (const file of docx) copyFileSync(path.join(out, file), path.join(flat, flatName(file)));
    const office = (format: string, into: string) => {
      const run = spawnSync('soffice', [`-env:UserInstallation=file://${path.join(work, 'lo-profile')}`, '--headless', '--convert-to', format, '--outdir', into, ...docx.map((f) => path.join(flat, flatName(f)))], { encoding: 'utf8', timeout: 280_000 });
      expect(run.error, 'soffice must be installed (.ci/run installs libreoffice-writer-nogui)').toBeUndefined();
      expect(run.status, run.stderr).toBe(0);
    };
    office('pdf', converted);
    office('txt:Text (encoded):UTF8', path.join(work, 'text'));
    return (conversion = docx);
  };

  it('every DOCX opens in LibreOffice, holds every recommendation, and has about as many pages as our PDF', async () => {
    const docx = convert();
    for (const file of docx) {
      const pdf = path.join(converted, flatName(file).replace(/\.docx$/, '.pdf'));
      expect(existsSync(pdf), `LibreOffice could not open ${file}`).toBe(true);
      // One PDF open at a time.
      const ours = await openPdf(new Uint8Array(readFileSync(path.join(out, file.replace(/\.docx$/, '.pdf')))));
      const ourPages = ours.numPages;
      await ours.destroy();
      const theirs = await openPdf(new Uint8Array(readFileSync(pdf)));
      expect(Math.abs(theirs.numPages - ourPages) / ourPages, `${file}: ${theirs.numPages} pages in LibreOffice, ${ourPages} in our PDF`).toBeLessThanOrEqual(0.25);
      if (/(^|\/)(report|recommendations)\.docx$/.test(file)) {
        const text = normal(readFileSync(path.join(work, 'text', flatName(file).replace(/\.docx$/, '.txt')), 'utf8'));
        const edition = file.split('/').slice(0, 2).join('/');
        const expected = recommendations(path.join(EXAMPLE, 'out', edition, 'recommendations.md'));
        expect(expected.length).toBeGreaterThanOrEqual(15);
        for (const recommendation of expected) expect(text, `${file} lacks: ${recommendation}`).toContain(recommendation);
      }
      await theirs.destroy();
    }
  }, 300_000);

  it('shows every label of the participation chart in LibreOffice, in English and in French (it left out Ghana and Niger beside a label on three lines)', async () => {
    convert();
    for (const [file, header] of [['en/public/report.docx', 'Country or group'], ['fr/public/report.docx', 'Pays ou groupe']] as const) {
      const pdf = await openPdf(new Uint8Array(readFileSync(path.join(converted, flatName(file).replace(/\.docx$/, '.pdf')))));
      let page = '';
      for (let n = 1; n <= pdf.numPages && !page.includes(header); n++) {
        page = (await (await pdf.getPage(n)).getTextContent()).items.flatMap((item) => ('str' in item ? [item.str] : [])).join('\n');
      }
      await pdf.destroy();
      expect(page, file).toContain(header);
      // Each country twice on the page: the chart's label, then the table's row.
      for (const country of ['Burkina Faso', 'Ghana', 'Mali', 'Niger']) expect(page.split('\n').filter((line) => line.trim() === country), `${file}: ${country}`).toHaveLength(2);
    }
  }, 300_000);

  it('shows the contents\' page numbers as soon as it is opened, each within a page of where LibreOffice puts the heading', async () => {
    const docx = convert();
    let files = 0;
    const squeeze = (text: string) => text.normalize('NFKC').replace(/[\s\u00ad]/g, '');
    let checked = 0;
    for (const file of docx) {
      // The entries as written: title, and the result of the PAGEREF field (its last run).
      const document = readDocx(readFileSync(path.join(out, file))).xml('word/document.xml');
      const styleOf = (p: Record<string, unknown>) => String(elements(p['w:pPr'], 'w:pStyle')[0]?.['@_w:val'] ?? '');
      const contentsTitle = wordText(elements(document, 'w:p').find((p) => styleOf(p) === 'TOCHeading'));
      const entries = elements(document, 'w:p').filter((p) => /^TOC\d$/.test(styleOf(p))).map((p) => {
        const runs = elements(p, 'w:r');
        return { title: wordText(runs.slice(0, -1)), page: wordText(runs[runs.length - 1]) };
      });
      // Every document with three level 1–2 headings has contents (the report, the recommendations, the briefs…).
      if (entries.length === 0) continue;
      files++;
      for (const entry of entries) expect(entry.page, `${file}: ${entry.title}`).toMatch(/^\d+$/);
      // LibreOffice shows the numbers written, without updating the field: its text lists each entry with its page.
      const lines = new Set(readFileSync(path.join(work, 'text', flatName(file).replace(/\.docx$/, '.txt')), 'utf8').split(/\r?\n/));
      for (const entry of entries) expect(lines.has(`${entry.title}\t${entry.page}`), `${file}: ${entry.title}`).toBe(true);
      // Where LibreOffice put each heading: the first page from the one before on where it is set large (headings, not text).
      const pdf = await openPdf(new Uint8Array(readFileSync(path.join(converted, flatName(file).replace(/\.docx$/, '.pdf')))));
      const headings = await largeText(pdf);
      await pdf.destroy();
      // From the page after the one titled "Contents" (the cover's title is set large too).
      let from = headings.findIndex((text) => squeeze(text).includes(squeeze(contentsTitle))) + 1;
      expect(from, `${file}: no “${contentsTitle}” page in LibreOffice`).toBeGreaterThan(0);
      for (const entry of entries) {
        const at = headings.findIndex((text, i) => i >= from && squeeze(text).includes(squeeze(entry.title)));
        expect(at, `${file}: LibreOffice has no heading “${entry.title}” after page ${from + 1}`).toBeGreaterThanOrEqual(0);
        expect(Math.abs(at + 1 - Number(entry.page)), `${file}: “${entry.title}” is on page ${at + 1} in LibreOffice, ${entry.page} in the contents`).toBeLessThanOrEqual(1);
        from = at;
        checked++;
      }
    }
    expect(files).toBeGreaterThanOrEqual(12);
    expect(checked).toBeGreaterThan(200);
  }, 300_000);

  it('is byte-reproducible in any time zone and locale, and the committed DOCX files are up to date (build --check)', () => {
    const again = path.join(work, 'again');
    const env = { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' };
    expect(runBin(['build', 'examples/rabat-2022', '--format', 'docx', '--out', again], { env }).code).toBe(0);
    const docxOnly = (snap: Record<string, string>) => Object.fromEntries(Object.entries(snap).filter(([file]) => file.endsWith('.docx')));
    expect(docxOnly(snapshot(again))).toEqual(docxOnly(snapshot(out)));
    const check = runBin(['build', 'examples/rabat-2022', '--format', 'docx', '--out', 'examples/rabat-2022/out-docx', '--check']);
    expect(check.stderr, 'examples/rabat-2022/out-docx differs from a build of the example: rebuild it with `npx workshop-report build examples/rabat-2022 --format docx --out examples/rabat-2022/out-docx` after a deliberate change').toContain('is up to date (30 files)');
    expect(check.code).toBe(0);
  });

  it('gives the same bytes in every build of one process (the API, watch mode), on the build\'s own thread', () => {
    const api = pathToFileURL(path.join(ROOT, 'lib/api.js')).href;
    const script = `import { build } from ${JSON.stringify(api)};
      const once = async () => (await build('examples/rabat-2022', { formats: ['docx'] })).files;
      const [a, b] = [await once(), await once()];
      const same = a.length === b.length && a.every((file, i) => file.path === b[i].path && Buffer.from(file.content).equals(Buffer.from(b[i].content)));
      console.log(JSON.stringify({ files: a.length, same }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ files: 30, same: true });
  });

  it('with docx, renders every edition before the first is typeset (the DOCX thread works on them meanwhile); files still come edition by edition', async () => {
    const stagesOf = async (formats: Array<'md' | 'pdf' | 'docx'>) => {
      const timings = new Timings();
      const result = await build(EXAMPLE, { formats }, { cwd: ROOT, timings });
      return { result, stages: timings.format().trim().split('\n').map((line) => line.trim().split(/\s+/)[0]) };
    };
    const { result, stages } = await stagesOf(['md', 'pdf', 'docx']);
    expect(stages.filter((stage) => stage === 'render')).toHaveLength(4);
    expect(stages.lastIndexOf('render')).toBeLessThan(stages.indexOf('typeset'));
    const editions = result.files.filter((file) => !file.path.endsWith('.docx')).map((file) => file.path.split('/').slice(0, 2).join('/'));
    expect(editions.filter((edition, i) => edition !== editions[i - 1])).toEqual(['en/restricted', 'en/public', 'fr/restricted', 'fr/public']);
    expect(result.files.slice(0, 8).map((file) => path.extname(file.path))).toEqual([...Array(7).fill('.md'), '.pdf']);
    // Without docx nothing works meanwhile: each edition is typeset before the next is rendered, its Markdown written as it comes.
    const alone = await stagesOf(['md', 'pdf']);
    expect(alone.stages.indexOf('typeset')).toBeLessThan(alone.stages.lastIndexOf('render'));
  }, 120_000);

  it('keeps the public edition free of what the notes restrict', () => {
    const restricted = wordText(readDocx(readFileSync(path.join(out, 'en/restricted/report.docx'))).xml('word/document.xml'));
    const published = wordText(readDocx(readFileSync(path.join(out, 'en/public/report.docx'))).xml('word/document.xml'));
    expect(restricted).toContain('RESTRICTED');
    expect(published).not.toContain('RESTRICTED');
    expect(published.length).toBeLessThan(restricted.length);
  });
});

describe('DOCX: the worker thread under node options', () => {
  it('builds when node is run with V8 flags (a heap size, the growing factor), which a worker refuses when given them explicitly', () => {
    const into = path.join(work, 'flags');
    const run = spawnSync(process.execPath, ['--max-old-space-size=2048', '--heap-growing-percent=150', path.join(ROOT, 'bin/workshop-report.js'), 'build', 'examples/niamey-2022', '--format', 'docx', '--out', into], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).not.toContain('internal error');
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(path.join(into, 'report.docx'))).toBe(true);
  });
});

describe('DOCX: house style from a reference document', () => {
  const project = path.join(work, 'house');
  beforeAll(() => copyTree(path.join(ROOT, 'examples/niamey-2022'), project));

  it('takes the styles and the page of a Word reference document, as pandoc --reference-doc', () => {
    // pandoc's own reference document, with its own styles (Body Text, First Paragraph).
    const reference = spawnSync('pandoc', ['--print-default-data-file', 'reference.docx']);
    expect(reference.status).toBe(0);
    mkdirSync(path.join(project, 'assets'), { recursive: true });
    writeFileSync(path.join(project, 'assets/house-style.docx'), reference.stdout);
    const yaml = path.join(project, 'workshop.yaml');
    expect(readFileSync(yaml, 'utf8')).not.toMatch(/^report:/m);
    writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\nreport:\n  docx_reference: assets/house-style.docx\n`);
    const result = runBin(['build', project, '--format', 'docx', '--out', path.join(work, 'house-out')]);
    expect(result.code, result.stderr).toBe(0);
    const { xml } = readDocx(readFileSync(path.join(work, 'house-out/report.docx')));
    const ids = elements(xml('word/styles.xml'), 'w:style').map((s) => s['@_w:styleId']);
    expect(ids).toContain('FirstParagraph');
    expect(ids).toContain('TableText');
    expect(elements(xml('word/document.xml'), 'w:lang').every((l) => l['@_w:val'] === 'fr-FR')).toBe(true);
  });

  it('a reference that is not a Word document is a setup error (exit 2) with a hint', () => {
    writeFileSync(path.join(project, 'assets/house-style.docx'), 'not a zip');
    const result = runBin(['build', project, '--format', 'docx', '--out', path.join(work, 'house-bad')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('assets/house-style.docx is not a Word document');
    expect(result.stderr).toContain('report.docx_reference names a Word document');
    expect(existsSync(path.join(work, 'house-bad/report.docx'))).toBe(false);
  });

  it('a reference whose margins leave no room for text is a setup error (exit 2), nothing written (was exit 3: "Invalid chart width -7")', () => {
    const entries = unzipSync(new Uint8Array(readFileSync(path.join(work, 'house-out/report.docx'))));
    entries['word/document.xml'] = strToU8(strFromU8(entries['word/document.xml']!).replace(/w:(left|right)="\d+"/g, 'w:$1="6000"'));
    writeFileSync(path.join(project, 'assets/house-style.docx'), zipSync(entries));
    const into = path.join(work, 'house-wide');
    const result = runBin(['build', project, '--format', 'docx', '--out', into]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('assets/house-style.docx has margins that leave no room for text');
    expect(result.stderr).toContain('so the text would be');
    expect(result.stderr).not.toContain('internal error');
    expect(existsSync(into) ? listFiles(into) : []).toEqual([]);
  });

  it('a reference whose styles declare entities is a setup error (exit 2), nothing written (was exit 3: "unknown entity")', () => {
    const entries = unzipSync(new Uint8Array(readFileSync(path.join(work, 'house-out/report.docx'))));
    const styles = strFromU8(entries['word/styles.xml']!);
    entries['word/styles.xml'] = strToU8(`<?xml version="1.0"?><!DOCTYPE w:styles [<!ENTITY a "Normal"><!ENTITY f "&a;&a;">]>${styles.slice(styles.indexOf('?>') + 2).replace('<w:style ', '<w:style w:x="&f;" ')}`);
    writeFileSync(path.join(project, 'assets/house-style.docx'), zipSync(entries));
    const into = path.join(work, 'house-entities');
    const result = runBin(['build', project, '--format', 'docx', '--out', into]);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain('assets/house-style.docx is not a Word document the DOCX can use (its word/styles.xml cannot be read: Invalid XML: unknown entity "&f;")');
    expect(existsSync(into) ? listFiles(into) : []).toEqual([]);
  });
});
