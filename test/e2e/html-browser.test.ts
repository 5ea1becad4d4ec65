/// <reference lib="dom" />
// (The functions given to page.evaluate run in the browser.)
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { listFiles, remove, runBin, tempDir } from '../helpers/run-cli.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact: string | null; help: string; nodes: Array<{ target: unknown }> }

describe('the HTML site in a real browser', () => {
  const work = tempDir('wr-html-browser-');
  const out = path.join(work, 'out');
  let browser: Browser;
  let page: Page;
  let pages: string[] = [];

  beforeAll(async () => {
    const result = runBin(['build', 'examples/rabat-2022', '--format', 'html', '--out', out]);
    expect(result.code, result.stderr).toBe(0);
    pages = listFiles(out).filter((file) => file.endsWith('.html'));
    browser = await launchChromium();
    page = await browser.newPage();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    remove(work);
  });

  it('has every document of both editions to check', () => {
    expect(pages).toContain('en/public/report.html');
    expect(pages).toContain('fr/restricted/countries/MLI.html');
    // Per language: eight documents and the index in public (the press release only there), seven and the index in restricted; and the output folder's entry page.
    expect(pages).toContain('index.html');
    expect(pages.length).toBe(35);
  });

  /** axe-core's serious and critical violations on the page as it is now. */
  async function axeProblems(): Promise<string[]> {
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
      return (await axe.run(document, { resultTypes: ['violations'] })).violations;
    });
    return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  }

  it('passes axe-core on every page: no serious or critical violation', async () => {
    await page.setViewport({ width: 1280, height: 800 });
    const found: string[] = [];
    for (const file of pages) {
      await page.goto(pathToFileURL(path.join(out, file)).href);
      found.push(...(await axeProblems()).map((problem) => `${file}: ${problem}`));
    }
    expect(found).toEqual([]);
    // The check itself sees what it must: an image without a text alternative, added to a page.
    await page.evaluate(() => document.querySelector('main')!.append(Object.assign(document.createElement('img'), { src: 'style.css' })));
    expect((await axeProblems()).join('\n')).toContain('image-alt (critical)');
  });

  it.each([1280, 390])('reads at %i px: nothing wider than the screen but the tables\' own scrolling', async (width) => {
    await page.setViewport({ width, height: 900 });
    await page.goto(pathToFileURL(path.join(out, 'en/public/report.html')).href);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    const png = await page.screenshot({ type: 'png' });
    expect(Buffer.from(png).readUInt32BE(16)).toBe(width);
    // A long address and a long word in a paragraph and a list item wrap (the page was 1,339 px wide in a 500 px window).
    await page.evaluate(() => {
      const address = `https://example.org/${'a'.repeat(94)}/${'b'.repeat(30)}?q=1`;
      const paragraph = Object.assign(document.createElement('p'), { innerHTML: `Long address: <a href="${address}">${address}</a>; a long word: ${'x'.repeat(100)}.` });
      const item = Object.assign(document.createElement('ul'), { innerHTML: `<li>${'y'.repeat(120)}</li>` });
      document.querySelector('main')!.prepend(paragraph, item);
    });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });

  it('reaches the same page in the other language from the keyboard: the second stop after the skip link, with a visible focus ring', async () => {
    await page.setViewport({ width: 390, height: 900 });
    for (const [from, to, lang] of [['en/public/countries/MLI.html', 'fr/public/countries/MLI.html', 'fr'], ['fr/restricted/report.html', 'en/restricted/report.html', 'en']] as const) {
      await page.goto(pathToFileURL(path.join(out, from)).href);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return { text: element.textContent, hreflang: element.getAttribute('hreflang'), outline: `${style.outlineStyle} ${style.outlineWidth}`, inView: box.top >= 0 && box.right <= window.innerWidth };
      });
      expect(focused).toEqual({ text: lang === 'fr' ? 'Français' : 'English', hreflang: lang, outline: 'solid 3px', inView: true });
      await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
      expect(page.url()).toBe(pathToFileURL(path.join(out, to)).href);
      expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    }
  });

  it('loads nothing from outside the site', async () => {
    const requests: string[] = [];
    page.on('request', (request) => { requests.push(request.url()); });
    for (const file of ['en/public/index.html', 'en/public/report.html', 'fr/public/countries/GHA.html']) await page.goto(pathToFileURL(path.join(out, file)).href);
    page.removeAllListeners('request');
    expect(requests.filter((address) => !address.startsWith(pathToFileURL(out).href))).toEqual([]);
  });
}, 300_000);
