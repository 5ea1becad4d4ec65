import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { EXAMPLE, ROOT, copyTree, listFiles, read, remove, runBin, runInProcess, tempDir, copyExampleWithoutEditions, withoutProject } from '../helpers/run-cli.js';

const work = tempDir('wr-cli-');
afterAll(() => remove(work));
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

describe('the built bin', () => {
  it('prints the version', () => {
    const result = runBin(['--version']);
    expect(result.stdout.trim()).toBe(version);
    expect(result.code).toBe(0);
  });

  it('prints help for the program and for each command', () => {
    const help = runBin(['--help']);
    expect(help.code).toBe(0);
    for (const command of ['validate', 'build', 'init']) expect(help.stdout).toContain(command);
    const build = runBin(['build', '--help']);
    expect(build.code).toBe(0);
    expect(build.stdout).toContain('--out <dir>');
    expect(build.stdout).toContain('--format <list>');
  });

  it('exits 2 on an unknown option, with a hint', () => {
    const result = runBin(['build', '--frmat', 'md']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--frmat'");
    expect(result.stderr).toContain('--help');
  });

  it('suggests the format and the date meant: --format pdff, --as-of 30/06/2023', () => {
    const format = runBin(['build', path.join(ROOT, 'examples/niamey-2022'), '--format', 'pdff', '--check']);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('hint: Did you mean “pdf”?');
    const date = runBin(['build', path.join(ROOT, 'examples/niamey-2022'), '--as-of', '30/06/2023', '--check']);
    expect(date.code).toBe(2);
    expect(date.stderr).toContain('hint: Did you mean --as-of 2023-06-30?');
    expect(runBin(['build', path.join(ROOT, 'examples/niamey-2022'), '--as-of', '31/02/2023', '--check']).stderr).toContain('hint: For example --as-of 2023-05-15.');
  });

  it('says --format md pdf (a space in the list, so pdf came as the project folder) is one list to write md,pdf, where it could not read the folder …/pdf', () => {
    const result = runBin(['build', '--format', 'md', 'pdf'], { cwd: path.join(ROOT, 'examples/niamey-2022') });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('“pdf” is a format, not a project folder: --format takes its formats as one list, without spaces.');
    expect(result.stderr).toContain('hint: Write --format md,pdf');
    // The project folder given first: pdf comes as a second argument (commander said only "too many arguments").
    const after = runBin(['build', 'examples/niamey-2022', '--format', 'md', 'pdf', 'html']);
    expect(after.code).toBe(2);
    expect(after.stderr).toContain('“pdf html” is a format, not a second project folder');
    expect(after.stderr).toContain('hint: Write --format md,pdf,html.');
    const two = runBin(['build', 'examples/niamey-2022', 'examples/rabat-2022']);
    expect(two.code).toBe(2);
    expect(two.stderr).toContain('Too many arguments for build: “examples/rabat-2022”. It takes one project folder.');
  });

  it('says a notes file given where the project folder goes is a file, and which folder to give, where it could not read the folder …/01-opening.yaml', () => {
    for (const command of ['validate', 'build']) {
      const result = runBin([command, 'examples/niamey-2022/sessions/01-ouverture.yaml']);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(`examples/niamey-2022/sessions/01-ouverture.yaml is a file: ${command} takes the project folder, the one that holds workshop.yaml`);
      expect(result.stderr).toContain(`hint: Run \`workshop-report ${command} examples/niamey-2022\`.`);
    }
  });

  it('exits 2 on --watch with --check, before anything is built or watched (it compared once, then watched)', () => {
    const result = runBin(['build', path.join(ROOT, 'examples/niamey-2022'), '--watch', '--check']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("option '-w, --watch' cannot be used with option '--check'");
  });

  it('exits 2 when the folder has no workshop.yaml', () => {
    const result = runBin(['validate', work]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('has no workshop.yaml');
  });

  it('validates the example with no problem', () => {
    const result = runBin(['validate', 'examples/rabat-2022']);
    expect(result.stderr).toBe('No problems found: 8 session files checked.\nfr: 193 of 193 texts translated, 0 missing, 0 stale\n');
    expect(result.code).toBe(0);
  });

  it.each([
    ['rabat-2022', ['en', 'fr'].flatMap((language) => ['public/countries/BFA.md', 'public/countries/GHA.md', 'public/countries/MLI.md', 'public/countries/NER.md', 'public/follow-up.md', 'public/press-release.md', 'public/recommendations.md', 'public/report.md', 'restricted/countries/BFA.md', 'restricted/countries/GHA.md', 'restricted/countries/MLI.md', 'restricted/countries/NER.md', 'restricted/follow-up.md', 'restricted/recommendations.md', 'restricted/report.md'].map((file) => `${language}/${file}`))],
    ['niamey-2022', ['countries/BFA.md', 'countries/MLI.md', 'countries/NER.md', 'follow-up.md', 'recommendations.md', 'report.md']],
  ])('builds %s: the same Markdown as the committed report (golden files)', (example, documents) => {
    const out = path.join(work, `golden-${example}`);
    const result = runBin(['build', `examples/${example}`, '--out', out, '--format', 'md']);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(`Wrote ${documents.length} files`);
    const committed = path.join(ROOT, 'examples', example, 'out');
    const written = listFiles(out);
    expect(written).toEqual(['.workshop-report.json', ...documents]);
    const advice = (file: string) => `examples/${example}/out/${file} is not what a build of the example writes. After changing a template or the code on purpose, run \`npx workshop-report build examples/${example}\` and review the diff; if you built other formats into out/, restore it with \`git checkout -- examples/${example}/out && git clean -f examples/${example}/out\` (a Markdown build leaves them there) and build them elsewhere (\`-o out/${example}\`).`;
    expect(listFiles(committed).filter((file) => !file.endsWith('.pdf')), advice('')).toEqual(written);
    // The manifest names the project from its output folder: `..` in examples/, another path from this one.
    const same = (file: string, text: string) => (file === '.workshop-report.json' ? withoutProject(text) : text);
    expect(JSON.parse(read(path.join(out, '.workshop-report.json'))).project).toBe(path.relative(out, path.join(ROOT, 'examples', example)).split(path.sep).join('/'));
    for (const file of written) expect(same(file, read(path.join(out, file))), advice(file)).toBe(same(file, read(path.join(committed, file))));
  });
});

describe('build', () => {
  it('lists every consolidated recommendation exactly once in recommendations.md', () => {
    const text = read(path.join(EXAMPLE, 'out/en/restricted/recommendations.md'));
    const labels = [...text.matchAll(/^\| \*\*(R\d+)\*\* \|/gm)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThanOrEqual(15);
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels).toEqual(labels.map((_, i) => `R${i + 1}`));
  });

  it('rejects an unknown format as a usage error', async () => {
    const result = await runInProcess(['build', EXAMPLE, '--format', 'odt', '--out', path.join(work, 'x')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Unknown format “odt”');
    expect(result.stderr).toContain('Use md, pdf, html, docx');
  });

  it('refuses an output folder that would overwrite the notes', async () => {
    // And a notes folder written in other case, `Sessions/out` (the notes folder itself where the file
    // system ignores case; elsewhere every later build warned to move the reports into sessions/).
    for (const notes of ['sessions', 'workshop.yaml', 'follow-up', 'translations/fr', 'Sessions/out', 'Follow-Up']) {
      const result = await runInProcess(['build', EXAMPLE, '--out', path.join(EXAMPLE, notes)]);
      expect(result.code, notes).toBe(2);
      expect(result.stderr).toContain("would overwrite the project's own files");
    }
    expect(existsSync(path.join(EXAMPLE, 'Sessions'))).toBe(false);
  });

  it('refuses an empty --out (a variable left unset in a script), saying so, where it was the current folder', async () => {
    const result = await runInProcess(['build', EXAMPLE, '--out', '']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out was given an empty value.');
  });

  it('refuses an empty --pdf-theme, saying so: it read the current folder as the theme, or was not looked at without pdf', async () => {
    for (const format of ['pdf', 'md']) {
      const result = await runInProcess(['build', EXAMPLE, '--format', format, '--pdf-theme', '', '--out', path.join(work, 'empty-theme-out')]);
      expect(result.code, format).toBe(2);
      expect(result.stderr).toMatch(/^workshop-report: --pdf-theme was given an empty value\.$/m);
      expect(existsSync(path.join(work, 'empty-theme-out'))).toBe(false);
    }
  });

  it('refuses an empty value for every option and argument that takes one (a variable left unset), saying which and what to give', async () => {
    const dir = path.join(work, 'empty-values');
    copyTree(EXAMPLE, dir);
    remove(path.join(dir, 'out'));
    const before = listFiles(dir);
    const cases: Array<[string[], string, RegExp]> = [
      // --cache-location '' wrote the cache into the current folder (the project's), --templates '' read
      // the project folder as the templates, --port '' served on another port: each without a word.
      [['build', '.', '--cache-location', ''], '--cache-location was given an empty value.', /--cache alone keeps the cache/],
      [['build', '.', '--templates', ''], '--templates was given an empty value.', /leave --templates out to use DIR\/templates/],
      [['validate', '.', '--templates', ''], '--templates was given an empty value.', /house-templates/],
      [['build', '.', '--format', ''], '--format was given an empty value.', /--format md,pdf/],
      [['build', '.', '--as-of', ''], '--as-of was given an empty value.', /YYYY-MM-DD/],
      [['preview', '.', '--port', ''], '--port was given an empty value.', /--port 8080/],
      [['translations', 'export', '.', '--lang', 'fr', '--only', ''], '--only was given an empty value.', /missing, stale or translated/],
      [['translations', 'export', '.', '--lang', 'fr', '--out', ''], '--out was given an empty value.', /XLIFF file to write/],
      [['context', '.', '--edition', ''], '--edition was given an empty value.', /--edition public/],
      [['templates', 'list', '--project', ''], '--project was given an empty value.', /project folder/],
      // And an argument: `build "$WORKSHOP"` built the current folder.
      [['build', ''], "The folder was given as an empty value ('').", /workshop-report build \.\.\/rabat-2022/],
      [['init', ''], "The folder was given as an empty value ('').", /init \.\.\/my-workshop/],
      [['templates', 'eject', 'report', ''], "A template's name was given as an empty value ('').", /templates eject report/],
      [['translations', 'import', ''], "The file was given as an empty value ('').", /XLIFF file/],
    ];
    for (const [argv, message, hint] of cases) {
      const result = await runInProcess(argv, { cwd: dir });
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.stderr, argv.join(' ')).toContain(`workshop-report: ${message}`);
      expect(result.stderr, argv.join(' ')).toMatch(hint);
    }
    // Nothing written: no cache, no output folder, no scaffold.
    expect(listFiles(dir)).toEqual(before);
  });

  it('shows a control character in a setup error’s message as its code, as the diagnostics do (ESC [31m recoloured the terminal)', async () => {
    mkdirSync(path.join(work, 'esc\u001b[31mred'));
    const result = await runInProcess(['validate', path.join(work, 'esc\u001b[31mred')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('esc<U+001B>[31mred has no workshop.yaml.');
    expect(result.stderr).not.toContain('\u001b');
  });

  it('refuses an output folder that leads into the notes through a link, and writes nothing there', async () => {
    const dir = path.join(work, 'linked');
    copyTree(EXAMPLE, dir);
    symlinkSync(path.join(dir, 'sessions'), path.join(dir, 'outlink'));
    symlinkSync(dir, path.join(work, 'linked-self'));
    symlinkSync(path.join(dir, 'translations/fr'), path.join(work, 'linked-fr'));
    const before = listFiles(dir);
    for (const out of [path.join(dir, 'outlink'), path.join(work, 'linked-self'), path.join(work, 'linked-fr/x')]) {
      const result = await runInProcess(['build', dir, '--out', out]);
      expect(result.code, out).toBe(2);
      expect(result.stderr).toContain("would overwrite the project's own files");
    }
    expect(listFiles(dir)).toEqual(before);
  });

  it('refuses an output folder that is a file, saying so', async () => {
    const file = path.join(work, 'a-file');
    writeFileSync(file, 'not a folder\n');
    const result = await runInProcess(['build', EXAMPLE, '--format', 'md', '--out', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`The output folder ${file} is a file.`);
    // A plain workshop: no word of a programme's workshops, which it is not (it said "(a workshop of a programme is built into its own out/)").
    expect(result.stderr).toContain('hint: Remove or rename the file in the way, or give --out a folder (it is made when missing).');
    expect(result.stderr).not.toContain('programme');
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
    const below = await runInProcess(['build', EXAMPLE, '--format', 'md', '--out', path.join(file, 'out')]);
    expect(below.code).toBe(2);
    expect(below.stderr).toContain(`The output folder ${path.join(file, 'out')} cannot be made: ${file} is a file.`);
    // -o /dev/null, meant as “write nothing”: no file to remove or rename; what writes nothing is named.
    const device = await runInProcess(['build', EXAMPLE, '--format', 'md', '--out', '/dev/null']);
    expect(device.code).toBe(2);
    expect(device.stderr).toContain('The output folder /dev/null is not a folder (a device or other special file).');
    expect(device.stderr).toContain('To check the notes without writing anything, run `workshop-report validate`');
    expect(device.stderr).not.toContain('Remove or rename');
  });

  it('build --check refuses an output folder that is a file as build does (it listed every document as missing, exit 1)', async () => {
    const file = path.join(work, 'a-file-checked');
    writeFileSync(file, 'not a folder\n');
    for (const [out, message] of [[file, `The output folder ${file} is a file.`], [path.join(file, 'out'), `The output folder ${path.join(file, 'out')} cannot be made: ${file} is a file.`]] as const) {
      const result = await runInProcess(['build', EXAMPLE, '--format', 'md', '--out', out, '--check']);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toContain('is not up to date');
    }
    expect(readFileSync(file, 'utf8')).toBe('not a folder\n');
  });

  it('leaves the previous reports untouched when the notes have an error', async () => {
    const project = path.join(work, 'broken');
    copyExampleWithoutEditions(project);
    remove(path.join(project, 'out'));
    expect((await runInProcess(['build', project])).code).toBe(0);
    const before = listFiles(path.join(project, 'out')).map((f) => [f, read(path.join(project, 'out', f))]);
    const session = path.join(project, 'sessions/02-trends-threats.yaml');
    writeFileSync(session, read(session).replace(/^type: plenary$/m, 'type: plenery'));
    const result = await runInProcess(['build', project], { cwd: project });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessions\/02-trends-threats\.yaml:\d+:7 error “plenery” is not a valid type\. \[enum\]$/m);
    expect(result.stderr).toContain('Did you mean “plenary”?');
    const after = listFiles(path.join(project, 'out')).map((f) => [f, read(path.join(project, 'out', f))]);
    expect(after).toEqual(before);
  });
});

describe('init', () => {
  it('scaffolds a project that builds as it is, and never overwrites it', async () => {
    const dir = path.join(work, 'new-workshop');
    const created = await runInProcess(['init', dir]);
    expect(created.code).toBe(0);
    expect(listFiles(dir)).toEqual(['.schemas/common.schema.json', '.schemas/country.schema.json', '.schemas/follow-up.schema.json', '.schemas/pdf-theme.schema.json', '.schemas/programme.schema.json', '.schemas/session.schema.json', '.schemas/translation.schema.json', '.schemas/workshop.schema.json', 'sessions/01-opening.yaml', 'sessions/02-recommendations.yaml', 'workshop.yaml']);
    expect(read(path.join(dir, 'workshop.yaml'))).toMatch(/^# yaml-language-server: \$schema=.*schemas\/workshop\.schema\.json$/m);
    // Made outside any package (as `npx workshop-report init` makes it): no node_modules/ to point into.
    const comments = read(path.join(dir, 'workshop.yaml')).split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(comments).not.toContain('node_modules');
    expect(comments).toContain('# The full format: docs/FORMAT.md of the workshop-report package (in its repository, or in the package that\n# `npm pack workshop-report` downloads)');
    expect(comments).toContain('`npx workshop-report schema` prints it');
    expect(comments).not.toContain('{{');
    const built = await runInProcess(['build', dir]);
    expect(built.stderr).not.toContain('warning');
    expect(built.code).toBe(0);
    expect(existsSync(path.join(dir, 'out/countries/MLI.md'))).toBe(true);

    writeFileSync(path.join(dir, 'workshop.yaml'), 'title: edited\n');
    const again = await runInProcess(['init', dir]);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('never overwrites');
    expect(read(path.join(dir, 'workshop.yaml'))).toBe('title: edited\n');
  });
});

describe('exit codes', () => {
  it('3 for an internal error, with a short report request and no stack without --debug', async () => {
    let stderr = '';
    const code = await run(['--version'], {
      stdout: { write: () => { throw new Error('stream exploded'); } },
      stderr: { write: (text: string) => { stderr += text; } },
      cwd: ROOT,
      env: {},
    });
    expect(code).toBe(3);
    expect(stderr).toContain(`workshop-report ${version}`);
    expect(stderr).toContain('internal error: stream exploded');
    expect(stderr).not.toMatch(/^\s+at /m);
  });

  it('1 for problems in the notes, 0 with warnings only', async () => {
    const dir = path.join(work, 'warn');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    mkdirSync(path.join(dir, 'sessions'), { recursive: true });
    const file = path.join(dir, 'sessions/a.yaml');
    writeFileSync(file, read(file).replace(/^title: (.*)$/m, 'title: Q&A #1 - $1'));
    const result = await runInProcess(['validate', dir]);
    expect(result.stderr).toContain('[comment-in-scalar]');
    expect(result.stderr).toMatch(/^1 warning$/m);
    expect(result.code).toBe(0);
  });
});
