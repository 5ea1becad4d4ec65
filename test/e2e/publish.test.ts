import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MANIFEST, openStaging, publish } from '../../src/build/publish.js';
import { LOCK } from '../../src/build/output-lock.js';
import { SetupError } from '../../src/errors.js';
import { BIN, ROOT, listFiles, read, remove, runBin, runInProcess, tempDir, copyExampleWithoutEditions, copyTree } from '../helpers/run-cli.js';

const work = tempDir('wr-publish-');
afterAll(() => remove(work));

describe('publish', () => {
  it('writes every file and a manifest, then removes what the previous build wrote and this one did not', async () => {
    const out = path.join(work, 'stale');
    await publish(out, [{ path: 'report.md', content: 'one' }, { path: 'countries/GHA.md', content: 'gha' }, { path: 'countries/MLI.md', content: 'mli' }]);
    writeFileSync(path.join(out, 'notes-by-hand.txt'), 'mine');
    const second = await publish(out, [{ path: 'report.md', content: 'two' }, { path: 'countries/MLI.md', content: 'mli' }]);
    expect(second.removed).toEqual(['countries/GHA.md']);
    expect(listFiles(out)).toEqual([MANIFEST, 'countries/MLI.md', 'notes-by-hand.txt', 'report.md']);
    expect(read(path.join(out, 'report.md'))).toBe('two');
  });

  it('never replaces a file no build wrote (the user’s own index.html), unless it holds what would be written: a setup error, nothing changed', async () => {
    const out = path.join(work, 'foreign');
    await publish(out, [{ path: 'report.md', content: 'one' }]);
    writeFileSync(path.join(out, 'index.html'), '<h1>mine</h1>');
    await expect(publish(out, [{ path: 'report.md', content: 'two' }, { path: 'index.html', content: '<h1>site</h1>' }])).rejects.toThrow(/index\.html is not a file a build wrote \(\.workshop-report\.json does not list it\), and this build would replace it\./);
    expect(read(path.join(out, 'index.html'))).toBe('<h1>mine</h1>');
    expect(read(path.join(out, 'report.md'))).toBe('one');
    expect(listFiles(out)).toEqual([MANIFEST, 'index.html', 'report.md']);
    // The same bytes: nothing of anyone's is lost, and from now on it is the build's.
    const same = await publish(out, [{ path: 'report.md', content: 'two' }, { path: 'index.html', content: '<h1>mine</h1>' }]);
    expect(same.written).toEqual(['report.md', 'index.html']);
    expect((await publish(out, [{ path: 'report.md', content: 'two' }, { path: 'index.html', content: '<h1>site</h1>' }])).written).toContain('index.html');
  });

  it('removes a folder it emptied, never one holding files it did not write', async () => {
    const out = path.join(work, 'folders');
    await publish(out, [{ path: 'a/x.md', content: 'x' }, { path: 'b/y.md', content: 'y' }]);
    writeFileSync(path.join(out, 'b/keep.txt'), 'keep');
    await publish(out, [{ path: 'report.md', content: 'r' }]);
    expect(existsSync(path.join(out, 'a'))).toBe(false);
    expect(listFiles(out)).toEqual([MANIFEST, 'b/keep.txt', 'report.md']);
  });

  it('changes nothing when a write fails, and leaves no temporary file', async () => {
    const out = path.join(work, 'failing');
    await publish(out, [{ path: 'report.md', content: 'good' }, { path: 'recommendations.md', content: 'good' }]);
    const before = listFiles(out);
    // A folder where a temporary file must go makes that write fail, as a full disk would.
    mkdirSync(path.join(out, 'recommendations.md.wr-tmp'));
    await expect(publish(out, [{ path: 'report.md', content: 'new' }, { path: 'recommendations.md', content: 'new' }])).rejects.toBeInstanceOf(SetupError);
    remove(path.join(out, 'recommendations.md.wr-tmp'));
    expect(listFiles(out)).toEqual(before);
    expect(read(path.join(out, 'report.md'))).toBe('good');
  });

  it('leaves the files of formats it does not make as they are, with their formats recorded, also through a commit record a killed publish left; without formats, removes them as before', async () => {
    const out = path.join(work, 'formats-api');
    const first = await publish(out, [{ path: 'report.md', content: 'one', formats: ['md'] }, { path: 'report.pdf', content: 'pdf', formats: ['pdf'] }, { path: 'assets/x.png', content: 'png', formats: ['md', 'html'] }, { path: 'actions.csv', content: 'every build' }], undefined, undefined, ['md', 'pdf']);
    expect(first.otherFormats).toBeUndefined();
    const second = await publish(out, [{ path: 'report.md', content: 'two', formats: ['md'] }], undefined, undefined, ['md']);
    // The image is the Markdown's too, and the export every build's: left over.
    expect(second).toEqual({ written: ['report.md'], kept: [], removed: ['actions.csv', 'assets/x.png'], otherFormats: ['report.pdf'] });
    expect(JSON.parse(read(path.join(out, MANIFEST)))).toEqual({ generator: 'workshop-report', files: ['report.md', 'report.pdf'], formats: { md: ['report.md'], pdf: ['report.pdf'] } });
    // Killed once its commit record was written: the next publish completes it, the PDF still the tool's.
    const staging = await openStaging(out);
    await staging.add({ path: 'report.md', content: 'three', formats: ['md'] });
    await staging.prepare(undefined, ['md']);
    // The process “dies” here: its lock goes with it (a killed build's lock is taken over, see output-lock.test.ts).
    rmSync(path.join(out, LOCK));
    const third = await publish(out, [{ path: 'report.md', content: 'four', formats: ['md'] }], undefined, undefined, ['md']);
    expect(third).toMatchObject({ removed: [], otherFormats: ['report.pdf'], recovered: 'completed' });
    expect(listFiles(out)).toEqual([MANIFEST, 'report.md', 'report.pdf']);
    expect((await publish(out, [{ path: 'report.md', content: 'four', formats: ['md'] }])).removed).toEqual(['report.pdf']);
  });

  it('stops before publishing when interrupted', async () => {
    const out = path.join(work, 'interrupted');
    await publish(out, [{ path: 'report.md', content: 'good' }]);
    const controller = new AbortController();
    controller.abort();
    await expect(publish(out, [{ path: 'report.md', content: 'new' }], controller.signal)).rejects.toThrow('interrupted');
    expect(read(path.join(out, 'report.md'))).toBe('good');
    expect(listFiles(out)).toEqual([MANIFEST, 'report.md']);
  });
});

