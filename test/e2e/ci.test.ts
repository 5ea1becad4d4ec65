import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/diagnostics/formats/github.js';
import { EXAMPLE, ROOT, copyTree, editFile, listFiles, read, remove, runBin, runInProcess, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-ci-');
afterAll(() => remove(work));
const FIXTURES = path.join(ROOT, 'test/fixtures');

function projectWith(name: string, edit: (dir: string) => void): string {
  const dir = path.join(work, name);
  copyTree(path.join(FIXTURES, 'minimal'), dir);
  edit(dir);
  return dir;
}

const withWarning = projectWith('warning', (dir) => {
  const file = path.join(dir, 'sessions/a.yaml');
  writeFileSync(file, read(file).replace(/^title: (.*)$/m, 'title: Q&A #1 - $1'));
});
const withError = projectWith('error', (dir) => {
  const file = path.join(dir, 'sessions/a.yaml');
  writeFileSync(file, read(file).replace(/^type: .*$/m, 'type: plenery'));
});

describe('--reporter json', () => {
  it('writes only the JSON array on stdout, in the documented shape, with paths relative to the current folder', async () => {
    const result = await runInProcess(['validate', path.relative(ROOT, withError), '--reporter', 'json']);
    expect(result.code).toBe(1);
    const parsed = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(parsed).toHaveLength(1);
    expect(Object.keys(parsed[0]!).sort()).toEqual(['column', 'endColumn', 'endLine', 'file', 'hint', 'line', 'message', 'project', 'related', 'ruleId', 'severity']);
    expect(parsed[0]).toMatchObject({ ruleId: 'enum', severity: 'error', project: path.relative(ROOT, withError), file: `${path.relative(ROOT, withError)}/sessions/a.yaml`, line: 4, column: 7, endLine: 4, endColumn: 14 });
    expect(result.stderr).toBe('');
  });

  it('prints an empty array when there is nothing', async () => {
    const result = await runInProcess(['validate', EXAMPLE, '--reporter', 'json']);
    expect(result.stdout).toBe('[]\n');
    expect(result.code).toBe(0);
  });
});

describe('--reporter github', () => {
  it('prints workflow commands, chosen automatically inside GitHub Actions', async () => {
    const result = await runInProcess(['validate', withError], { cwd: withError, env: { GITHUB_ACTIONS: 'true' } });
    expect(result.stdout).toMatch(/^::error file=sessions\/a\.yaml,line=4,col=7,endLine=4,endColumn=14,title=workshop-report enum::“plenery” is not a valid type\.%0ADid you mean “plenary”\?/);
    expect(result.code).toBe(1);
  });

  it('gives paths from the repository\'s root (GITHUB_WORKSPACE), where GitHub places them, whatever folder the step runs in', async () => {
    // A step with `working-directory: sessions`: the paths were `../sessions/a.yaml`, on no line of the pull request.
    const result = await runInProcess(['validate', '..'], { cwd: path.join(withError, 'sessions'), env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: path.dirname(withError) } });
    expect(result.stdout).toMatch(new RegExp(`^::error file=${path.basename(withError)}/sessions/a\\.yaml,line=4,col=7,`, 'm'));
  });

  it('escapes data and properties as the workflow-command format requires', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
});

describe('--strict, --max-warnings and --quiet', () => {
  it('warnings pass by default and fail under --strict (and then build writes nothing)', async () => {
    expect((await runInProcess(['validate', withWarning])).code).toBe(0);
    const strict = await runInProcess(['validate', withWarning, '--strict']);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/^Failed: --strict treats the 1 warning as errors\.$/m);
    // --quiet hides the warnings, unless they fail the run: then they are shown, with the reason (a CI log named none).
    expect((await runInProcess(['validate', withWarning])).stderr).toMatch(/warning/);
    expect((await runInProcess(['validate', withWarning, '--quiet'])).stderr).toBe('');
    const quiet = (await runInProcess(['validate', withWarning, '--strict', '--quiet'])).stderr;
    expect(quiet).toMatch(/^\S+:\d+:\d+ warning /m);
    expect(quiet).toMatch(/\nFailed: --strict treats the 1 warning as errors\.\n$/);
    // A CI job reading the JSON or the annotations gets the warnings that failed the run (it got `[]`, or nothing, from a failed run).
    for (const args of [['--strict'], ['--max-warnings', '0']]) {
      const json = await runInProcess(['validate', withWarning, ...args, '--quiet', '--reporter', 'json']);
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout).map((d: { severity: string }) => d.severity)).toEqual(['warning']);
    }
    const github = await runInProcess(['validate', withWarning, '--strict', '--quiet', '--reporter', 'github']);
    expect(github.stdout).toMatch(/^::warning file=/m);
    const out = path.join(work, 'strict-out');
    expect((await runInProcess(['build', withWarning, '--strict', '--out', out])).code).toBe(1);
    expect(() => listFiles(out)).toThrow();
  });

  it('--max-warnings N fails past N', async () => {
    expect((await runInProcess(['validate', withWarning, '--max-warnings', '1'])).code).toBe(0);
    const past = await runInProcess(['validate', withWarning, '--max-warnings', '0']);
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/^Failed: 1 warning, more than --max-warnings 0\.$/m);
    expect((await runInProcess(['validate', withWarning, '--max-warnings', 'many'])).code).toBe(2);
  });

  it('--max-warnings takes plain digits only, and an empty value is said as such (it was taken as 0)', async () => {
    // `--max-warnings "$MAX"` with MAX unset: it failed the run on its warning, "more than --max-warnings 0".
    for (const value of ['', ' ']) {
      const empty = await runInProcess(['validate', withWarning, '--max-warnings', value]);
      expect(empty.code, JSON.stringify(value)).toBe(2);
      expect(empty.stderr).toMatch(/^workshop-report: --max-warnings was given an empty value\.$/m);
      expect(empty.stderr).not.toContain('Failed:');
    }
    // Number() took these as 1; 1.5 and -1 were refused.
    for (const value of ['0x1', '1e0', ' 1', '1 ', '+1', '1.5', '-1', '1_000']) {
      const refused = await runInProcess(['validate', withWarning, '--max-warnings', value]);
      expect(refused.code, value).toBe(2);
      expect(refused.stderr).toContain(`--max-warnings takes a whole number, not “${value}”.`);
      expect(refused.stderr).toContain('Write it in digits alone');
    }
    expect((await runInProcess(['validate', withWarning, '--max-warnings', '01'])).code).toBe(0);
    expect((await runInProcess(['validate', withWarning, '--max-warnings', '00'])).code).toBe(1);
  });

  it('--quiet prints errors only', async () => {
    const result = await runInProcess(['validate', withWarning, '--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('build --check', () => {
  it('passes on the committed example report, which can therefore never go stale', async () => {
    const result = await runInProcess(['build', EXAMPLE, '--check']);
    expect(result.stderr, 'examples/rabat-2022/out/ differs from a build of the example: restore it with `git checkout -- examples/rabat-2022/out && git clean -f examples/rabat-2022/out` (a Markdown build leaves the files of other formats there: build them elsewhere, `-o out/rabat-2022`), or rebuild it with `npx workshop-report build examples/rabat-2022` after a deliberate change').toContain('is up to date (30 files)');
    expect(result.code).toBe(0);
  });

  it('lists missing, different and stale documents, and writes nothing', async () => {
    const project = path.join(work, 'check');
    copyTree(path.join(FIXTURES, 'minimal'), project);
    expect((await runInProcess(['build', project])).code).toBe(0);
    const out = path.join(project, 'out');
    writeFileSync(path.join(out, 'report.md'), 'edited by hand\n');
    remove(path.join(out, 'recommendations.md'));
    // Dropping a beneficiary country leaves its brief stale.
    const workshop = path.join(project, 'workshop.yaml');
    writeFileSync(workshop, read(workshop).replace('report:', 'report:\n  documents: [report, recommendations]').includes('documents') ? read(workshop) : `${read(workshop)}report:\n  documents: [report, recommendations]\n`);
    const before = listFiles(out).map((f) => [f, readFileSync(path.join(out, f))]);
    const result = await runInProcess(['build', project, '--check'], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^ {2}differs +report\.md$/m);
    expect(result.stderr).toMatch(/^ {2}missing +recommendations\.md$/m);
    expect(result.stderr).toMatch(/^ {2}stale +countries\/MLI\.md$/m);
    expect(listFiles(out).map((f) => [f, readFileSync(path.join(out, f))])).toEqual(before);
    // The machine reporters carry each difference as a problem at the output file (it printed [] and exited 1).
    const json = await runInProcess(['build', project, '--check', '--reporter', 'json'], { cwd: project });
    expect(json.code).toBe(1);
    const problems = JSON.parse(json.stdout) as Array<{ ruleId: string; file: string; message: string }>;
    expect(problems.map((p) => [p.ruleId, p.file]).sort()).toEqual([['output-not-up-to-date', 'out/countries/MLI.md'], ['output-not-up-to-date', 'out/countries/NER.md'], ['output-not-up-to-date', 'out/recommendations.md'], ['output-not-up-to-date', 'out/report.md']]);
    expect(problems.find((p) => p.file === 'out/report.md')!.message).toBe('out/report.md differs from what the notes give.');
    const github = await runInProcess(['build', project, '--check', '--reporter', 'github'], { cwd: project });
    expect(github.stdout).toMatch(/^::error file=out\/report\.md,line=1,col=1,endLine=1,endColumn=1,title=workshop-report output-not-up-to-date::/m);
  });
});

describe('build --check with the machine reporters', () => {
  it('names in its message the file by the path its `file` gives (from the current folder; from GITHUB_WORKSPACE for the annotations), an output folder outside the project too (it named it from the project: ../out4/report.md)', () => {
    const folder = path.join(work, 'check-paths');
    copyTree(path.join(FIXTURES, 'minimal'), path.join(folder, 'notes'));
    for (const out of ['out4', 'notes/out']) {
      expect(runBin(['build', 'notes', '-o', out], { cwd: folder }).code).toBe(0);
      writeFileSync(path.join(folder, out, 'report.md'), 'edited by hand\n');
      const json = runBin(['build', 'notes', '-o', out, '--check', '--reporter', 'json'], { cwd: folder });
      expect(json.code).toBe(1);
      expect((JSON.parse(json.stdout) as Array<{ file: string; message: string }>).map((p) => [p.file, p.message])).toEqual([[`${out}/report.md`, `${out}/report.md differs from what the notes give.`]]);
      const github = runBin(['build', 'notes', '-o', out, '--check', '--reporter', 'github'], { cwd: folder, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: work } });
      expect(github.stdout).toContain(`::error file=check-paths/${out}/report.md,line=1,col=1,endLine=1,endColumn=1,title=workshop-report output-not-up-to-date::check-paths/${out}/report.md differs from what the notes give.%0A`);
    }
  });
});

describe('build --check --format, beside the files of other formats a build wrote', () => {
  /** Niamey's example without its out/, its report.formats set to `formats` (it has no report: mapping). */
  const niamey = (name: string, formats?: string): string => {
    const project = path.join(work, name);
    copyTree(path.join(ROOT, 'examples/niamey-2022'), project);
    remove(path.join(project, 'out'));
    const workshop = path.join(project, 'workshop.yaml');
    expect(read(workshop)).not.toMatch(/^report:/m);
    if (formats) writeFileSync(workshop, `${read(workshop)}report:\n  formats: ${formats}\n`);
    return project;
  };
  const editNote = (project: string) => editFile(path.join(project, 'sessions/01-ouverture.yaml'), 'a souhaité la\n', 'a souhaité chaleureusement la\n');

  it('compares the Markdown only, the HTML being neither stale nor missing (every HTML file was stale, and the build the hint gave could not fix it); a note changed fails it naming report.md alone, and the hint gives the build that brings it up to date', async () => {
    const project = niamey('formats-md-html', '[md, html]');
    const built = await runInProcess(['build', project]);
    expect(built.code, built.stderr).toBe(0);
    expect(built.stderr).toContain('Wrote 18 files');
    const clean = await runInProcess(['build', 'formats-md-html', '--check', '--format', 'md'], { cwd: work });
    expect(clean.stderr).not.toContain('stale');
    expect(clean.stderr).toBe('formats-md-html/out/ is up to date for md (6 files; 12 html files not checked).\n');
    expect(clean.code).toBe(0);
    // Without --format, report.formats: the HTML too.
    expect((await runInProcess(['build', 'formats-md-html', '--check'], { cwd: work })).stderr).toBe('formats-md-html/out/ is up to date (18 files).\n');

    editNote(project);
    const changed = await runInProcess(['build', 'formats-md-html', '--check', '--format', 'md'], { cwd: work });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toBe('formats-md-html/out/ is not up to date with the notes (12 html files not checked):\n  differs  report.md\nRun `workshop-report build formats-md-html --format md` and commit the result.\n');
    // The machine reporters give the same command.
    const json = await runInProcess(['build', 'formats-md-html', '--check', '--format', 'md', '--reporter', 'json'], { cwd: work });
    const problems = JSON.parse(json.stdout) as Array<{ ruleId: string; file: string; hint: string }>;
    expect(problems.map((p) => [p.ruleId, p.file, p.hint])).toEqual([['output-not-up-to-date', 'formats-md-html/out/report.md', 'Run `workshop-report build formats-md-html --format md` and commit the result.']]);
    // The options that change what is made are repeated, as given.
    const options = await runInProcess(['build', 'formats-md-html', '--check', '-f', 'MD', '-o', 'formats-md-html/out', '--as-of', '2023-06-30'], { cwd: work });
    expect(options.stderr).toContain('Run `workshop-report build formats-md-html --out formats-md-html/out --format md --as-of 2023-06-30` and commit the result.\n');

    // Doing what it says brings the Markdown up to date, and leaves the HTML as it was.
    const html = read(path.join(project, 'out/report.html'));
    const rebuilt = await runInProcess(['build', 'formats-md-html', '--format', 'md'], { cwd: work });
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.stderr).toContain('Left 12 files of other formats as an earlier build wrote them (not built this time): ');
    expect(read(path.join(project, 'out/report.html'))).toBe(html);
    const after = await runInProcess(['build', 'formats-md-html', '--check', '--format', 'md'], { cwd: work });
    expect(after.stderr).toBe('formats-md-html/out/ is up to date for md (6 files; 12 html files not checked).\n');
    expect(after.code).toBe(0);
    // The HTML, not built again, is what a check of report.formats finds out of date.
    const all = await runInProcess(['build', 'formats-md-html', '--check'], { cwd: work });
    expect(all.code).toBe(1);
    expect(all.stderr).toBe('formats-md-html/out/ is not up to date with the notes:\n  differs  report.html\nRun `workshop-report build formats-md-html` and commit the result.\n');
    expect((await runInProcess(['build', 'formats-md-html'], { cwd: work })).code).toBe(0);
    expect((await runInProcess(['build', 'formats-md-html', '--check'], { cwd: work })).code).toBe(0);
  });

  it('the same after a local build --format md,html, for a project whose report.formats is Markdown (the default)', async () => {
    const project = niamey('formats-local');
    expect((await runInProcess(['build', project, '--format', 'md,html'])).code).toBe(0);
    for (const flags of [['--format', 'md'], []]) {
      const clean = await runInProcess(['build', project, '--check', ...flags], { cwd: project });
      expect(clean.stderr, flags.join(' ')).toBe('out/ is up to date for md (6 files; 12 html files not checked).\n');
      expect(clean.code, flags.join(' ')).toBe(0);
    }
    expect((await runInProcess(['build', project, '--check', '--format', 'md,html'], { cwd: project })).stderr).toBe('out/ is up to date (18 files).\n');
    // A PDF never built is missing from a check of the PDF, and the other formats' files are not looked at.
    const pdf = await runInProcess(['build', project, '--check', '--format', 'pdf'], { cwd: project });
    expect(pdf.code).toBe(1);
    expect(pdf.stderr).toMatch(/^out\/ is not up to date with the notes \(18 md and html files not checked\):\n {2}missing {2}report\.pdf\n/);
    expect(pdf.stderr).not.toMatch(/ (stale|differs) /);
    editNote(project);
    const changed = await runInProcess(['build', '.', '--check', '--format', 'md'], { cwd: project });
    expect(changed.code).toBe(1);
    expect(changed.stderr).toBe('out/ is not up to date with the notes (12 html files not checked):\n  differs  report.md\nRun `workshop-report build . --format md` and commit the result.\n');
  });
});

