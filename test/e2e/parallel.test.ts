// Worker threads share out parsing and typesetting; these tests run the built modules (the
// workers are compiled files) and check that the results do not depend on how many threads ran.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run-cli.js';

const dist = (file: string) => import(path.join(ROOT, 'dist', file));

/** What every document of an English build shares, with the bundled theme and fonts. */
async function englishSettings() {
  const { resolveTheme } = await dist('typeset/theme.js');
  const { bundledFontPaths } = await dist('typeset/font-files.js');
  const { pageWords } = await dist('i18n/index.js');
  return { projectDir: ROOT, theme: resolveTheme(undefined), fontFiles: bundledFontPaths(), labels: pageWords('en'), creationDate: new Date('2022-05-13T00:00:00Z'), keepSections: false };
}

describe('parallel parsing', () => {
  it('gives the same files, data, positions and diagnostics on one thread and on two', async () => {
    const { readProject } = await dist('load/read-project.js');
    const { parseInParallel } = await dist('build/parallel-parse.js');
    const { load } = await dist('load/index.js');
    const read = await readProject(path.join(ROOT, 'examples/rabat-2022'));
    // Make the project large enough to be shared out: the same sessions many times over.
    const sessions = Array.from({ length: 40 }, (_, copy) => read.sources.sessions.map((s: { path: string; text: string }) => ({ ...s, path: s.path.replace('.yaml', `-${copy}.yaml`) }))).flat();
    // One broken file, so diagnostics cross the thread boundary too.
    sessions.push({ path: 'sessions/zz-broken.yaml', text: 'title: "unclosed\ndate: 2022-05-09\n' });
    const sources = { ...read.sources, sessions };
    const one = load(sources, await parseInParallel(sources, { cores: 1 }));
    const failures: unknown[] = [];
    const parsed = await parseInParallel(sources, { cores: 2, onWorkerFailure: (e: unknown) => failures.push(e) });
    expect(failures).toEqual([]);
    expect(parsed.size).toBe(sessions.length + 1 + sources.countries.length + (sources.translations?.length ?? 0) + (sources.followUps?.length ?? 0));
    const two = load(sources, parsed);
    expect(two.diagnostics).toEqual(one.diagnostics);
    expect(two.diagnostics.some((d: { location?: { file: string } }) => d.location?.file === 'sessions/zz-broken.yaml')).toBe(true);
    expect(two.project.sessions.map((f: { data: unknown }) => f.data)).toEqual(one.project.sessions.map((f: { data: unknown }) => f.data));
    const { locate } = await dist('load/locate.js');
    const last = two.project.sessions.length - 2;
    expect(locate(two.project.sessions[last], ['recommendations', 0, 'text'])).toEqual(locate(one.project.sessions[last], ['recommendations', 0, 'text']));
  });
});

describe('parallel typesetting', () => {
  it('writes byte-identical PDFs, in the documents’ order, on one thread and on two', async () => {
    const { typesetInParallel } = await dist('build/parallel-typeset.js');
    const { typesetHere } = await dist('build/pdf-output.js');
    const paragraph = 'Border security and management: cooperation between Burkina Faso, Ghana, Mali and Niger. ';
    const documents = [1, 6, 2].map((n, i) => ({ file: `doc-${i}.md`, markdown: `---\ntitle: Document ${i}\n---\n\n# Part ${i}\n\n${paragraph.repeat(n * 300)}\n` }));
    const settings = await englishSettings();
    const seen: string[] = [];
    const one = await typesetInParallel(documents, settings, typesetHere, { cores: 1 });
    const failures: unknown[] = [];
    const two = await typesetInParallel(documents, settings, typesetHere, { cores: 2, minChars: 0, onDocument: (doc: { file: string }) => seen.push(doc.file), onWorkerFailure: (e: unknown) => failures.push(e) });
    expect(failures).toEqual([]);
    expect(two).toHaveLength(3);
    expect(seen.sort()).toEqual(['doc-0.md', 'doc-1.md', 'doc-2.md']);
    two.forEach((result: { pdf: Uint8Array }, i: number) => expect(Buffer.from(result.pdf).equals(Buffer.from(one[i].pdf))).toBe(true));
    expect(Buffer.from(two[0].pdf).equals(Buffer.from(two[1].pdf))).toBe(false);
  });
});

