import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it, type TestContext } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { keepScreenshot } from '../helpers/browser.ts';
import { axeViolations } from './a11y.ts';
import { runCli } from '../helpers/cli.ts';
import { callFromPage, openInBrowser, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

const ENTRY = 'Филиал МФЦ Югры в г. Урае';
const ENTRY_ID = 'entry-yugra-urai';
/** A person's pause between two keys: longer than any delay the UI ever waited before saving. */
const KEY_PAUSE_MS = 400;

function readRows<T>(path: string, sql: string): T[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare(sql).all('smirnov', ENTRY_ID) as T[];
  } finally {
    db.close();
  }
}
/** The smirnov's marks on the entry, as the workspace file holds them. */
const stored = (path: string): Record<string, number> =>
  Object.fromEntries(readRows<{ criterion_id: string; value: number }>(path, 'SELECT criterion_id, value FROM marks WHERE expert_id = ? AND entry_id = ?').map((r) => [r.criterion_id, r.value]));
/** The smirnov's comments on the entry's marks. */
const storedComments = (path: string): Record<string, string> =>
  Object.fromEntries(readRows<{ criterion_id: string; comment: string }>(path, "SELECT criterion_id, comment FROM marks WHERE expert_id = ? AND entry_id = ? AND comment <> ''").map((r) => [r.criterion_id, r.comment]));

const saveLine = (page: Page, criterionId: string) => page.locator(`#save-${criterionId}`);
const mark = (page: Page, criterionId: string) => page.locator(`input[data-mark="${criterionId}"]`);
const focusedMark = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.mark ?? null);
const statusOf = async (page: Page) => (await callFromPage<{ id: string; status: string; marked: number }[]>(page, 'scoring:mine')).find((e) => e.id === ENTRY_ID);

async function openEntry(page: Page): Promise<void> {
  await page.evaluate((id) => (window.location.hash = `#/entry/${id}`), ENTRY_ID);
  await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
  await page.waitForFunction(() => document.activeElement === document.querySelector('input[data-mark]'));
}

/** The demo workspace in a browser, scoring as smirnov, with the entry open and its first mark focused. */
async function scoring(t: TestContext): Promise<{ page: Page; workspace: string }> {
  const dir = tempDir(t);
  assert.equal(runCli(['demo', '--out', dir]).status, 0);
  const workspace = join(dir, 'demo.sqlite');
  const { page } = await openInBrowser(t, { args: ['--workspace', workspace] });
  await page.getByRole('heading', { level: 1, name: /Лучший многофункциональный центр России/ }).waitFor();
  await openEntry(page);
  return { page, workspace };
}

