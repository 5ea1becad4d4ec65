// Defects a review of the recovery, editions, links and images work found, each reproduced here
// first (they fail on the code before the fix).
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, publish, SetupError } from '../../src/api.js';
import { ROOT, copyTree, listFiles, remove, runInProcess, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-review-');
afterAll(() => remove(work));

function project(name: string, changes: Record<string, (text: string) => string> = {}): string {
  const dir = path.join(work, name);
  copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
  for (const [file, change] of Object.entries(changes)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    const target = path.join(dir, file);
    writeFileSync(target, change(existsSync(target) ? readFileSync(target, 'utf8') : ''));
  }
  return dir;
}

const problems = (stderr: string) => [...stderr.matchAll(/^(\S+:\d+:\d+) (error|warning) .*\[([a-z-]+)\]$/gm)].map((m) => `${m[3]} ${m[1]}`);

describe('review regressions', () => {
  it('an organizer failing its schema is one located error, not an internal error', async () => {
    const dir = project('organizer', { 'workshop.yaml': (t) => t.replace('    name: United Nations Counter-Terrorism Centre', '    nam: United Nations Counter-Terrorism Centre') });
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toEqual(['unknown-key workshop.yaml:7:5']);
  });

  it('a beneficiary failing its schema does not crash the country checks', async () => {
    const dir = project('country', { 'workshop.yaml': (t) => t.replace('  - NER', '  - ner'), 'sessions/b.yaml': (t) => t.replace(/^ {2}NER:/m, '  QQQ:') });
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(problems(result.stderr).sort()).toEqual(['invalid-value workshop.yaml:13:5', 'unknown-country sessions/b.yaml:16:3']);
  });

  it('after a syntax error takes a list item out, later items keep their numbers', async () => {
    const dir = project('numbers', {
      'sessions/b.yaml': (t) => `${t.replace('recommendations:\n  - id: joint-committees', 'recommendations:\n  - text: First recommendation: with a colon\n    theme: ibm\n  - id: joint-committees')}  - text: A third one.\n    them: ibm\n`,
    });
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.stderr).toContain('Unknown key “them” in recommendations[3].');
  });

  it('publish refuses a build with errors instead of removing the previous reports', async () => {
    const dir = project('publish');
    const out = path.join(dir, 'out');
    await publish(await build(dir, {}, { cwd: dir }));
    expect(listFiles(out)).toContain('report.md');
    writeFileSync(path.join(dir, 'sessions/a.yaml'), readFileSync(path.join(dir, 'sessions/a.yaml'), 'utf8').replace('type: plenary', 'type: plenry'));
    await expect(publish(await build(dir, {}, { cwd: dir }))).rejects.toBeInstanceOf(SetupError);
    expect(listFiles(out)).toContain('report.md');
  });

  it('a marked edition keeps the front matter of a template written with CRLF line endings', async () => {
    const dir = project('crlf', {
      'workshop.yaml': (t) => `${t}report:\n  documents: [{ name: press, template: press.md.hbs }]\n  editions:\n    - { name: internal, marking: "RESTRICTED: participants only" }\n`,
      'templates/press.md.hbs': () => '---\r\ntitle: {{yaml workshop.title}}\r\n---\r\n# Press\r\n',
    });
    expect((await runInProcess(['build', dir], { cwd: dir })).code).toBe(0);
    const press = readFileSync(path.join(dir, 'out/internal/press.md'), 'utf8');
    // CRLF is read as LF (no carriage return reaches the Markdown), and the front matter is kept.
    expect(press.startsWith('---\ntitle:')).toBe(true);
    expect(press).not.toContain('\r');
    expect(press).toMatch(/\nclassification: "RESTRICTED: participants only"\n---\n\*\*RESTRICTED: participants only\*\*\n\n# Press/);
  });

  it('a sessions folder or workshop.yaml that is a link out of the project is not read', async () => {
    const elsewhere = project('elsewhere');
    const dir = project('linked-folder');
    remove(path.join(dir, 'countries'));
    symlinkSync(path.join(elsewhere, 'countries'), path.join(dir, 'countries'));
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(problems(result.stderr)).toContain('link-outside-project countries:1:1');
    const linkedWorkshop = project('linked-workshop');
    remove(path.join(linkedWorkshop, 'workshop.yaml'));
    symlinkSync(path.join(elsewhere, 'workshop.yaml'), path.join(linkedWorkshop, 'workshop.yaml'));
    const refused = await runInProcess(['validate', linkedWorkshop], { cwd: linkedWorkshop });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('outside the project folder');
  });

  it('an image written in a plain-text field is not judged (it shows as text)', async () => {
    const dir = project('plain-image', { 'sessions/a.yaml': (t) => t.replace('title: Traveller screening', 'title: "Traveller screening ![map](assets/nope.png)"') });
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.stderr).not.toContain('[image]');
  });

  it('a tab that indents a line is one error at the tab, and a mistake further down the file is still found', async () => {
    // The parser ended the file's mapping at the tab: the typo below was never reported (one error, then a second run found it).
    for (const [tabbed, line] of [['\torganization: unoct-rabat', 7], ['\t- name: Amina Benali', 6], ['  \tname: Amina Benali', 6]] as const) {
      const dir = project(`tab-${line}-${tabbed.length}`, { 'sessions/a.yaml': (t) => t.replace(line === 7 ? '    organization: unoct-rabat' : '  - name: Amina Benali', tabbed).replace('key_points:', 'key_ponts:') });
      const result = await runInProcess(['validate', dir], { cwd: dir });
      expect(result.code).toBe(1);
      // At the tab itself (after spaces: column 3).
      expect(problems(result.stderr), tabbed).toEqual([`yaml-syntax sessions/a.yaml:${line}:${tabbed.indexOf('\t') + 1}`, 'unknown-key sessions/a.yaml:12:1']);
      expect(result.stderr).toContain('YAML syntax error: this line is indented with a tab; YAML indents with spaces only. [yaml-syntax]');
      expect(result.stderr).toContain('hint: Use spaces, not a tab');
    }
  });
});
