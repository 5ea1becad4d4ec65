import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { build, hasErrors } from '../../src/api.js';
import { allText, openPdf } from '../typeset/read-pdf.js';
import { ROOT, copyTree, listFiles, remove, runBin, runInProcess, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-editions-');
afterAll(() => remove(work));
const EDITIONS = 'report:\n  editions:\n    - { name: restricted, marking: "RESTRICTED: for workshop participants only" }\n    - { name: public, public: true, attribution: organizations }\n';

/** The minimal fixture with two editions, and `changes` applied to its files. */
function project(name: string, changes: Record<string, (text: string) => string> = {}): string {
  const dir = path.join(work, name);
  copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
  const workshop = path.join(dir, 'workshop.yaml');
  writeFileSync(workshop, readFileSync(workshop, 'utf8') + EDITIONS);
  for (const [file, change] of Object.entries(changes)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    let text = '';
    try { text = readFileSync(path.join(dir, file), 'utf8'); } catch { /* a new file */ }
    writeFileSync(path.join(dir, file), change(text));
  }
  return dir;
}

const SECRET = 'Connectivity at the remote border post of Tessit has been down since March.';

describe('editions', () => {
  it('an edition that looks public but is not public: true is warned at its name or its attribution, only when the notes hold restricted items (out/public/ printed them, exit 0)', async () => {
    const secret = { 'sessions/a.yaml': (t: string) => t.replace('      - Connectivity at remote border posts.', `      - text: ${SECRET}\n        restricted: true`) };
    const named = project('looks-public', { ...secret, 'workshop.yaml': (t) => t.replace('{ name: public, public: true, attribution: organizations }', '{ name: publique, attribution: names }') });
    const result = await runInProcess(['validate', named], { cwd: named });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/^workshop\.yaml:\d+:\d+ warning The edition “publique” is named as public but is not `public: true`: it prints every restricted item of the notes\. \[edition-not-public\]$/m);
    const anonymous = project('looks-anonymous', { ...secret, 'workshop.yaml': (t) => t.replace('{ name: public, public: true, attribution: organizations }', '{ name: web, attribution: none }') });
    const second = await runInProcess(['validate', anonymous], { cwd: anonymous });
    expect(second.stderr).toMatch(/^workshop\.yaml:\d+:\d+ warning The edition “web” names speakers not at all but is not `public: true`/m);
    expect(second.stderr).toContain('hint: Add `public: true` to it (`- { name: web, public: true, attribution: none }`)');
    // Nothing restricted in the notes: nothing to leak, nothing said; public: true, nothing said.
    const plain = project('looks-public-plain', { 'workshop.yaml': (t) => t.replace('{ name: public, public: true, attribution: organizations }', '{ name: public, attribution: organizations }') });
    expect((await runInProcess(['validate', plain], { cwd: plain })).stderr).not.toContain('edition-not-public');
    const right = project('is-public', secret);
    expect((await runInProcess(['validate', right], { cwd: right })).stderr).not.toContain('edition-not-public');
  });

  it('writes each edition into its own folder, with the marking on top of every restricted document and in its front matter', async () => {
    const dir = project('folders', { 'sessions/a.yaml': (t) => t.replace('      - Connectivity at remote border posts.', `      - text: ${SECRET}\n        restricted: true`) });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(0);
    const files = listFiles(path.join(dir, 'out'));
    expect(files.filter((f) => f.startsWith('public/'))).toEqual(['public/countries/MLI.md', 'public/countries/NER.md', 'public/recommendations.md', 'public/report.md']);
    const restricted = readFileSync(path.join(dir, 'out/restricted/report.md'), 'utf8');
    expect(restricted).toContain('classification: "RESTRICTED: for workshop participants only"\n---\n**RESTRICTED: for workshop participants only**\n');
    expect(restricted).toContain(SECRET);
    const published = readFileSync(path.join(dir, 'out/public/report.md'), 'utf8');
    expect(published).not.toContain('RESTRICTED');
    expect(published).not.toContain('Tessit');
    // attribution: organizations.
    expect(published).not.toContain('Amina Benali');
    // The organization in brackets: its name needs an article the tool cannot know ("a representative of Kingdom of Morocco").
    expect(published).toContain('a representative (UNOCT Programme Office');
    expect(published).not.toContain('a representative of');
  });

  it('marks a custom document without front matter, or with front matter that is not valid YAML, on its PDF cover and every page (they went unmarked)', async () => {
    const documents = (t: string) => t.replace('report:\n  editions:', 'report:\n  documents: [report, { name: note, template: note.md.hbs }, { name: press, template: press.md.hbs }]\n  editions:');
    const body = '# Note for donors\n\n' + 'A paragraph of the note.\n\n'.repeat(60);
    const dir = project('marked-custom', { 'workshop.yaml': documents, 'templates/note.md.hbs': () => body, 'templates/press.md.hbs': () => `---\ntitle: Press: release\n---\n${body}` });
    const result = await runInProcess(['build', dir, '--format', 'md,pdf'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'out/restricted/note.md'), 'utf8')).toMatch(/^---\nclassification: "RESTRICTED: for workshop participants only"\n---\n\*\*RESTRICTED: for workshop participants only\*\*\n\n# Note for donors/);
    for (const name of ['note', 'press']) {
      const pdf = await openPdf(new Uint8Array(readFileSync(path.join(dir, `out/restricted/${name}.pdf`))));
      const pages = await allText(pdf);
      await pdf.destroy();
      expect(pages.length, name).toBeGreaterThan(2);
      pages.forEach((page, index) => expect(page, `${name}.pdf, page ${index + 1}`).toContain('RESTRICTED: for workshop participants only'));
      // Its title, from its first heading, on the cover.
      expect(pages[0], name).toContain('Note for donors');
    }
    expect(readFileSync(path.join(dir, 'out/public/note.md'), 'utf8')).not.toContain('RESTRICTED');
  });

  it('a restricted text copied into a follow-up note is restricted-also-public naming that note, as a copy in the notes is (it was restricted-leak blaming the templates, twice)', async () => {
    const dir = path.join(work, 'follow-up-copy');
    copyTree(path.join(ROOT, 'examples/rabat-2022'), dir);
    remove(path.join(dir, 'out'));
    writeFileSync(path.join(dir, 'follow-up/2023-06-02.yaml'), 'date: 2023-06-02\nreported_by: unoct-rabat\nupdates:\n  - action: circulate-report\n    status: done\n    note: "Also: secure communication equipment for border posts in the Ménaka and Mopti regions."\n');
    const result = await runInProcess(['build', dir, '--format', 'md'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('restricted-leak');
    expect(result.stderr).toMatch(/countries\/MLI\.yaml:29:11 warning This restricted text is also written in a part of the notes that is not restricted[^\n]*\[restricted-also-public\][\s\S]*?see: follow-up\/2023-06-02\.yaml:6:18 the copy that is not restricted/);
    // The note of a restricted action's update is printed with that action only: no public copy, no leak.
    const closing = path.join(dir, 'sessions/08-closing.yaml');
    writeFileSync(closing, readFileSync(closing, 'utf8').replace('  - id: circulate-report\n', '  - id: circulate-report\n    restricted: true\n'));
    const restricted = await runInProcess(['build', dir, '--format', 'md'], { cwd: dir });
    expect(restricted.code, restricted.stderr).toBe(0);
    expect(restricted.stderr).not.toMatch(/restricted-also-public|restricted-leak/);
    expect(readFileSync(path.join(dir, 'out/en/public/follow-up.md'), 'utf8')).not.toContain('Ménaka and Mopti');
  });

  it('two documents of one name in different editions are two files; in the same edition, document-name-taken (one replaced the other, silently)', async () => {
    const documents = (second: string) => (text: string) => text.replace('report:\n', `report:\n  documents:\n    - report\n    - { name: note, template: note-public.md.hbs, editions: [public] }\n    - { name: note, template: note-restricted.md.hbs${second} }\n`);
    const templates = { 'templates/note-public.md.hbs': () => '# Public note\n', 'templates/note-restricted.md.hbs': () => '# Restricted note\n' };
    const apart = project('note-apart', { 'workshop.yaml': documents(', editions: [restricted]'), ...templates });
    expect((await runInProcess(['build', apart])).code).toBe(0);
    expect(readFileSync(path.join(apart, 'out/public/note.md'), 'utf8')).toContain('# Public note');
    expect(readFileSync(path.join(apart, 'out/restricted/note.md'), 'utf8')).toContain('# Restricted note');
    const together = project('note-together', { 'workshop.yaml': documents(''), ...templates });
    const result = await runInProcess(['validate', together]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/workshop\.yaml:\d+:15 error This document would be written to note\.md, as the document “note” is, earlier in this list: one would replace the other\. \[document-name-taken\]/);
  });

  it('attribution: none leaves out chairs, speakers and rapporteurs altogether', async () => {
    const dir = project('anonymous', { 'workshop.yaml': (t) => t.replace('attribution: organizations', 'attribution: none') });
    const result = await build(dir, { formats: ['md'] });
    expect(hasErrors(result.diagnostics)).toBe(false);
    const published = String(result.files.find((f) => f.path === 'public/report.md')!.content);
    for (const name of ['Amina Benali', 'Kofi Mensah', 'a representative (', 'Chair:', 'Rapporteur:']) expect(published, name).not.toContain(name);
    expect(String(result.files.find((f) => f.path === 'restricted/report.md')!.content)).toContain('Amina Benali');
  });

  it("numbers each edition's recommendations without gaps, and the manifest maps ids to numbers per edition", async () => {
    const dir = project('numbers', { 'sessions/a.yaml': (t) => t.replace('    priority: high\n', '    priority: high\n    restricted: true\n').replace('  - text: Assess connectivity', '  - restricted: true\n    text: Assess connectivity') });
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'out/.workshop-report.json'), 'utf8')) as { numbers: Record<string, Record<string, string>> };
    expect(manifest.numbers).toEqual({ restricted: { 'border-data': 'R1', 'joint-committees': 'R2' }, public: { 'joint-committees': 'R1' } });
    expect(readFileSync(path.join(dir, 'out/public/recommendations.md'), 'utf8')).toMatch(/^\| \*\*R1\*\* \| Set up joint committees/m);
  });

  it('the leak guard stops a template that prints restricted text in a public edition, naming the document and the restricted item', async () => {
    const dir = project('leak', {
      'sessions/a.yaml': (t) => t.replace('      - Connectivity at remote border posts.', `      - text: ${SECRET}\n        restricted: true`),
      'workshop.yaml': (t) => t.replace('report:\n', 'report:\n  documents: [report, { name: briefing, template: briefing.md.hbs }]\n'),
      // An editor's template that smuggles the text in, copied by hand: the filter cannot see it, the guard does.
      'templates/briefing.md.hbs': () => `# Briefing\n\nFrom the notes: connectivity at the REMOTE border post of *Tessit* has been down since March!\n`,
    });
    const line = readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8').split('\n').findIndex((l) => l.includes('Tessit')) + 1;
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^sessions/a\\.yaml:${line}:\\d+ error The public edition's public/briefing\\.md contains this restricted text\\. \\[restricted-leak\\]$`, 'm'));
    expect(listFiles(dir).some((f) => f.startsWith('out/'))).toBe(false);
  });

  it('restricted-also-public names a copy in the workshop\'s summary, at its first words on their line (the summary was not searched)', async () => {
    const dir = path.join(work, 'summary-copy');
    copyTree(path.join(ROOT, 'examples/rabat-2022'), dir);
    remove(path.join(dir, 'out'));
    const visit = path.join(dir, 'sessions/07-field-visit-tanger-med.yaml');
    writeFileSync(visit, readFileSync(visit, 'utf8').replace('type: field-visit\n', 'type: field-visit\nrestricted: true\n'));
    // (A public recommendation merged into one of the visit's would be restricted-same-as: pointed elsewhere.)
    const kst = path.join(dir, 'sessions/03-kst-initiatives.yaml');
    writeFileSync(kst, readFileSync(kst, 'utf8').replace('same_as: port-screening', 'same_as: cl-traveller-data'));
    // The copy's first words written earlier in the summary too: the copy is the place whose words go on as its.
    const workshopFile = path.join(dir, 'workshop.yaml');
    writeFileSync(workshopFile, readFileSync(workshopFile, 'utf8').replace(/^summary: \|\n/m, 'summary: |\n  A field visit to the port was first planned for the second day.\n'));
    const result = await runInProcess(['build', dir, '--format', 'md'], { cwd: dir });
    expect(result.code, result.stderr).toBe(0);
    const summary = readFileSync(path.join(dir, 'workshop.yaml'), 'utf8').split('\n');
    const line = summary.findIndex((text) => text.includes('organized a field')) + 1;
    const column = summary[line - 1]!.indexOf('field') + 1;
    expect(result.stderr).toMatch(new RegExp(`sessions/07-field-visit-tanger-med\\.yaml:2:8 warning This restricted text is also written[^\\n]*\\[restricted-also-public\\][\\s\\S]*?see: \\S*workshop\\.yaml:${line}:${column} the copy that is not restricted`));
  });

  it('a restricted text copied into a public item is printed there, with a warning at the restricted item (restricted-also-public); it was silent', async () => {
    const dir = project('also-public', {
      'sessions/a.yaml': (t) => t.replace('      - Connectivity at remote border posts.', `      - text: ${SECRET}\n        restricted: true`).replace('key_points:\n', `key_points:\n  - ${SECRET}\n`),
    });
    const line = readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8').split('\n').findIndex((l) => l.includes(`text: ${SECRET}`)) + 1;
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/\[restricted-also-public\]/g)).toHaveLength(1);
    expect(result.stderr).toMatch(new RegExp(`^sessions/a\\.yaml:${line}:15 warning This restricted text is also written in a part of the notes that is not restricted, which the public edition prints: the mark does not keep it out\\. \\[restricted-also-public\\]$`, 'm'));
    // Where the copy is, so that the rapporteur need not search the notes for it.
    const copy = readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8').split('\n').findIndex((l) => l === `  - ${SECRET}`) + 1;
    expect(result.stderr).toContain(`see: sessions/a.yaml:${copy}:5 the copy that is not restricted`);
    expect(readFileSync(path.join(dir, 'out/public/report.md'), 'utf8')).toContain(SECRET);
  });

  it('restricted-also-public names a copy the public edition prints, not a speaker topic that attribution: none leaves out', async () => {
    const dir = project('also-public-speaker', {
      'sessions/a.yaml': (t) => t
        .replace('chairs:\n', `speakers:\n  - name: Omar Idrissi\n    organization: unoct-rabat\n    topic: ${SECRET}\nchairs:\n`)
        .replace('      - Connectivity at remote border posts.', `      - text: ${SECRET}\n        restricted: true`)
        .replace('key_points:\n', `key_points:\n  - ${SECRET}\n`),
      'workshop.yaml': (t) => t.replace('attribution: organizations', 'attribution: none'),
    });
    const copy = readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8').split('\n').findIndex((l) => l === `  - ${SECRET}`) + 1;
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(0);
    expect(result.stderr.match(/\[restricted-also-public\]/g)).toHaveLength(1);
    expect(result.stderr).toContain(`see: sessions/a.yaml:${copy}:5 the copy that is not restricted`);
  });

  it('context --edition public shows exactly the context the public templates receive', async () => {
    const dir = project('context', { 'sessions/a.yaml': (t) => t.replace('      - Connectivity at remote border posts.', `      - text: ${SECRET}\n        restricted: true`) });
    const all = await runInProcess(['context', dir, '--edition', 'restricted'], { cwd: dir });
    const pub = await runInProcess(['context', dir, '--edition', 'public'], { cwd: dir });
    expect(all.stdout).toContain('Tessit');
    expect(pub.stdout).not.toContain('Tessit');
    expect(pub.stdout).not.toContain('Amina Benali');
    const wrong = await runInProcess(['context', dir, '--edition', 'draft'], { cwd: dir });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('restricted, public');
  });
});

