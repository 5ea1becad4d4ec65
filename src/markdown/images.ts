/** An image the report keeps: a path inside the project (no scheme, not absolute, no ".."); others become their alt text. */
export function isSafeImage(url: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(url) && !url.startsWith('/') && !url.split('/').includes('..');
}
