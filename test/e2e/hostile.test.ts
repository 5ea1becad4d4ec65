import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { load } from '../../src/load/index.js';
import { checkStructure } from '../../src/load/structure.js';
import { parseYamlFile } from '../../src/load/parse-yaml.js';
import { LIMITS } from '../../src/limits.js';
import { countryTable } from '../../src/reference/countries.js';
import { validate } from '../../src/validate/index.js';
import { run } from '../../src/cli/run.js';
import { BIN, EXAMPLE, ROOT, copyTree, read, remove, runBin, runInProcess, tempDir, copyExampleWithoutEditions } from '../helpers/run-cli.js';

const work = tempDir('wr-hostile-');
afterAll(() => remove(work));
const MINIMAL = path.join(ROOT, 'test/fixtures/minimal');
let counter = 0;
function project(): string {
  const dir = path.join(work, `p${++counter}`);
  copyTree(MINIMAL, dir);
  return dir;
}

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('limits, at and just past each one', () => {
  it('nesting depth', () => {
    expect(checkStructure(`a: ${nested(LIMITS.depth - 1)}`)).toBeUndefined();
    expect(checkStructure(`a: ${nested(LIMITS.depth)}`)?.code).toBe('too-deep');
  });

  it('entries in one list or mapping', () => {
    const list = (n: number) => `a: [${Array.from({ length: n }, (_, i) => i).join(',')}]`;
    expect(checkStructure(list(LIMITS.items))).toBeUndefined();
    expect(checkStructure(list(LIMITS.items + 1))?.code).toBe('too-many-items');
  });

  it('Markdown a text may hold: inline markers in one paragraph, nesting of quotes and lists (past them the build took minutes, or ran out of stack blamed on a template)', async () => {
    const withSummary = (summary: string) => {
      const dir = project();
      const file = path.join(dir, 'sessions/a.yaml');
      writeFileSync(file, read(file).replace('  Delegations reviewed how traveller data supports screening at land borders.', summary.split('\n').map((line) => `  ${line}`).join('\n')));
      return dir;
    };
    const markers = (n: number) => '[a] '.repeat(n / 2);
    const validateCode = async (dir: string) => (await runInProcess(['validate', dir], { cwd: dir }));
    expect((await validateCode(withSummary(markers(LIMITS.markdownMarkersPerParagraph)))).code).toBe(0);
    const past = await validateCode(withSummary(`Fine.\n\n${markers(LIMITS.markdownMarkersPerParagraph + 2)}`));
    expect(past.code).toBe(1);
    expect(past.stderr).toMatch(/^sessions\/a\.yaml:10:10 error A paragraph of this text has 2,002 of the characters that start or end Markdown links, emphasis and code .*\[too-complex\]$/m);
    // Split into paragraphs, or fenced as code, the same markers are fine.
    expect((await validateCode(withSummary(`${markers(LIMITS.markdownMarkersPerParagraph)}\n\n${markers(LIMITS.markdownMarkersPerParagraph)}`))).code).toBe(0);
    expect((await validateCode(withSummary(`\`\`\`\n${markers(LIMITS.markdownMarkersPerParagraph * 4)}\n\`\`\`\n\nAfter.`))).code).toBe(0);
    expect((await validateCode(withSummary(`${'> '.repeat(LIMITS.markdownNesting)}deep`))).code).toBe(0);
    // A quote needs no space: >>> is three.
    expect((await validateCode(withSummary(`${'>'.repeat(LIMITS.markdownNesting + 1)} deep`))).stderr).toMatch(/This text nests 101 block quotes/);
    // A list item or a table row is read on its own: many short ones are fine.
    expect((await validateCode(withSummary(Array.from({ length: 400 }, (_, i) => `- [doc_ref_${i}](https://example.org/a_b_${i}.pdf)`).join('\n')))).code).toBe(0);
    const deep = await validateCode(withSummary(`${'> '.repeat(LIMITS.markdownNesting)}- deeper`));
    expect(deep.code).toBe(1);
    expect(deep.stderr).toMatch(/^sessions\/a\.yaml:10:10 error This text nests 101 block quotes or lists in one another: at most 100 can be read\. \[too-complex\]$/m);
    // The same nesting written one item a line, each indented under the last (600 took the build minutes).
    const stairs = (n: number, indent = '  ') => Array.from({ length: n }, (_, i) => `${indent.repeat(i)}- item ${i}`).join('\n');
    expect((await validateCode(withSummary(stairs(LIMITS.markdownNesting)))).code).toBe(0);
    expect((await validateCode(withSummary(stairs(LIMITS.markdownNesting + 1)))).stderr).toMatch(/^sessions\/a\.yaml:10:10 error This text nests 101 block quotes or lists in one another/m);
    expect((await validateCode(withSummary(stairs(LIMITS.markdownNesting + 1, '\t')))).stderr).toMatch(/This text nests 101 block quotes/);
    // Items back at the margin leave the lists above them: 400 items in 4 levels are fine.
    expect((await validateCode(withSummary(Array.from({ length: 100 }, () => stairs(4)).join('\n')))).code).toBe(0);
    // At the limit, the build of every format is quick: no minutes per document.
    const at = withSummary(markers(LIMITS.markdownMarkersPerParagraph));
    expect((await runInProcess(['build', at, '--format', 'md,html'], { cwd: at })).code).toBe(0);
  });

  it('file size', async () => {
    const dir = project();
    const file = path.join(dir, 'sessions/a.yaml');
    const text = read(file);
    const pad = (size: number) => `${text}#${'x'.repeat(size - Buffer.byteLength(text) - 2)}\n`;
    writeFileSync(file, pad(LIMITS.fileBytes));
    expect((await runInProcess(['validate', dir])).code).toBe(0);
    writeFileSync(file, pad(LIMITS.fileBytes + 1));
    const result = await runInProcess(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessions\/a\.yaml:1:1 error .*\[file-too-large\]$/m);
  });
});

