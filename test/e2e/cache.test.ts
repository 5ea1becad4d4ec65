import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, editFile, listFiles, remove, runBin, snapshot, tempDir, withoutProject } from '../helpers/run-cli.js';

const work = tempDir('wr-cache-e2e-');
afterAll(() => remove(work));
let copies = 0;
/** The programme example with its two workshops, side by side as in examples/, without their outputs. */
function copy(): string {
  const dir = path.join(work, `copy-${++copies}`);
  for (const name of ['sahel-programme', 'rabat-2022', 'niamey-2022']) {
    copyTree(path.join(ROOT, 'examples', name), path.join(dir, name));
    remove(path.join(dir, name, 'out'));
  }
  return dir;
}
const CACHE = '.workshop-report-cache';
/** Every cache file in a folder, overwritten with what a disk might leave: half of it, or noise. */
function damage(folder: string, how: 'truncate' | 'noise'): number {
  const files = readdirSync(folder).filter((name) => name.endsWith('.bin') || name.endsWith('.verdict'));
  for (const name of files) {
    const file = path.join(folder, name);
    const bytes = readFileSync(file);
    writeFileSync(file, how === 'truncate' ? bytes.subarray(0, Math.floor(bytes.length / 2)) : Buffer.from(bytes.map((byte, i) => (i % 7 === 3 ? byte ^ 0x5a : byte))));
  }
  return files.length;
}