describe('build --check with warnings that fail the run', () => {
  it('still lists the documents out of date after saying why the warnings fail it, exit 1 (the CI log said only "Failed: --strict …")', async () => {
    const project = projectWith('check-strict', (dir) => {
      const file = path.join(dir, 'sessions/a.yaml');
      writeFileSync(file, read(file).replace(/^title: (.*)$/m, 'title: Q&A #1 - $1'));
    });
    expect((await runInProcess(['build', project], { cwd: project })).code).toBe(0);
    writeFileSync(path.join(project, 'out/report.md'), 'edited by hand\n');
    for (const flags of [['--strict'], ['--max-warnings', '0']]) {
      const result = await runInProcess(['build', project, '--check', ...flags], { cwd: project });
      expect(result.code, flags.join(' ')).toBe(1);
      // The hint gives the build to run: the project folder, and no --format when the check had none.
      expect(result.stderr, flags.join(' ')).toContain(`\nout/ is not up to date with the notes:\n  differs  report.md\nRun \`workshop-report build ${project}\` and commit the result.\n`);
      expect(result.stderr, flags.join(' ')).toMatch(/^Failed: .*\nout\/ is not up to date with the notes:\n/m);
    }
    const json = await runInProcess(['build', project, '--check', '--strict', '--reporter', 'json'], { cwd: project });
    expect(json.code).toBe(1);
    expect((JSON.parse(json.stdout) as Array<{ ruleId: string; severity: string; file: string }>).map((p) => [p.severity, p.ruleId === 'output-not-up-to-date' ? p.file : 'the warning']).sort()).toEqual([['error', 'out/report.md'], ['warning', 'the warning']]);
    // Up to date, --strict still fails on the warning, and says the folder is up to date.
    expect((await runInProcess(['build', project], { cwd: project })).code).toBe(0);
    const clean = await runInProcess(['build', project, '--check', '--strict'], { cwd: project });
    expect(clean.code).toBe(1);
    expect(clean.stderr).toMatch(/^Failed: --strict treats the 1 warning as errors\.\nout\/ is up to date \(\d+ files\)\.\n$/m);
  });
});

