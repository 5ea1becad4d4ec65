import { request } from 'node:http';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPreviewServer, localHost, type PreviewSite } from '../../src/preview/server.js';
import { EVENTS_PATH } from '../../src/preview/live-reload.js';
import { remove, tempDir } from '../helpers/run-cli.js';

/** A plain HTTP request with the headers a browser, or an attacker's page, would send. */
function get(port: number, rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: rawPath, method, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the preview server', () => {
  const work = tempDir('wr-preview-server-');
  const root = path.join(work, 'site');
  let site: PreviewSite;
  const server = createPreviewServer(() => site);
  let port = 0;
  let url = '';

  beforeAll(async () => {
    mkdirSync(path.join(root, 'public/fonts'), { recursive: true });
    writeFileSync(path.join(root, 'public/index.html'), '<!doctype html><html><body><p>Index</p></body></html>');
    writeFileSync(path.join(root, 'public/report.html'), '<!doctype html><html><body><p>Report</p></body></html>');
    writeFileSync(path.join(root, 'public/style.css'), 'body {}');
    writeFileSync(path.join(root, 'public/fonts/a.woff2'), 'font');
    writeFileSync(path.join(root, 'manifest.json'), '{"unlisted": true}');
    writeFileSync(path.join(work, 'secret.txt'), 'SECRET');
    symlinkSync(path.join(work, 'secret.txt'), path.join(root, 'public/linked.html'));
    site = { version: 3, root, files: new Set(['public/index.html', 'public/report.html', 'public/style.css', 'public/fonts/a.woff2', 'public/linked.html']) };
    url = await server.listen(0);
    port = Number(new URL(url).port);
  });
  afterAll(async () => {
    await server.close();
    remove(work);
  });

  it('listens on the loopback address and serves the build, with the live-reload script in pages only', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(port, '/public/report.html');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toMatch(/<p>Report<\/p><script>[\s\S]*EventSource[\s\S]*=== 3\)[\s\S]*<\/script><\/body>/);
    const css = await get(port, '/public/style.css');
    expect(css.body).toBe('body {}');
    expect((await get(port, '/public/')).body).toContain('<p>Index</p>');
    expect((await get(port, '/public/report.html', {}, 'HEAD')).body).toBe('');
  });

  it('sends a folder to its page and the root to the first site', async () => {
    expect(await get(port, '/public')).toMatchObject({ status: 302, headers: { location: '/public/' } });
    expect(await get(port, '/')).toMatchObject({ status: 302, headers: { location: '/public/' } });
  });

  it('answers a page addressed to localhost or 127.0.0.1, on its port', async () => {
    for (const host of ['localhost', `localhost:${port}`, `127.0.0.1:${port}`]) expect((await get(port, '/public/report.html', { host })).status).toBe(200);
  });

  it('refuses a request addressed to any other host (DNS rebinding) or port', async () => {
    for (const host of ['evil.example', 'evil.example:80', '127.0.0.1.evil.example', 'localhost.evil.example', `localhost:${port + 1}`]) {
      const answer = await get(port, '/public/report.html', { host });
      expect(answer.status, host).toBe(403);
      expect(answer.body).not.toContain('Report');
    }
  });

  it('answers localhost with its port, and 127.0.0.1', () => {
    expect(localHost(`localhost:${port}`, port)).toBe(true);
    expect(localHost(`LOCALHOST:${port}`, port)).toBe(true);
    expect(localHost('127.0.0.1', port)).toBe(true);
    expect(localHost(`127.0.0.1:${port + 1}`, port)).toBe(false);
    expect(localHost(undefined, port)).toBe(false);
    expect(localHost('[::1]', port)).toBe(false);
  });

  it.each([
    ['/../secret.txt', 400], ['/%2e%2e/secret.txt', 400], ['/public/..%2f..%2fsecret.txt', 400], ['/public/%2E%2E%2F%2E%2E%2Fsecret.txt', 400],
    ['/manifest.json', 404], ['/public/fonts/', 404], ['/public/fonts', 404], ['/public/linked.html', 404], ['/secret.txt', 404], ['/public/nothing.html', 404],
  ])('serves nothing outside the build\'s files: %s → %i', async (address, status) => {
    const answer = await get(port, address);
    expect(answer.status).toBe(status);
    expect(answer.body).not.toContain('SECRET');
    expect(answer.body).not.toContain('unlisted');
    expect(answer.body).not.toContain('a.woff2');
  });

  it('takes only GET and HEAD', async () => {
    const answer = await get(port, '/public/report.html', {}, 'POST');
    expect(answer.status).toBe(405);
    expect(answer.headers.allow).toBe('GET, HEAD');
  });

  it('shows the replacement page instead of every page while the build has errors, and still serves the stylesheet', async () => {
    const good = site;
    site = { ...good, version: 4, replacement: '<!doctype html><html><body><h1>The build stopped</h1></body></html>' };
    try {
      for (const address of ['/public/report.html', '/public/', '/public/nothing.html']) {
        const answer = await get(port, address);
        expect(answer.status).toBe(200);
        expect(answer.body).toContain('<h1>The build stopped</h1>');
        expect(answer.body).toContain('=== 4)');
      }
      expect((await get(port, '/public/style.css')).body).toBe('body {}');
    } finally {
      site = good;
    }
  });

  it('tells open pages about each build, first on connecting', async () => {
    const events: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: EVENTS_PATH, headers: { host: `localhost:${port}` } }, (res) => {
        expect(res.headers['content-type']).toBe('text/event-stream; charset=utf-8');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          events.push(chunk);
          if (events.length === 1) {
            site = { ...site, version: 5 };
            server.announce();
          } else {
            req.destroy();
            resolve();
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(events).toEqual(['event: build\ndata: 3\n\n', 'event: build\ndata: 5\n\n']);
  });
});
