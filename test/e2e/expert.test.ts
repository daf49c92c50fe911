import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { ContestPackage } from '../../shared/formats/payloads.ts';
import { openPackage } from '../../electron/services/package/contest-package.ts';
import { writeEnvelope } from '../../electron/services/signing/envelope.ts';
import { generateKey, publicKeyToBase64 } from '../../electron/services/signing/keys.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { runCli } from '../helpers/cli.ts';
import { fileUpload, openInBrowser, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';


/** Gives every missing mark through the API, as a fast stand-in for an afternoon of scoring. */
async function scoreTheRest(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const token = sessionStorage.getItem('jurybox.token') ?? '';
    const post = async (channel: string, input: unknown) => {
      const reply = (await (await fetch(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(input) })).json()) as { ok: boolean; value: never };
      return reply.value;
    };
    const entries: { id: string; status: string }[] = await post('scoring:mine', {});
    for (const e of entries.filter((x) => x.status === 'notStarted' || x.status === 'incomplete')) {
      const detail: { criteria: { id: string; scale: { max: number } }[] } = await post('scoring:entry', { entryId: e.id });
      for (const c of detail.criteria) await post('marks:set', { entryId: e.id, criterionId: c.id, value: c.scale.max });
    }
  });
}

describe('expert in the browser host', () => {
  it('opens the demo package, scores by keyboard, declares a conflict, sends a draft and a correction that verify', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const packagePath = join(demo, 'contest.jbcontest');
    const { page } = await openInBrowser(t);

    // Open the package: the organiser key's fingerprint is shown to compare, then "I am Smirnov".
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', readFileSync(packagePath)));
    const fingerprint = runCli(['verify', packagePath]).stdout.match(/signed by (\d{5}(?: \d{5}){5})/)?.[1] ?? 'none';
    await page.getByText(fingerprint).waitFor();
    await page.getByLabel('Кто вы').selectOption('smirnov');
    await keepScreenshot(page, '20-open-package');
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть для оценки' }).click();
    await page.getByText('Вы оцениваете как эксперт: Смирнов Алексей Викторович (демо)').waitFor();

    // One entry completely, by keyboard alone: Enter moves on, Tab goes into a comment.
    await page.getByRole('link', { name: 'Малая региональная сеть МФЦ', exact: true }).first().focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Сеть МФЦ «Горный край» (демо)', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Сеть МФЦ «Горный край» (демо)' }).waitFor();
    for (const mark of ['8', '7', '2', '9', '6']) {
      await page.keyboard.type(mark);
      if (mark === '2') {
        await page.keyboard.press('Tab');
        await page.keyboard.type('Жалобы разбираются формально');
        await page.keyboard.press('Tab');
      } else await page.keyboard.press('Enter');
    }
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.locator('p.save[id^="save-"][data-save-state="saved"]').nth(5).waitFor();
    await page.locator('.autosave [data-save-state="saved"]').first().waitFor();
    await keepScreenshot(page, '21-expert-entry');

    // A conflict of interest declared on another entry, with its reason.
    await page.getByRole('link', { name: 'Следующий участник →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Сеть МФЦ «Северное сияние» (демо)' }).waitFor();
    await page.getByRole('button', { name: 'Заявить конфликт интересов…' }).click();
    await page.getByLabel('В чём конфликт интересов').fill('Родственник работает в этой сети');
    await page.getByRole('button', { name: 'Заявить конфликт', exact: true }).click();
    await page.getByText(/Конфликт интересов: этого участника оценить нельзя/).waitFor();

    // A draft: the check lists what is missing; the key is the demo's file for this expert.
    await section(page, 'Отправка');
    await page.getByText(/Не хватает оценок или обязательных комментариев у \d+ участник/).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Подписать и сохранить результаты/ }).isDisabled(), true);
    await page.getByLabel('Ваш ключ для подписи').selectOption('file');
    await page.getByLabel('Путь к файлу ключа (.key)').fill(join(demo, 'keys', 'expert-smirnov.key'));
    await page.getByLabel('Пароль ключа').fill('demo');
    const draft = join(demo, 'smirnov-draft.jbresult');
    await page.getByLabel('Куда записать результаты').fill(draft);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('heading', { name: 'Черновик № 1 подписан и сохранён' }).waitFor();

    // The rest scored, then the complete results: number 2, which replaces the draft.
    await scoreTheRest(page);
    await page.reload();
    await page.getByText('Всё оценено: можно отправлять.').waitFor();
    await page.getByLabel('Ваш ключ для подписи').selectOption('file');
    await page.getByLabel('Путь к файлу ключа (.key)').fill(join(demo, 'keys', 'expert-smirnov.key'));
    await page.getByLabel('Пароль ключа').fill('demo');
    const final = join(demo, 'smirnov-2.jbresult');
    await page.getByLabel('Куда записать результаты').fill(final);
    await page.getByRole('button', { name: 'Подписать и сохранить результаты № 2' }).click();
    await page.getByRole('heading', { name: 'Результаты № 2 подписаны и сохранены' }).waitFor();
    await keepScreenshot(page, '22-submitted');

    const verified = runCli(['verify', '--contest', packagePath, draft, final]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, new RegExp(`${basename(draft)}: DRAFT results of expert smirnov, number 1, .* — SUPERSEDED by a later one`));
    assert.match(verified.stdout, new RegExp(`${basename(final)}: results of expert smirnov, number 2, against revision 1, .* — OK`));

    // A package re-signed by another key is refused, with the reason, and changes nothing.
    const payload = ContestPackage.parse(openPackage(packagePath).payload);
    const intruder = generateKey();
    const forged = writeEnvelope('contest', Buffer.from(JSON.stringify({ ...payload, revision: 2, organiser: { ...payload.organiser, publicKey: publicKeyToBase64(intruder.publicKey) } })), intruder);
    await section(page, 'Мой ключ');
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest-r2.jbcontest', forged));
    await page.getByRole('alert').getByText(/подписан другим ключом .* а не ключом организатора этого конкурса/).waitFor();
    await page.getByText('Сейчас открыта редакция 1.', { exact: false }).waitFor();
  });
});