describe('--cache', () => {
  it('validates a programme with the same diagnostics, located in the same places, cold, warm, and with a damaged cache', () => {
    const dir = copy();
    const programme = path.join(dir, 'sahel-programme');
    // Three defects: one a file finds by itself (a schema error), one only the cross-file rules find
    // (an unknown theme), one a syntax error; in both workshops.
    const rabat = path.join(dir, 'rabat-2022/sessions/02-trends-threats.yaml');
    writeFileSync(rabat, readFileSync(rabat, 'utf8').replace('type: plenary', 'type: plenery'));
    const niamey = path.join(dir, 'niamey-2022/sessions');
    const session = path.join(niamey, readdirSync(niamey).sort()[1]!);
    writeFileSync(session, readFileSync(session, 'utf8').replace(/^(\s+theme: )\S+$/m, '$1no-such-theme'));
    writeFileSync(path.join(niamey, '99-broken.yaml'), 'title: Broken\ndate: 2022-10-12\ntype: plenary\nsummary: "never closed\n');
    // (github: one line per problem with its place, whatever the number of workshops.)
    const plain = runBin(['validate', programme, '--reporter', 'github'], { cwd: dir });
    expect(plain.code).toBe(1);
    const found = plain.stdout.split('\n').flatMap((line) => {
      const match = /^::\w+ file=([^,]+),line=(\d+),col=(\d+),.*title=workshop-report ([\w-]+)::/.exec(line);
      return match ? [`${match[4]} ${match[1]}:${match[2]}:${match[3]}`] : [];
    });
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^enum rabat-2022\/sessions\/02-trends-threats\.yaml:\d+:\d+$/),
      expect.stringMatching(/^unknown-theme niamey-2022\/sessions\/.*\.yaml:\d+:\d+$/),
      'yaml-syntax niamey-2022/sessions/99-broken.yaml:4:10',
    ]));
    const pretty = runBin(['validate', programme], { cwd: dir });
    const runs = {
      cold: runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir }),
      warm: runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir }),
      prettyWarm: runBin(['validate', programme, '--cache'], { cwd: dir }),
    };
    const folder = path.join(programme, 'out', CACHE);
    expect(readdirSync(folder).sort()).toEqual(expect.arrayContaining(['.gitignore']));
    expect(readdirSync(folder).filter((name) => name.endsWith('.verdict'))).toHaveLength(2);
    expect(damage(folder, 'truncate')).toBe(4);
    const truncated = runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir });
    expect(damage(folder, 'noise')).toBe(4);
    const noisy = runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir });
    for (const run of [runs.cold, runs.warm, truncated, noisy]) expect(run).toEqual(plain);
    // The pretty reporter's code frames come from the texts, read on every run.
    expect(runs.prettyWarm).toEqual(pretty);
    expect(pretty.stderr).toMatch(/99-broken\.yaml:4:10 error/);
    // One workshop alone (no verdict: each file's entry, and the cross-file rules run on what the
    // cache gave): a problem that only the rules find is still located in the file it came from.
    const workshop = path.join(dir, 'niamey-2022');
    const alone = runBin(['validate', workshop, '--reporter', 'github'], { cwd: dir });
    expect(alone.stdout).toMatch(/title=workshop-report unknown-theme::/);
    const aloneCold = runBin(['validate', workshop, '--reporter', 'github', '--cache'], { cwd: dir });
    const aloneWarm = runBin(['validate', workshop, '--reporter', 'github', '--cache', '--verbose'], { cwd: dir });
    expect(aloneCold).toEqual(alone);
    expect(aloneWarm.stdout).toBe(alone.stdout);
    expect(aloneWarm.stderr).toMatch(/Cache: \d+ files read from it, 0 parsed\./);
  });

  it('judges a programme\'s images again when they change, though the notes did not', () => {
    const dir = copy();
    const programme = path.join(dir, 'sahel-programme');
    const workshop = path.join(dir, 'niamey-2022');
    const image = path.join(workshop, 'assets/photo.png');
    mkdirSync(path.dirname(image), { recursive: true });
    writeFileSync(image, 'not a picture');
    const session = path.join(workshop, 'sessions/01-ouverture.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace(/^summary: \|\n/m, 'summary: |\n  ![Photo](assets/photo.png)\n\n'));
    const broken = runBin(['validate', programme, '--reporter', 'github'], { cwd: dir });
    expect(broken.stdout).toMatch(/^::warning file=niamey-2022\/sessions\/01-ouverture\.yaml,line=30,col=3,.*title=workshop-report image::/m);
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir })).toEqual(broken);
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir })).toEqual(broken);
    // A 1×1 PNG in its place: the stored verdict no longer holds.
    writeFileSync(image, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
    const fixed = runBin(['validate', programme, '--reporter', 'github'], { cwd: dir });
    expect(fixed.stdout).toBe('');
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir })).toEqual(fixed);
  });

  it('looks at the PDF theme\'s fonts on every run: a stored verdict neither keeps nor hides a font that is not there', () => {
    const dir = copy();
    const programme = path.join(dir, 'sahel-programme');
    const workshop = path.join(dir, 'niamey-2022');
    mkdirSync(path.join(workshop, 'assets'), { recursive: true });
    writeFileSync(path.join(workshop, 'workshop.yaml'), `${readFileSync(path.join(workshop, 'workshop.yaml'), 'utf8')}report:\n  pdf_theme: { fonts: { regular: fonts/MyFont.ttf } }\n`);
    const missing = runBin(['validate', programme, '--reporter', 'github'], { cwd: dir });
    expect(missing.stdout).toMatch(/^::warning file=niamey-2022\/workshop\.yaml,line=\d+,col=\d+,.*title=workshop-report missing-asset::The PDF theme's regular font “fonts\/MyFont\.ttf” is not there/m);
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir })).toEqual(missing);
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir })).toEqual(missing);
    // The font put in place (outside assets/, so no file of the verdict's key changed): nothing said, with the cache too.
    mkdirSync(path.join(workshop, 'fonts'));
    writeFileSync(path.join(workshop, 'fonts/MyFont.ttf'), readFileSync(path.join(ROOT, 'node_modules/source-sans/TTF/SourceSans3-Regular.ttf')));
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir }).stdout).toBe('');
    rmSync(path.join(workshop, 'fonts/MyFont.ttf'));
    expect(runBin(['validate', programme, '--reporter', 'github', '--cache'], { cwd: dir })).toEqual(missing);
  });

  it('says with --verbose how much the cache gave; a changed file is parsed again', () => {
    const dir = copy();
    const workshop = path.join(dir, 'rabat-2022');
    const first = runBin(['validate', workshop, '--cache', '--verbose'], { cwd: dir });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/Cache: 0 files read from it, (\d+) parsed\./);
    const total = Number(/, (\d+) parsed\./.exec(first.stderr)![1]);
    const second = runBin(['validate', workshop, '--cache', '--verbose'], { cwd: dir });
    expect(second.stderr).toContain(`Cache: ${total} files read from it, 0 parsed.`);
    const file = path.join(workshop, 'sessions/01-opening.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited\n`);
    const third = runBin(['validate', workshop, '--cache', '--verbose'], { cwd: dir });
    expect(third.stderr).toContain(`Cache: ${total - 1} files read from it, 1 parsed.`);
    // --quiet says nothing of it.
    expect(runBin(['validate', workshop, '--cache', '--quiet'], { cwd: dir }).stderr).toBe('');
    expect(existsSync(path.join(workshop, 'out', CACHE, '.gitignore'))).toBe(true);
  });

  it('builds a programme to the same bytes with and without it, and the cache is no output: not in the manifest, not stale for --check', () => {
    const plainDir = copy();
    const cachedDir = copy();
    const plain = runBin(['build', path.join(plainDir, 'sahel-programme')], { cwd: plainDir });
    expect(plain.code, plain.stderr).toBe(0);
    const location = path.join(cachedDir, 'ci-cache');
    const cold = runBin(['build', path.join(cachedDir, 'sahel-programme'), '--cache-location', location], { cwd: cachedDir });
    const warm = runBin(['build', path.join(cachedDir, 'sahel-programme'), '--cache-location', location], { cwd: cachedDir });
    expect(cold.code, cold.stderr).toBe(0);
    // Paths are relative to the current folder, the copy's: the messages are the same.
    expect(cold.stderr).toBe(plain.stderr);
    expect(warm.stderr).toBe(plain.stderr);
    expect(readdirSync(location).filter((name) => name.endsWith('.bin'))).toHaveLength(2);
    for (const folder of ['sahel-programme/out', 'rabat-2022/out', 'niamey-2022/out']) {
      expect(snapshot(path.join(cachedDir, folder)), folder).toEqual(snapshot(path.join(plainDir, folder)));
    }
    // A workshop's cache in its output folder: the build neither lists it nor removes it, and --check ignores it.
    const workshop = path.join(cachedDir, 'rabat-2022');
    expect(runBin(['build', workshop, '--cache'], { cwd: cachedDir }).code).toBe(0);
    expect(existsSync(path.join(workshop, 'out', CACHE))).toBe(true);
    expect(readFileSync(path.join(workshop, 'out/.workshop-report.json'), 'utf8')).not.toContain(CACHE);
    const check = runBin(['build', workshop, '--check', '--cache'], { cwd: cachedDir });
    expect(check.code, check.stderr).toBe(0);
    expect(runBin(['build', workshop], { cwd: cachedDir }).code).toBe(0);
    expect(listFiles(path.join(workshop, 'out')).filter((file) => file.startsWith(CACHE))).not.toEqual([]);
  });

  it('builds a programme of many workshops (some on a worker thread, which always takes the first two) as each workshop alone, in the programme\'s order', () => {
    const dir = path.join(work, 'many');
    const names = Array.from({ length: 9 }, (_, i) => `niamey-${i + 1}`);
    for (const name of names) {
      copyTree(path.join(ROOT, 'examples/niamey-2022'), path.join(dir, name));
      remove(path.join(dir, name, 'out'));
      // Its links to Rabat's recommendations: Rabat is not in this programme.
      editFile(path.join(dir, name, 'sessions/05-cloture.yaml'), /^ *same_as: rabat-2022:.*\n/gm, '');
    }
    mkdirSync(path.join(dir, 'programme'), { recursive: true });
    writeFileSync(path.join(dir, 'programme/programme.yaml'), `title: Many\nlanguage: fr\nworkshops:\n${names.map((name) => `  - ../${name}\n`).join('')}`);
    const built = runBin(['build', path.join(dir, 'programme'), '--cache'], { cwd: dir });
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr.match(/^Wrote \d+ files to niamey-\d+\/out\/: \d+ md \(--verbose names them\)$/gm)).toEqual(names.map((name) => expect.stringContaining(`${name}/out/`)));
    for (const name of names) {
      const alone = path.join(dir, 'alone', name);
      expect(runBin(['build', path.join(dir, name), '--out', alone], { cwd: dir }).code).toBe(0);
      const own = snapshot(path.join(dir, name, 'out'));
      expect(Object.keys(own).filter((file) => file.startsWith('.workshop-report-cache'))).toEqual([]);
      // The same files; the manifests differ only in the project they name from their folder.
      const unowned = (files: Record<string, string>) => ({ ...files, '.workshop-report.json': withoutProject(Buffer.from(files['.workshop-report.json']!, 'base64').toString('utf8')) });
      expect(unowned(own), name).toEqual(unowned(snapshot(alone)));
    }
    const overview = readFileSync(path.join(dir, 'programme/out/overview.md'), 'utf8');
    const linked = [...overview.matchAll(/\]\(\.\.\/\.\.\/(niamey-\d+)\/out\//g)].map((match) => match[1]);
    expect([...new Set(linked)]).toEqual(names);
    // The texts of the workshops built on the worker thread (the first two at least) arrive as texts (a structured clone
    // keeps no classes: they once came out as "[object Object]"), the ninth's as the first's.
    const register = readFileSync(path.join(dir, 'programme/out/actions.md'), 'utf8');
    expect(register).not.toContain('[object Object]');
    const text = 'Organiser un atelier de validation de la stratégie nationale';
    expect(register.split(text).length - 1).toBe(names.length);
  });

  it('warns when it cannot write the cache, with the same diagnostics and exit code', () => {
    const dir = copy();
    const workshop = path.join(dir, 'niamey-2022');
    const blocked = path.join(dir, 'not-a-folder');
    writeFileSync(blocked, 'a file where the cache folder would be');
    const plain = runBin(['validate', workshop], { cwd: dir });
    const result = runBin(['validate', workshop, '--cache-location', blocked], { cwd: dir });
    expect(result.code).toBe(plain.code);
    expect(result.stderr).toContain(`warning: Could not write the cache: ${blocked} is a file, not a folder (give --cache-location a folder); the results are not affected.`);
    expect(result.stderr.replace(/^warning: Could not write the cache.*\n/m, '')).toBe(plain.stderr);
  });

  it('keeps a workshop\'s verdict apart from the same notes with a file that could not be read', () => {
    // The same readable texts both times: one run with sessions/08-closing.yaml not UTF-8 (its
    // actions, named by the follow-up reports, are unknown), the next without it (they do not exist).
    const dir = copy();
    const programme = path.join(dir, 'sahel-programme');
    const closing = path.join(dir, 'rabat-2022/sessions/08-closing.yaml');
    appendFileSync(closing, Buffer.from([0xff]));
    const codes = () => {
      const result = runBin(['validate', programme, '--cache', '--reporter', 'json'], { cwd: dir });
      return (JSON.parse(result.stdout) as Array<{ ruleId: string }>).map((d) => d.ruleId);
    };
    expect(codes()).toEqual(['encoding']);
    rmSync(closing);
    expect(codes()).toContain('unknown-action');
  });
});
