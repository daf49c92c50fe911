import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { metaPolicy } from '../../build/build.ts';
import { CONTENT_SECURITY_POLICY } from '../../electron/security.ts';
import { keepScreenshot, launchBrowser } from '../helpers/browser.ts';
import { runCli, startServe } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const ENTRY = 'Филиал МФЦ Югры в г. Урае';

/** Follows a link the way a keyboard user does: focus it, press Enter. */
async function follow(page: Page, name: string): Promise<void> {
  await page.getByRole('link', { name, exact: true }).first().focus();
  await page.keyboard.press('Enter');
}

async function markValues(page: Page): Promise<string[]> {
  return page.locator('input[data-mark]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
}

async function waitAllSaved(page: Page, count: number): Promise<void> {
  const marks = page.locator('p.save[id^="save-"][data-save-state="saved"]');
  await marks.nth(count - 1).waitFor();
  assert.equal(await marks.count(), count);
}

function storedMarks(path: string): { criterion_id: string; value: number }[] {
  const db = new Database(path, { readonly: true });
  try {
    return db.prepare("SELECT criterion_id, value FROM marks WHERE expert_id = 'smirnov' AND entry_id = 'entry-yugra-urai' ORDER BY criterion_id").all() as never;
  } finally {
    db.close();
  }
}

function storedComment(path: string, criterionId: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare("SELECT comment FROM marks WHERE expert_id = 'smirnov' AND entry_id = 'entry-yugra-urai' AND criterion_id = ?").get(criterionId) as { comment: string } | undefined)?.comment ?? '';
  } finally {
    db.close();
  }
}