describe('a command that stops before its problems (exit 2 or 3)', () => {
  it('still writes one JSON array with --reporter json, and an annotation with github', async () => {
    const json = await runInProcess(['build', path.relative(ROOT, withWarning), '--format', 'md,odt', '--reporter', 'json']);
    expect(json.code).toBe(2);
    expect(json.stderr).toContain('Unknown format “odt”');
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ ruleId: 'setup-error', severity: 'error', file: null, message: 'Unknown format “odt” for --format.', hint: expect.stringContaining('md,pdf,docx') })]);
    const github = await runInProcess(['validate', path.join(work, 'nowhere'), '--reporter', 'github']);
    expect(github.code).toBe(2);
    expect(github.stdout).toMatch(/^::error title=workshop-report setup-error::(\S+\/: )?Cannot read the project folder/m);
    // The pretty reporter keeps stdout empty: the message is on stderr.
    expect((await runInProcess(['validate', path.join(work, 'nowhere')])).stdout).toBe('');
  });

  it('gives as its project the folder the command was given, relative to the current folder, as its other problems do (it said "." whatever the folder)', async () => {
    const project = path.relative(ROOT, withWarning);
    const json = await runInProcess(['build', project, '--format', 'md,odt', '--reporter', 'json']);
    expect(JSON.parse(json.stdout)).toEqual([expect.objectContaining({ ruleId: 'setup-error', file: null, project })]);
    // From inside it, ".", as for its other problems.
    const inside = await runInProcess(['build', '.', '--format', 'md,odt', '--reporter', 'json'], { cwd: withWarning });
    expect(JSON.parse(inside.stdout)).toEqual([expect.objectContaining({ ruleId: 'setup-error', project: '.' })]);
    // A folder that is not there, the built bin: named as given, relative to the current folder.
    const missing = runBin(['validate', path.join(work, 'nowhere'), '--reporter', 'json'], { cwd: work });
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toEqual([expect.objectContaining({ ruleId: 'setup-error', project: 'nowhere', message: expect.stringContaining('Cannot read the project folder') })]);
    // A programme given to a command for one workshop: the programme's folder.
    const programme = await runInProcess(['preview', 'examples/sahel-programme', '--reporter', 'json']);
    expect(programme.code).toBe(2);
    expect(JSON.parse(programme.stdout)).toEqual([expect.objectContaining({ ruleId: 'setup-error', project: 'examples/sahel-programme' })]);
    // github names it as it names a project-wide problem of a project that is not the current folder.
    const github = await runInProcess(['build', project, '--format', 'md,odt', '--reporter', 'github']);
    expect(github.stdout).toBe(`::error title=workshop-report setup-error::${project}/: Unknown format “odt” for --format.%0A${JSON.parse(json.stdout)[0].hint}\n`);
    const fromWorkspace = await runInProcess(['build', '.', '--format', 'md,odt', '--reporter', 'github'], { cwd: withWarning, env: { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: path.dirname(withWarning) } });
    expect(fromWorkspace.stdout).toMatch(new RegExp(`^::error title=workshop-report setup-error::${path.basename(withWarning)}/: Unknown format`));
  });
});

