import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { writeDemoWorkspace } from '../../electron/services/demo/demo.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { openInBrowser, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

const ENTRY = 'Филиал МФЦ Югры в г. Урае';

function storedMark(path: string): number | undefined {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT value FROM marks WHERE expert_id = 'smirnov' AND entry_id = 'entry-yugra-urai' AND criterion_id = 'crit-net-services'").get() as { value: number } | undefined)?.value;
  } finally {
    db.close();
  }
}

/** Opens the entry from the scoring section and gives its first criterion `value`, by keyboard, until the page says it is saved. */
async function scoreFirst(page: Page, value: string): Promise<void> {
  await section(page, 'Оценка');
  await page.getByRole('link', { name: 'Малая региональная сеть МФЦ', exact: true }).first().click();
  await page.getByRole('link', { name: ENTRY, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
  const first = page.locator('input[data-mark]').first();
  await first.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(value);
  await page.keyboard.press('Tab');
  await page.locator('p.save[data-save-state="saved"]').first().waitFor();
  assert.equal(await first.inputValue(), value);
}

const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent ?? '');

describe('backups in the browser host', () => {
  it('makes a copy, and restoring it after a change brings the old mark back, by keyboard', async (t) => {
    const ws = writeDemoWorkspace(tempDir(t));
    ws.close();
    const { page } = await openInBrowser(t, { args: ['--workspace', ws.path] });
    await page.getByRole('heading', { level: 1, name: /Лучший многофункциональный центр России/ }).waitFor();

    await scoreFirst(page, '8');
    await section(page, 'Резервные копии');
    await page.getByRole('heading', { level: 1, name: 'Резервные копии' }).waitFor();
    await page.getByText('Копий пока нет.', { exact: false }).waitFor();
    await page.getByRole('button', { name: 'Создать копию сейчас' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText(/^Копия создана и проверена: demo-.+-manual\.sqlite$/).waitFor();
    const manual = page.getByRole('row').filter({ hasText: 'вручную' });
    await manual.waitFor();

    await scoreFirst(page, '3');
    assert.equal(storedMark(ws.path), 3);

    await section(page, 'Резервные копии');
    const restore = page.getByRole('row').filter({ hasText: 'вручную' }).getByRole('button', { name: /^Восстановить копию от / });
    // Asked first, saying what happens; Esc backs out and focus returns to the row.
    await restore.focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('heading', { level: 2, name: /^Восстановить копию от .+\?$/ });
    await question.waitFor();
    await page.getByText('Сначала её нынешнее состояние будет сохранено отдельной копией', { exact: false }).waitFor();
    assert.equal(await focusedText(page), 'Да, восстановить');
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.getAttribute('aria-label')?.startsWith('Восстановить копию от'));
    assert.equal(storedMark(ws.path), 3, 'backing out changes nothing');

    await page.keyboard.press('Enter');
    await question.waitFor();
    await keepScreenshot(page, '41-backup-confirm');
    await page.keyboard.press('Enter');
    await page.getByText(/^Восстановлено состояние на .+\. Прежнее состояние сохранено в копии demo-.+-before-restore\.sqlite\.$/).waitFor();
    await page.getByRole('row').filter({ hasText: 'перед восстановлением' }).waitFor();
    assert.equal(storedMark(ws.path), 8);
    await keepScreenshot(page, '42-backups');

    // The entry shows the mark as it was in the copy.
    await section(page, 'Оценка');
    await page.getByRole('link', { name: 'Малая региональная сеть МФЦ', exact: true }).first().click();
    await page.getByRole('link', { name: ENTRY, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
    // The screen may first show the entry as it last had it, then the workspace's answer: wait for that.
    await page.waitForFunction(() => document.querySelector<HTMLInputElement>('input[data-mark]')?.value === '8', undefined, { timeout: 10_000 });
    await page.locator('p.save[data-save-state="saved"]').first().waitFor();
  });
});