describe('heading pages for the DOCX contents', () => {
  it('are told for every document as soon as a thread lays it out, the same on one thread, on two, and from the layout alone', async () => {
    const { typesetInParallel } = await dist('build/parallel-typeset.js');
    const { typesetHere, layoutHere } = await dist('build/pdf-output.js');
    const paragraph = 'Border security and management: cooperation between Burkina Faso, Ghana, Mali and Niger. ';
    const documents = [1, 5, 2].map((n, i) => ({ file: `doc-${i}.md`, markdown: `---\ntitle: Document ${i}\n---\n\n# Part ${i}\n\n${paragraph.repeat(n * 200)}\n\n## Later\n\nText.\n\n# End\n\nText.\n` }));
    const settings = await englishSettings();
    type Told = Record<string, { pageCount: number; headings: Array<{ id: string; page: number }> }>;
    const told = (into: Told) => (file: string, pages: Told[string]) => { into[file] = pages; };
    const one: Told = {};
    await typesetInParallel(documents, settings, (docs: unknown, s: unknown, onDocument: unknown) => typesetHere(docs, s, onDocument, told(one)), { cores: 1 });
    const two: Told = {};
    const failures: unknown[] = [];
    await typesetInParallel(documents, settings, (docs: unknown, s: unknown, onDocument: unknown) => typesetHere(docs, s, onDocument, told(two)), { cores: 2, minChars: 0, onLayout: told(two), onWorkerFailure: (e: unknown) => failures.push(e) });
    expect(failures).toEqual([]);
    const alone: Told = {};
    await layoutHere(documents, settings, told(alone));
    expect(Object.keys(one).sort()).toEqual(['doc-0.md', 'doc-1.md', 'doc-2.md']);
    expect(two).toEqual(one);
    expect(alone).toEqual(one);
    // The cover is page 1, then the contents: a document's first heading is on page 3 at the earliest; "End" starts a page of its own.
    const longest = one['doc-1.md']!;
    expect(longest.headings.map((h) => h.id)).toEqual(['part-1', 'later', 'end']);
    expect(longest.headings[0]!.page).toBe(3);
    expect(longest.headings[2]!.page).toBe(longest.pageCount);
    expect(longest.headings[1]!.page).toBeGreaterThan(longest.headings[0]!.page);
  });
});

