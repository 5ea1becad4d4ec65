import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, remove, runBin, tempDir } from '../helpers/run-cli.js';

/** The `npx workshop-report …` commands of the README's quick start, in order. */
function quickStartCommands(): string[][] {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Quick start'), readme.indexOf('\n## ', readme.indexOf('## Quick start') + 1));
  return [...section.matchAll(/npx workshop-report ([^`#\n]+)/g)].map((match) => match[1]!.trim().split(/\s+/));
}

const gitStatus = () => execFileSync('git', ['status', '--porcelain', '--untracked-files=all'], { cwd: ROOT, encoding: 'utf8' });

describe("the README's quick start", () => {
  const elsewhere = tempDir('wr-quick-');
  const written = new Set<string>();
  afterAll(() => {
    remove(elsewhere);
    for (const dir of written) remove(path.join(ROOT, dir));
  });

  it('leaves git status as it was after every command, and the golden checks passing', () => {
    const commands = quickStartCommands();
    expect(commands.some((args) => args.includes('pdf') || args.includes('md,pdf'))).toBe(true);
    const before = gitStatus();
    for (const args of commands) {
      // A new project goes next to the repository in the README; here into a temporary folder.
      const argv = args.map((arg) => (arg.startsWith('../') ? path.join(elsewhere, arg.slice(3)) : arg));
      const out = argv[argv.indexOf('-o') + 1];
      if (argv.includes('-o') && out) written.add(out.split('/')[0]!);
      const result = runBin(argv, { cwd: ROOT });
      expect(result.code, `workshop-report ${args.join(' ')}\n${result.stderr}`).toBe(0);
      expect(gitStatus(), `git status changed after workshop-report ${args.join(' ')}`).toBe(before);
    }
    const check = runBin(['build', 'examples/rabat-2022', '--check'], { cwd: ROOT });
    expect(check.code, check.stderr).toBe(0);
  });
});
