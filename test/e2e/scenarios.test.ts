import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, formatDiagnostics, validate, type BuildOptions } from '../../src/api.js';
import { listFiles, remove, ROOT, runBin, tempDir } from '../helpers/run-cli.js';

/**
 * Each scenario runs through the API, in-process, and through the built bin, with the same
 * expectations: the CLI is the API plus flags, publishing and printing.
 */
interface Scenario {
  name: string;
  dir: string;
  options?: BuildOptions & { formats?: Array<'md' | 'pdf'> };
  /** `rule file:line:column` of every diagnostic, in order. */
  problems: string[] | { count: number };
  /** The files a build makes (none when there are errors). */
  files: string[];
}

const BOTH = ['report.md', 'recommendations.md', 'countries/BFA.md', 'countries/GHA.md', 'countries/MLI.md', 'countries/NER.md'];
/** The example's two editions: restricted, then public (with the press release). */
const EDITIONS = (language: string) => [...[...BOTH, 'follow-up.md'].map((file) => `${language}/restricted/${file}`), ...[...BOTH, 'follow-up.md', 'press-release.md'].map((file) => `${language}/public/${file}`)];
/** The example is bilingual: English, then French, each with its two editions. */
const MD = [...EDITIONS('en'), ...EDITIONS('fr')];
const PDF = (list: string[]) => list.map((file) => file.replace(/\.md$/, '.pdf'));
/** Per edition: its Markdown, then its PDFs. */
const WITH_PDF = [0, 7, 15, 22].flatMap((start, i) => { const end = [7, 15, 22, 30][i]!; return [...MD.slice(start, end), ...PDF(MD.slice(start, end))]; });
const scenarios: Scenario[] = [
  { name: 'the Rabat example, Markdown', dir: 'examples/rabat-2022', problems: [], files: MD },
  { name: 'the Rabat example, Markdown and PDF', dir: 'examples/rabat-2022', options: { formats: ['md', 'pdf'] }, problems: [], files: WITH_PDF },
  { name: 'the minimal fixture, PDF only', dir: 'test/fixtures/minimal', options: { formats: ['pdf'] }, problems: [], files: ['report.pdf', 'recommendations.pdf', 'countries/MLI.pdf', 'countries/NER.pdf'] },
  { name: 'one mistake of each kind', dir: 'test/fixtures/all-mistakes', problems: { count: 26 }, files: [] },
];

const work = tempDir('wr-scenario-');
afterAll(() => remove(work));
const located = (list: Array<{ code?: string; ruleId?: string; file?: string | null; line?: number; column?: number }>) => list.map((d) => `${d.code ?? d.ruleId} ${d.file}:${d.line}:${d.column}`);

describe.each(scenarios)('scenario: $name', (scenario) => {
  const expectProblems = (list: string[]) => (Array.isArray(scenario.problems) ? expect(list).toEqual(scenario.problems) : expect(list).toHaveLength(scenario.problems.count));
  let viaApi: string[] = [];

  it('through the API, in memory', async () => {
    const result = await build(scenario.dir, scenario.options ?? {}, { cwd: ROOT });
    viaApi = located(result.diagnostics.map((d) => ({ code: d.code, file: d.location?.file ?? null, line: d.location?.start.line, column: d.location?.start.column })));
    expectProblems(viaApi);
    expect(result.files.map((file) => file.path)).toEqual(scenario.files);
    const checked = await validate(scenario.dir, { cwd: ROOT });
    expect(checked.diagnostics.length).toBeLessThanOrEqual(result.diagnostics.length);
    // The API formats the JSON the bin prints (sorted by file and position).
    const json = JSON.parse(formatDiagnostics(result.diagnostics, { format: 'json' })) as Array<{ ruleId: string }>;
    expect(json.map((d) => d.ruleId).sort()).toEqual(result.diagnostics.map((d) => d.code).sort());
  });

  it('through the bin', () => {
    const out = path.join(work, scenario.name.replace(/\W+/g, '-'));
    const formats = scenario.options?.formats ? ['--format', scenario.options.formats.join(',')] : [];
    const run = runBin(['build', '.', '--out', out, '--reporter', 'json', ...formats], { cwd: path.join(ROOT, scenario.dir) });
    const viaBin = located(JSON.parse(run.stdout) as Array<{ ruleId: string; file: string | null; line: number; column: number }>);
    expectProblems(viaBin);
    expect([...viaBin].sort()).toEqual([...viaApi].sort());
    expect(run.code).toBe(scenario.files.length ? 0 : 1);
    const written = scenario.files.length ? listFiles(out).filter((file) => !file.startsWith('.')) : [];
    expect(written).toEqual([...scenario.files].sort());
    if (!scenario.files.length) expect(readdirSync(work)).not.toContain(path.basename(out));
  });
});
