import { existsSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, remove, runBin, runInProcess, tempDir } from '../helpers/run-cli.js';

interface Expectation {
  code: string;
  severity: 'error' | 'warning';
  file: string | null;
  line?: number;
  column?: number;
  delete?: string[];
  /** How many errors the defect gives (default 1: an anchor and its alias give 2). */
  errors?: number;
  /** Words its hint must hold (a "did you mean"). */
  hint?: string;
}

const FIXTURES = path.join(ROOT, 'test/fixtures');
const cases = readdirSync(path.join(FIXTURES, 'bad')).sort().map((name) => ({
  name,
  expect: JSON.parse(readFileSync(path.join(FIXTURES, 'bad', name, 'expect.json'), 'utf8')) as Expectation,
}));
const work = tempDir('wr-bad-');
afterAll(() => remove(work));

/** minimal/ with the fixture's files laid over it: one defect per fixture. */
function project(name: string, expectation: Expectation, variant: string): string {
  const dir = path.join(work, `${name}-${variant}`);
  copyTree(path.join(FIXTURES, 'minimal'), dir);
  copyTree(path.join(FIXTURES, 'bad', name), dir);
  rmSync(path.join(dir, 'expect.json'));
  for (const file of expectation.delete ?? []) rmSync(path.join(dir, file));
  return dir;
}

describe('the minimal fixture', () => {
  it('validates with no problem at all', async () => {
    const result = await runInProcess(['validate', path.join(FIXTURES, 'minimal')]);
    expect(result.stderr).toContain('No problems found');
    expect(result.code).toBe(0);
  });
});

