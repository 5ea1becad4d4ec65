import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, copyTree, remove, runBin, runInProcess, tempDir } from '../helpers/run-cli.js';

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
  /** A warning's: the report a build still writes, in out/ (default report.md; an edition's is in its folder). */
  output?: string;
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
      expect(existsSync(path.join(out, expectation.output ?? 'report.md'))).toBe(true);
    }
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('a session file copied whole', () => {
  it('in a translated workshop: one error in the copy (“… - Copy.yaml”), not two duplicate-id errors in the original and the copy\'s missing translation', async () => {
    const dir = path.join(work, 'session-copy');
    copyTree(path.join(ROOT, 'examples/rabat-2022'), dir);
    writeFileSync(path.join(dir, 'sessions/02-trends-threats - Copy.yaml'), readFileSync(path.join(dir, 'sessions/02-trends-threats.yaml')));
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(1);
    const found = JSON.parse(result.stdout) as Array<{ ruleId: string; severity: string; file: string; message: string; hint: string }>;
    expect(found.map((d) => [d.ruleId, d.severity, d.file])).toEqual([['repeated-session', 'error', 'sessions/02-trends-threats - Copy.yaml']]);
    expect(found[0]!.message).toBe('This file repeats sessions/02-trends-threats.yaml whole, ids and all: its session would be in the report twice, and its ids (“threat-assessments”, “mobility-risk-indicators”) used twice.');
    expect(found[0]!.hint).toBe('Delete sessions/02-trends-threats - Copy.yaml if it is a copy; if it is meant as another session, write that session\'s notes in it, with ids of its own.');
  });
});

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

  it('a notes file with another extension (.yaml.txt, .json, none) warns with the name to give it; a README, a backup, a lock file or a dotfile does not', async () => {
    const dir = path.join(work, 'other-extension');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    const session = readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8');
    for (const name of ['c.yaml.txt', 'd.json', 'e', 'README.md', 'a.yaml~', '#a.yaml#', 'a.yaml.bak', '.DS_Store', '.a.yaml.swp', '~$notes.docx', 'Thumbs.db']) writeFileSync(path.join(dir, 'sessions', name), session);
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => [d.file, d.hint])).toEqual([
      ['sessions/c.yaml.txt', 'Rename it c.yaml (an editor may have added its own extension).'],
      ['sessions/d.json', 'Rename it d.yaml (an editor may have added its own extension).'],
      ['sessions/e', 'Rename it e.yaml (an editor may have added its own extension).'],
    ]);
    expect(found[0]!.message).toBe('sessions/c.yaml.txt is not read: only the .yaml and .yml files of sessions/ are, so nothing of it is in the report.');
  });

  it('a session saved under a name the reader skips (.yaml.txt) is its one warning: the recommendations other sessions name, and its translation, are not blamed for it', async () => {
    const niamey = path.join(work, 'renamed-session-niamey');
    copyTree(path.join(ROOT, 'examples/niamey-2022'), niamey);
    remove(path.join(niamey, 'out'));
    renameSync(path.join(niamey, 'sessions/04-cooperation-bfa-mli.yaml'), path.join(niamey, 'sessions/04-cooperation-bfa-mli.yaml.txt'));
    const result = await runInProcess(['build', niamey, '--reporter', 'json'], { cwd: niamey });
    // 05-cloture.yaml names its recommendation patrouilles-conjointes: it was an unknown-id error, twice.
    expect((JSON.parse(result.stdout) as Array<{ ruleId: string }>).map((d) => d.ruleId)).toEqual(['not-read']);
    expect(result.code).toBe(0);
    expect(existsSync(path.join(niamey, 'out/report.md'))).toBe(true);
    // Saved under another name too: its translation cannot be matched to it, and says what to do of either.
    const rabat = path.join(work, 'renamed-session-rabat');
    copyTree(EXAMPLE, rabat);
    renameSync(path.join(rabat, 'sessions/07-field-visit-tanger-med.yaml'), path.join(rabat, 'sessions/session 7.yaml.txt'));
    const renamed = await runInProcess(['validate', rabat, '--reporter', 'json'], { cwd: rabat });
    const found = JSON.parse(renamed.stdout) as Array<{ ruleId: string; file: string; hint: string }>;
    expect(found.map((d) => [d.ruleId, d.file])).toEqual([['not-read', 'sessions/session 7.yaml.txt'], ['orphan-translation', 'translations/fr/sessions/07-field-visit-tanger-med.yaml']]);
    expect(found[1]!.hint).toBe('A file of sessions/ is not read for its name (see its warning): if it holds the notes this translates, rename it sessions/07-field-visit-tanger-med.yaml. Otherwise move this file beside the translation of the file it translates, or delete it.');
  });

  it('notes left out with a warning (a session beside workshop.yaml, a misnamed country/ folder) are left out of a build that still writes every document: it wrote none, and said “Wrote 0 files”, exit 0', async () => {
    for (const [index, move] of [(dir: string) => renameSync(path.join(dir, 'sessions/b.yaml'), path.join(dir, 'b.yaml')), (dir: string) => renameSync(path.join(dir, 'countries'), path.join(dir, 'country'))].entries()) {
      const dir = path.join(work, `left-out-${index}`);
      copyTree(path.join(FIXTURES, 'minimal'), dir);
      move(dir);
      const result = await runInProcess(['build', dir, '--format', 'md'], { cwd: dir });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('[not-read]');
      expect(existsSync(path.join(dir, 'out/report.md'))).toBe(true);
    }
  });

  it('a file the system or Office keeps beside the notes (macOS\'s ._a.yaml on a USB stick, Word\'s lock file ~$a.yaml) is not read: its binary bytes stopped the build with “The file contains a NUL byte”', async () => {
    const dir = path.join(work, 'system-files');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    mkdirSync(path.join(dir, 'translations/fr/sessions'), { recursive: true });
    for (const name of ['sessions/._a.yaml', 'sessions/~$a.yaml', 'sessions/.~lock.a.yaml#', 'countries/._NER.yaml', 'translations/fr/sessions/._a.yaml']) writeFileSync(path.join(dir, name), Buffer.from([0, 5, 22, 7, 0, 2]));
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code, result.stdout).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });

  it('a Word, Excel, CSV, ODT or Markdown file in sessions/, countries/ or follow-up/ warns, saying notes are YAML and which file to write (they were left out without a word)', async () => {
    const dir = path.join(work, 'office-files');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    mkdirSync(path.join(dir, 'follow-up'));
    for (const name of ['sessions/03-visit.docx', 'sessions/notes.md', 'countries/NER.odt', 'follow-up/2023-06-01.xlsx', 'follow-up/actions.csv']) writeFileSync(path.join(dir, name), 'x');
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; line: number; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => [d.file, d.line])).toEqual([['countries/NER.odt', 1], ['follow-up/2023-06-01.xlsx', 1], ['follow-up/actions.csv', 1], ['sessions/03-visit.docx', 1], ['sessions/notes.md', 1]]);
    const excel = found.find((d) => d.file === 'follow-up/2023-06-01.xlsx')!;
    expect(excel.message).toBe('follow-up/2023-06-01.xlsx is not read: notes are YAML (.yaml) files, so nothing of it is in the report.');
    expect(excel.hint).toBe('Write the report into follow-up/2023-06-01.yaml, or move this file out of follow-up/ if it is not meant to be read.');
    expect(found[3]!.hint).toBe('Write the session\'s notes into sessions/03-visit.yaml, or move this file out of sessions/ if it is not meant to be read.');
  });

  it('a session file whose name ends with a space warns, with the name to give it (it was left out without a word)', async () => {
    const dir = path.join(work, 'trailing-space');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    renameSync(path.join(dir, 'sessions/b.yaml'), path.join(dir, 'sessions/b.yaml '));
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => [d.file, d.message, d.hint])).toEqual([['sessions/b.yaml ', '“sessions/b.yaml ” is not read: its name ends with a space after .yaml, so nothing of it is in the report.', 'Rename it b.yaml, without the trailing space.']]);
  });

  it('a session, follow-up report or country file saved beside workshop.yaml warns by what it holds, saying which folder to move it into; a PDF theme or other YAML file there does not', async () => {
    const dir = path.join(work, 'notes-beside-workshop');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    renameSync(path.join(dir, 'sessions/b.yaml'), path.join(dir, 'b.yaml'));
    renameSync(path.join(dir, 'countries/MLI.yaml'), path.join(dir, 'mali notes.yaml'));
    writeFileSync(path.join(dir, '2022-11-15.yml'), 'date: 2022-11-15\nreported_by: MLI\nupdates:\n  - action: x\n    status: done\n');
    writeFileSync(path.join(dir, 'theme.yaml'), 'page_size: A4\nfont_size: 11\n');
    writeFileSync(path.join(dir, 'mkdocs.yml'), 'site_name: Notes\n');
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = (JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>).filter((d) => d.ruleId === 'not-read');
    expect(found.map((d) => [d.file, d.hint])).toEqual([
      ['2022-11-15.yml', 'Move it into follow-up/ (follow-up/2022-11-15.yml).'],
      ['b.yaml', 'Move it into sessions/ (sessions/b.yaml).'],
      ['mali notes.yaml', 'Move it into countries/ (countries/MLI.yaml).'],
    ]);
    expect(found[1]!.message).toBe('b.yaml is not read: it holds a session\'s notes (title, date, type), and sessions are read from the folder sessions/ only, so nothing of it is in the report.');
  });

  it('Workshop.yaml, workshop.yaml.txt or “workshop.yaml ” where workshop.yaml goes: exit 2, saying which file to rename (it said to create one with init)', async () => {
    for (const [name, hint] of [['Workshop.yaml', 'Rename Workshop.yaml to workshop.yaml (all in lower case).'], ['workshop.yaml.txt', 'Rename workshop.yaml.txt to workshop.yaml (an editor may have added its own extension).'], ['workshop.yaml ', 'Rename “workshop.yaml ” to workshop.yaml, without the trailing space.']] as const) {
      const dir = path.join(work, `misnamed-workshop-${name.replace(/\W/g, '')}`);
      copyTree(path.join(FIXTURES, 'minimal'), dir);
      renameSync(path.join(dir, 'workshop.yaml'), path.join(dir, name));
      const result = runBin(['validate', dir]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`${dir} has no workshop.yaml: it holds ${name.endsWith(' ') ? `“${name}”` : name}, which is not read by that name.\nhint: ${hint}\n`);
    }
  });

  it('programme.yaml beside workshop.yaml: the folder is one workshop, and a warning says programme.yaml is not read', async () => {
    const dir = path.join(work, 'programme-and-workshop');
    copyTree(path.join(FIXTURES, 'minimal'), dir);
    writeFileSync(path.join(dir, 'programme.yaml'), 'title: A programme\nworkshops: [../a]\n');
    const result = await runInProcess(['validate', dir, '--reporter', 'json'], { cwd: dir });
    expect(result.code).toBe(0);
    const found = JSON.parse(result.stdout) as Array<{ ruleId: string; file: string; message: string; hint: string }>;
    expect(found.map((d) => [d.ruleId, d.file])).toEqual([['not-read', 'programme.yaml']]);
    expect(found[0]!.message).toBe('programme.yaml is not read: this folder also holds workshop.yaml, so it is read as one workshop, not as a programme.');
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
