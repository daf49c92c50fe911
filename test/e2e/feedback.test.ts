import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { keepScreenshot } from '../helpers/browser.ts';
import { openInBrowser } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/** Every red error the page shows, as text: action errors beside their controls and the banner above the screen. */
const shownErrors = (page: Page): Promise<string[]> =>
  page.locator('.action-error, .error-banner:not(.empty)').evaluateAll((nodes) => nodes.map((n) => (n.textContent ?? '').trim()));

/**
 * Asserts that an error about `text` stands right after `control` in the same section (the first
 * error region after it in the page), is announced (role=alert) and is in view.
 */
async function expectErrorBeside(page: Page, control: Locator, section: Locator, text: RegExp): Promise<void> {
  const alert = section.locator('[role="alert"].action-error');
  await alert.waitFor();
  assert.match((await alert.textContent()) ?? '', text);
  const follows = await control.evaluate((button, region) => Boolean(button.compareDocumentPosition(region as Node) & Node.DOCUMENT_POSITION_FOLLOWING), await alert.elementHandle());
  assert.ok(follows, 'the error follows the control that caused it');
  const box = await alert.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box && viewport && box.y >= 0 && box.y + box.height <= viewport.height, `the error is in view (${JSON.stringify(box)} in ${JSON.stringify(viewport)})`);
  assert.deepEqual(await page.locator('.error-banner:not(.empty)').count(), 0, 'nothing about it stands in the banner above the screen');
}

describe('feedback where the user acted', () => {
  it('shows each failed action beside its control, in view, and clears it when that action succeeds', async (t) => {
    const home = tempDir(t);
    const { page } = await openInBrowser(t, { home });
    await page.setViewportSize({ width: 1366, height: 600 });

    const making = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Новый конкурс' }) });
    const create = making.getByRole('button', { name: 'Создать конкурс' });
    await making.getByLabel('Название конкурса').fill('Региональный этап');
    const missing = join(home, 'нет-такой-папки');
    await making.getByLabel('Файл новой рабочей области').fill(join(missing, 'konkurs.sqlite'));
    await create.click();
    await expectErrorBeside(page, create, making, /Папки .*нет-такой-папки нет/);
    await keepScreenshot(page, 'feedback-create-missing-folder');

    // Another action's failure stands beside its own control; the first error is still true and stays.
    const opening = page.locator('section').filter({ has: page.getByRole('heading', { name: 'Открыть рабочую область' }) });
    const open = opening.getByRole('button', { name: 'Открыть', exact: true });
    await opening.getByLabel('Путь к файлу рабочей области').fill(home);
    await open.click();
    await expectErrorBeside(page, open, opening, /это папка, а не файл/);
    assert.equal((await shownErrors(page)).length, 2);

    // Trying again with the folder made: the error goes with the success, and no red error is left anywhere.
    mkdirSync(missing);
    await create.click();
    await page.getByRole('heading', { name: 'Конкурс', exact: true }).waitFor();
    assert.deepEqual(await shownErrors(page), []);
  });

  it('takes away a failed load from the banner once an action succeeds', async (t) => {
    const { page } = await openInBrowser(t);
    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).waitFor();
    await page.evaluate(() => (location.hash = '#/entry/no-such-entry'));
    const banner = page.locator('.error-banner:not(.empty)');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /no-such-entry/);
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await page.getByRole('heading', { name: 'Добро пожаловать в JuryBox' }).waitFor();
    assert.deepEqual(await shownErrors(page), []);
  });
});
