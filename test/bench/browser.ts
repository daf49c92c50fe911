import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, chromiumPath } from '../helpers/browser.ts';
import { repoRoot, startServe } from '../helpers/cli.ts';
import { trackApi } from '../helpers/e2e.ts';
import { PAGE_SCRIPT } from './in-page.ts';
import { NOMINATION } from './synthetic.ts';
import { now, summarise, type Summary } from './stats.ts';

/** One list render: its rows committed to the DOM, and the frame after, in ms from the route change (or navigation start). */
export interface ListRender {
  renderedMs: number;
  paintedMs: number;
  /** Rows the screen rendered, of `total` entries in the list (a long list shows its first rows, more on request). */
  rows: number;
  total: number;
  /** When the last of the app's script files had come (of those fetched since the start), in ms from the same start. */
  scriptsMs: number | null;
  /** The API calls the screen made, in ms from the same start. */
  api: { channel: string; start: number; end: number }[];
  /** Where the renderer's main thread spent the time meanwhile (Chromium's Performance metrics), ms. */
  work?: Work;
}

export interface Work {
  script: number;
  style: number;
  layout: number;
  task: number;
}

/** Chromium's cumulative main-thread durations, to tell script from style and layout. */
async function work(cdp: CDPSession): Promise<Work> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration'), task: get('TaskDuration') };
}

const delta = (a: Work, b: Work): Work => ({ script: b.script - a.script, style: b.style - a.style, layout: b.layout - a.layout, task: b.task - a.task });

export interface BrowserResult {
  entries: number;
  chromium: string;
  /** The list of a nomination's entries (EntriesScreen: all of them loaded, the first rows shown), after a route change: the first time, then again. */
  entriesList: ListRender[];
  /**
   * The same list opened at its address, from navigation start, after the earlier tabs have closed:
   * in a fresh browser profile (nothing cached: the address opened for the first time); in a new tab
   * of the profile that has the app's files cached; and that tab reloaded three times.
   */
  entriesListFirst: ListRender;
  entriesListTab: ListRender;
  entriesListReload: ListRender[];
  /** The expert's search-and-filter list (MyEntriesScreen: all entries loaded, the first matches shown), after a route change. */
  mineList: ListRender[];
  /** Filter keystrokes in the search box of the expert's list: keydown to the frame that shows the filtered list. */
  keystrokes: Summary;
  /** The same keystrokes: keydown to the frame that shows the character in the box. */
  keystrokeInput: Summary;
  keystrokeSamples: { key: string; ms: number; inputMs: number; shown: number }[];
  /** Main-thread time over all the keystrokes (and the pauses between them). */
  keystrokeWork: Work;
  buildMs: number;
}

const VIEWPORT = { width: 1280, height: 900 };

const KEYS = ['1', '2', '3', 'Backspace', 'Backspace', 'Backspace', '0', '4', 'Backspace', 'Backspace'];

/** Goes to `hash` and waits for the screen's list `list` (as named in its jurybox:list-committed mark) of `total` entries. */
async function route(page: Page, cdp: CDPSession, hash: string, list: string, total: number): Promise<ListRender> {
  const before = await work(cdp);
  const render = (await page.evaluate(`window.__bench.route(${JSON.stringify(hash)}, ${JSON.stringify(list)}, ${total})`)) as ListRender;
  return { ...render, work: delta(before, await work(cdp)) };
}

/**
 * Back to the start screen (a few light calls), settled, before the next measured route change.
 * Not the key or submit screens: both ask for submit:status, which opens and checks the whole package.
 */
async function away(page: Page, idle: () => Promise<void>): Promise<void> {
  await page.evaluate('location.hash = "#/"');
  await idle();
}

