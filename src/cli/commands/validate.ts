import { hasErrors } from '../../diagnostics/diagnostic.js';
import { checkProject } from '../check-project.js';
import { EXIT, type Io } from '../io.js';
import { reportDiagnostics } from '../report-diagnostics.js';
import type { GlobalOptions } from '../run.js';

export async function validateCommand(options: { dir: string }, globals: GlobalOptions, io: Io): Promise<number> {
  const checked = await checkProject(options.dir, io.cwd);
  reportDiagnostics(checked.diagnostics, checked.sources, checked.dir, globals, io);
  if (hasErrors(checked.diagnostics)) return EXIT.problems;
  const { sessions } = checked.loaded;
  io.stderr.write(`${checked.diagnostics.length ? '' : 'No problems found: '}${sessions.length} session ${sessions.length === 1 ? 'file' : 'files'} checked.\n`);
  return EXIT.ok;
}
