import path from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { WriterResult } from './writer.js';

/**
 * The one place where writers' diagnostics about generated documents are given the path the user
 * can open: the generated Markdown's, where the build publishes it (relative to the project folder),
 * with its text for the code frame. Diagnostics about other files (a theme file) pass unchanged.
 */
export function relocateWriterDiagnostics(result: WriterResult, generated: ReadonlySet<string>, projectDir: string, outDir: string, known: readonly Diagnostic[]): { diagnostics: Diagnostic[]; sources: Map<string, string> } {
  const published = (file: string) => path.relative(projectDir, path.join(outDir, file)).split(path.sep).join('/');
  const diagnostics = onceEach(result.diagnostics, known).map((d) => (d.location && generated.has(d.location.file) ? { ...d, location: { ...d.location, file: published(d.location.file) } } : d));
  const sources = new Map([...result.sources].map(([file, text]) => [generated.has(file) ? published(file) : file, text]));
  return { diagnostics, sources };
}

/**
 * An image problem is a property of the file, not of each document showing it: `validate` reported
 * it at the notes already (the same judgement), and a logo on every cover is judged once here.
 */
function onceEach(diagnostics: readonly Diagnostic[], known: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set(known.filter((d) => d.code === 'image').map((d) => `${d.message}\0${d.actual}`));
  return diagnostics.filter((d) => {
    if (d.code !== 'image') return true;
    const key = `${d.message}\0${d.actual}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
