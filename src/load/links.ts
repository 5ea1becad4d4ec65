import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { errorCode, type DirEntry, type FileSystem } from './file-system.js';

/**
 * A file found in a project folder that is a symbolic link: followed when it leads to a file inside
 * the project, else reported at the file, so a file the user sees in the folder never vanishes from
 * the report without a word. A link to a folder is not followed (a folder of links could loop, or
 * pull the same files in twice): it is reported too, so what it holds never vanishes silently.
 */
export async function checkLink(fs: FileSystem, projectDir: string, entry: DirEntry, shown: string): Promise<'file' | Diagnostic> {
  const full = path.join(entry.parentPath, entry.name);
  let target: string;
  try {
    target = await fs.realpath(full);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT' && errorCode(error) !== 'ELOOP') throw error;
    return linkProblem(shown, 'broken-link', 'This file is a symbolic link to something that does not exist, so it was not read.', 'Point the link at a file inside the project, or replace it by the file itself.');
  }
  const root = await fs.realpath(projectDir);
  if (!target.startsWith(root + path.sep)) {
    return linkProblem(shown, 'link-outside-project', `This file is a symbolic link to ${target}, outside the project folder, so it was not read.`,
      'Copy the file into the project instead of linking to it: only files inside the project are read, so a build cannot be made to read anything else.');
  }
  if ((await fs.stat(full)).isFile()) return 'file';
  return linkProblem(shown, 'link-to-folder', `This is a symbolic link to the folder ${path.relative(root, target).split(path.sep).join('/')}; links to folders are not followed, so nothing in it was read.`,
    'Replace the link by the files themselves, or link each file (a link to a file inside the project is read as that file).');
}

/**
 * A folder of the project (sessions/, assets/…) or workshop.yaml that is itself a symbolic link
 * leading outside the project: reported like a file link, and not read. Undefined when it is inside
 * (or missing).
 */
export async function checkFolderLink(fs: FileSystem, projectDir: string, sub: string): Promise<Diagnostic | undefined> {
  let target: string;
  try {
    target = await fs.realpath(path.join(projectDir, sub));
  } catch {
    return undefined;
  }
  const root = await fs.realpath(projectDir);
  if (target === root || target.startsWith(root + path.sep)) return undefined;
  return linkProblem(sub, 'link-outside-project', `This is a symbolic link to ${target}, outside the project folder, so nothing in it was read.`,
    'Copy it into the project instead of linking to it: only files inside the project are read, so a build cannot be made to read anything else.');
}

function linkProblem(file: string, code: 'broken-link' | 'link-outside-project' | 'link-to-folder', message: string, hint: string): Diagnostic {
  const start = { line: 1, column: 1, offset: 0 };
  return { code, severity: 'error', stage: 'load', message, hint, location: { file, start, end: start } };
}
