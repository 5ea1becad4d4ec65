import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { cacheKey, identityOf, openNotesCache, toolIdentity } from '../../src/build/cache.js';
import type { ParseJob } from '../../src/build/parallel-parse.js';
import { nodeFs, type FileSystem } from '../../src/load/file-system.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { ROOT, remove, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-cache-');
afterAll(() => remove(work));
let folders = 0;
const fresh = () => path.join(work, `case-${++folders}`);

const session = (text: string, file = 'sessions/01-opening.yaml'): ParseJob => ({ source: { path: file, text }, role: 'session' });
const GOOD = session('title: Opening\ndate: 2022-05-09\ntype: opening\nsummary: Welcome.\nrecommendations:\n  - text: Share data.\n    theme: ibm\n');
// A duplicate key and syntax errors: diagnostics with positions, and data with parts left out.
const BROKEN = session('title: Opening\ntitle: Again\nsummary: "unclosed\nlist:\n  - a\n  - b: [\n', 'sessions/02-broken.yaml');

/** Parses the jobs through a cache in `folder`, as the build does: lookups first, then what was missing. */
async function throughCache(folder: string, jobs: ParseJob[], fs?: FileSystem) {
  const cache = await openNotesCache(folder, path.join(folder, '..', 'project'), fs);
  const results = jobs.map((job) => {
    const found = cache.lookup(job);
    if (found) return found;
    const parsed = parseYamlFile(job.source, job.role);
    cache.remember(job, parsed);
    return parsed;
  });
  const warning = await cache.save();
  return { results, stats: { ...cache.stats }, warning };
}

