import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { nodeFs } from '../load/file-system.js';
import type { Format } from '../notes/types.js';
import { madeBy, recordedFormats } from './output-formats.js';
import { compareFile, MANIFEST, readManifestFile, refuseFileInTheWay, refuseOtherProject, type OutputFile } from './publish.js';

export interface OutputProblem {
  kind: 'missing' | 'differs' | 'stale';
  file: string;
}

/** A file the output folder's manifest lists that a comparison of some formats left alone: another format's. */
export interface UncheckedFile {
  file: string;
  /** The formats it was made for, as the manifest records them (or as its name tells, in a manifest written before they were recorded). */
  formats: readonly Format[];
}

/**
 * For `build --check`: what publishing these files would change in the output folder. Reads only.
 * An output folder that is a file, or under one, or that holds another project's reports (`project`:
 * the folder of the project built), is the setup error a build gives (not every file missing or left over).
 * `programmeWorkshop`: the folder is a workshop's of a programme (see refuseFileInTheWay).
 * `formats`: the formats `files` were made in (a build's `formats`). A file the manifest lists that
 * was made for none of them (an HTML page, for `--format md`) is neither stale nor compared, as a
 * build of those formats leaves it as it is: it is `unchecked`. Without `formats`, every file the
 * manifest lists is compared.
 */
export async function compareOutput(outDir: string, files: readonly OutputFile[], project?: string, options: { programmeWorkshop?: boolean; formats?: readonly Format[] } = {}): Promise<{ problems: OutputProblem[]; unchecked: UncheckedFile[] }> {
  await refuseFileInTheWay(outDir, nodeFs, options.programmeWorkshop);
  const manifest = await readManifestFile(nodeFs, path.join(outDir, MANIFEST));
  if (project !== undefined) await refuseOtherProject(nodeFs, outDir, manifest?.project, project);
  const problems: OutputProblem[] = [];
  for (const file of files) {
    const found = await compareFile(nodeFs, path.join(outDir, file.path), file.content);
    if (found !== 'same') problems.push({ kind: found, file: file.path });
  }
  const expected = new Set(files.map((file) => file.path));
  const listed = (manifest?.files ?? []).filter((file) => !expected.has(file));
  const formatsOf = recordedFormats(listed, manifest?.formats);
  const unchecked: UncheckedFile[] = [];
  for (const file of listed) {
    const formats = formatsOf.get(file);
    if (madeBy(formats, options.formats)) problems.push({ kind: 'stale', file });
    else unchecked.push({ file, formats: formats ?? [] });
  }
  return { problems, unchecked };
}

/**
 * `build --check`'s differences as problems, for the machine reporters (JSON, GitHub annotations):
 * one error per file, `output-not-up-to-date`, at the output file (`outFolder`: the output folder
 * relative to the project, as every path of a problem is). `command`: the build that brings them
 * up to date, as the hint gives it (`workshop-report build rabat-2022 --format md`). `shown`: the
 * file's path as the reporter prints the problem's file, which the message names (it named the
 * path from the project, `../out/report.md`, beside a `file` from the current folder). Pure.
 */
export function outputDiagnostics(problems: readonly OutputProblem[], outFolder: string, command = 'workshop-report build', shown: (file: string) => string = (file) => file): Diagnostic[] {
  const at = { line: 1, column: 1, offset: 0 };
  const what = { missing: 'is missing: the notes give it', differs: 'differs from what the notes give', stale: 'is no longer made from the notes' } as const;
  return problems.map((problem) => {
    const file = path.posix.join(outFolder.split(path.sep).join('/'), problem.file);
    return {
      code: 'output-not-up-to-date', severity: 'error', stage: 'publish',
      message: `${shown(file)} ${what[problem.kind]}.`,
      location: { file, start: at, end: at },
      hint: `Run \`${command}\` and commit the result.`,
    };
  });
}
