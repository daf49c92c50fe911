import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import type { VenueCurrent, VenueGroup, VenueView } from '../../shared/domain/venue.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { callFromPage as api, openInBrowser } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/** The demo's signed results, opened in the session the way the venue screen opens a file, and what the venue then holds. */
async function openDemoResults(t: TestContext, lang: 'ru' | 'en'): Promise<{ page: Page; view: VenueView; ceremony: string }> {
  const demo = tempDir(t);
  assert.equal(runCli(['demo', '--out', demo]).status, 0);
  const { serve, page } = await openInBrowser(t);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.evaluate((l) => localStorage.setItem('jurybox.lang', l), lang);
  const ceremony = serve.url.replace(/\?token=.*/, '') + '#/ceremony';
  if (lang === 'en') {
    // Before any results are open, the ceremony says so and leads back.
    await page.goto(ceremony);
    await page.reload();
    await page.getByText('No results are open', { exact: false }).waitFor();
    await page.getByRole('link', { name: 'Back to protocol and awards' }).waitFor();
  }
  await api(page, 'venue:open', { fileName: 'results.jbmerged', content: readFileSync(join(demo, 'results.jbmerged')).toString('base64') });
  const current = await api<VenueCurrent | null>(page, 'venue:current');
  assert.ok(current);
  return { page, view: current.view, ceremony };
}

type Award = 'laureate' | 1 | 2 | 3;
const rankOf = (award: Award): number => (award === 'laureate' ? 0 : 4 - award);

/**
 * What a group's reveals must be, from the view alone: laureates first (one press each, or all at
 * once when there are more than three), then third, second and first place, shared places together.
 */
function expectedReveals(group: VenueGroup): { award: Award; titles: string[] }[] {
  const laureates = group.ranked.filter((e) => e.award?.kind === 'laureate').map((e) => e.title);
  const reveals: { award: Award; titles: string[] }[] =
    laureates.length > 3 ? [{ award: 'laureate', titles: laureates }] : laureates.toReversed().map((title) => ({ award: 'laureate', titles: [title] }));
  for (const place of [3, 2, 1] as const) {
    const titles = group.ranked.filter((e) => e.award?.kind === 'place' && e.award.place === place).map((e) => e.title);
    if (titles.length > 0) reveals.push({ award: place, titles });
  }
  return reveals;
}

/** What the ceremony shows and says right now. */
function shown(page: Page) {
  return page.evaluate(() => ({
    heading: document.querySelector('main h1')?.textContent ?? '',
    live: document.querySelector('[aria-live="polite"]')?.textContent ?? '',
    progress: document.querySelector('.ceremony-progress')?.textContent ?? '',
    awards: [...document.querySelectorAll('.ceremony-awards > li')].map((li) => ({
      label: li.querySelector('.ceremony-award-label')?.textContent ?? '',
      titles: [...li.querySelectorAll('.ceremony-entry')].map((e) => e.textContent ?? ''),
      newest: li.classList.contains('newest'),
    })),
    scores: [...document.querySelectorAll('.ceremony-score')].map((e) => e.textContent ?? ''),
    text: document.querySelector('main')?.textContent ?? '',
  }));
}

/** A screenshot once the reveal's animation has played out. */
async function keepSlide(page: Page, name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await keepScreenshot(page, name);
}

const ruLabel: Record<Award, string> = { laureate: 'Лауреат', 1: '1 место', 2: '2 место', 3: '3 место' };

