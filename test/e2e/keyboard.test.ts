import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { judgeBundle } from '../../electron/services/bundles/judge.ts';
import { openPackage } from '../../electron/services/package/contest-package.ts';
import { runCli } from '../helpers/cli.ts';
import { fileUpload, openInBrowser } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/**
 * The element that has focus, as a keyboard user meets it: its accessible name (aria-label, the
 * label, aria-labelledby, or its text) and what it is. Reading the page is all the test does with
 * anything but the keyboard.
 */
function focused(page: Page): Promise<{ name: string; tag: string; value: string }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!(el instanceof HTMLElement) || el === document.body) return { name: '', tag: 'body', value: '' };
    const byIds = (ids: string | null) => (ids ? ids.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : null);
    const labelled = el instanceof HTMLInputElement || el instanceof HTMLSelectElement || el instanceof HTMLTextAreaElement ? (el.labels?.[0]?.textContent ?? null) : null;
    const name = el.getAttribute('aria-label') ?? byIds(el.getAttribute('aria-labelledby')) ?? labelled ?? el.textContent ?? '';
    return { name: name.replace(/\s+/g, ' ').trim(), tag: el.tagName.toLowerCase(), value: 'value' in el ? String((el as HTMLInputElement).value) : '' };
  });
}

const matches = (name: string, wanted: string | RegExp) => (typeof wanted === 'string' ? name === wanted : wanted.test(name));