/**
 * Root passes every permission check: as root (CI runs so) the bin runs as `nobody` instead, when
 * that user can reach it (every folder above it open to others); on Windows, or where it cannot,
 * the test is skipped, and io-failures.test.ts simulates these failures.
 */
const NOBODY = { uid: 65534, gid: 65534 };
const asRoot = process.getuid?.() === 0;
const nobodyRuns = (): boolean => spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}, require('fs').constants.R_OK)`], { ...NOBODY, stdio: 'ignore' }).status === 0;
const unprivileged = process.platform === 'win32' ? undefined : !asRoot ? {} : nobodyRuns() ? { user: NOBODY } : undefined;
const ROOT_NOTE = 'runs on Windows, or as root where the user nobody cannot reach the bin: permission checks would pass; test/unit/io-failures.test.ts simulates EACCES instead';

/** A folder `nobody` can enter and read (mkdtemp makes them 0700). */
function openToAll(folder: string): void {
  for (let dir = folder; dir.startsWith(work); dir = path.dirname(dir)) chmodSync(dir, 0o755);
}

describe('with real permissions', () => {
  it('names a session file it may not read, and exits 2 without a stack', (ctx) => {
    if (!unprivileged) return ctx.skip(ROOT_NOTE);
    const project = path.join(work, 'unreadable-session');
    copyExampleWithoutEditions(project);
    openToAll(project);
    const session = readdirSync(path.join(project, 'sessions')).sort()[2]!;
    chmodSync(path.join(project, 'sessions', session), 0o000);
    const result = runBin(['validate', project], unprivileged);
    expect(result.stderr).toContain(`workshop-report: Cannot read ${path.join(project, 'sessions', session)}: permission denied (EACCES).`);
    expect(result.stderr).toContain('hint: Check the permissions');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code).toBe(2);
  });

  it('leaves the previous reports when the output folder is read-only', async (ctx) => {
    if (!unprivileged) return ctx.skip(ROOT_NOTE);
    const project = path.join(work, 'read-only-out');
    copyExampleWithoutEditions(project);
    openToAll(project);
    const out = path.join(work, 'read-only-out-reports');
    await publish(out, [{ path: 'report.md', content: 'previous' }]);
    chmodSync(out, 0o555);
    const result = runBin(['build', project, '--out', out], unprivileged);
    chmodSync(out, 0o755);
    // Said of the folder, not of the journal file the build was making in it.
    expect(result.stderr).toContain(`workshop-report: The output folder ${out} is not writable: permission denied (EACCES).\nhint: Change the permissions of ${out} (\`chmod u+w ${out}\`, or ask its owner), or give --out a folder you may write to. The previous reports are unchanged.\n`);
    expect(result.stderr).not.toContain('.workshop-report.journal');
    expect(result.code).toBe(2);
    expect(listFiles(out)).toEqual([MANIFEST, 'report.md']);
    expect(read(path.join(out, 'report.md'))).toBe('previous');
  });
});

