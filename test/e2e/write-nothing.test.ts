/**
 * `templates eject` and `init` check every file they write before writing any: a file or a folder in
 * the way, a link leading out of the project, a folder they may not write to is a setup error (exit
 * 2) naming the file and what to do, and leaves everything as it was. Eject stopped on an internal
 * error (exit 3) after writing some templates; init wrote workshop.yaml, then refused to run again.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { remove, runInProcess, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-write-nothing-');
afterAll(() => remove(work));
const fresh = path.join(work, 'fresh');
beforeAll(async () => {
  expect((await runInProcess(['init', fresh])).code).toBe(0);
});

let counter = 0;
/** A copy of a project just made by `init`. */
function project(): string {
  const dir = path.join(work, `p${++counter}`);
  cpSync(fresh, dir, { recursive: true });
  return dir;
}

/** Every entry below a folder (files, folders, links), with each file's text: a folder before and after. */
function tree(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir, { recursive: true, withFileTypes: true }).map((entry) => {
    const full = path.join(entry.parentPath, entry.name);
    return [path.relative(dir, full), entry.isFile() ? readFileSync(full, 'utf8') : entry.isDirectory() ? '(folder)' : '(link)'];
  }));
}

/** Runs the command in `dir`'s parent; expects exit 2 with `message` and `hint`, and nothing changed in `dir`. */
async function expectRefused(dir: string, argv: string[], message: string, hint: string): Promise<void> {
  const before = tree(dir);
  const result = await runInProcess(argv, { cwd: work });
  expect(result.code, result.stderr).toBe(2);
  expect(result.stderr).toBe(`workshop-report: ${message}\nhint: ${hint}\n`);
  expect(tree(dir)).toEqual(before);
}

describe('templates eject writes every template or none (it stopped on an internal error, exit 3)', () => {
  it('--templates naming a file', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'house'), 'a file');
    await expectRefused(dir, ['templates', 'eject', '--project', dir, '--templates', path.join(dir, 'house')],
      `The templates folder ${path.join(dir, 'house')} is a file, not a folder.`,
      'Check the folder given to --templates (relative to the current folder), or leave --templates out to use the project\'s templates/ folder.');
  });

  it('--templates below a file (ENOTDIR)', async () => {
    const dir = project();
    await expectRefused(dir, ['templates', 'eject', 'report', '--project', dir, '--templates', path.join(dir, 'workshop.yaml/sub')],
      `Cannot write ${path.join(dir, 'workshop.yaml/sub/report.md.hbs')}: ${path.join(dir, 'workshop.yaml')} is a file, not a folder.`,
      `Move or rename ${path.join(dir, 'workshop.yaml')} (a folder of that name is needed there), then run the command again. Nothing was written.`);
  });

  it('templates a file', async () => {
    const dir = project();
    writeFileSync(path.join(dir, 'templates'), 'a file');
    await expectRefused(dir, ['templates', 'eject', '--project', dir],
      `The project's templates (${path.join(dir, 'templates')}) is a file, not a folder: its own templates go in a folder templates/.`,
      'Rename or remove that file; `workshop-report templates eject NAME` creates the folder with the template to change.');
  });

  it('templates/partials a file: no template copied before it (country-brief.md.hbs and follow-up.md.hbs were)', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, 'templates/partials'), 'a file');
    const partials = path.join(dir, 'templates/partials');
    await expectRefused(dir, ['templates', 'eject', '--project', dir],
      `Cannot write ${path.join(partials, 'actions-table.md.hbs')}: ${partials} is a file, not a folder.`,
      `Move or rename ${partials} (a folder of that name is needed there), then run the command again. Nothing was written.`);
  });

  it('a folder where a template goes (EISDIR)', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'templates/report.md.hbs'), { recursive: true });
    await expectRefused(dir, ['templates', 'eject', '--project', dir],
      `Cannot write ${path.join(dir, 'templates/report.md.hbs')}: a folder is in the way.`,
      'Move the folder out of the way, then run the command again. Nothing was written.');
  });

  it('a template that is a link to a missing file outside the project: refused (it wrote there)', async () => {
    const dir = project();
    const outside = path.join(work, `outside-${counter}.md.hbs`);
    mkdirSync(path.join(dir, 'templates'));
    symlinkSync(outside, path.join(dir, 'templates/report.md.hbs'));
    await expectRefused(dir, ['templates', 'eject', '--project', dir],
      `${path.join(dir, 'templates/report.md.hbs')} is a symbolic link to ${outside}, outside the project folder: writing it would write there.`,
      'Remove the link (only files inside the project folder are written), then run the command again. Nothing was written.');
    expect(existsSync(outside)).toBe(false);
  });

  it('templates/ a link to a missing folder outside the project', async () => {
    const dir = project();
    const outside = path.join(work, `outside-${counter}`);
    symlinkSync(outside, path.join(dir, 'templates'));
    await expectRefused(dir, ['templates', 'eject', 'report', '--project', dir],
      `Cannot write ${path.join(dir, 'templates/report.md.hbs')}: a symbolic link on its way leads to ${path.join(outside, 'report.md.hbs')}, outside the project folder.`,
      'Remove the link (only files inside the project folder are written), then run the command again. Nothing was written.');
    expect(existsSync(outside)).toBe(false);
  });

  it('a link inside the project is written through, as build reads it', async () => {
    const dir = project();
    mkdirSync(path.join(dir, 'shared'));
    symlinkSync('shared', path.join(dir, 'templates'));
    const result = await runInProcess(['templates', 'eject', 'report', '--project', dir]);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(path.join(dir, 'shared'))).toEqual(['report.md.hbs']);
  });
  // A read-only folder (EACCES) is simulated in test/unit/io-failures.test.ts: CI runs as root, which may write anywhere.
});

describe('init writes every file or none', () => {
  it('sessions a file: refused before workshop.yaml is written (init then refused to run again)', async () => {
    const dir = path.join(work, 'with-sessions-file');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'sessions'), 'a file');
    const sessions = path.join(dir, 'sessions');
    await expectRefused(dir, ['init', dir],
      `Cannot write ${path.join(sessions, '01-opening.yaml')}: ${sessions} is a file, not a folder.`,
      `Move or rename ${sessions} (a folder of that name is needed there), then run the command again. Nothing was written.`);
    remove(sessions);
    expect((await runInProcess(['init', dir])).code).toBe(0);
  });

  it('.schemas a link leading outside the project', async () => {
    const dir = path.join(work, 'with-schemas-link');
    const outside = path.join(work, 'outside-schemas');
    mkdirSync(dir);
    symlinkSync(outside, path.join(dir, '.schemas'));
    const result = await runInProcess(['init', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`a symbolic link on its way leads to ${outside}/`);
    expect(Object.keys(tree(dir))).toEqual(['.schemas']);
    expect(existsSync(outside)).toBe(false);
  });
});