describe('hostile YAML never crashes the process', () => {
  it('rejects absurd nesting before composing, twice in one process, located', () => {
    const dir = project();
    writeFileSync(path.join(dir, 'sessions/a.yaml'), `title: x\nkey_points: ${nested(100_000)}\n`);
    writeFileSync(path.join(dir, 'sessions/b.yaml'), `title: y\nsummary:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i + 1)}k${i}:`).join('\n')}\n`);
    const result = runBin(['validate', dir], { cwd: dir });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^sessions\/a\.yaml:2:\d+ error .*\[too-deep\]$/m);
    expect(result.stderr).toMatch(/^sessions\/b\.yaml:\d+:\d+ error .*\[too-deep\]$/m);
  });

  it('rejects prototype keys as unknown keys', () => {
    const parsed = parseYamlFile({ path: 'sessions/a.yaml', text: 'title: x\n__proto__: { polluted: true }\nconstructor: 1\n' }, 'session');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const loaded = load({ workshop: { path: 'workshop.yaml', text: read(path.join(MINIMAL, 'workshop.yaml')) }, sessions: [parsed.file.source], countries: [], assets: [] });
    const codes = validate(loaded.project, countryTable()).diagnostics.map((d) => `${d.code}@${d.location?.start.line}`);
    expect(codes).toContain('unknown-key@2');
    expect(codes).toContain('unknown-key@3');
  });

  it('property: any YAML document as a session file gives located diagnostics or data, never an exception', () => {
    const workshop = { path: 'workshop.yaml', text: read(path.join(MINIMAL, 'workshop.yaml')) };
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(tie('node'), { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 12 }), tie('node'), { maxKeys: 5 })),
    })).node;
    fc.assert(fc.property(fc.oneof(value.map((v) => stringify(v)), fc.string({ maxLength: 300 })), (text) => {
      const loaded = load({ workshop, sessions: [{ path: 'sessions/a.yaml', text }], countries: [], assets: [] });
      const result = validate(loaded.project, countryTable());
      for (const d of [...loaded.diagnostics, ...result.diagnostics]) {
        if (d.code === 'no-sessions') continue;
        expect(d.location?.start.line).toBeGreaterThanOrEqual(1);
        expect(d.location?.start.column).toBeGreaterThanOrEqual(1);
      }
    }), { numRuns: 300, seed: 20260 });
  });

  it('property: any text in the text fields builds, or fails with located diagnostics (exit 0 or 1, never 3)', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 80 }), fc.string({ unit: 'grapheme', maxLength: 80 }), async (title, summary) => {
      const dir = project();
      const file = path.join(dir, 'sessions/a.yaml');
      const text = read(file).replace(/^title: .*$/m, `title: ${JSON.stringify(title)}`).replace(/^summary: .*$/m, `summary: ${JSON.stringify(summary)}`);
      writeFileSync(file, text);
      const result = await runInProcess(['build', dir], { cwd: dir });
      expect([0, 1]).toContain(result.code);
      if (result.code === 1) expect(result.stderr).toMatch(/^sessions\/a\.yaml:\d+:\d+ error/m);
      remove(dir);
    }), { numRuns: 25, seed: 7 });
  });
});

describe('output and process', () => {
  it('output piped into head does not crash with EPIPE', () => {
    const result = spawnSync('bash', ['-c', `node ${JSON.stringify(BIN)} schema workshop | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(result.stdout).toContain('status=0');
    expect(result.stderr).not.toContain('EPIPE');
  });

  // Node's recursive mkdir spins forever there (procfs answers ENOENT for a folder whose parent exists).
  it.runIf(existsSync('/proc/self'))('an output folder under /proc is a setup error, not a hang', () => {
    const result = spawnSync(process.execPath, [BIN, 'build', EXAMPLE, '--quiet', '--format', 'md', '--out', '/proc/wr-nowhere/out'], { encoding: 'utf8', timeout: 60_000 });
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Cannot create the folder /proc/wr-nowhere/out: no such file or folder (ENOENT).');
  });
});

