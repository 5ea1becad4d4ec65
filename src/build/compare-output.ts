import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nodeFs } from '../load/file-system.js';
import { compareFile, MANIFEST, readManifestFile, refuseFileInTheWay, refuseOtherProject, type OutputFile } from './publish.js';

export interface OutputProblem {
  kind: 'missing' | 'differs' | 'stale';
  file: string;
}

/**
 * For `build --check`: what publishing these files would change in the output folder. Reads only.
 * An output folder that is a file, or under one, or that holds another project's reports (`project`:
 * the folder of the project built), is the setup error a build gives (not every file missing or left over).
 * `programmeWorkshop`: the folder is a workshop's of a programme (see refuseFileInTheWay).
 */
export async function compareOutput(outDir: string, files: readonly OutputFile[], project?: string, options: { programmeWorkshop?: boolean } = {}): Promise<{ problems: OutputProblem[] }> {
  await refuseFileInTheWay(outDir, nodeFs, options.programmeWorkshop);
  const manifest = await readManifestFile(nodeFs, path.join(outDir, MANIFEST));
  if (project !== undefined) await refuseOtherProject(nodeFs, outDir, manifest?.project, project);
  const problems: OutputProblem[] = [];
  for (const file of files) {
    const found = await compareFile(nodeFs, path.join(outDir, file.path), file.content);
    if (found !== 'same') problems.push({ kind: found, file: file.path });
  }
  const expected = new Set(files.map((file) => file.path));
  for (const file of manifest?.files ?? []) {
    if (!expected.has(file)) problems.push({ kind: 'stale', file });
  }
  return { problems };
}

/**
 * `build --check`'s differences as problems, for the machine reporters (JSON, GitHub annotations):
 * one error per file, `output-not-up-to-date`, at the output file (`outFolder`: the output folder
 * relative to the project, as every path of a problem is). Pure.
 */
export function outputDiagnostics(problems: readonly OutputProblem[], outFolder: string): Diagnostic[] {
  const at = { line: 1, column: 1, offset: 0 };
  const what = { missing: 'is missing: the notes give it', differs: 'differs from what the notes give', stale: 'is no longer made from the notes' } as const;
  return problems.map((problem) => {
    const file = path.posix.join(outFolder.split(path.sep).join('/'), problem.file);
    return {
      code: 'output-not-up-to-date', severity: 'error', stage: 'publish',
      message: `${file} ${what[problem.kind]}.`,
      location: { file, start: at, end: at },
      hint: 'Run `workshop-report build` and commit the result.',
    };
  });
}
