import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { WriterResult } from './writer.js';

/**
 * The one place where writers' diagnostics about generated documents are given the path the user
 * can open: the generated Markdown's, where the build publishes it (relative to the project folder),
 * with its text for the code frame. Diagnostics about other files (a theme file) pass unchanged.
 */
export function relocateWriterDiagnostics(result: WriterResult, generated: ReadonlySet<string>, projectDir: string, outDir: string): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const published = (file: string) => path.relative(projectDir, path.join(outDir, file)).split(path.sep).join('/');
  const diagnostics = result.diagnostics.map((d) => (d.location && generated.has(d.location.file) ? { ...d, location: { ...d.location, file: published(d.location.file) } } : d));
  const sources = new Map([...result.sources].map(([file, text]) => [generated.has(file) ? published(file) : file, text]));
  return { diagnostics, sources };
}
