import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, copyTree, editFile, remove, runBin, tempDir, type CliResult } from '../helpers/run-cli.js';

const NNBSP = '\u202f';

// The French example with a key point that gives web addresses bare in its text, as a rapporteur
// writes them: the text after each one gets its French spacing, the addresses stay what they were.
const work = tempDir('wr-french-spacing-');
afterAll(() => remove(work));
const dir = path.join(work, 'niamey');
const POINT = "Le rapport de Rabat est en ligne, https://www.un.org/counterterrorism/rabat-2022?lang=fr : sa traduction suivra ; voir aussi www.unodc.org ?";
let result: CliResult;

beforeAll(() => {
  copyTree(path.join(ROOT, 'examples/niamey-2022'), dir);
  rmSync(path.join(dir, 'out'), { recursive: true, force: true });
  editFile(path.join(dir, 'sessions/02-strategie-nationale.yaml'), 'key_points:\n', `key_points:\n  - "${POINT}"\n`);
  result = runBin(['build', dir, '--format', 'md,html', '-q']);
}, 120_000);

describe('a French report: the text after a web address written in the notes', () => {
  it('Markdown: French spacing after each address, each address the link it was', () => {
    expect(result.code, result.stderr).toBe(0);
    const report = readFileSync(path.join(dir, 'out/report.md'), 'utf8');
    expect(report).toContain(
      `- Le rapport de Rabat est en ligne, <https://www.un.org/counterterrorism/rabat-2022?lang=fr>${NNBSP}: sa traduction suivra${NNBSP}; voir aussi [www.unodc.org](http://www.unodc.org)${NNBSP}?\n`,
    );
  });

  it('HTML: the same links, to the same addresses', () => {
    const html = readFileSync(path.join(dir, 'out/report.html'), 'utf8');
    expect(html).toContain(`<a href="https://www.un.org/counterterrorism/rabat-2022?lang=fr">https://www.un.org/counterterrorism/rabat-2022?lang=fr</a>${NNBSP}: sa traduction suivra${NNBSP}; voir aussi <a href="http://www.unodc.org">www.unodc.org</a>${NNBSP}?`);
  });
});

describe('the French example', () => {
  it('spaces a colon after bold words as after any word', () => {
    const report = readFileSync(path.join(ROOT, 'examples/niamey-2022/out/report.md'), 'utf8');
    expect(report).toContain(`**plan d'actions de suivi**${NNBSP}: chaque action`);
  });
});
