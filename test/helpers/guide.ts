import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { PluralForms } from '../../shared/i18n/index.ts';
import { repoRoot } from './cli.ts';

/** The user guides, and the folder of the screenshots they embed (docs/user-guide/NAME.png). */
export const GUIDE = {
  ru: join(repoRoot, 'docs', 'user-guide.ru.md'),
  en: join(repoRoot, 'docs', 'user-guide.en.md'),
  shots: join(repoRoot, 'docs', 'user-guide'),
};

/**
 * Where this run writes its screenshots: into the guide's own folder with JURYBOX_GUIDE_SHOTS=1
 * (`npm run guide`, then commit them), otherwise beside the other test output, so that `npm test`
 * leaves the committed pictures as they are (keys, times and paths differ from run to run).
 */
export const shotsDir = process.env.JURYBOX_GUIDE_SHOTS === '1' ? GUIDE.shots : join(repoRoot, 'test-results', 'guide');

/** Every screenshot is taken at this size, so the guide's pictures match one another. */
export const GUIDE_VIEWPORT = { width: 1280, height: 800 };

/** One screenshot of the guide and the labels the screen showed when it was taken. */
export interface GuideShot {
  name: string;
  labels: string[];
}

/** The screenshots taken in this run, in order. */
export const taken: GuideShot[] = [];

/** Text as compared: whitespace squeezed, and lower case (innerText applies CSS capitals). */
const squeeze = (text: string): string => text.replace(/\s+/g, ' ').toLocaleLowerCase('ru');

/** Waits until the page's visible text holds `label`: a heading, a button, a field's label, a message. */
export async function shows(page: Page, label: string, timeout = 10_000): Promise<void> {
  const wanted = squeeze(label);
  const until = Date.now() + timeout;
  let text = '';
  while (Date.now() < until) {
    text = squeeze(await page.locator('body').innerText());
    if (text.includes(wanted)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`The screen does not show «${label}». It shows:\n${text.slice(0, 2000)}`);
}

/**
 * Checks that the screen shows each of `labels` (the words the guide quotes for this step), then
 * saves the screenshot the guide embeds: the viewport, scrolled so that `top` (if given) is at the
 * top, or the whole page.
 */
export async function shot(page: Page, name: string, labels: string[], options: { top?: Locator; fullPage?: boolean } = {}): Promise<void> {
  for (const label of labels) await shows(page, label);
  if (options.top) {
    // The element at the top, with a little room above it.
    await options.top.evaluate((el: { scrollIntoView(options: { block: 'start' }): void; ownerDocument: { defaultView: { scrollBy(x: number, y: number): void } | null } }) => {
      el.scrollIntoView({ block: 'start' });
      el.ownerDocument.defaultView?.scrollBy(0, -16);
    });
  } else {
    await page.evaluate('window.scrollTo(0, 0)');
  }
  mkdirSync(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: options.fullPage ?? false, animations: 'disabled', caret: 'hide' });
  taken.push({ name, labels });
}

/** The images a guide embeds, by name: `![…](user-guide/NAME.png)`. */
export function embeddedShots(markdown: string): string[] {
  return [...markdown.matchAll(/!\[[^\]]*\]\(user-guide\/([\w-]+)\.png\)/g)].map((m) => m[1] ?? '');
}

/**
 * The part of a guide that explains a screenshot: from the heading above its image to the next
 * heading of any level.
 */
export function sectionOf(markdown: string, name: string): string | null {
  const at = markdown.indexOf(`(user-guide/${name}.png)`);
  if (at < 0) return null;
  const before = markdown.lastIndexOf('\n#', at);
  const after = markdown.indexOf('\n#', at);
  return markdown.slice(before < 0 ? 0 : before, after < 0 ? undefined : after);
}

/** What is wrong between a guide and the screenshots taken: images missing, or labels the text does not quote. */
export function guideProblems(path: string, shots: GuideShot[], withLabels: boolean): string[] {
  const markdown = readFileSync(path, 'utf8');
  const problems: string[] = [];
  for (const { name, labels } of shots) {
    const section = sectionOf(markdown, name);
    if (section === null) {
      problems.push(`${name}.png is not embedded`);
      continue;
    }
    if (!withLabels) continue;
    for (const label of labels) if (!squeeze(section).includes(squeeze(label))) problems.push(`the text around ${name}.png does not quote «${label}»`);
  }
  return problems;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The **bold** phrases of a guide that no message of `catalog` says: in the guides bold is kept for
 * what the screen shows (sections, buttons, fields, messages), so each must be a message, a part of
 * one, or one with its {placeholders} filled in.
 */
export function labelsNotInCatalog(markdown: string, catalog: Record<string, string | PluralForms>): string[] {
  const texts = Object.values(catalog).flatMap((m) => (typeof m === 'string' ? [m] : Object.values(m).filter((v): v is string => typeof v === 'string')));
  const filled = texts.map((m) => new RegExp(`^${m.split(/\{\w+\}/).map(escapeRegExp).join('.+')}$`, 's'));
  const bold = [...new Set([...markdown.matchAll(/\*\*([^*]+?)\*\*/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' ')))];
  return bold.filter((label) => !texts.some((m) => m.includes(label)) && !filled.some((re) => re.test(label)));
}