async function keystrokes(page: Page): Promise<BrowserResult['keystrokeSamples']> {
  const samples: BrowserResult['keystrokeSamples'] = [];
  await page.focus('input[type=search]');
  for (const key of KEYS) {
    const before = (await page.evaluate('window.__bench.keys.samples.length')) as number;
    await page.keyboard.press(key);
    // Polled with evaluate: waitForFunction compiles its predicate in the page, which the app's CSP refuses.
    for (let waited = 0; ((await page.evaluate('window.__bench.keys.samples.length')) as number) <= before; waited += 20) {
      if (waited > 30_000) throw new Error(`no frame after the keystroke ${key}`);
      await page.waitForTimeout(20);
    }
    const sample = (await page.evaluate(`window.__bench.keys.samples[${before}]`)) as { ms: number; inputMs: number; shown: number; status: string };
    if (Number.isNaN(sample.ms)) throw new Error(`the keystroke ${key}: ${sample.status}`);
    samples.push({ key, ms: sample.ms, inputMs: sample.inputMs, shown: sample.shown });
    await page.waitForTimeout(200);
  }
  return samples;
}

/**
 * The expert's entry list in Chromium, through the browser host (`jurybox serve --workspace`) on
 * an expert's workspace whose nomination holds `entries` entries, all assigned to that expert.
 */
export async function browserPhase(args: { workspacePath: string; home: string; entries: number }): Promise<BrowserResult> {
  // `jurybox serve` builds the UI when it is stale; built here first so the wait for its address stays short.
  const build = now();
  const built = spawnSync(process.execPath, [join(repoRoot, 'build/build.ts'), 'renderer'], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (built.status !== 0) throw new Error('node build/build.ts renderer failed');
  const buildMs = now() - build;
  const serve = await startServe(['--workspace', args.workspacePath], { JURYBOX_HOME: args.home });
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
    const listHash = `#/entries/${NOMINATION}/-`;
    const context = await browser.newContext({ viewport: VIEWPORT });
    const page = await context.newPage();
    const { idle } = trackApi(page);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.addInitScript({ content: PAGE_SCRIPT });
    await page.goto(`${serve.url}#/`);
    await idle();
    const entriesList: ListRender[] = [];
    for (let i = 0; i < 3; i += 1) {
      await away(page, idle);
      entriesList.push(await route(page, cdp, listHash, 'entries', args.entries));
    }
    const mineList: ListRender[] = [];
    for (let i = 0; i < 3; i += 1) {
      await away(page, idle);
      mineList.push(await route(page, cdp, '#/mine', 'mine', args.entries));
    }
    await idle();
    const typing = await work(cdp);
    const samples = await keystrokes(page);
    const keystrokeWork = delta(typing, await work(cdp));

    await page.close();
    /** Opens a new tab at the list's address (then reloads it `reloads` times), timing each from navigation start. */
    const opened = async (tab: Page, reloads: number): Promise<ListRender[]> => {
      const cdp = await tab.context().newCDPSession(tab);
      await cdp.send('Performance.enable');
      await tab.addInitScript({ content: `${PAGE_SCRIPT}\nwindow.__bench.watchCold('entries', ${args.entries});` });
      const renders: ListRender[] = [];
      for (let i = 0; i <= reloads; i += 1) {
        const opening = await work(cdp);
        await (i === 0 ? tab.goto(`${serve.url}${listHash}`) : tab.reload());
        const render = (await tab.evaluate('window.__bench.cold')) as ListRender;
        renders.push({ ...render, work: delta(opening, await work(cdp)) });
      }
      await tab.close();
      return renders;
    };
    // A browser context of its own: nothing in its cache, as when the address is first opened.
    const [entriesListFirst] = await opened(await browser.newPage({ viewport: VIEWPORT }), 0);
    // The app's own context, its files cached: a new tab (a renderer process to start), then reloads of it.
    const [entriesListTab, ...entriesListReload] = await opened(await context.newPage(), 3);
    if (!entriesListFirst || !entriesListTab) throw new Error('no render of the list opened at its address');
    return {
      entries: args.entries,
      chromium: browser.version(),
      entriesList,
      entriesListFirst,
      entriesListTab,
      entriesListReload,
      mineList,
      keystrokes: summarise(samples.map((s) => s.ms)),
      keystrokeInput: summarise(samples.map((s) => s.inputMs)),
      keystrokeSamples: samples,
      keystrokeWork,
      buildMs,
    };
  } finally {
    await browser?.close();
    await serve.stop();
  }
}
