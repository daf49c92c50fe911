import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { repoRoot } from './cli.ts';

/** Flags for Chromium here: headless, no sandbox (root), and none of its own network traffic. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];

/** The browser the e2e tests drive: CHROMIUM_PATH, else the system's Chromium (CI installs Debian's). */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? CANDIDATES.find((p) => existsSync(p));
  if (!path) throw new Error(`No Chromium found (looked for ${CANDIDATES.join(', ')}); install Debian's chromium or set CHROMIUM_PATH.`);
  return path;
}

export async function launchBrowser(t: TestContext): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  t.after(() => browser.close());
  return browser;
}

/** Screenshots the e2e run keeps under test-results/e2e/ (for review and for the user guide). */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  const dir = join(repoRoot, 'test-results', 'e2e');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