describe('scoring in the browser host', () => {
  it('opens the demo, takes marks by keyboard, and keeps them across a reload and a restart', async (t) => {
    const dir = tempDir(t);
    const home = tempDir(t);
    assert.equal(runCli(['demo', '--out', dir]).status, 0);
    const workspace = join(dir, 'demo.sqlite');
    let serve = await startServe(['--workspace', workspace], { JURYBOX_HOME: home });
    t.after(() => serve.stop());

    // Without the token the API answers 401.
    const anonymous = await fetch(`${serve.origin}/api/app:info`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    assert.equal(anonymous.status, 401);

    const browser = await launchBrowser(t);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const foreign: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(serve.origin)) foreign.push(request.url());
    });
    const response = await page.goto(serve.url);

    // The page runs under the strict CSP, sent as a header and carried in the page itself.
    assert.equal(response?.headers()['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content'), metaPolicy);

    // Russian by default, straight into the open contest.
    await page.getByRole('heading', { level: 1, name: /Лучший многофункциональный центр России/ }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'ru');
    assert.doesNotMatch(page.url(), /token=/, 'the token is removed from the address bar');
    await keepScreenshot(page, '01-contest-ru');

    await follow(page, 'Малая региональная сеть МФЦ');
    await page.getByRole('heading', { level: 1, name: 'Малая региональная сеть МФЦ' }).waitFor();
    await follow(page, ENTRY);
    await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();

    // The first mark input has focus: digits, Enter, the arrow keys, and Tab into a comment do the rest.
    const first = page.locator('input[data-mark]').first();
    await first.waitFor();
    assert.equal(await first.evaluate((el) => el === document.activeElement), true);
    await page.keyboard.type('8');
    await page.keyboard.press('Enter');
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await page.keyboard.type('9');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Работают и по субботам');
    await page.keyboard.press('Tab');
    await page.keyboard.type('6');
    await page.keyboard.press('Enter');
    await page.keyboard.type('9');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await page.keyboard.type('5');
    await page.keyboard.press('Tab');
    await waitAllSaved(page, 6);
    assert.deepEqual(await markValues(page), ['8', '7', '9', '6', '10', '5']);
    // 8 + 7 + 9 + 1.5×6 + 10 + 1.5×5 = 50.5 of 70; 72.1 on 0–100.
    await page.getByText('Итог: 50,5 из 70 (по шкале 0–100: 72,1)').waitFor();
    await keepScreenshot(page, '02-entry-scored-ru');

    // What the page shows as saved is in the file, comment included.
    assert.deepEqual(storedMarks(workspace).map((m) => m.value).sort((a, b) => a - b), [5, 6, 7, 8, 9, 10]);
    await page.getByLabel('Комментарий к оценке').nth(2).blur();
    await page.locator('.autosave [data-save-state="saved"]').first().waitFor();
    assert.equal(storedComment(workspace, 'crit-net-schedule'), 'Работают и по субботам');

    // A mark off the scale is refused with a message and not saved.
    await first.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('11');
    await page.getByText('оценка 11 больше максимума шкалы 10').waitFor();
    assert.equal(await first.getAttribute('aria-invalid'), 'true');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('8');
    await waitAllSaved(page, 6);

    // Reload: the same screen, the same marks.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
    await waitAllSaved(page, 6);
    assert.deepEqual(await markValues(page), ['8', '7', '9', '6', '10', '5']);

    // Close the app and start it again: every mark is still there.
    await serve.stop();
    serve = await startServe(['--workspace', workspace], { JURYBOX_HOME: home });
    await page.goto(serve.url);
    await page.getByRole('heading', { level: 1, name: /Лучший многофункциональный центр России/ }).waitFor();
    await follow(page, 'Малая региональная сеть МФЦ');
    await page.getByRole('row', { name: /Урае/ }).getByText('Оценено', { exact: true }).waitFor();
    await follow(page, ENTRY);
    await waitAllSaved(page, 6);
    assert.deepEqual(await markValues(page), ['8', '7', '9', '6', '10', '5']);

    // English on request, remembered across a reload.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: 'Criteria' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await page.getByText('Total: 50.5 of 70 (on a 0–100 scale: 72.1)').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Criteria' }).waitFor();
    await keepScreenshot(page, '03-entry-en');

    assert.deepEqual(foreign, [], 'the UI requested nothing outside its own origin');
  });

  it('starts at the start screen, opens the demo from it, and names a missing file', async (t) => {
    const home = tempDir(t);
    const serve = await startServe([], { JURYBOX_HOME: home });
    t.after(() => serve.stop());
    const browser = await launchBrowser(t);
    const page = await browser.newPage();
    await page.goto(serve.url);
    await page.getByRole('heading', { level: 1, name: 'Добро пожаловать в JuryBox' }).waitFor();
    await page.getByText('Пока ничего не открывалось.').waitFor();
    await keepScreenshot(page, '00-start-ru');

    const missing = join(home, 'nowhere.sqlite');
    await page.getByLabel('Путь к файлу рабочей области').fill(missing);
    await page.getByLabel('Путь к файлу рабочей области').press('Enter');
    await page.getByRole('alert').getByText(`Файл не найден: ${missing}`).waitFor();

    await page.getByRole('button', { name: 'Открыть демо' }).click();
    await page.getByRole('heading', { level: 1, name: /Лучший многофункциональный центр России/ }).waitFor();
    await page.getByRole('combobox', { name: 'Оценки ставит эксперт' }).selectOption('popov');
    await page.getByText('Оценено 0 из 1', { exact: true }).waitFor();

    await page.getByRole('button', { name: 'Закрыть рабочую область' }).click();
    await page.getByRole('heading', { level: 1, name: 'Добро пожаловать в JuryBox' }).waitFor();
    await page.getByRole('button', { name: 'Открыть «Лучший многофункциональный центр России»' }).click();
    await page.getByRole('heading', { level: 1, name: /Лучший многофункциональный центр России/ }).waitFor();
    assert.equal(await page.getByRole('combobox', { name: 'Оценки ставит эксперт' }).inputValue(), 'popov');
  });

  it('tells the user when the page has no valid session token', async (t) => {
    const serve = await startServe([], { JURYBOX_HOME: tempDir(t) });
    t.after(() => serve.stop());
    const browser = await launchBrowser(t);
    const page = await browser.newPage();
    await page.goto(serve.origin);
    await page.getByRole('alert').getByText(/Сеанс недействителен/).waitFor();
  });
});
