import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, remove, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-pack-');
afterAll(() => remove(work));

describe('the published package', () => {
  it('installs from the packed tarball and builds the example with npx', (ctx) => {
    execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, npm_config_loglevel: 'error' } });
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const listing = execFileSync('tar', ['-tzf', path.join(work, tarball!)], { encoding: 'utf8' }).split('\n');
    // The bin runs the bundle (lib/); tsc's output (dist/) is for the tests and is not shipped.
    expect(listing).toContain('package/lib/run.js');
    expect(listing).toContain('package/lib/typeset-worker.js');
    expect(listing.some((file) => file.startsWith('package/dist/'))).toBe(false);
    expect(listing).toContain('package/templates/report.md.hbs');
    expect(listing.some((file) => file.startsWith('package/test/') || file.startsWith('package/src/'))).toBe(false);

    const app = path.join(work, 'app');
    execFileSync('npm', ['init', '-y'], { cwd: work, stdio: 'pipe' });
    // Offline, from the npm cache that `npm ci` filled: no network in tests.
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', app, path.join(work, tarball!)], { cwd: work, encoding: 'utf8' });
    if (install.status !== 0) {
      ctx.skip(`the tarball's dependencies are not all in the npm cache, so an offline install is impossible here: ${install.stderr.split('\n').find((l) => l.includes('ERR')) ?? install.stderr.slice(0, 200)}`);
    }
    const out = path.join(work, 'out');
    const result = spawnSync('npx', ['--offline', 'workshop-report', 'build', EXAMPLE, '--out', out], { cwd: app, encoding: 'utf8' });
    expect(result.stderr).toContain('Wrote 7 files');
    expect(result.status).toBe(0);
  });
});
