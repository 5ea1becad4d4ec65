import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readManifest, type OutputFile } from './publish.js';

export interface OutputProblem {
  kind: 'missing' | 'differs' | 'stale';
  file: string;
}

/** For `build --check`: what publishing these files would change in the output folder. Reads only. */
export async function compareOutput(outDir: string, files: readonly OutputFile[]): Promise<{ problems: OutputProblem[] }> {
  const problems: OutputProblem[] = [];
  for (const file of files) {
    const current = await readFile(path.join(outDir, file.path)).catch(() => undefined);
    const expected = typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
    if (current === undefined) problems.push({ kind: 'missing', file: file.path });
    else if (!current.equals(expected)) problems.push({ kind: 'differs', file: file.path });
  }
  const expected = new Set(files.map((file) => file.path));
  for (const file of await readManifest(outDir)) {
    if (!expected.has(file)) problems.push({ kind: 'stale', file });
  }
  return { problems };
}