describe('an output folder of another project', () => {
  it('is refused before anything is written (it removed the other project\'s reports as left over); a project moved with its reports is still its own', () => {
    const examples = path.join(ROOT, 'examples');
    for (const name of ['rabat-2022', 'niamey-2022']) cpSync(path.join(examples, name), path.join(work, 'two', name), { recursive: true });
    const niamey = path.join(work, 'two/niamey-2022');
    const rabat = path.join(work, 'two/rabat-2022');
    expect(runBin(['build', niamey, '-q']).code).toBe(0);
    const before = listFiles(path.join(niamey, 'out')).map((file) => [file, read(path.join(niamey, 'out', file))]);
    const result = runBin(['build', rabat, '--out', path.join(niamey, 'out')]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`workshop-report: ${path.join(niamey, 'out')} holds the reports of another project, ${niamey}: this build would remove them.`);
    expect(result.stderr).toContain('The previous reports are unchanged.');
    expect(listFiles(path.join(niamey, 'out')).map((file) => [file, read(path.join(niamey, 'out', file))])).toEqual(before);
    // --check says the same, where it listed every document of the other project as out of date (exit 1).
    const check = runBin(['build', rabat, '--check', '--out', path.join(niamey, 'out')]);
    expect(check.code).toBe(2);
    expect(check.stderr).toContain(`${path.join(niamey, 'out')} holds the reports of another project, ${niamey}`);
    expect(check.stderr).not.toContain('not up to date');
    // Reports kept outside the project, the project renamed since: the folder is still the project's.
    const site = path.join(work, 'two/site');
    expect(runBin(['build', niamey, '--out', site, '-q']).code).toBe(0);
    expect(JSON.parse(read(path.join(site, MANIFEST))).project).toBe('../niamey-2022');
    renameSync(niamey, path.join(work, 'two/niamey-renamed'));
    expect(runBin(['build', path.join(work, 'two/niamey-renamed'), '--out', site, '-q']).code).toBe(0);
    expect(JSON.parse(read(path.join(site, MANIFEST))).project).toBe('../niamey-renamed');
  });
});

