import { describe, expect, it } from 'vitest';
import { addressOf, requestedFile } from '../../src/preview/request-path.js';

describe('requestedFile: the file an address asks for, never outside the site', () => {
  it.each([
    ['/', ''],
    ['/public/', 'public/'],
    ['/public/report.html', 'public/report.html'],
    ['/public/report.html?x=1#top', 'public/report.html'],
    ['/countries/C%C3%B4te.html', 'countries/Côte.html'],
  ])('%s → %s', (url, file) => {
    expect(requestedFile(url)).toBe(file);
  });

  it.each([
    '/../package.json', '/public/../../etc/passwd', '/%2e%2e/package.json', '/%2E%2E/package.json', '/..%2fpackage.json',
    '/public/..%2f..%2fpackage.json', '/.%2e/x', '/public/%2e/report.html', '/a%5c..%5cb', '/a%00.html', '/%E0%A4%A', '//etc/passwd', 'report.html', '/a//b',
  ])('refuses %s', (url) => {
    expect(requestedFile(url)).toBeUndefined();
  });

  it('makes an address of a path again', () => {
    expect(addressOf('countries/Côte d’Ivoire/')).toBe('/countries/C%C3%B4te%20d%E2%80%99Ivoire/');
    expect(requestedFile(addressOf('countries/Côte d’Ivoire/'))).toBe('countries/Côte d’Ivoire/');
  });
});
