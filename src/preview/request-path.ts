/**
 * The file a request asks for, '/'-separated without the leading '/' ('' for the root, a trailing
 * '/' for a folder); undefined when the address is malformed or tries to leave the site (`..`, also
 * encoded as `%2e%2e` or hidden in a segment as `..%2f`). Pure.
 */
export function requestedFile(url: string): string | undefined {
  const pathname = url.split(/[?#]/, 1)[0]!;
  if (!pathname.startsWith('/')) return undefined;
  const segments = pathname.slice(1).split('/');
  const decoded: string[] = [];
  for (const [index, segment] of segments.entries()) {
    let value: string;
    try {
      value = decodeURIComponent(segment);
    } catch {
      return undefined;
    }
    if (value === '..' || value === '.' || /[\\/\0]/.test(value)) return undefined;
    if (value === '' && index < segments.length - 1) return undefined;
    decoded.push(value);
  }
  return decoded.join('/');
}

/** A path back into an address. */
export function addressOf(file: string): string {
  return `/${file.split('/').map(encodeURIComponent).join('/')}`;
}