describe('a build of some formats, where an earlier build wrote others', () => {
  const manifest = (out: string) => JSON.parse(read(path.join(out, MANIFEST))) as { files: string[]; formats?: Record<string, string[]> };

  it('leaves the files of the other formats as they were, and in the manifest (a build --format md removed the HTML as left over); a format built again removes its own left-overs; a file deleted by hand is forgotten', async () => {
    const project = path.join(work, 'formats');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), project);
    const out = path.join(project, 'out');
    expect((await runInProcess(['build', project, '--format', 'md,html'])).code).toBe(0);
    const html = listFiles(out).filter((file) => !file.endsWith('.md') && file !== MANIFEST);
    expect(html).toContain('countries/MLI.html');
    expect(manifest(out).formats?.html).toEqual(html);
    const page = read(path.join(out, 'report.html'));

    const md = await runInProcess(['build', project, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stderr).not.toContain('Removed');
    expect(md.stderr).toContain(`Left ${html.length} files of other formats as an earlier build wrote them (not built this time): `);
    expect(read(path.join(out, 'report.html'))).toBe(page);
    expect(manifest(out).formats?.html).toEqual(html);
    expect(manifest(out).files).toEqual(expect.arrayContaining(html));

    // The country briefs dropped: the Markdown ones go; the HTML pages stay until the HTML is built again, which the check of the HTML says.
    writeFileSync(path.join(project, 'workshop.yaml'), `${read(path.join(project, 'workshop.yaml'))}report:\n  documents: [report, recommendations]\n`);
    const dropped = await runInProcess(['build', project, '--format', 'md']);
    expect(dropped.code, dropped.stderr).toBe(0);
    expect(dropped.stderr).toContain('Removed 2 left over from the previous build: countries/MLI.md, countries/NER.md\n');
    expect(existsSync(path.join(out, 'countries/MLI.html'))).toBe(true);
    expect((await runInProcess(['build', project, '--check', '--format', 'md'])).code).toBe(0);
    const check = await runInProcess(['build', project, '--check', '--format', 'html']);
    expect(check.code).toBe(1);
    expect(check.stderr).toMatch(/^ {2}stale {4}countries\/MLI\.html$/m);
    expect(check.stderr).not.toMatch(/\.md$/m);
    const rebuilt = await runInProcess(['build', project, '--format', 'html']);
    expect(rebuilt.stderr).toContain('Removed 2 left over from the previous build: countries/MLI.html, countries/NER.html\n');
    expect(existsSync(path.join(out, 'countries/MLI.html'))).toBe(false);
    expect(existsSync(path.join(out, 'report.md'))).toBe(true);

    // A page deleted by hand is no longer the tool's: not in the manifest, and not missing for --check of the Markdown.
    remove(path.join(out, 'report.html'));
    expect((await runInProcess(['build', project, '--format', 'md'])).code).toBe(0);
    expect(manifest(out).files).not.toContain('report.html');
    expect(manifest(out).files).toContain('index.html');
    expect((await runInProcess(['build', project, '--check', '--format', 'md'])).code).toBe(0);
  });

  it('tells the formats of a manifest written before they were recorded by the files\' names', async () => {
    const project = path.join(work, 'formats-by-name');
    copyTree(path.join(ROOT, 'test/fixtures/minimal'), project);
    const out = path.join(project, 'out');
    expect((await runInProcess(['build', project, '--format', 'md,html'])).code).toBe(0);
    const { formats: _recorded, ...older } = manifest(out);
    writeFileSync(path.join(out, MANIFEST), `${JSON.stringify(older, null, 2)}\n`);
    const check = await runInProcess(['build', project, '--check', '--format', 'md']);
    expect(check.stderr).toMatch(/is up to date for md \(\d+ files; \d+ html files not checked\)\.\n$/);
    expect(check.code).toBe(0);
    const before = listFiles(out).filter((file) => file !== MANIFEST);
    expect((await runInProcess(['build', project, '--format', 'md'])).code).toBe(0);
    expect(listFiles(out).filter((file) => file !== MANIFEST)).toEqual(before);
    // The next manifest records them.
    expect(manifest(out).formats?.html).toContain('style.css');
  });
});
