import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// The package root, from src/ (tests), dist/ (tsc) or lib/ (the bundle the bin runs): all sit one level below it.
const ROOT = new URL('../', import.meta.url);

/** Absolute path of a file shipped with the package (schemas/, templates/, data/). */
export function bundledPath(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

/** Reads a file shipped with the package. Bundled files are part of the program, not user input. */
export function readBundled(relative: string): string {
  return readFileSync(new URL(relative, ROOT), 'utf8');
}
