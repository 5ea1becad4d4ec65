import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, copyTree, editFile, remove, runBin, tempDir, type CliResult } from '../helpers/run-cli.js';
import { elements, readDocx, wordText } from '../docx/read-docx.js';
import { openPdf } from '../typeset/read-pdf.js';

// A French report with two texts left in English: a recommendation edited since it was translated
// (stale: its translation is not used) and a session title with no translation (missing).
const work = tempDir('wr-fallback-');
afterAll(() => remove(work));
const dir = path.join(work, 'rabat');
const out = (file: string) => path.join(dir, 'out/fr/restricted', file);
const TITLE = 'National and regional initiatives and strategies to prevent the cross-border movement of known or suspected terrorists';
let result: CliResult;

beforeAll(() => {
  copyTree(EXAMPLE, dir);
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  editFile(path.join(dir, 'sessions/05-terrorism-toc-nexus.yaml'), 'Make use of **joint investigation teams**', 'Make use of **joint investigation teams** (edited; see below!)');
  editFile(path.join(dir, 'translations/fr/sessions/03-kst-initiatives.yaml'), /^title:\n  source: "[0-9a-f]+"\n  text: .*\n/m, '');
  result = runBin(['build', dir, '--format', 'md,html,pdf,docx', '--out', path.join(dir, 'out')]);
}, 120_000);

describe('a text left in the notes’ language is marked with it in every format', () => {
  it('builds, warning about both texts', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/\[(stale|missing)-translation\]$/gm)).toEqual(['[missing-translation]', '[stale-translation]']);
  });

  it('Markdown: a language span, and no French typography inside it', () => {
    const recommendations = readFileSync(out('recommendations.md'), 'utf8');
    // "; " and "!" keep the English spacing; the French words around them get theirs.
    expect(recommendations).toContain('| <span lang="en">Make use of **joint investigation teams** (edited; see below!) and of direct channels');
    expect(recommendations).toMatch(/^# Recommandations consolidées$/m);
    const report = readFileSync(out('report.md'), 'utf8');
    expect(report).toContain(`## Session 3\u202f: <span lang="en">${TITLE}</span>`);
    // The translated texts are untouched: no span around them.
    expect(report.match(/<span lang="en">/g)).toHaveLength(report.split(TITLE).length - 1 + report.split('(edited; see below!)').length - 1);
  });

  it('HTML: lang="en" on the text, the heading’s id unchanged', () => {
    const html = readFileSync(out('report.html'), 'utf8');
    expect(html).toMatch(new RegExp(`<h2 id="(session-3-[a-z-]+)">Session 3\u202f: <span lang="en">${TITLE}</span></h2>`));
    const id = new RegExp(`<h2 id="(session-3-[a-z-]+)">`).exec(html)![1]!;
    expect(html).toContain(`href="#${id}"`);
    expect(readFileSync(out('recommendations.html'), 'utf8')).toMatch(/<span lang="en">Make use of <\/span><strong lang="en">joint investigation teams<\/strong>/);
  });

  it('DOCX: the runs of the English text say en-GB, the others fr-FR', () => {
    const { xml } = readDocx(readFileSync(out('report.docx')));
    const runs = elements(xml('word/document.xml'), 'w:r');
    const lang = (run: Record<string, unknown>) => String(elements(run, 'w:lang')[0]?.['@_w:val']);
    // (The contents' entries are runs of their own, "Session 3 : National…", made by the TOC.)
    const english = runs.filter((run) => wordText(run).startsWith('National and regional initiatives'));
    expect(english.length).toBeGreaterThan(1);
    for (const run of english) expect(lang(run)).toBe('en-GB');
    const session = runs.find((run) => wordText(run).startsWith('Session 3'));
    expect(session && lang(session)).toBe('fr-FR');
  });

  it('PDF: a tagged Span with /Lang (en) in the French document', async () => {
    const doc = await openPdf(readFileSync(out('recommendations.pdf')));
    const langs: string[] = [];
    type Node = { role?: string; lang?: string; children?: Node[] };
    const walk = (n: Node | null): void => {
      if (!n) return;
      if (n.role === 'Span' && n.lang) langs.push(n.lang);
      for (const c of n.children ?? []) walk(c);
    };
    for (let p = 1; p <= doc.numPages; p++) walk((await (await doc.getPage(p)).getStructTree()) as Node);
    // One recommendation is in English here: one span, over its lines and its bold words.
    expect(langs).toEqual(['en']);
  });
});
