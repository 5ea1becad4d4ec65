import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, remove, runBin, runInProcess, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-links-');
afterAll(() => remove(work));
const outside = path.join(work, 'elsewhere.yaml');
writeFileSync(outside, 'title: Not part of the project\n');

function project(name: string): string {
  const dir = path.join(work, name);
  copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
  return dir;
}

describe('symbolic links in a project', () => {
  it.each([
    ['sessions/03-evil.yaml'],
    ['countries/NER.yaml'],
    ['assets/logo.png'],
  ])('%s linking outside the project is an error at the file, not a silent skip', async (file) => {
    const dir = project(file.replace(/\W/g, '-'));
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    symlinkSync(outside, path.join(dir, file));
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`^${file.replace('.', '\\.')}:1:1 error This file is a symbolic link to .*elsewhere\\.yaml, outside the project folder, so it was not read\\. \\[link-outside-project\\]$`, 'm'));
    expect(result.stderr).toContain('Copy the file into the project');
  });

  it('a template linking outside the project stops the build, which writes nothing', async () => {
    const dir = project('template');
    mkdirSync(path.join(dir, 'templates'));
    symlinkSync(outside, path.join(dir, 'templates/report.md.hbs'));
    const result = await runInProcess(['build', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^templates\/report\.md\.hbs:1:1 error .*\[link-outside-project\]$/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a broken link is reported too; a link to a file inside the project is read as the file', () => {
    const dir = project('inside');
    symlinkSync(path.join(dir, 'sessions/b.yaml'), path.join(dir, 'sessions/c.yaml'));
    symlinkSync(path.join(dir, 'nowhere.yaml'), path.join(dir, 'sessions/d.yaml'));
    const result = runBin(['validate', '.', '--reporter', 'json'], { cwd: dir });
    const problems = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string }>).map((d) => `${d.ruleId} ${d.file}`);
    // c.yaml is read: its session repeats b.yaml whole, ids and all.
    expect(problems).toContain('broken-link sessions/d.yaml');
    expect(problems).toContain('repeated-session sessions/c.yaml');
  });

  it('a link to a folder is an error at the link (sessions, assets, templates); the other files are still checked', async () => {
    const dir = project('folder-links');
    mkdirSync(path.join(dir, 'shared'));
    mkdirSync(path.join(dir, 'assets'));
    mkdirSync(path.join(dir, 'templates'));
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'sessions/c.yaml'));
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'assets/photos'));
    symlinkSync(path.join(dir, 'shared'), path.join(dir, 'templates/report.md.hbs'));
    const validated = await runInProcess(['validate', dir], { cwd: dir });
    expect(validated.code).toBe(1);
    for (const file of ['sessions/c.yaml', 'assets/photos']) {
      expect(validated.stderr).toMatch(new RegExp(`^${file.replace('.', '\\.')}:1:1 error This is a symbolic link to the folder shared; links to folders are not followed, so nothing in it was read\\. \\[link-to-folder\\]$`, 'm'));
    }
    expect(validated.stderr).toContain('2 errors');
    remove(path.join(dir, 'sessions/c.yaml'));
    remove(path.join(dir, 'assets/photos'));
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code).toBe(1);
    expect(built.stderr).toMatch(/^templates\/report\.md\.hbs:1:1 error .*\[link-to-folder\]$/m);
    expect(existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a template linking to a file of the project outside templates/ is read as that file', async () => {
    const dir = project('template-inside');
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'shared.md.hbs'), '# {{workshop.title}} (linked)\n');
    symlinkSync(path.join(dir, 'shared.md.hbs'), path.join(dir, 'templates/recommendations.md.hbs'));
    const built = await runInProcess(['build', dir], { cwd: dir });
    expect(built.code).toBe(0);
    expect(readFileSync(path.join(dir, 'out/recommendations.md'), 'utf8')).toContain('(linked)');
  });
});
