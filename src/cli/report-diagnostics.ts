import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import { formatPretty } from '../diagnostics/reporter.js';
import type { Io } from './io.js';
import type { GlobalOptions } from './run.js';
import { styleFor } from './style.js';

/** Prints diagnostics on stderr with paths relative to the current folder, so they are clickable. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, string>, projectDir: string, globals: GlobalOptions, io: Io): void {
  if (diagnostics.length === 0) return;
  const prefix = path.relative(io.cwd, projectDir).split(path.sep).join('/');
  const displayPath = (file: string) => (file.startsWith('(') || !prefix ? file : `${prefix}/${file}`);
  io.stderr.write(formatPretty(diagnostics, { style: styleFor(io, globals.color), sources, displayPath }));
}
