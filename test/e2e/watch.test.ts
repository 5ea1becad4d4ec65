import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { chokidarDeps, DEBOUNCE_MS, deletedTemplateNote, watchBuild, type WatchDeps } from '../../src/cli/watch.js';
import { SetupError } from '../../src/errors.js';
import { projectInputs, projectOutputs } from '../../src/build/pipeline.js';
import { ROOT, copyTree, read, remove, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-watch-');
afterAll(() => remove(work));

/** A watcher and a clock the test drives by hand: no real time, no real file events. */
function fakeDeps() {
  let onChange: ((file: string) => void) | undefined;
  const timers = new Map<number, { callback: () => void; ms: number }>();
  let next = 0;
  const deps: WatchDeps = {
    async watch(_paths, callback) {
      onChange = callback;
      return async () => { onChange = undefined; };
    },
    setTimer: (callback, ms) => { timers.set(++next, { callback, ms }); return next; },
    clearTimer: (id) => { timers.delete(id as number); },
  };
  return {
    deps,
    change: (file: string) => onChange!(file),
    pendingTimers: () => [...timers.values()],
    fireTimers: () => { const due = [...timers.values()]; timers.clear(); for (const t of due) t.callback(); },
    watching: () => onChange !== undefined,
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A copy of the minimal project (`prepare` changes it first), and `build DIR --watch …args` running on it with the fake watcher. */
function startWatch(name: string, args: string[] = [], prepare?: (dir: string) => void) {
  const dir = path.join(work, name);
  copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
  prepare?.(dir);
  const fake = fakeDeps();
  const controller = new AbortController();
  const output = { stderr: '' };
  const done = run(['build', dir, '--watch', ...args], {
    stdout: { write: () => undefined }, stderr: { write: (t: string) => { output.stderr += t; } },
    cwd: dir, env: {}, signal: controller.signal, watchDeps: fake.deps,
  });
  return { dir, fake, controller, output, done };
}

describe('build --watch', () => {
  it('rebuilds after a change (debounced), reports errors and keeps running, stops on Ctrl-C', async () => {
    const { dir, fake, controller, output, done } = startWatch('project');
    while (!fake.watching()) await settle();
    expect(output.stderr).toContain('Wrote 4 files');
    expect(output.stderr).toContain('Watching');

    const session = path.join(dir, 'sessions/a.yaml');
    writeFileSync(session, read(session).replace(/^type: .*$/m, 'type: plenery'));
    fake.change(session);
    fake.change(session);
    // Two events, one pending rebuild, after the debounce delay.
    expect(fake.pendingTimers()).toHaveLength(1);
    expect(fake.pendingTimers()[0]!.ms).toBe(DEBOUNCE_MS);
    output.stderr = '';
    fake.fireTimers();
    while (!output.stderr.includes('1 error')) await settle();
    expect(output.stderr).toContain('Changed: sessions/a.yaml. Rebuilding…');
    expect(output.stderr).toContain('[enum]');

    writeFileSync(session, read(session).replace(/^type: plenery$/m, 'type: plenary'));
    writeFileSync(path.join(dir, 'sessions/a.yaml'), read(session).replace(/^title: (.*)$/m, 'title: Watched $1'));
    fake.change(session);
    output.stderr = '';
    fake.fireTimers();
    while (!output.stderr.includes('Wrote')) await settle();
    expect(read(path.join(dir, 'out/report.md'))).toContain('Watched ');

    controller.abort();
    expect(await done).toBe(130);
    expect(fake.watching()).toBe(false);
  });
});

describe('build --watch says a deleted template', () => {
  it('names it deleted, and that the shipped one of its name is used (the report changed back without a word)', async () => {
    const { dir, fake, controller, output, done } = startWatch('deleted-template');
    while (!fake.watching()) await settle();
    const template = path.join(dir, 'templates/report.md.hbs');
    mkdirSync(path.dirname(template), { recursive: true });
    writeFileSync(template, '# MINE\n');
    fake.change(template);
    output.stderr = '';
    fake.fireTimers();
    while (!output.stderr.includes('Wrote')) await settle();
    expect(output.stderr).toContain('Changed: templates/report.md.hbs. Rebuilding…');
    rmSync(template);
    fake.change(template);
    output.stderr = '';
    fake.fireTimers();
    while (!output.stderr.includes('Wrote')) await settle();
    expect(output.stderr).toContain('Changed: templates/report.md.hbs (deleted: the shipped template of that name is used). Rebuilding…');
    controller.abort();
    expect(await done).toBe(130);
  });

  it('a custom document\'s template, which no shipped template stands in for, is not said to be replaced by one', async () => {
    const { dir, fake, controller, output, done } = startWatch('deleted-custom-template', ['--format', 'md'], (project) => {
      mkdirSync(path.join(project, 'templates/partials'), { recursive: true });
      writeFileSync(path.join(project, 'templates/communique.md.hbs'), '# Communiqué\n\n{{> sign-off}}\n');
      writeFileSync(path.join(project, 'templates/partials/sign-off.md.hbs'), 'The organizers\n');
      writeFileSync(path.join(project, 'workshop.yaml'), `${read(path.join(project, 'workshop.yaml'))}report:\n  documents: [report, { name: communique, template: communique.md.hbs }]\n`);
    });
    while (!fake.watching()) await settle();
    expect(output.stderr).toContain('Wrote');
    expect(read(path.join(dir, 'out/communique.md'))).toContain('# Communiqué');
    // A partial of the project's own, then the document's template: each said as having no shipped one of its name.
    const partial = path.join(dir, 'templates/partials/sign-off.md.hbs');
    rmSync(partial);
    fake.change(partial);
    output.stderr = '';
    fake.fireTimers();
    while (!output.stderr.includes('1 error')) await settle();
    expect(output.stderr).toContain('Changed: templates/partials/sign-off.md.hbs (deleted: no shipped template has that name, so none takes its place). Rebuilding…');
    const template = path.join(dir, 'templates/communique.md.hbs');
    rmSync(template);
    fake.change(template);
    output.stderr = '';
    fake.fireTimers();
    while (!output.stderr.includes('1 error')) await settle();
    expect(output.stderr).toContain('Changed: templates/communique.md.hbs (deleted: no shipped template has that name, so none takes its place). Rebuilding…');
    expect(output.stderr).not.toContain('shipped template of that name is used');
    // What the rebuild then says, at the document's `template:` in workshop.yaml.
    expect(output.stderr).toMatch(/^workshop\.yaml:27:53 error The template “communique\.md\.hbs” for the document “communique” does not exist\. \[template-missing\]$/m);
    controller.abort();
    expect(await done).toBe(130);
  });

  it('a language\'s template: the project\'s own of that name takes its place, else the shipped one', () => {
    const shipped = new Set(['report.md.hbs', 'partials/person.md.hbs']);
    const own = (names: string[]) => (name: string) => (names.includes(name) ? `templates/${name}` : undefined);
    expect(deletedTemplateNote('report.md.hbs', shipped, own([]))).toBe('the shipped template of that name is used');
    expect(deletedTemplateNote('fr/report.md.hbs', shipped, own(['report.md.hbs']))).toBe('templates/report.md.hbs is used for fr in its place');
    expect(deletedTemplateNote('fr/report.md.hbs', shipped, own([]))).toBe('the shipped report.md.hbs is used for fr in its place');
    expect(deletedTemplateNote('fr/communique.md.hbs', shipped, own(['communique.md.hbs']))).toBe('templates/communique.md.hbs is used for fr in its place');
    expect(deletedTemplateNote('fr/communique.md.hbs', shipped, own([]))).toBe('no shipped template has that name, so none takes its place');
    expect(deletedTemplateNote('communique.md.hbs', shipped, own([]))).toBe('no shipped template has that name, so none takes its place');
  });
});

describe('build --watch keeps what did not change', () => {
  it('rewrites only the documents whose content changed; a file touched by someone else is written again', async () => {
    const { dir, fake, controller, output, done } = startWatch('unchanged', ['--format', 'md']);
    while (!fake.watching()) await settle();
    expect(output.stderr).toContain('Wrote 4 files');
    const out = path.join(dir, 'out');
    const brief = readdirSync(path.join(out, 'countries'))[0]!;
    const briefTime = statSync(path.join(out, 'countries', brief)).mtimeMs;

    // A session's summary is in the full report only.
    const session = path.join(dir, 'sessions/a.yaml');
    const rebuild = async () => {
      output.stderr = '';
      fake.change(session);
      fake.fireTimers();
      while (!output.stderr.includes('Wrote')) await settle();
    };
    writeFileSync(session, read(session).replace('summary: |\n', 'summary: |\n  Watched summary.\n\n'));
    await rebuild();
    expect(output.stderr).toMatch(/Wrote [1-3] files? to out\/ \([1-3] unchanged\): report\.md/);
    expect(read(path.join(out, 'report.md'))).toContain('Watched summary.');
    expect(statSync(path.join(out, 'countries', brief)).mtimeMs).toBe(briefTime);
    expect(JSON.parse(read(path.join(out, '.workshop-report.json'))).files).toHaveLength(4);

    // Saved again without a change: nothing is written, and the message ends there.
    await rebuild();
    expect(output.stderr).toContain('Wrote 0 files to out/ (4 unchanged).\n');

    // Someone edits a generated brief by hand: the next build puts it right.
    writeFileSync(path.join(out, 'countries', brief), 'edited by hand\n');
    await rebuild();
    expect(read(path.join(out, 'countries', brief))).not.toBe('edited by hand\n');

    controller.abort();
    expect(await done).toBe(130);
  });
});

describe('build --watch beside files of other formats', () => {
  it('says once that it left them, not again after every save', async () => {
    const dir = path.join(work, 'others');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    const quiet = { stdout: { write: () => undefined }, stderr: { write: () => undefined }, cwd: dir, env: {} };
    expect(await run(['build', dir, '--format', 'md,html'], quiet)).toBe(0);
    const fake = fakeDeps();
    const controller = new AbortController();
    let stderr = '';
    const done = run(['build', dir, '--watch', '--format', 'md'], { ...quiet, stderr: { write: (t: string) => { stderr += t; } }, signal: controller.signal, watchDeps: fake.deps });
    while (!fake.watching()) await settle();
    expect(stderr).toMatch(/^Left \d+ files of other formats as an earlier build wrote them/m);
    const session = path.join(dir, 'sessions/a.yaml');
    for (const summary of ['First save.', 'Second save.']) {
      stderr = '';
      writeFileSync(session, read(session).replace('summary: |\n', `summary: |\n  ${summary}\n\n`));
      fake.change(session);
      fake.fireTimers();
      while (!stderr.includes('Wrote')) await settle();
      expect(stderr).not.toContain('of other formats');
    }
    controller.abort();
    expect(await done).toBe(130);
  });
});

describe('the real watcher (chokidar)', () => {
  it('sees workshop.yaml deleted and restored, sessions/ moved away and back (git stash), and then every save; nothing in out/', async () => {
    const dir = path.join(work, 'real');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    mkdirSync(path.join(dir, 'out'));
    const seen: string[] = [];
    const stop = await (await chokidarDeps()).watch({ inputs: projectInputs(dir, {}, dir), outputs: projectOutputs(dir, {}, dir) }, (file) => seen.push(file));
    /** Waits for the watcher to report `file` (the test's timeout fails it if it never does), then forgets what it reported. */
    const reported = async (file: string) => {
      while (!seen.includes(file)) await new Promise((resolve) => setTimeout(resolve, 10));
      const all = [...seen];
      seen.length = 0;
      return all;
    };
    try {
      const workshop = path.join(dir, 'workshop.yaml');
      const text = read(workshop);
      rmSync(workshop);
      await reported(workshop);
      writeFileSync(workshop, text);
      await reported(workshop);
      // The save after: a watch on the file itself had ended with the file, and saw nothing more.
      writeFileSync(workshop, text.replace(/^title: (.*)$/m, 'title: Restored $1'));
      await reported(workshop);

      const sessions = path.join(dir, 'sessions');
      renameSync(sessions, path.join(work, 'stashed-sessions'));
      await reported(sessions);
      renameSync(path.join(work, 'stashed-sessions'), sessions);
      await reported(path.join(sessions, 'a.yaml'));
      writeFileSync(path.join(dir, 'out/report.md'), 'written by a build\n');
      writeFileSync(path.join(sessions, 'a.yaml'), read(path.join(sessions, 'a.yaml')).replace(/^title: (.*)$/m, 'title: Saved $1'));
      const last = await reported(path.join(sessions, 'a.yaml'));
      expect(last.filter((file) => file.startsWith(path.join(dir, 'out')))).toEqual([]);
    } finally {
      await stop();
    }
  }, 30_000);
});

describe('a templates folder that holds the project (--templates .)', () => {
  it('is watched without the output folder, its journal or its cache: a build does not start the next', async () => {
    const dir = path.join(work, 'templates-here');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), dir);
    mkdirSync(path.join(dir, 'out'));
    const options = { templates: '.', cacheLocation: 'cache' };
    const seen: string[] = [];
    const stop = await (await chokidarDeps()).watch({ inputs: projectInputs(dir, options, dir), outputs: projectOutputs(dir, options, dir) }, (file) => seen.push(file));
    try {
      // What a build writes (a document, its journal by temp file and rename, the cache), then a save:
      // the save is reported (the test's timeout fails it if not), and nothing written before it.
      writeFileSync(path.join(dir, 'out/report.md'), 'written by a build\n');
      writeFileSync(path.join(dir, 'out/.workshop-report.json.wr-tmp'), '{}\n');
      renameSync(path.join(dir, 'out/.workshop-report.json.wr-tmp'), path.join(dir, 'out/.workshop-report.json'));
      mkdirSync(path.join(dir, 'cache'));
      writeFileSync(path.join(dir, 'cache/entry'), 'x');
      const template = path.join(dir, 'report.md.hbs');
      writeFileSync(template, '# {{workshop.title}}\n');
      while (!seen.includes(template)) await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seen.filter((file) => file.startsWith(path.join(dir, 'out')) || file.startsWith(path.join(dir, 'cache')))).toEqual([]);
    } finally {
      await stop();
    }
  }, 30_000);
});