describe('a mark is committed, not typed', () => {
  it('saves nothing while «1», «2» is typed on a 0–10 scale: 12 is shown as not saved and the entry is not scored', async (t) => {
    const { page, workspace } = await scoring(t);
    await page.keyboard.type('12', { delay: KEY_PAUSE_MS });
    await page.waitForTimeout(KEY_PAUSE_MS);
    await saveLine(page, 'crit-net-services').getByText('Не сохранено: «Разнообразие предоставляемых услуг»: оценка 12 больше максимума шкалы 10', { exact: true }).waitFor();
    assert.equal(await mark(page, 'crit-net-services').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(stored(workspace), {}, 'no prefix of 12 was saved');
    assert.equal((await statusOf(page))?.status, 'notStarted', 'the entry does not count as scored');
    await page.getByText('Итог появится, когда все оценки будут сохранены (не сохранено: 1).').waitFor();

    // Enter does not take the expert past a value the scale refuses, and saves nothing.
    await page.keyboard.press('Enter');
    assert.equal(await focusedMark(page), 'crit-net-services');
    assert.deepEqual(stored(workspace), {});
  });

  it('saves on Enter, on leaving the field and on ↑/↓, and says «Сохранено в …» only once the file has the mark', async (t) => {
    const { page, workspace } = await scoring(t);
    // «1», «0»: not even the valid prefix 1 is saved; Enter saves 10.
    await page.keyboard.type('10', { delay: KEY_PAUSE_MS });
    await page.waitForTimeout(KEY_PAUSE_MS);
    assert.deepEqual(stored(workspace), {}, 'typing alone saved nothing');
    await saveLine(page, 'crit-net-services').getByText('Не сохранено: нажмите Enter или перейдите к другому полю', { exact: true }).waitFor();
    assert.equal(await mark(page, 'crit-net-services').getAttribute('aria-invalid'), 'false');
    await page.keyboard.press('Enter');
    await saveLine(page, 'crit-net-services').getByText(/^Сохранено в /).waitFor();
    assert.deepEqual(stored(workspace), { 'crit-net-services': 10 });
    assert.equal(await focusedMark(page), 'crit-net-feedback');

    // Leaving the field commits; so does each step of ↑ or ↓ (an empty field starts at the scale's minimum).
    await page.keyboard.type('7');
    await page.keyboard.press('Tab');
    await saveLine(page, 'crit-net-feedback').getByText(/^Сохранено в /).waitFor();
    await mark(page, 'crit-net-schedule').focus();
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowDown', 'ArrowUp']) await page.keyboard.press(key);
    await page.waitForFunction(() => document.querySelector('#save-crit-net-schedule')?.getAttribute('data-save-state') === 'saved');
    assert.deepEqual(stored(workspace), { 'crit-net-services': 10, 'crit-net-feedback': 7, 'crit-net-schedule': 1 });

    // A valid value typed and not committed is committed by leaving: no question, and the list counts it.
    await mark(page, 'crit-net-remote').focus();
    await page.keyboard.type('5');
    await page.getByRole('link', { name: 'К списку участников' }).click();
    await page.getByRole('row', { name: /Урае/ }).getByText('Оценено 4 из 6').waitFor();
    assert.equal(stored(workspace)['crit-net-remote'], 5);
    await section(page, 'Мои участники');
    await page.getByRole('listitem').filter({ hasText: ENTRY }).getByText('Оценено 4 из 6').waitFor();
  });

  it('asks before leaving a mark that is not saved, by a link, Back, closing the workspace or the tab', async (t) => {
    const { page, workspace } = await scoring(t);
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await saveLine(page, 'crit-net-services').getByText(/^Сохранено в /).waitFor();
    await mark(page, 'crit-net-services').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('7,5');
    const reason = '«Разнообразие предоставляемых услуг»: оценка 7,5 не попадает в шаг шкалы 1 (от 0 до 10)';

    // A link: the question names the mark; the safe answer has focus, Esc gives it, and the expert stays on the mark.
    await page.getByRole('link', { name: 'Следующий участник →' }).click();
    const dialog = page.getByRole('dialog', { name: 'Уйти, не сохранив оценки?' });
    await dialog.getByText(reason).waitFor({ timeout: 5000 });
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Остаться и исправить');
    assert.deepEqual(await axeViolations(page, 'entry: the question before leaving'), []);
    await keepScreenshot(page, 'mark-commit-leave-ru');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => (document.activeElement as HTMLElement | null)?.dataset.mark === 'crit-net-services');
    assert.equal(await page.evaluate(() => window.location.hash), `#/entry/${ENTRY_ID}`);
    assert.equal(await mark(page, 'crit-net-services').inputValue(), '7,5');
    await saveLine(page, 'crit-net-services').getByText(`Не сохранено: ${reason}. Сохранена прежняя оценка 8`, { exact: true }).waitFor();
    assert.deepEqual(await axeViolations(page, 'entry: a mark not saved'), []);

    // The browser's Back, and closing the workspace, ask the same; Enter on the focused answer stays.
    await page.goBack();
    await dialog.waitFor();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    assert.equal(await page.evaluate(() => window.location.hash), `#/entry/${ENTRY_ID}`);
    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await dialog.getByRole('button', { name: 'Остаться и исправить' }).click();
    await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
    assert.equal((await callFromPage<{ path: string } | null>(page, 'workspace:current'))?.path, workspace, 'the workspace is still open');

    // Closing or reloading the tab: the browser asks first; staying keeps what was typed.
    const asked = page.waitForEvent('dialog');
    const reload = page.reload({ timeout: 3000 }).catch(() => 'stayed');
    const question = await asked;
    assert.equal(question.type(), 'beforeunload');
    await question.dismiss();
    await reload;
    assert.equal(await mark(page, 'crit-net-services').inputValue(), '7,5');

    // The same in English.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await saveLine(page, 'crit-net-services').getByText('Not saved: “Разнообразие предоставляемых услуг”: mark 7,5 is not on the scale step 1 (from 0 to 10). The saved mark is still 8', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Next entry →' }).click();
    await page.getByRole('dialog', { name: 'Leave without saving the marks?' }).getByRole('button', { name: 'Stay and fix' }).waitFor();
    await keepScreenshot(page, 'mark-commit-leave-en');

    // Leaving when the expert says so: the list shows the entry as the file has it, with the saved 8.
    await page.getByRole('button', { name: 'Leave without saving' }).click();
    await page.waitForFunction((id) => window.location.hash.startsWith('#/entry/') && window.location.hash !== `#/entry/${id}`, ENTRY_ID);
    await page.getByRole('heading', { level: 2, name: 'Criteria' }).waitFor();
    assert.deepEqual(stored(workspace), { 'crit-net-services': 8 });
  });

  it('never loses a comment: one typed just before Back is saved, one refused before its mark was saved is saved with it', async (t) => {
    const { page, workspace } = await scoring(t);
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Услуг мало');
    await page.goBack();
    await page.getByRole('heading', { level: 2, name: 'Номинации' }).waitFor();
    await page.waitForTimeout(KEY_PAUSE_MS * 2);
    assert.deepEqual(storedComments(workspace), { 'crit-net-services': 'Услуг мало' });

    // A comment on a mark the scale refuses is refused too; once the mark is fixed, leaving saves both.
    await openEntry(page);
    await mark(page, 'crit-net-feedback').focus();
    await page.keyboard.type('12');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Жалобы не разбираются');
    await page.keyboard.press('Tab');
    await page.locator('.autosave [data-save-state="failed"]').waitFor();
    await mark(page, 'crit-net-feedback').focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'К списку участников' }).click();
    await page.getByRole('row', { name: /Урае/ }).getByText('Оценено 2 из 6').waitFor();
    assert.deepEqual(storedComments(workspace), { 'crit-net-services': 'Услуг мало', 'crit-net-feedback': 'Жалобы не разбираются' });
  });
});
