/**
 * Ctrl-C while a build publishes, through the built bin and real SIGINTs: a preloaded fixture
 * (test/fixtures/interrupt/sigint-at.cjs) sends them at a chosen step of the publish and lets the
 * step go on once the bin has heard them. No sleeps: where the signal comes is chosen, never when.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { JOURNAL, MANIFEST } from '../../src/build/publish.js';
import { BIN, ROOT, copyExampleWithoutEditions, copyTree, listFiles, remove, snapshot, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-interrupt-');
afterAll(() => remove(work));

const HOOK = path.join(ROOT, 'test/fixtures/interrupt/sigint-at.cjs');

/** Runs the bin with the fixture preloaded: `plan` says where the SIGINTs come (see the fixture). */
function buildInterrupted(args: string[], under: string, plan: string): { code: number | null; signal: NodeJS.Signals | null; stderr: string } {
  const result = spawnSync(process.execPath, ['--require', HOOK, BIN, 'build', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', WR_TEST_OUT: under, WR_TEST_SIGINT: plan },
    encoding: 'utf8',
  });
  return { code: result.status, signal: result.signal, stderr: result.stderr };
}

function build(args: string[]): { code: number | null; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, 'build', ...args], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
  return { code: result.status, stderr: result.stderr };
}

/** The temporary files, commit records and journals left in a folder. */
const leftovers = (dir: string) => listFiles(dir).filter((file) => file.endsWith('.wr-tmp') || path.basename(file) === JOURNAL);

let projects = 0;
/**
 * A workshop built once, then changed (its title), so that the next build's documents differ from
 * those published; with the number of files a build publishes.
 */
function builtThenEdited(): { project: string; out: string; files: number } {
  const project = path.join(work, `w${++projects}`);
  copyExampleWithoutEditions(project);
  expect(build([project, '-f', 'md']).code).toBe(0);
  const file = path.join(project, 'workshop.yaml');
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/^title: (.*)$/m, 'title: $1 (revised)');
  expect(next).not.toBe(text);
  writeFileSync(file, next);
  const out = path.join(project, 'out');
  const files = (JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')) as { files: string[] }).files.length;
  return { project, out, files };
}

const revised = (out: string) => readFileSync(path.join(out, 'report.md'), 'utf8').includes('(revised)');

