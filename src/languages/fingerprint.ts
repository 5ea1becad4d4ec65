import { createHash } from 'node:crypto';

/**
 * The short fingerprint a translation records of the source text it translates: the first 8 hex
 * digits of the SHA-256 of the text as the YAML parser gives it. A changed source, even by one
 * character, makes the translation stale. Pure.
 */
export function fingerprint(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex').slice(0, 8);
}