describe('determinism', () => {
  it('gives byte-identical Markdown whatever the time zone and locale', () => {
    const outputs = [
      { TZ: 'Pacific/Kiritimati', LANG: 'fr_FR.UTF-8', LC_ALL: 'fr_FR.UTF-8' },
      { TZ: 'America/Anchorage', LANG: 'en_US.UTF-8', LC_ALL: 'C' },
    ].map((env, i) => {
      const out = path.join(work, `tz-${i}`);
      const result = runBin(['build', 'examples/rabat-2022', '--out', out, '--format', 'md'], { env });
      expect(result.code).toBe(0);
      return listFiles(out).map((f) => [f, read(path.join(out, f))]);
    });
    expect(outputs[0]).toEqual(outputs[1]);
  });
});

describe('schema', () => {
  it('prints each JSON Schema, with its $id', async () => {
    for (const name of ['workshop', 'session', 'country', 'pdf-theme']) {
      const result = await runInProcess(['schema', name]);
      expect(result.code).toBe(0);
      expect((JSON.parse(result.stdout) as { $id: string }).$id).toMatch(new RegExp(`/${name}\\.schema\\.json$`));
    }
    expect((await runInProcess(['schema', 'nope'])).code).toBe(2);
    const typo = await runInProcess(['schema', 'programme-exprot']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('hint: Did you mean “programme-export”? Use one of:');
  });
});