/** Presses Tab (or Shift+Tab) until the control named `wanted` has focus, as a keyboard user looks for it. */
async function tabTo(page: Page, wanted: string | RegExp, options: { back?: boolean; max?: number } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 120); i += 1) {
    const now = await focused(page);
    if (matches(now.name, wanted)) return;
    seen.push(`${now.tag} «${now.name.slice(0, 50)}»`);
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${String(wanted)}; it went through:\n${seen.join('\n')}`);
}

/** Waits until focus is on the control named `wanted` (the app moved it there). */
async function focusLandsOn(page: Page, wanted: string | RegExp): Promise<void> {
  const until = Date.now() + 10_000;
  while (!matches((await focused(page)).name, wanted)) {
    if (Date.now() > until) throw new Error(`focus is on «${(await focused(page)).name}», not on ${String(wanted)}`);
    await page.waitForTimeout(50);
  }
}

/** Chooses an option of the focused <select> with the arrow keys, as a keyboard user does (Chromium changes a closed select's value on ↓ and ↑). */
async function arrowToOption(page: Page, value: string): Promise<void> {
  for (let i = 0; i < 30 && (await focused(page)).value !== value; i += 1) await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).value, value, `the select offers ${value}`);
}

/** What the expert does with one entry: marks (a comment where the mark is under the threshold), or a decision with its reason. */
type Plan = { marks: { value: number; comment?: string; byArrows?: boolean }[] } | { conflict: string } | { abstain: string };

/** The entry on screen: its id (from the address) and its criteria, in order. */
const onScreen = (page: Page) =>
  page.evaluate(() => ({
    entryId: decodeURIComponent(window.location.hash.replace(/^#\/entry\//, '')),
    criteria: [...document.querySelectorAll<HTMLInputElement>('input[data-mark]')].map((i) => i.dataset.mark ?? ''),
    hasNext: [...document.querySelectorAll('nav.entry-nav a')].some((a) => a.textContent === 'Следующий участник →'),
  }));

/**
 * Does the plan on the entry on screen by keyboard alone. Marks: typed (or stepped with ↑), Enter
 * to the next criterion, Tab into a comment and on; Enter past the last criterion opens the next
 * entry. A decision: its button, the reason, the confirmation, then the link to the next entry.
 */
async function work(page: Page, plan: Plan): Promise<void> {
  if ('marks' in plan) {
    await focusLandsOn(page, /^Оценка по критерию/);
    for (const [i, m] of plan.marks.entries()) {
      // ↑ on an empty mark starts at the scale's minimum (0 here); each press after is one step.
      if (m.byArrows) for (let k = 0; k <= m.value; k += 1) await page.keyboard.press('ArrowUp');
      else await page.keyboard.type(String(m.value));
      if (m.comment !== undefined) {
        await page.keyboard.press('Tab');
        await focusLandsOn(page, 'Комментарий к оценке');
        await page.keyboard.type(m.comment);
        if (i < plan.marks.length - 1) {
          await page.keyboard.press('Tab');
          continue;
        }
      }
      await page.keyboard.press('Enter');
    }
    return;
  }
  const [button, field, confirm, reason] =
    'conflict' in plan
      ? ['Заявить конфликт интересов…', 'В чём конфликт интересов', 'Заявить конфликт', plan.conflict]
      : ['Воздержаться от оценки…', 'Почему вы не оцениваете участника', 'Воздержаться', plan.abstain];
  await tabTo(page, button);
  await page.keyboard.press('Enter');
  await focusLandsOn(page, field);
  await page.keyboard.type(reason);
  await tabTo(page, confirm);
  await page.keyboard.press('Enter');
  await page.getByText('conflict' in plan ? /Конфликт интересов: этого участника оценить нельзя/ : /Вы воздержались от оценки этого участника/).waitFor();
  if ((await onScreen(page)).hasNext) {
    await tabTo(page, 'Следующий участник →');
    await page.keyboard.press('Enter');
  }
}

describe('the expert’s whole flow by keyboard alone', () => {
  it('opens the package, scores every assigned entry, declares a conflict, abstains, and signs results that verify', { timeout: 240_000 }, async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const packagePath = join(demo, 'contest.jbcontest');
    const out = join(tempDir(t), 'smirnov-1.jbresult');
    const { page } = await openInBrowser(t);
    await page.getByRole('heading', { level: 1, name: 'Добро пожаловать в JuryBox' }).waitFor();

    // The package: focus the file control, Space opens the file chooser (which headless Chromium
    // cannot drive by keys: Playwright answers it with the file's bytes). Playwright starts catching
    // choosers when first asked, asynchronously: asked before the Tabs, not just before the Space.
    const chooser = page.waitForEvent('filechooser');
    await tabTo(page, 'Файл пакета (.jbcontest)');
    await page.keyboard.press('Space');
    await (await chooser).setFiles(fileUpload('contest.jbcontest', readFileSync(packagePath)));
    await page.getByText('Позвоните организатору и сверьте отпечаток его ключа:').waitFor();
    await tabTo(page, 'Кто вы');
    await arrowToOption(page, 'smirnov');
    await tabTo(page, 'Отпечаток совпал — открыть для оценки');
    await page.keyboard.press('Enter');
    await page.getByText('Вы оцениваете как эксперт: Смирнов Алексей Викторович (демо)').waitFor();

    // Every place the expert scores, from the contest page: its first entry, then entry after entry.
    const expected = new Map<string, { value: number; comment: string }>();
    const decided: { conflicts: string[]; abstentions: string[] } = { conflicts: [], abstentions: [] };
    let k = 0;
    for (const place of ['Малая региональная сеть МФЦ', 'Средняя региональная сеть МФЦ', 'Крупная региональная сеть МФЦ', 'Лучший проект МФЦ']) {
      await tabTo(page, 'Оценка');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 2, name: 'Номинации' }).waitFor();
      await tabTo(page, place);
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: place }).waitFor();
      const first = (await page.locator('table.entries tbody a').first().textContent()) ?? '';
      await tabTo(page, first);
      await page.keyboard.press('Enter');
      for (let more = true; more; k += 1) {
        // The entry is on screen when its first mark input has focus (the screen puts it there).
        await page.waitForFunction(() => window.location.hash.startsWith('#/entry/') && document.activeElement === document.querySelector('input[data-mark]'));
        const entry = await onScreen(page);
        const title = await page.locator('main h1').textContent();
        more = entry.hasNext;
        const plan: Plan =
          k === 3
            ? { conflict: 'Работал в этой сети до 2025 года' }
            : k === 20
              ? { abstain: 'Проект готовили при моём участии' }
              : { marks: entry.criteria.map((_, c) => (k === 1 && c === 1 ? { value: 2, comment: 'Отзывы заявителей почти не собираются' } : { value: 3 + ((k + c) % 8), byArrows: k === 1 && c === 3 })) };
        if ('conflict' in plan) decided.conflicts.push(entry.entryId);
        else if ('abstain' in plan) decided.abstentions.push(entry.entryId);
        else plan.marks.forEach((m, c) => expected.set(`${entry.entryId}/${entry.criteria[c]}`, { value: m.value, comment: m.comment ?? '' }));
        await work(page, plan);
        // Then the next one: a keyboard user waits to see its title before typing.
        if (more) await page.waitForFunction((was) => document.querySelector('main h1')?.textContent !== was, title);
        else if ('marks' in plan) await page.locator('p.save[id^="save-"][data-save-state="saved"]').nth(entry.criteria.length - 1).waitFor();
      }
    }
    assert.equal(decided.conflicts.length + decided.abstentions.length, 2);

    // Sending: the check says all is done; the key is the demo's file for this expert.
    await tabTo(page, 'Отправка');
    await page.keyboard.press('Enter');
    await page.getByText('Всё оценено: можно отправлять.').waitFor();
    await tabTo(page, 'Ваш ключ для подписи');
    await arrowToOption(page, 'file');
    await tabTo(page, 'Путь к файлу ключа (.key)');
    await page.keyboard.type(join(demo, 'keys', 'expert-smirnov.key'));
    await tabTo(page, 'Пароль ключа');
    await page.keyboard.type('demo');
    await tabTo(page, 'Куда записать результаты');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(out);
    await tabTo(page, 'Подписать и сохранить результаты № 1');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Результаты № 1 подписаны и сохранены' }).waitFor();

    // The file is there, verifies against the package, and holds exactly what was typed.
    assert.ok(existsSync(out));
    const verified = runCli(['verify', '--contest', packagePath, out]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /results of expert smirnov, number 1, against revision 1, .* — OK/);
    const verdict = judgeBundle({ packages: [openPackage(packagePath)] }, readFileSync(out), 'smirnov-1.jbresult');
    assert.equal(verdict.status, 'accepted', JSON.stringify(verdict.reason));
    const bundle = verdict.bundle;
    assert.ok(bundle);
    assert.equal(bundle.draft, false);
    assert.equal(bundle.expertId, 'smirnov');
    assert.deepEqual(new Map(bundle.marks.map((m) => [`${m.entryId}/${m.criterionId}`, { value: m.value, comment: m.comment }])), expected);
    assert.deepEqual(bundle.conflicts.map((c) => c.entryId), decided.conflicts);
    assert.deepEqual(bundle.abstentions.map((a) => a.entryId), decided.abstentions);
    // Smirnov scores 18 network entries (six criteria) and 7 projects (four): one of each declined.
    assert.equal(expected.size, 17 * 6 + 6 * 4);
  });
});