describe('a rebuild that stops', () => {
  it('on workshop.yaml deleted or moved, says it is gone and to restore it (it said to run the command in a workshop folder)', async () => {
    const fake = fakeDeps();
    const controller = new AbortController();
    let stderr = '';
    const dir = path.join(work, 'gone');
    mkdirSync(dir, { recursive: true });
    let builds = 0;
    const done = watchBuild(async () => {
      if (builds++ === 0) return 0;
      throw new SetupError(`${dir} has no workshop.yaml.`, 'Run the command in a workshop folder, pass the folder as an argument, or create one with `workshop-report init`.');
    }, { inputs: [], outputs: [] }, { stdout: { write: () => undefined }, stderr: { write: (t: string) => { stderr += t; } }, cwd: work, env: {}, signal: controller.signal }, fake.deps);
    while (!fake.watching()) await settle();
    fake.change(path.join(dir, 'workshop.yaml'));
    fake.fireTimers();
    while (!stderr.includes('is gone')) await settle();
    expect(stderr).toContain('Changed: gone/workshop.yaml (deleted). Rebuilding…\nworkshop-report: gone/workshop.yaml is gone: it was deleted, moved or renamed while watching.\nhint: Restore it (undo the deletion, or move or rename it back): the build runs again as soon as it is back.\n');
    expect(stderr).not.toContain('workshop-report init');
    controller.abort();
    expect(await done).toBe(130);
  });

  it('is said as the command would say it (a set-up problem with its hint, an internal error as one), and the watch goes on', async () => {
    const fake = fakeDeps();
    const controller = new AbortController();
    let stderr = '';
    const failures: unknown[] = [new SetupError('/rabat has no workshop.yaml.', 'Restore workshop.yaml, or run the command in the workshop folder.'), new Error('Cannot find module chunk-X.js')];
    const done = watchBuild(async () => { throw failures.shift(); }, { inputs: [], outputs: [] }, { stdout: { write: () => undefined }, stderr: { write: (t: string) => { stderr += t; } }, cwd: '/', env: {}, signal: controller.signal }, fake.deps);
    while (!fake.watching()) await settle();
    expect(stderr).toContain('workshop-report: /rabat has no workshop.yaml.\nhint: Restore workshop.yaml, or run the command in the workshop folder.\n');
    fake.change('/rabat/workshop.yaml');
    fake.fireTimers();
    while (!stderr.includes('internal error')) await settle();
    expect(stderr).toMatch(/stopped on an internal error: Cannot find module chunk-X\.js\nThis is a bug in workshop-report/);
    expect(fake.watching()).toBe(true);
    controller.abort();
    expect(await done).toBe(130);
  });
});
