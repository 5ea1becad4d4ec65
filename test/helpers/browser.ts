import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/**
 * Chromium as the tests drive it: $CHROMIUM_PATH, else Debian's `chromium` (which .ci/run installs
 * when it is missing). Not finding one fails the test: a browser test that quietly skips tests nothing.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, ...['chromium', 'chromium-browser', 'google-chrome'].map(which)];
  const found = candidates.find((candidate): candidate is string => Boolean(candidate && existsSync(candidate)));
  if (!found) throw new Error('No Chromium found: install Debian\'s `chromium` (.ci/run does) or set CHROMIUM_PATH.');
  return found;
}

function which(command: string): string | undefined {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

export function launchChromium(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    // As root in CI containers Chromium needs --no-sandbox; the pages are our own.
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update'],
  });
}