describe('watch mode’s warm state', () => {
  it('parses again only the files whose text changed, and forgets deleted ones', async () => {
    const { readProject } = await dist('load/read-project.js');
    const { parseInParallel } = await dist('build/parallel-parse.js');
    const read = await readProject(path.join(ROOT, 'examples/rabat-2022'));
    const cache = new Map();
    const first = await parseInParallel(read.sources, { cache });
    const [changed, deleted, ...same] = read.sources.sessions as Array<{ path: string; text: string }>;
    const sessions = [{ ...changed!, text: `${changed!.text}\n# edited\n` }, ...same];
    const second = await parseInParallel({ ...read.sources, sessions }, { cache });
    expect(second.get(same[0]!.path)).toBe(first.get(same[0]!.path));
    expect(second.get(read.sources.workshop.path)).toBe(first.get(read.sources.workshop.path));
    expect(second.get(changed!.path)).not.toBe(first.get(changed!.path));
    expect(second.get(changed!.path).file.source.text).toContain('# edited');
    expect(cache.has(deleted!.path)).toBe(false);
    expect(cache.size).toBe(second.size);
  });

  it('keeps typesetting workers between builds and gives the same bytes each time', async () => {
    const { typesetInParallel, TypesetPool } = await dist('build/parallel-typeset.js');
    const { typesetHere } = await dist('build/pdf-output.js');
    const settings = await englishSettings();
    const documents = [0, 1].map((i) => ({ file: `d${i}.md`, markdown: `# D${i}\n\n${'Text of the document. '.repeat(2000)}\n` }));
    const pool = new TypesetPool(2);
    const failures: unknown[] = [];
    try {
      const a = await typesetInParallel(documents, settings, typesetHere, { pool, minChars: 0, onWorkerFailure: (e: unknown) => failures.push(e) });
      const worker = (pool as unknown as { workers: unknown[] }).workers[0];
      expect(worker).toBeDefined();
      const b = await typesetInParallel(documents, settings, typesetHere, { pool, minChars: 0, onWorkerFailure: (e: unknown) => failures.push(e) });
      expect((pool as unknown as { workers: unknown[] }).workers[0]).toBe(worker);
      expect(Buffer.from(b[1].pdf).equals(Buffer.from(a[1].pdf))).toBe(true);
      expect(failures).toEqual([]);
    } finally {
      await pool.close();
    }
  });

  it('replaces a prewarmed worker that stopped while idle, instead of waiting on it for ever', async () => {
    const { typesetInParallel, TypesetPool } = await dist('build/parallel-typeset.js');
    const { typesetHere } = await dist('build/pdf-output.js');
    const settings = await englishSettings();
    const documents = [0, 1].map((i) => ({ file: `d${i}.md`, markdown: `# D${i}\n\nText.\n` }));
    const pool = new TypesetPool(2);
    const failures: unknown[] = [];
    try {
      pool.prewarm();
      const workers = (pool as unknown as { workers: Array<{ terminate(): Promise<number>; once(e: string, f: () => void): void } | undefined> }).workers;
      const idle = workers[0]!;
      const exited = new Promise<void>((resolve) => idle.once('exit', resolve));
      await idle.terminate();
      await exited;
      expect(workers[0]).toBeUndefined();
      const results = await typesetInParallel(documents, settings, typesetHere, { pool, minChars: 0, onWorkerFailure: (e: unknown) => failures.push(e) });
      expect(results).toHaveLength(2);
      expect(failures).toEqual([]);
      expect(workers[0]).toBeDefined();
      expect(workers[0]).not.toBe(idle);
    } finally {
      await pool.close();
    }
  });
});

describe('watch mode’s PDF cache', () => {
  it('typesets again only the documents whose Markdown changed, with the same bytes as a fresh build', async () => {
    const { typesetDocuments } = await dist('build/pdf-output.js');
    const workshop = { dates: { start: '2022-05-09', end: '2022-05-13' } };
    const context = (cache: Map<string, unknown>, seen: string[]) => ({ projectDir: ROOT, workshop, language: 'en', cwd: ROOT, env: {}, cache, onDocument: (file: string) => seen.push(file) });
    const docs = ['a', 'b', 'c'].map((name) => ({ file: `${name}.md`, markdown: `# ${name}\n\nText of ${name}.\n` }));
    const cache = new Map();
    const first: string[] = [];
    const one = await typesetDocuments(docs, context(cache, first));
    expect(first.sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
    const edited = docs.map((doc) => (doc.file === 'b.md' ? { ...doc, markdown: `${doc.markdown}\nMore.\n` } : doc));
    const second: string[] = [];
    const two = await typesetDocuments(edited, context(cache, second));
    expect(second).toEqual(['b.pdf']);
    const fresh = await typesetDocuments(edited, context(new Map(), []));
    two.files.forEach((file: { path: string; content: Uint8Array }, i: number) => expect(Buffer.from(file.content).equals(Buffer.from(fresh.files[i].content)), file.path).toBe(true));
    expect(Buffer.from(two.files[0].content).equals(Buffer.from(one.files[0].content))).toBe(true);
  });

  it('is emptied by a change to anything but notes and templates (images and fonts are not compared)', async () => {
    const { forgetStale } = await dist('build/warm.js');
    const warm = { pdfs: new Map([['report.md', {}]]) };
    forgetStale(warm, ['sessions/01.yaml', 'templates/report.md.hbs']);
    expect(warm.pdfs.size).toBe(1);
    forgetStale(warm, ['sessions/01.yaml', 'assets/logo.png']);
    expect(warm.pdfs.size).toBe(0);
  });
});
