import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { warmState } from '../../src/build/warm.js';
import { createPreviewServer } from '../../src/preview/server.js';
import { openPreviewBuilds, type PreviewBuilds } from '../../src/preview/session.js';
import { EXAMPLE, copyTree, remove, tempDir } from '../helpers/run-cli.js';

/** GET over plain HTTP, as a browser following a link would. */
function get(address: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(address, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { body += chunk; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** The language switch's links on a page: each one's address, resolved against the page's, and its words. */
function switches(page: string, body: string): Array<{ href: string; language: string; text: string }> {
  return [...body.matchAll(/<a href="([^"]+)" hreflang="([a-z]+)" lang="\2">([^<]+)<\/a>/g)].map((m) => ({ href: new URL(m[1]!, page).href, language: m[2]!, text: m[3]! }));
}

describe('the preview serves the language switch and the entry page', () => {
  const work = tempDir('wr-preview-languages-');
  const dir = path.join(work, 'rabat');
  const warm = warmState();
  let builds: PreviewBuilds;
  const server = createPreviewServer(() => builds.site());
  let url = '';

  beforeAll(async () => {
    copyTree(EXAMPLE, dir);
    builds = await openPreviewBuilds(dir, {}, { cwd: work, env: {}, warm, displayPath: (file) => file });
    const built = await builds.rebuild([]);
    expect('diagnostics' in built && built.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    url = await server.listen(0);
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await builds?.close();
    await warm.pool.close();
    remove(work);
  });

  it('answers / with the entry page, whose links lead to each edition\'s site in each language, public first', async () => {
    const entry = await get(url);
    expect(entry.status).toBe(200);
    const links = switches(url, entry.body);
    expect(links.map((link) => `${link.href.slice(url.length)} ${link.text}`)).toEqual(['en/public/index.html English', 'fr/public/index.html Français', 'en/restricted/index.html English', 'fr/restricted/index.html Français']);
    for (const link of links) {
      const site = await get(link.href);
      expect(site.status, link.href).toBe(200);
      expect(site.body).toContain(`<html lang="${link.language}">`);
    }
  });

  it('leads from a page to the same page in the other language of its edition, and back', async () => {
    for (const from of ['en/public/report.html', 'en/restricted/countries/MLI.html', 'fr/public/press-release.html', 'en/public/index.html']) {
      const page = `${url}${from}`;
      const [link, ...more] = switches(page, (await get(page)).body);
      expect(more, from).toEqual([]);
      const other = from.startsWith('en/') ? 'fr' : 'en';
      expect(link, from).toEqual({ href: `${url}${other}${from.slice(2)}`, language: other, text: other === 'fr' ? 'Français' : 'English' });
      const there = await get(link!.href);
      expect(there.status).toBe(200);
      expect(there.body).toContain(`<html lang="${other}">`);
      // The page served has the live-reload script, and its own switch leads back.
      expect(there.body).toContain('EventSource');
      expect(switches(link!.href, there.body).map((back) => back.href)).toEqual([page]);
    }
  });
});