describe.each(cases)('bad input: $name', ({ name, expect: expectation }) => {
  it(`validate reports ${expectation.code} at its position`, async () => {
    const dir = project(name, expectation, 'validate');
    const result = await runInProcess(['validate', dir], { cwd: dir });
    const where = expectation.file === null ? '(project)' : `${expectation.file}:${expectation.line}:${expectation.column}`;
    expect(result.stderr).toContain(`${where} ${expectation.severity} `);
    expect(result.stderr).toMatch(new RegExp(`^${escape(where)} ${expectation.severity} .*\\[${expectation.code}\\]$`, 'm'));
    if (expectation.file !== null) expect(result.stderr).toMatch(new RegExp(`^> +${expectation.line} \\|`, 'm'));
    expect(result.code).toBe(expectation.severity === 'error' ? 1 : 0);
    if (expectation.hint !== undefined) expect(result.stderr).toContain(`hint: ${expectation.hint}`);
    if (expectation.severity === 'error') {
      // One defect, one error: no cascade of follow-on errors.
      const errors = expectation.errors ?? 1;
      expect(result.stderr).toMatch(new RegExp(`^${errors} errors?(, \\d+ warnings?)?$`, 'm'));
    }
  });

  it('the built bin (precompiled schemas) reports exactly what run() reports', async () => {
    const dir = project(name, expectation, 'bin');
    const inProcess = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    const bin = runBin(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(bin.code).toBe(inProcess.code);
    expect(JSON.parse(bin.stdout)).toEqual(JSON.parse(inProcess.stdout));
  });

  it(expectation.severity === 'error' ? 'build writes nothing' : 'build still succeeds', async () => {
    const dir = project(name, expectation, 'build');
    const out = path.join(dir, 'out');
    const result = await runInProcess(['build', dir], { cwd: dir });
    if (expectation.severity === 'error') {
      expect(result.code).toBe(1);
      expect(existsSync(out)).toBe(false);
    } else {
      expect(result.code).toBe(0);
      expect(existsSync(path.join(out, 'report.md'))).toBe(true);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('notes where they are not read', () => {
  it('a session in a folder inside sessions/, and folders named nearly as the project reads (follow_up/, country/), each warn: their notes were left out without a word', async () => {
    const dir = path.join(work, 'not-read');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    copyTree(path.join(FIXTURES, 'minimal/sessions'), path.join(dir, 'sessions/day-1'));
    copyTree(path.join(FIXTURES, 'minimal/countries'), path.join(dir, 'country'));
    copyTree(path.join(FIXTURES, 'minimal/sessions'), path.join(dir, 'Follow_Up'));
    copyTree(path.join(FIXTURES, 'minimal/sessions'), path.join(dir, 'test'));
    // Not read, so neither followed: a link there that leads nowhere is only named (it stopped the build).
    symlinkSync('/nonexistent/notes.yaml', path.join(dir, 'sessions/day-1/c.yaml'));
    // Two letters from translations/: a folder of the translators' own files, not a typo.
    copyTree(path.join(FIXTURES, 'minimal/sessions'), path.join(dir, 'translators'));
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => d.file)).toEqual(['Follow_Up', 'country', 'sessions/day-1/a.yaml', 'sessions/day-1/b.yaml', 'sessions/day-1/c.yaml']);
    expect(found[0]!.message).toBe('The folder Follow_Up/ is not read: the project\'s folder is follow-up/.');
    expect(found[1]!.message).toBe('The folder country/ is not read: the project\'s folder is countries/. (countries/ is there too.)');
    expect(found[1]!.hint).toBe('Move what country/ holds into countries/.');
    expect(found[2]!.message).toBe('sessions/day-1/a.yaml is in a folder inside sessions/: it is not read, and nothing of it is in the report.');
  });

  it('a notes file with another extension (.yaml.txt, .json, none) warns with the name to give it; a README, a backup or a dotfile does not', async () => {
    const dir = path.join(work, 'other-extension');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    const session = readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8');
    for (const name of ['c.yaml.txt', 'd.json', 'e', 'README.md', 'a.yaml~', 'a.yaml.bak', '.DS_Store', 'notes.md']) writeFileSync(path.join(dir, 'sessions', name), session);
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => [d.file, d.hint])).toEqual([
      ['sessions/c.yaml.txt', 'Rename it c.yaml (an editor may have added its own extension).'],
      ['sessions/d.json', 'Rename it d.yaml (an editor may have added its own extension).'],
      ['sessions/e', 'Rename it e.yaml (an editor may have added its own extension).'],
    ]);
    expect(found[0]!.message).toBe('sessions/c.yaml.txt is not read: only the .yaml and .yml files of sessions/ are, so nothing of it is in the report.');
  });

  it('an action its owner\'s error takes out still has its recommendations checked: both mistakes in one run (the second was said only after the first was fixed)', async () => {
    const dir = path.join(work, 'owner-and-recommendation');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    const session = path.join(dir, 'sessions/a.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('    owner: unoct-rabat', '    owner: The United Nations Counter-Terrorism Centre').replace(/(  - text: Assess connectivity[\s\S]*?recommendations:\n      - )border-data/, '$1border-dta'));
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    const found = JSON.parse(result.stdout) as Array<{ ruleId: string; line: number; hint: string }>;
    expect(found.map((d) => d.ruleId).sort()).toEqual(['invalid-value', 'unknown-recommendation']);
    expect(found.find((d) => d.ruleId === 'invalid-value')!.hint).toBe('Did you mean “uncct” (United Nations Counter-Terrorism Centre)? An organization is named by its id in workshop.yaml.');
    expect(found.find((d) => d.ruleId === 'unknown-recommendation')!.hint).toBe('Did you mean “border-data”?');
  });

  it('a follow-up report saved in sessions/ is one warning saying where it goes, not a session\'s six errors', async () => {
    const dir = path.join(work, 'follow-up-in-sessions');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    writeFileSync(path.join(dir, 'sessions/c.yaml'), 'date: 2022-11-15\nreported_by: NER\nupdates:\n  - action: x\n    status: done\n');
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; line: number; message: string; hint: string }>;
    expect(found.map((d) => [d.ruleId, d.file, d.line, d.hint])).toEqual([['not-read', 'sessions/c.yaml', 1, 'Move it to follow-up/c.yaml.']]);
    expect(found[0]!.message).toBe('sessions/c.yaml is a follow-up report (reported_by, updates), not a session: it is not read here, and nothing of it is in the report.');
  });

  it('a file where a folder of notes should be (follow-up.yaml, `follow-up` without extension, sessions.yml) warns; other files beside workshop.yaml do not', async () => {
    const dir = path.join(work, 'file-for-folder');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    const report = 'date: 2022-11-15\nreported_by: NER\nupdates:\n  - action: x\n    status: done\n';
    writeFileSync(path.join(dir, 'follow-up.yaml'), report);
    writeFileSync(path.join(dir, 'follow-up'), report);
    writeFileSync(path.join(dir, 'session.yml'), 'title: x\n');
    writeFileSync(path.join(dir, 'notes.yaml'), 'x: 1\n');
    writeFileSync(path.join(dir, 'sessions.md'), '# notes\n');
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; line: number; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => d.file).sort()).toEqual(['follow-up', 'follow-up.yaml', 'session.yml']);
    const yaml = found.find((d) => d.file === 'follow-up.yaml')!;
    expect(yaml.message).toBe('follow-up.yaml is not read: follow-up reports are read from the folder follow-up/, one file each.');
    expect(yaml.hint).toBe('Make a folder follow-up/ and move this file into it (follow-up/2022-11-15.yaml, named by its date).');
    expect(found.find((d) => d.file === 'session.yml')!.message).toBe('session.yml is not read: sessions are read from the folder sessions/, one file each.');
  });
});