describe('init', () => {
  it('scaffolds one restricted key point with a comment explaining it, which a public edition leaves out', async () => {
    const dir = path.join(work, 'init');
    expect((await runInProcess(['init', dir])).code).toBe(0);
    const session = readFileSync(path.join(dir, 'sessions/01-opening.yaml'), 'utf8');
    expect(session).toMatch(/# An item that must stay out of public editions[^\n]*\n(\s*#[^\n]*\n)*  - text: .+\n    restricted: true\n/);
    writeFileSync(path.join(dir, 'workshop.yaml'), readFileSync(path.join(dir, 'workshop.yaml'), 'utf8').replace(/^report:.*$/m, '') + EDITIONS);
    expect((await runInProcess(['build', dir], { cwd: dir })).code).toBe(0);
    expect(readFileSync(path.join(dir, 'out/restricted/report.md'), 'utf8')).toContain('no radio link since March');
    expect(readFileSync(path.join(dir, 'out/public/report.md'), 'utf8')).not.toContain('no radio link since March');
  });
});

describe('property: random restricted marks never leak', () => {
  const ITEMS = 8;
  /** A project whose recommendations and key points each carry a word found nowhere else. */
  function marked(name: string, restricted: boolean[]): string {
    const recs = Array.from({ length: ITEMS }, (_, i) => `  - id: r${i}\n    text: Recommendation about sentinel${i} and its own distinct subject number ${i} here.\n    theme: ${i % 2 ? 'kst' : 'ibm'}\n${restricted[i] ? '    restricted: true\n' : ''}`).join('');
    const points = Array.from({ length: ITEMS }, (_, i) => (restricted[ITEMS + i] ? `  - text: Key point marker${i} with enough words to matter.\n    restricted: true\n` : `  - Key point marker${i} with enough words to matter.\n`)).join('');
    return project(name, {
      'sessions/b.yaml': (t) => `${t.replace(/recommendations:[\s\S]*$/, '')}recommendations:\n${recs}key_points:\n${points}`,
    });
  }

  it('no restricted sentinel in any public document, every public one present, numbering consecutive (Markdown)', async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.boolean(), { minLength: 2 * ITEMS, maxLength: 2 * ITEMS }), async (restricted) => {
      const dir = marked(`p${run++}`, restricted);
      const result = await build(dir, { formats: ['md'] });
      expect(hasErrors(result.diagnostics), JSON.stringify(result.diagnostics)).toBe(false);
      const publicText = result.files.filter((f) => f.path.startsWith('public/')).map((f) => String(f.content)).join('\n');
      for (let i = 0; i < ITEMS; i++) {
        expect(publicText.includes(`sentinel${i} `)).toBe(!restricted[i]);
        expect(publicText.includes(`marker${i} `)).toBe(!restricted[ITEMS + i]);
      }
      const recommendations = String(result.files.find((f) => f.path === 'public/recommendations.md')!.content);
      const labels = [...recommendations.matchAll(/^\| \*\*(R\d+)\*\* \|/gm)].map((m) => m[1]);
      const expected = 1 + restricted.slice(0, ITEMS).filter((r) => !r).length; // and a.yaml's recommendation
      expect(labels).toEqual(Array.from({ length: expected }, (_, i) => `R${i + 1}`));
      remove(dir);
    }), { numRuns: 25, seed: 20220509 });
  });

  it("and in the PDFs' text", async () => {
    let run = 0;
    await fc.assert(fc.asyncProperty(fc.array(fc.boolean(), { minLength: 2 * ITEMS, maxLength: 2 * ITEMS }), async (restricted) => {
      const dir = marked(`pdf${run++}`, restricted);
      const result = await build(dir, { formats: ['pdf'] });
      expect(hasErrors(result.diagnostics)).toBe(false);
      const report = result.files.find((f) => f.path === 'public/report.pdf')!;
      const text = (await allText(await openPdf(report.content as Uint8Array))).join(' ');
      for (let i = 0; i < ITEMS; i++) {
        expect(text.includes(`sentinel${i}`)).toBe(!restricted[i]);
        expect(text.includes(`marker${i}`)).toBe(!restricted[ITEMS + i]);
      }
      remove(dir);
    }), { numRuns: 4, seed: 20220513 });
  });

  it('the bin builds the Rabat example: no restricted item of the notes in any public file', () => {
    const out = path.join(work, 'rabat');
    expect(runBin(['build', 'examples/rabat-2022', '--out', out]).code).toBe(0);
    const text = (language: string) => listFiles(path.join(out, language, 'public')).map((f) => readFileSync(path.join(out, language, 'public', f), 'utf8')).join('\n');
    for (const phrase of ['Ménaka and Mopti', 'Tillabéri and Agadez', 'without causing significant delays', 'Tema and Takoradi.']) expect(text('en')).not.toContain(phrase);
    // The French restricted items, as the translation words them.
    expect(readFileSync(path.join(out, 'fr/restricted/countries/MLI.md'), 'utf8')).toContain('Ménaka et de Mopti');
    expect(text('fr')).not.toContain('Ménaka et de Mopti');
  });
});
