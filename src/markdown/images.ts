/**
 * Why the report cannot show an image the Markdown names by `url`, or undefined when it can: only
 * a path inside the project is read (no scheme such as http:, not absolute, no ".." segment).
 */
export type ImageUrlRefusal = 'remote' | 'url' | 'absolute' | 'dot-dot';

export function imageUrlRefusal(url: string): ImageUrlRefusal | undefined {
  if (/^https?:/i.test(url)) return 'remote';
  // C:\Users\me\photo.jpg: a Windows path, not a URL whose scheme is “C:”.
  if (/^[a-z]:[\\/]/i.test(url)) return 'absolute';
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return 'url';
  if (url.startsWith('/') || url.startsWith('\\')) return 'absolute';
  if (url.split(/[/\\]/).includes('..')) return 'dot-dot';
  return undefined;
}

/** An image the report keeps: a path inside the project (no scheme, not absolute, no ".."); others become their alt text. */
export function isSafeImage(url: string): boolean {
  return imageUrlRefusal(url) === undefined;
}