describe('the notes cache (--cache)', () => {
  it('keys an entry by the file\'s text, path and role and by the tool\'s identity', () => {
    const key = cacheKey(GOOD);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheKey(session(GOOD.source.text))).toBe(key);
    expect(cacheKey(session(`${GOOD.source.text} `))).not.toBe(key);
    expect(cacheKey(session(GOOD.source.text, 'sessions/02-other.yaml'))).not.toBe(key);
    expect(cacheKey({ ...GOOD, role: 'country' })).not.toBe(key);
    expect(cacheKey(GOOD, identityOf('0.1.0', ['{}']))).not.toBe(cacheKey(GOOD, identityOf('0.2.0', ['{}'])));
    expect(cacheKey(GOOD, identityOf('0.1.0', ['{}']))).not.toBe(cacheKey(GOOD, identityOf('0.1.0', ['{"x":1}'])));
    expect(cacheKey(GOOD)).toBe(cacheKey(GOOD, toolIdentity()));
  });

  it('is keyed by the bundled code too: a rule added between two releases does not take an older verdict', async () => {
    const identityWith = async (code: string | undefined) => {
      vi.resetModules();
      vi.doMock('../../src/assets.js', async (original) => {
        const actual = await original<typeof import('../../src/assets.js')>();
        return { ...actual, readBundled: (file: string) => (file !== 'lib/code-identity' ? actual.readBundled(file) : code ?? actual.readBundled('no such file')) };
      });
      try {
        return (await import('../../src/build/cache.js')).toolIdentity();
      } finally {
        vi.doUnmock('../../src/assets.js');
        vi.resetModules();
      }
    };
    const first = await identityWith('aaaa\n');
    expect(await identityWith('aaaa\n')).toBe(first);
    expect(await identityWith('bbbb\n')).not.toBe(first);
    // Run from the compiled modules before any bundle: still an identity.
    expect(await identityWith(undefined)).toMatch(/^[0-9a-f]{64}$/);
    // The build writes the digest of the bundle beside it.
    expect(readFileSync(path.join(ROOT, 'lib/code-identity'), 'utf8')).toMatch(/^[0-9a-f]{64}\n$/);
  });

  it('gives back exactly what parsing gives: data with its holes, positions and located diagnostics', async () => {
    const folder = fresh();
    const cold = await throughCache(folder, [GOOD, BROKEN]);
    expect(cold.stats).toEqual({ hits: 0, misses: 2 });
    expect(cold.warning).toBeUndefined();
    expect(cold.results[1]!.diagnostics.length).toBeGreaterThan(0);
    const warm = await throughCache(folder, [GOOD, BROKEN]);
    expect(warm.stats).toEqual({ hits: 2, misses: 0 });
    expect(warm.results).toEqual([parseYamlFile(GOOD.source, 'session'), parseYamlFile(BROKEN.source, 'session')]);
    expect(warm.results[1]!.diagnostics.map((d) => `${d.code} ${d.location!.file}:${d.location!.start.line}:${d.location!.start.column}`))
      .toEqual(parseYamlFile(BROKEN.source, 'session').diagnostics.map((d) => `${d.code} ${d.location!.file}:${d.location!.start.line}:${d.location!.start.column}`));
    expect(warm.results[0]!.file.positions.ints).toBeInstanceOf(Int32Array);
    // The folder ignores itself in git.
    expect(readFileSync(path.join(folder, '.gitignore'), 'utf8')).toContain('*');
  });

  it('a folder made beforehand ignores itself too; one holding other files is left without a .gitignore; a file is said to be one', async () => {
    // (`mkdir .cache` before the first run, or a CI cache restored without its .gitignore: it was committed.)
    const made = fresh();
    mkdirSync(made, { recursive: true });
    expect((await throughCache(made, [GOOD])).warning).toBeUndefined();
    expect(readFileSync(path.join(made, '.gitignore'), 'utf8')).toContain('*');
    // `--cache-location .` in a project: a .gitignore of `*` there would hide the notes from git.
    const shared = fresh();
    mkdirSync(shared, { recursive: true });
    writeFileSync(path.join(shared, 'workshop.yaml'), 'title: x\n');
    await throughCache(shared, [GOOD]);
    expect(existsSync(path.join(shared, '.gitignore'))).toBe(false);
    const file = path.join(fresh(), 'cache.txt');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, 'x');
    expect((await throughCache(file, [GOOD])).warning).toBe(`Could not write the cache: ${file} is a file, not a folder (give --cache-location a folder); the results are not affected.`);
  });

  it('parses a changed file again, and keeps only the entries of the files it was asked for', async () => {
    const folder = fresh();
    await throughCache(folder, [GOOD, BROKEN]);
    const changed = session(`${GOOD.source.text}key_points: [One]\n`);
    const second = await throughCache(folder, [changed]);
    expect(second.stats).toEqual({ hits: 0, misses: 1 });
    expect(second.results[0]).toEqual(parseYamlFile(changed.source, 'session'));
    expect((await throughCache(folder, [changed, BROKEN])).stats).toEqual({ hits: 1, misses: 1 });
  });

  it('ignores a damaged entry, a truncated or foreign cache file: the files are parsed again', async () => {
    const folder = fresh();
    await throughCache(folder, [GOOD, BROKEN]);
    const [file] = readdirSync(folder).filter((name) => name.endsWith('.bin'));
    const target = path.join(folder, file!);
    const bytes = readFileSync(target);
    // One byte of the last entry flipped: its CRC no longer matches.
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 20] = flipped[flipped.length - 20]! ^ 0xff;
    writeFileSync(target, flipped);
    const damaged = await throughCache(folder, [GOOD, BROKEN]);
    expect(damaged.stats.misses).toBeGreaterThan(0);
    expect(damaged.results).toEqual([parseYamlFile(GOOD.source, 'session'), parseYamlFile(BROKEN.source, 'session')]);
    for (const broken of [bytes.subarray(0, bytes.length / 2), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      writeFileSync(target, broken);
      const again = await throughCache(folder, [GOOD, BROKEN]);
      expect(again.stats).toEqual({ hits: 0, misses: 2 });
      expect(again.results).toEqual([parseYamlFile(GOOD.source, 'session'), parseYamlFile(BROKEN.source, 'session')]);
    }
  });

  it('turns a failure to write into a warning, never an error', async () => {
    const folder = fresh();
    const full: FileSystem = { ...nodeFs, writeFile: () => Promise.reject(Object.assign(new Error('no space'), { code: 'ENOSPC' })) };
    const run = await throughCache(folder, [GOOD], full);
    expect(run.results[0]).toEqual(parseYamlFile(GOOD.source, 'session'));
    expect(run.warning).toMatch(/Could not write the cache in .*ENOSPC.*not affected/);
    expect(readdirSync(folder).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    // A file where the folder should be.
    const blocked = fresh();
    mkdirSync(path.dirname(blocked), { recursive: true });
    writeFileSync(blocked, 'in the way');
    expect((await throughCache(blocked, [GOOD])).warning).toMatch(/Could not write the cache/);
    expect(existsSync(blocked)).toBe(true);
  });
});