describe('closed pipes, simulated through injected streams', () => {
  const epipe = () => { throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }); };

  it('a reader that went away stops the output, not the command: the exit code is kept', async () => {
    let stderr = '';
    const code = await run(['schema', 'workshop'], { stdout: { write: epipe }, stderr: { write: (text: string) => { stderr += text; } }, cwd: ROOT, env: {} });
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('problems found are still exit 1 when stderr is closed too', async () => {
    const dir = path.join(work, 'epipe');
    copyExampleWithoutEditions(dir);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    writeFileSync(session, read(session).replace(/^type: \w+$/m, 'type: plenery'));
    let calls = 0;
    const counting = () => { calls++; epipe(); };
    const code = await run(['validate', dir], { stdout: { write: epipe }, stderr: { write: counting }, cwd: ROOT, env: {} });
    expect(code).toBe(1);
    expect(calls).toBe(1);
  });

  it('other write errors are still internal errors (exit 3), never swallowed', async () => {
    const code = await run(['schema', 'workshop'], { stdout: { write: () => { throw Object.assign(new Error('write EIO'), { code: 'EIO' }); } }, stderr: { write: () => undefined }, cwd: ROOT, env: {} });
    expect(code).toBe(3);
  });
});

describe('text that never breaks', () => {
  it('a 50,000-character run without a break opportunity typesets: cut by width, nothing lost', async () => {
    const dir = path.join(work, 'long-run');
    copyExampleWithoutEditions(dir);
    const session = path.join(dir, 'sessions/01-opening.yaml');
    const run = 'x'.repeat(50_000);
    writeFileSync(session, read(session).replace('summary: |\n', `summary: |\n  ${run}\n\n`));
    const result = runBin(['build', dir, '--format', 'md,pdf', '--quiet']);
    expect(result.code, result.stderr).toBe(0);
    const { openPdf, allText } = await import('../typeset/read-pdf.js');
    const text = (await allText(await openPdf(new Uint8Array(readFileSync(path.join(dir, 'out/report.pdf')))))).join('').replace(/\s+/g, '');
    // Every character is on some page (the run spans pages, between running headers).
    expect(text.match(/x/g)?.length ?? 0).toBeGreaterThanOrEqual(run.length);
    expect(text).toContain('x'.repeat(2_000));
  });
});