describe('Ctrl-C during a workshop build\'s publish', () => {
  it('twice while documents are staged (npm and the terminal: one press heard twice): exit 130, the previous reports, no temporary file', () => {
    const { project, out } = builtThenEdited();
    const before = snapshot(out);
    const result = buildInterrupted([project, '-f', 'md'], out, 'after:journal:3:2');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted; nothing was written');
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('once the last document is staged, before the commit record: exit 130, the previous reports, no temporary file', () => {
    const { project, out, files } = builtThenEdited();
    const before = snapshot(out);
    const result = buildInterrupted([project, '-f', 'md'], out, `after:temp:${files}:1`);
    expect(result.code).toBe(130);
    expect(snapshot(out)).toEqual(before);
    expect(leftovers(out)).toEqual([]);
  });

  it('twice once the commit record is written: the build publishes, says Ctrl-C came too late, and exits with its own code (0)', () => {
    const { project, out } = builtThenEdited();
    const result = buildInterrupted([project, '-f', 'md'], out, 'after:record:1:2');
    expect(result.signal).toBeNull();
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/Wrote \d+ files/);
    expect(result.stderr).toContain('too late to stop: they are published');
    expect(revised(out)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it('twice during the renames: published, exit 0, no temporary file', () => {
    const { project, out } = builtThenEdited();
    const result = buildInterrupted([project, '-f', 'md'], out, 'before:rename:2:2');
    expect(result.code).toBe(0);
    expect(revised(out)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });

  it('a third time ends the process at once (SIGINT); the next build completes what it left', () => {
    const { project, out } = builtThenEdited();
    const result = buildInterrupted([project, '-f', 'md'], out, 'before:rename:2:3');
    expect(result.code).toBeNull();
    expect(result.signal).toBe('SIGINT');
    expect(leftovers(out).length).toBeGreaterThan(0);
    const next = build([project, '-f', 'md']);
    expect(next.code).toBe(0);
    expect(next.stderr).toContain('it was completed first');
    expect(revised(out)).toBe(true);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('Ctrl-C during a programme build\'s publish (three output folders)', () => {
  /** The Sahel programme and its two workshops, copied and built once, then a workshop's title changed. */
  function programmeBuilt(): { programme: string; outs: string[]; files: number } {
    const root = path.join(work, `p${++projects}`);
    for (const name of ['rabat-2022', 'niamey-2022', 'sahel-programme']) copyTree(path.join(ROOT, 'examples', name), path.join(root, name));
    const programme = path.join(root, 'sahel-programme');
    expect(build([programme]).code).toBe(0);
    const outs = ['rabat-2022', 'niamey-2022', 'sahel-programme'].map((name) => path.join(root, name, 'out'));
    const files = outs.reduce((sum, out) => sum + (JSON.parse(readFileSync(path.join(out, MANIFEST), 'utf8')) as { files: string[] }).files.length, 0);
    const file = path.join(root, 'niamey-2022', 'workshop.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: (.*)$/m, 'title: $1 (revised)'));
    return { programme: root, outs, files };
  }

  it('after the last file of every folder is staged: exit 130, every folder as it was, no temporary file in any', () => {
    const { programme, outs, files } = programmeBuilt();
    const before = outs.map((out) => snapshot(out));
    const result = buildInterrupted([path.join(programme, 'sahel-programme')], programme, `after:temp:${files}:2`);
    expect(result.code).toBe(130);
    expect(outs.map((out) => snapshot(out))).toEqual(before);
    for (const out of outs) expect(leftovers(out)).toEqual([]);
  });

  it('once a commit record is written: every folder is published, exit 0', () => {
    const { programme, outs } = programmeBuilt();
    const before = outs.map((out) => snapshot(out));
    const result = buildInterrupted([path.join(programme, 'sahel-programme')], programme, 'after:record:1:2');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('too late to stop: they are published');
    // Niamey's reports name the revised title; Rabat's are the same, published again.
    expect(snapshot(outs[1]!)).not.toEqual(before[1]);
    expect(existsSync(path.join(outs[1]!, 'report.md'))).toBe(true);
    for (const out of outs) expect(leftovers(out)).toEqual([]);
  });
});

describe('SIGTERM and SIGHUP (timeout, docker stop, a terminal closed)', () => {
  /** The preview of the Niamey example, its temporary folder under its own TMPDIR, stopped by `signal` once it serves. */
  async function previewStoppedBy(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; left: string[]; served: string[] }> {
    const tmp = path.join(work, `tmp-${signal}`);
    mkdirSync(tmp, { recursive: true });
    const child = spawn(process.execPath, [BIN, 'preview', path.join(ROOT, 'examples/niamey-2022'), '--port', '0'], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', TMPDIR: tmp } });
    let stderr = '';
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once('exit', (code, by) => resolve({ code, signal: by })));
    // Stopped once it serves its pages (said on stderr), whenever that is.
    await new Promise<void>((resolve) => child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      if (/Preview updated: \d+ pages at http/.test(stderr)) resolve();
    }));
    const served = readdirSync(tmp);
    child.kill(signal);
    return { ...(await exited), left: readdirSync(tmp), served };
  }

  for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
    it(`${signal} stops the preview as Ctrl-C does: exit 130, its folder of every edition's pages removed (it was left, the process ended at once)`, async () => {
      const result = await previewStoppedBy(signal);
      expect(result.served.filter((name) => name.startsWith('workshop-report-preview-'))).toHaveLength(1);
      expect(result.signal).toBeNull();
      expect(result.code).toBe(130);
      expect(result.left).toEqual([]);
    });
  }
});
