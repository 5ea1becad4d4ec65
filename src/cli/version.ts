import { readBundled } from '../assets.js';

let version: string | undefined;

/** The package version, read from package.json once. */
export function toolVersion(): string {
  version ??= (JSON.parse(readBundled('package.json')) as { version: string }).version;
  return version;
}
