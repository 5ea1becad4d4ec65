/// <reference lib="dom" />
// (The functions given to page.evaluate run in the browser.)
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLE, copyTree, remove, tempDir } from '../helpers/run-cli.js';
import { launchChromium } from '../helpers/browser.js';

/** Resolves with the first match of `pattern` in what the stream has printed so far. */
function waitFor(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<RegExpExecArray> {
  let text = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      text += chunk.toString('utf8');
      const match = pattern.exec(text);
      if (match) {
        stream.off('data', onData);
        resolve(match);
      }
    };
    stream.on('data', onData);
    stream.once('end', () => reject(new Error(`the preview ended without printing ${pattern}:\n${text}`)));
  });
}

describe('preview, in a real browser', () => {
  const work = tempDir('wr-preview-');
  const project = path.join(work, 'rabat');
  const session = path.join(project, 'sessions/02-trends-threats.yaml');
  let child: ChildProcess;
  let browser: Browser;
  let page: Page;
  let url = '';
  let stderr = '';

  const edit = (from: RegExp, to: string) => writeFileSync(session, readFileSync(session, 'utf8').replace(from, to));
  const pageShows = (text: string) => page.waitForFunction((wanted: string) => document.body?.innerText.includes(wanted), { timeout: 30_000 }, text);

  beforeAll(async () => {
    copyTree(EXAMPLE, project);
    remove(path.join(project, 'out'));
    child = spawn(process.execPath, [BIN, 'preview', project], { stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '' } });
    child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    const started = waitFor(child.stderr!, /Watching/);
    url = (await waitFor(child.stdout!, /http:\/\/127\.0\.0\.1:\d+\//))[0];
    await started;
    browser = await launchChromium();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    if (child && child.exitCode === null) child.kill('SIGKILL');
    remove(work);
  });

  it('serves the report on 127.0.0.1 with the site\'s stylesheet and fonts', async () => {
    const response = await page.goto(`${url}en/public/report.html`);
    expect(response?.status()).toBe(200);
    expect(await page.title()).toContain('Workshop report');
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toContain('Source Sans');
    expect(await page.evaluate(() => document.fonts.check('16px "Source Sans 3"'))).toBe(true);
  });

  it('reloads by itself when a session title changes on disk, at the same scroll position', async () => {
    expect(readFileSync(session, 'utf8')).toMatch(/^title: /m);
    await page.evaluate(() => scrollTo(0, 900));
    edit(/^title: .*$/m, 'title: Trends and threats, as edited in the preview');
    await pageShows('Trends and threats, as edited in the preview');
    await page.waitForFunction(() => scrollY >= 850, { timeout: 30_000 });
  });

  it('shows the diagnostics instead of the report when the notes break, and the report again when fixed', async () => {
    const before = stderr.length;
    edit(/^date: (.*)$/m, 'date: 2022-13-45 # was $1');
    await pageShows('The build stopped: 1 error');
    expect(stderr.slice(before)).toContain('The preview shows these problems until they are fixed.');
    const text = await page.evaluate(() => document.body.innerText);
    expect(text).toMatch(/rabat\/sessions\/02-trends-threats\.yaml:\d+:7 error: “2022-13-45” is not a valid date\./);
    expect(text).toContain('date: 2022-13-45');
    expect(text).toContain('Hint: Write dates as YYYY-MM-DD');
    edit(/^date: 2022-13-45 # was (.*)$/m, 'date: $1');
    // (The diagnostics quote the title line too: the report is back when the page's title is.)
    await page.waitForFunction(() => document.title.includes('Workshop report'), { timeout: 30_000 });
    expect(await page.evaluate(() => document.body.innerText)).toContain('Trends and threats, as edited in the preview');
    // The terminal says the fix worked (it had stayed on the errors).
    while (!/Preview updated: \d+ pages at http/.test(stderr.slice(before))) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stderr.slice(before)).toMatch(new RegExp(`Preview updated: 3\\d pages at ${url.replace(/[.]/g, '\\.')}`));
  });

  it('says workshop.yaml is gone when it is moved away, on the pages and in the terminal, and builds again once it is back', async () => {
    const before = stderr.length;
    renameSync(path.join(project, 'workshop.yaml'), path.join(project, 'workshop.yaml.bak'));
    await pageShows('workshop.yaml is gone');
    while (!stderr.slice(before).includes('The preview shows this problem until it is fixed.')) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stderr.slice(before)).toContain('hint: Restore it (undo the deletion, or move or rename it back)');
    expect(stderr.slice(before)).not.toContain('workshop-report init');
    renameSync(path.join(project, 'workshop.yaml.bak'), path.join(project, 'workshop.yaml'));
    await page.waitForFunction(() => document.title.includes('Workshop report'), { timeout: 30_000 });
  });

  it('stops on Ctrl-C with exit code 130', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited, stderr).toBe(130);
  });
}, 180_000);
