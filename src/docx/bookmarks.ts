import { createHash } from 'node:crypto';

/**
 * A heading's anchor (its GitHub slug, the one the Markdown's links use) as a Word bookmark name:
 * letters, digits and underscores, starting with a letter, at most 40 characters (Word renames or
 * drops others). A slug of lowercase letters, digits and hyphens reads as itself (`h_session_3_…`);
 * any other (accents, underscores, more than 40 characters) keeps its start and ends with a short
 * hash of the whole, so two anchors never share a name. Pure: a link in another document gets the
 * same name.
 */
export function bookmarkName(slug: string): string {
  const plain = `h_${slug.normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9]+/g, '_')}`;
  if (/^[a-z0-9-]*$/.test(slug) && plain.length <= 40) return plain;
  const hash = createHash('sha1').update(slug).digest('hex').slice(0, 8);
  return `${plain.slice(0, 31)}_${hash}`;
}
