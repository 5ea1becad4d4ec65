import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, remove, runBin, tempDir } from '../helpers/run-cli.js';

interface Expectation {
  code: string;
  severity: 'error' | 'warning';
  file: string;
  line: number;
  column: number;
  hint?: string;
  /** More copies of the minimal workshop the defect needs, relative to the programme's parent folder. */
  copyMinimalTo?: string[];
}

const FIXTURES = path.join(ROOT, 'test/fixtures');
const BAD = path.join(FIXTURES, 'programme/bad');
const cases = readdirSync(BAD).sort().map((name) => ({ name, expect: JSON.parse(readFileSync(path.join(BAD, name, 'expect.json'), 'utf8')) as Expectation }));
const work = tempDir('wr-programme-same-as-');
afterAll(() => remove(work));

/** programme/ with two copies of the minimal workshop beside it (alpha-2022, beta-2023), the case's files laid over them. */
function programme(name: string, extra: readonly string[] = []): string {
  const root = path.join(work, name);
  copyTree(path.join(FIXTURES, 'programme/base'), root);
  for (const folder of ['alpha-2022', 'beta-2023', ...extra]) copyTree(path.join(FIXTURES, 'minimal'), path.join(root, folder));
  if (name !== 'clean') copyTree(path.join(BAD, name), root);
  remove(path.join(root, 'expect.json'));
  // Its actions have ids, as a programme's calendar needs (else action-without-id): the minimal workshop's has none.
  for (const folder of ['alpha-2022', 'beta-2023', ...extra]) {
    const session = path.join(root, folder, 'sessions/a.yaml');
    writeFileSync(session, readFileSync(session, 'utf8').replace('  - text: Assess connectivity needs', '  - id: connectivity-needs\n    text: Assess connectivity needs'));
  }
  return root;
}

describe('same_as: WORKSHOP:ID across a programme', () => {
  it('the fixture programme validates with no problem', () => {
    const root = programme('clean');
    const result = runBin(['validate', 'programme'], { cwd: root });
    expect(result.stderr).toContain('Programme checked: 2 workshops.');
    expect(result.code).toBe(0);
  });

  describe.each(cases)('one defect: $name', ({ name, expect: expectation }) => {
    it(`validate of the programme reports ${expectation.code} at ${expectation.file}:${expectation.line}:${expectation.column}`, () => {
      const root = programme(name, expectation.copyMinimalTo);
      const result = runBin(['validate', 'programme'], { cwd: root });
      const where = `${expectation.file}:${expectation.line}:${expectation.column}`;
      expect(result.stderr).toMatch(new RegExp(`^${where.replace(/[.]/g, '\\.')} ${expectation.severity} .*\\[${expectation.code}\\]$`, 'm'));
      // With the offending line: a programme rule's problem is found after its workshop's check kept only the texts its own problems need.
      expect(result.stderr).toMatch(new RegExp(`^> ${expectation.line} \\| `, 'm'));
      if (expectation.hint) expect(result.stderr).toContain(`hint: ${expectation.hint}`);
      expect(result.stderr).toMatch(expectation.severity === 'error' ? /^1 error$/m : /^1 warning$/m);
      expect(result.code).toBe(expectation.severity === 'error' ? 1 : 0);
      const json = runBin(['validate', 'programme', '--reporter', 'json'], { cwd: root });
      expect(json.stdout).toContain(`"${expectation.code}"`);
      // With a cache, cold then warm (each workshop's verdict read from it): the same report.
      for (const run of ['cold', 'warm']) {
        const cached = runBin(['validate', 'programme', '--cache-location', path.join(work, `${name}.cache`)], { cwd: root });
        expect(cached.stderr, run).toBe(result.stderr);
        expect(cached.code, run).toBe(result.code);
      }
    });
  });

  it('a workshop validated alone does not judge a WORKSHOP:ID same_as, and merges nothing by it', () => {
    const root = programme('unknown-workshop');
    const result = runBin(['validate', 'beta-2023'], { cwd: root });
    expect(result.stderr).toContain('No problems found');
    expect(result.code).toBe(0);
    const built = runBin(['build', 'beta-2023'], { cwd: root });
    expect(built.code, built.stderr).toBe(0);
    const report = readFileSync(path.join(root, 'beta-2023/out/report.md'), 'utf8');
    expect(report).toMatch(/\*\*R1\*\*/);
    expect(report).toMatch(/\*\*R2\*\*/);
  });

  it('build of the programme refuses an unknown one and writes nothing', () => {
    const root = programme('unknown-recommendation');
    expect(runBin(['build', 'programme'], { cwd: root }).code).toBe(1);
    expect(() => readdirSync(path.join(root, 'programme/out'))).toThrow();
  });

  it('build of the programme shows a linked pair as recurring, and the identical recommendations of the two copies as near-duplicates', () => {
    const root = programme('own-workshop');
    const result = runBin(['build', 'programme'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    // Its warning is said by build as by validate (a build without error reported only its workshops' own problems).
    expect(result.stderr).toMatch(/^beta-2023\/sessions\/a\.yaml:28:14 warning .*\[same-as-own-workshop\]$/m);
    const recurring = readFileSync(path.join(root, 'programme/out/recurring.md'), 'utf8');
    // Both copies are "Border Security Workshop 2022": the folder name tells them apart.
    expect(recurring).toContain('*Raised at Border Security Workshop 2022 (alpha-2022) as R1; also raised at Border Security Workshop 2022 (beta-2023) as R1.*');
  });
});