describe('award ceremony in the browser host', () => {
  it('walks the demo ceremony by keyboard alone: every group, laureates before third, second and the winner, scores on demand, back and forth', async (t) => {
    const { page, view, ceremony } = await openDemoResults(t, 'ru');
    assert.equal(view.groups.length, 5);
    const reveals = view.groups.map(expectedReveals);
    const total = 2 + reveals.reduce((sum, r) => sum + 1 + r.length, 0);
    const step = (n: number) => `Шаг ${n} из ${total}`;
    let at = 1;
    const nextKeys = ['ArrowRight', 'Space', 'PageDown', 'Enter'];
    /** One key press, and the step it must lead to. */
    const press = async (key: string, to: number) => {
      await page.keyboard.press(key);
      await page.locator('.ceremony-progress', { hasText: step(to) }).waitFor();
      at = to;
      return shown(page);
    };

    // The opening: the contest, its year and place; the band and the demo label; no click needed.
    await page.goto(ceremony);
    await page.getByRole('heading', { level: 1, name: view.contest.title }).waitFor();
    let now = await shown(page);
    assert.match(now.progress, new RegExp(step(1)));
    assert.match(now.text, new RegExp(`${view.contest.title} · ${view.contest.year}`));
    assert.match(now.text, /Демонстрационный конкурс/);
    assert.ok(now.text.includes(view.contest.place ?? ''));
    assert.equal(now.live, `${view.contest.title}, ${view.contest.year}. Церемония награждения.`);
    await page.getByRole('button', { name: 'Во весь экран' }).waitFor();
    assert.equal(await page.getByRole('button', { name: 'Отдельное окно' }).count(), 0, 'a browser has no separate window');
    await keepSlide(page, '40-ceremony-1-opening');

    for (const [g, group] of view.groups.entries()) {
      // The group's title alone, with no award yet.
      now = await press(nextKeys[at % nextKeys.length] ?? 'ArrowRight', at + 1);
      assert.equal(now.heading, group.categoryTitle ? `${group.nominationTitle}: ${group.categoryTitle}` : group.nominationTitle);
      assert.ok(now.live.startsWith(group.title), now.live);
      assert.deepEqual(now.awards, []);

      const seen: Award[] = [];
      for (const [r, expected] of reveals[g]!.entries()) {
        now = await press(nextKeys[at % nextKeys.length] ?? 'ArrowRight', at + 1);
        const label = expected.award === 'laureate' && expected.titles.length > 1 ? 'Лауреаты' : ruLabel[expected.award];
        assert.equal(now.live, `${label}: ${expected.titles.join('; ')}`);
        // The list builds up: every reveal so far stays, the newest on top, the others in ranking order below.
        assert.equal(now.awards.length, r + 1);
        assert.deepEqual(now.awards[0], { label: now.awards[0]!.label, titles: expected.titles, newest: true });
        assert.ok(now.awards[0]!.label.startsWith(label));
        assert.deepEqual(now.awards.slice(1).map((a) => a.newest), Array(r).fill(false));
        assert.deepEqual(now.scores, [], 'scores stay hidden until S');
        seen.push(expected.award);

        if (g === 0 && expected.award === 3) {
          // ← takes back one reveal, → brings it again; Backspace and PageUp go back too.
          const before = await press('ArrowLeft', at - 1);
          assert.equal(before.awards.length, r);
          assert.ok(!before.text.includes(expected.titles[0]!));
          now = await press('ArrowRight', at + 1);
          assert.equal(now.live, `${label}: ${expected.titles.join('; ')}`);
          await press('Backspace', at - 1);
          await press('PageDown', at + 1);
          await press('PageUp', at - 1);
          now = await press('Enter', at + 1);
          assert.equal(now.awards.length, r + 1);

          // S shows the scores (0–100) of what is revealed, and hides them again.
          await page.keyboard.press('s');
          await page.locator('[aria-live="polite"]', { hasText: 'Баллы показаны.' }).waitFor();
          now = await shown(page);
          const entries = group.ranked.filter((e) => now.awards.some((a) => a.titles.includes(e.title)));
          const points = (n: number) => `${new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 1 }).format(n)} из 100`;
          assert.deepEqual(now.scores.toSorted(), entries.map((e) => points(e.normalised ?? 0)).toSorted());
          assert.equal(await page.getByRole('button', { name: 'Баллы', pressed: true }).count(), 1);
          await keepSlide(page, '40-ceremony-2-reveal');
          await page.keyboard.press('s');
          await page.locator('[aria-live="polite"]', { hasText: 'Баллы скрыты.' }).waitFor();
          assert.deepEqual((await shown(page)).scores, []);
        }
      }

      // Laureates, then third, second and first: the winner last, marked as such, and no one without an award.
      assert.deepEqual(seen, seen.toSorted((a, b) => rankOf(a) - rankOf(b)));
      const winners = group.ranked.filter((e) => e.award?.kind === 'place' && e.award.place === 1).map((e) => e.title);
      if (group.ranked.length > 0) {
        assert.equal(seen.at(-1), 1);
        assert.deepEqual(now.awards[0]?.titles, winners);
        assert.match(now.awards[0]?.label ?? '', /Победитель/);
        const awarded = group.ranked.filter((e) => e.award !== null).map((e) => e.title);
        assert.deepEqual(now.awards.flatMap((a) => a.titles).toSorted(), awarded.toSorted());
      }
      if (g === 0) {
        assert.equal(now.live, `1 место: ${winners.join('; ')}`);
        await keepSlide(page, '40-ceremony-3-winner');
      }
    }

    // The closing, which is also the end: one more press stays there.
    now = await press('ArrowRight', total);
    assert.equal(now.heading, 'Поздравляем победителей, призёров и лауреатов!');
    assert.match(now.text, /Спасибо!/);
    await keepSlide(page, '40-ceremony-4-closing');
    await page.keyboard.press('ArrowRight');
    assert.match((await shown(page)).progress, new RegExp(step(total)));

    // Home and End; H hides the hint and the buttons, and brings them back.
    now = await press('Home', 1);
    assert.equal(now.heading, view.contest.title);
    now = await press('End', total);
    assert.equal(now.heading, 'Поздравляем победителей, призёров и лауреатов!');
    await page.keyboard.press('h');
    await page.getByText('H — подсказка').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Во весь экран' }).count(), 0);
    await page.keyboard.press('h');
    await page.getByRole('button', { name: 'Во весь экран' }).waitFor();

    // The position survives a reload.
    await press('Home', 1);
    now = await press('ArrowRight', 2);
    now = await press('ArrowRight', 3);
    await page.reload();
    await page.locator('.ceremony-progress', { hasText: step(3) }).waitFor();
    assert.equal((await shown(page)).live, now.live);
    now = await press('ArrowRight', 4);
    assert.equal(now.awards.length, 2, 'keys work at once after the reload');

    // Esc (not in full screen) goes back to the venue; so does Q.
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/venue$/);
    await page.goto(ceremony);
    await page.locator('.ceremony-progress', { hasText: step(4) }).waitFor();
    await page.keyboard.press('q');
    await page.waitForURL(/#\/venue$/);
  });

  it('speaks English when English was chosen, and L switches the language', async (t) => {
    const { page, view } = await openDemoResults(t, 'en');
    // The page still shows the ceremony without results: a reload fetches the results now open.
    // Asked for less motion, the reveals appear without animation.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: view.contest.title }).waitFor();
    await page.getByText('Award ceremony', { exact: true }).waitFor();
    await page.getByText('Demonstration contest').waitFor();

    const first = view.groups[0]!;
    const [laureate] = expectedReveals(first);
    assert.equal(laureate?.award, 'laureate');
    await page.keyboard.press('PageDown');
    await page.getByText(`${first.ranked.length} entries ranked`, { exact: true }).waitFor();
    await page.keyboard.press('PageDown');
    await page.locator('[aria-live="polite"]', { hasText: `Laureate: ${laureate.titles[0]}` }).waitFor();
    await page.getByText('Section 1 of 5').waitFor();
    assert.equal(await page.evaluate(() => document.getAnimations().length), 0);
    await keepSlide(page, '40-ceremony-5-english');

    await page.keyboard.press('End');
    await page.getByRole('heading', { level: 1, name: 'Congratulations to the winners, prize-winners and laureates!' }).waitFor();
    await page.keyboard.press('l');
    await page.getByRole('heading', { level: 1, name: 'Поздравляем победителей, призёров и лауреатов!' }).waitFor();
  });
});
