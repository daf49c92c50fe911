/** Accessibility checks for the e2e tests: axe-core on the page, and what focus looks like (the page's DOM, so kept with the e2e tests). */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** What the product promises (WCAG 2.1, levels A and AA), as axe-core tags its rules. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** The impacts that fail a screen: "no serious axe-core violations" (product brief, §8). */
const FAILING = new Set(['serious', 'critical']);

/**
 * Runs axe-core on the page as it is and returns each serious or critical violation as text that
 * says what to fix: the rule, its help, and every offending element with its HTML.
 */
export async function axeViolations(page: Page, where: string): Promise<string[]> {
  // Legacy mode runs axe in the page alone: the app has no frames, and the default mode would open
  // a blank page in the context for each run. Playwright evaluates through the DevTools protocol,
  // which the page's CSP (script-src 'self') does not govern, so no bypassCSP is needed.
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze();
  return results.violations
    .filter((v) => FAILING.has(v.impact ?? ''))
    .map((v) => {
      const nodes = v.nodes.map((n) => `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 300)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `[${where}] ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}\n${nodes.join('\n')}`;
    });
}

/** How the focused element shows it has focus, read from its computed style (and its label's, for a hidden file input). */
export interface FocusLook {
  /** Tag, id, text or label: enough to find the element. */
  what: string;
  /** The element (or the label it sits in) takes up room on the page and is not hidden. */
  visible: boolean;
  /** An outline at least 2px wide, or a box shadow, in the focused state. */
  indicated: boolean;
  /** The outline's colour against the background behind it, as a contrast ratio (0 without an outline). */
  contrast: number;
}

/** Reads how the element that has focus looks. */
export function focusLook(page: Page): Promise<FocusLook | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return null;
    // A file input hidden inside a label styled as a button shows focus on the label (:focus-within).
    const shown: HTMLElement = el.closest('label.button-like') ?? el;
    const style = getComputedStyle(shown);
    const box = shown.getBoundingClientRect();
    const visible = box.width >= 4 && box.height >= 4 && style.visibility !== 'hidden' && style.display !== 'none' && Number(style.opacity) > 0.1;
    const width = Number.parseFloat(style.outlineWidth) || 0;
    const outlined = style.outlineStyle !== 'none' && width >= 2;
    const shadowed = style.boxShadow !== 'none' && style.boxShadow !== '';
    const rgb = (colour: string): [number, number, number, number] => {
      const m = /rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)/.exec(colour);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : [0, 0, 0, 0];
    };
    const luminance = ([r, g, b]: [number, number, number, number]) => {
      const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
    };
    // What the outline is drawn on: the first opaque background among the ancestors, or every
    // colour of the first gradient (the ceremony's ground), whichever comes first.
    let behind: [number, number, number, number][] = [[255, 255, 255, 1]];
    for (let node = shown.parentElement; node; node = node.parentElement) {
      const own = getComputedStyle(node);
      const stops = [...own.backgroundImage.matchAll(/rgba?\([^)]*\)/g)].map((m) => rgb(m[0]));
      if (stops.length > 0) {
        behind = stops;
        break;
      }
      const colour = rgb(own.backgroundColor);
      if (colour[3] > 0.5) {
        behind = [colour];
        break;
      }
    }
    const ratio = (a: number, b: number) => (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    const ring = luminance(rgb(style.outlineColor));
    const label = el.getAttribute('aria-label') ?? (el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? el.labels?.[0]?.textContent : null) ?? el.textContent ?? '';
    return {
      what: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} «${label.trim().slice(0, 60)}»`,
      visible,
      indicated: outlined || shadowed,
      contrast: outlined ? Math.min(...behind.map((c) => ratio(ring, luminance(c)))) : 0,
    };
  });
}

/** What `document.activeElement` is, in short: 'body' when focus is on no control. */
const activeTag = (page: Page) => page.evaluate(() => (document.activeElement === document.body || !document.activeElement ? 'body' : document.activeElement.tagName.toLowerCase()));

/**
 * Tabs through the page from its top (reached by Shift+Tab until focus leaves the controls) to its
 * end, or `max` stops, and says of every stop where focus is not visible: on an element that is not
 * shown, with no outline or shadow, or with an outline of less than 3:1 against what is behind it
 * (WCAG 2.4.7 and 1.4.11). Returns the number of stops and the problems.
 */
export async function tabThrough(page: Page, where: string, max = 120): Promise<{ stops: number; problems: string[] }> {
  for (let back = 0; back < 60 && (await activeTag(page)) !== 'body'; back += 1) await page.keyboard.press('Shift+Tab');
  const problems: string[] = [];
  let stops = 0;
  let first: string | null = null;
  for (; stops < max; stops += 1) {
    await page.keyboard.press('Tab');
    const look = await focusLook(page);
    // The end: focus leaves the controls, or comes round to the first again.
    if (look === null || look.what === first) break;
    first ??= look.what;
    if (!look.visible) problems.push(`[${where}] focus on an element that is not shown: ${look.what}`);
    else if (!look.indicated) problems.push(`[${where}] no outline or shadow when focused: ${look.what}`);
    else if (look.contrast < 3 && look.contrast !== 0) problems.push(`[${where}] focus outline contrast ${look.contrast.toFixed(2)}:1 (under 3:1): ${look.what}`);
  }
  return { stops, problems };
}
