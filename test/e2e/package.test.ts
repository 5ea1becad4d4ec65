import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE, ROOT, listFiles, remove, tempDir } from '../helpers/run-cli.js';

const work = tempDir('wr-pack-');
let tarball = '';
beforeAll(() => {
  execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', work], { cwd: ROOT, stdio: 'pipe', env: { ...process.env, npm_config_loglevel: 'error' } });
  tarball = path.join(work, readdirSync(work).find((name) => name.endsWith('.tgz'))!);
});
afterAll(() => remove(work));

/**
 * A folder whose node_modules holds the packed package as npm would unpack it, and the project's
 * own dependencies beside it (linked): the package's files, exports and declarations are tested
 * without the network.
 */
function appWithPackage(name: string): string {
  const app = path.join(work, name);
  const modules = path.join(app, 'node_modules');
  mkdirSync(path.join(modules, 'workshop-report'), { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', path.join(modules, 'workshop-report'), '--strip-components=1']);
  for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (entry !== '.bin' && entry !== 'workshop-report') symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  writeFileSync(path.join(app, 'package.json'), '{ "type": "module", "private": true }\n');
  return app;
}

describe('the published package', () => {
  it('ships the bundle, the declarations and the templates, not the sources', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    // The bin runs the bundle (lib/); tsc's output (dist/) is for the tests and is not shipped.
    expect(listing).toContain('package/lib/run.js');
    expect(listing).toContain('package/lib/api.js');
    expect(listing).toContain('package/types/api.d.ts');
    expect(listing).toContain('package/docs/api.md');
    expect(listing).toContain('package/lib/typeset-worker.js');
    expect(listing.some((file) => file.startsWith('package/dist/'))).toBe(false);
    expect(listing).toContain('package/templates/report.md.hbs');
    expect(listing.some((file) => file.startsWith('package/test/') || file.startsWith('package/src/'))).toBe(false);
  });

  it('installs from the packed tarball and builds the example with npx', (ctx) => {
    const app = path.join(work, 'app');
    execFileSync('npm', ['init', '-y'], { cwd: work, stdio: 'pipe' });
    // Offline, from the npm cache that `npm ci` filled: no network in tests.
    const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', '--prefix', app, tarball], { cwd: work, encoding: 'utf8' });
    if (install.status !== 0) {
      const why = `the tarball's dependencies are not all in the npm cache, so an offline install is impossible here: ${install.stderr.split('\n').find((l) => l.includes('ERR')) ?? install.stderr.slice(0, 200)}`;
      // .ci/run fills the cache: in CI this is a failure, not a skip.
      if (process.env.CI) expect.fail(why);
      ctx.skip(why);
    }
    const out = path.join(work, 'out');
    const result = spawnSync('npx', ['--offline', 'workshop-report', 'build', EXAMPLE, '--out', out], { cwd: app, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    // The same Markdown as the committed example output (both languages, both editions), byte for byte.
    const committed = path.join(EXAMPLE, 'out');
    const files = listFiles(committed).filter((file) => file.endsWith('.md'));
    expect(result.stderr).toContain(`Wrote ${files.length} files`);
    for (const file of files) expect(readFileSync(path.join(out, file), 'utf8'), file).toBe(readFileSync(path.join(committed, file), 'utf8'));
  });

  it("runs every example of docs/api.md against the packed package's API", () => {
    const app = appWithPackage('api');
    const examples = [...readFileSync(path.join(ROOT, 'docs/api.md'), 'utf8').matchAll(/```js\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(examples.length).toBeGreaterThanOrEqual(6);
    const outputs = examples.map((code, index) => {
      const script = path.join(app, `example-${index + 1}.mjs`);
      writeFileSync(script, code);
      // The examples name paths from the repository's root, as a reader running them there would.
      const run = spawnSync(process.execPath, [script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, TMPDIR: app } });
      expect(run.status, `example ${index + 1} of docs/api.md:\n${code}\n${run.stderr}`).toBe(0);
      return run.stdout;
    });
    expect(outputs.join('')).toContain('8 sessions, 0 problems');
    expect(outputs.join('')).toContain('# Introduction');
    expect(outputs.join('')).toContain('wrote 30 files to');
    expect(outputs.join('')).toContain('the committed reports are up to date');
    expect(outputs.join('')).toContain('country-file-name countries/NER.yaml:1:10');
  });

  it('builds the example in memory from a TypeScript program that the declarations type-check', () => {
    const app = appWithPackage('typed');
    writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'ES2023', strict: true, noEmit: true, types: ['node'], typeRoots: [path.join(ROOT, 'node_modules/@types')] }, files: ['check.ts'] }));
    writeFileSync(path.join(app, 'check.ts'), [
      "import { build, formatDiagnostics, type BuildResult, type Diagnostic } from 'workshop-report';",
      `const result: BuildResult = await build(${JSON.stringify(EXAMPLE)}, { formats: ['md'] });`,
      'const errors: Diagnostic[] = result.diagnostics.filter((d) => d.severity === "error");',
      'const report: string | Uint8Array | undefined = result.files.find((f) => f.path === "report.md")?.content;',
      'console.log(formatDiagnostics(errors), typeof report);',
      '// @ts-expect-error: formats are md, pdf, html and docx',
      "await build('.', { formats: ['odt'] });",
      '',
    ].join('\n'));
    const tsc = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], { encoding: 'utf8' });
    expect(tsc.status, tsc.stdout).toBe(0);
  });
});
