import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import type { BrowserContext, Locator, Page, Request } from 'playwright-core';
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

/** What the pages of one browser context asked for. */
export interface RequestLog {
  /** Every request, in order: documents, scripts, styles, fonts, images, API calls, websockets. */
  all: string[];
  /** Those that would have left the app's origin; each was aborted before it reached the network. */
  foreign: string[];
}

/** Whether a URL stays with the app: its origin, or data and blobs the page made itself. */
const staysHome = (url: string, origin: string): boolean => url.startsWith('data:') || url.startsWith(`blob:${origin}/`) || URL.parse(url)?.origin === origin;

/**
 * Records every request the pages of `context` make. A request to anywhere but `origin` is aborted
 * (so nothing leaves the machine even when the UI errs) and recorded; the test then fails, after its
 * own steps, naming each one. Service workers are blocked when the context is made, so none can
 * fetch behind the page's back.
 */
export async function guardOrigin(t: TestContext, context: BrowserContext, origin: string): Promise<RequestLog> {
  const log: RequestLog = { all: [], foreign: [] };
  const record = (url: string): boolean => {
    log.all.push(url);
    if (staysHome(url, origin)) return true;
    log.foreign.push(url);
    return false;
  };
  await context.route('**/*', (route) => (record(route.request().url()) ? route.continue() : route.abort('blockedbyclient')));
  await context.routeWebSocket(
    () => true,
    (ws) => {
      if (record(ws.url())) ws.connectToServer();
      else void ws.close({ code: 1008, reason: 'leaves the app' });
    },
  );
  t.after(() => {
    if (log.foreign.length > 0) throw new Error(`The UI asked for something outside its origin ${origin}:\n${log.foreign.join('\n')}`);
  });
  return log;
}

/**
 * `jurybox serve` with its own app data folder, and a Chromium page at its address; both end with
 * the test. Every request the page makes is recorded, and one that would leave the app's origin
 * fails the test (guardOrigin).
 */
export async function openInBrowser(t: TestContext, options: { home?: string; args?: string[] } = {}): Promise<{ serve: RunningServe; page: Page; requests: RequestLog }> {
  const serve = await startServe(options.args ?? [], { JURYBOX_HOME: options.home ?? tempDir(t) });
  t.after(() => serve.stop());
  const browser = await launchBrowser(t);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const requests = await guardOrigin(t, context, serve.origin);
  const page = await context.newPage();
  await page.goto(serve.url);
  return { serve, page, requests };
}

/** Opens a contest package from the start screen, after its fingerprint is shown: as one expert, or as the jury chair. */
export async function openPackageAs(page: Page, bytes: Buffer, who: { expertId: string } | 'chair'): Promise<void> {
  await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', bytes));
  if (who === 'chair') {
    await page.getByLabel('Кто вы').selectOption({ label: 'Председатель жюри — принять результаты экспертов и подвести итоги' });
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть как председатель' }).click();
  } else {
    await page.getByLabel('Кто вы').selectOption(who.expertId);
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть для оценки' }).click();
  }
}

/** Calls the API from the page, with the session token the page holds, as the renderer's client does. */
export function callFromPage<T>(page: Page, channel: string, input: unknown = {}): Promise<T> {
  return page.evaluate(
    async ({ channel, input }) => {
      const token = sessionStorage.getItem('jurybox.token') ?? '';
      const response = await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) });
      const reply = (await response.json()) as { ok: boolean; value: never; error?: { message: string } };
      if (!reply.ok) throw new Error(`${channel}: ${reply.error?.message}`);
      return reply.value;
    },
    { channel, input },
  );
}

/**
 * Gives every missing mark of the open expert's workspace through the API, as a fast stand-in for an
 * afternoon of scoring; `leave` entries (the last ones) stay as they are.
 */
export async function scoreTheRest(page: Page, leave = 0): Promise<void> {
  const entries = await callFromPage<{ id: string; status: string }[]>(page, 'scoring:mine');
  const open = entries.filter((e) => e.status === 'notStarted' || e.status === 'incomplete');
  for (const entry of open.slice(0, open.length - leave)) {
    const detail = await callFromPage<{ criteria: { id: string; scale: { max: number } }[] }>(page, 'scoring:entry', { entryId: entry.id });
    for (const c of detail.criteria) await callFromPage(page, 'marks:set', { entryId: entry.id, criterionId: c.id, value: c.scale.max });
  }
}

/** Chooses a key file and its passphrase in a signing form; `keyLabel` names the form's key choice. */
export async function chooseKeyFile(page: Page, keyLabel: string, keyFile: string, passphrase: string): Promise<void> {
  await page.getByLabel(keyLabel).selectOption('file');
  await page.getByLabel('Путь к файлу ключа (.key)').fill(keyFile);
  await page.getByLabel('Пароль ключа').fill(passphrase);
}

/**
 * Counts the page's API calls in flight, so a check runs on a screen that has its data, not on one
 * still loading it.
 */
export function trackApi(page: Page): { idle(): Promise<void> } {
  // Calls already under way when tracking starts were never seen to start: a set, not a count.
  const inFlight = new Set<Request>();
  page.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/') && inFlight.add(r));
  page.on('requestfinished', (r) => inFlight.delete(r));
  page.on('requestfailed', (r) => inFlight.delete(r));
  return {
    async idle() {
      // Quiet for a while: a screen's answer may set off the next call (a list, then its details).
      const until = Date.now() + 15_000;
      for (let quiet = 0; quiet < 3; ) {
        if (Date.now() > until) throw new Error(`API calls still in flight after 15 s: ${[...inFlight].map((r) => r.url()).join(', ')}`);
        await page.waitForTimeout(60);
        quiet = inFlight.size === 0 ? quiet + 1 : 0;
      }
    },
  };
}

/** Screenshots for review at both window sizes, with `what` in view, when asked (JURYBOX_SHOTS=dir). */
export async function shoot(page: Page, name: string, what: Locator): Promise<void> {
  const dir = process.env.JURYBOX_SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const [width, height] of [[1366, 768], [1920, 1080]] as const) {
    await page.setViewportSize({ width, height });
    await what.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(dir, `${name}-${width}.png`) });
  }
}
