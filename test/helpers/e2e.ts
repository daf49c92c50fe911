import type { TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { startServe, type RunningServe } from './cli.ts';
import { tempDir } from './temp.ts';

/**
 * A file for a file input, by content: Chromium drops non-ASCII paths under the C locale CI runs
 * in, so tests hand over bytes and a name rather than a path.
 */
export const fileUpload = (name: string, buffer: Buffer) => ({ name, mimeType: 'application/octet-stream', buffer });

/** Opens a section of the workspace from its navigation bar. */
export async function section(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Разделы рабочей области' }).getByRole('link', { name, exact: true }).click();
}

/** `jurybox serve` with its own app data folder, and a Chromium page at its address; both end with the test. */
export async function openInBrowser(t: TestContext, options: { home?: string; args?: string[] } = {}): Promise<{ serve: RunningServe; page: Page }> {
  const serve = await startServe(options.args ?? [], { JURYBOX_HOME: options.home ?? tempDir(t) });
  t.after(() => serve.stop());
  const browser = await launchBrowser(t);
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(serve.url);
  return { serve, page };
}
