import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../helpers/cli.ts';
import { chooseKeyFile, fileUpload, openInBrowser, openPackageAs, scoreTheRest, section, type RequestLog } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

/** The distinct kinds of request in a log, for the diagnostic: "/api/marks:set", "/assets/…js", "/". */
const kinds = (log: RequestLog): string[] => [...new Set(log.all.map((url) => new URL(url).pathname.replace(/^\/assets\/.*(\.\w+)$/, '/assets/*$1')))].sort();

describe('offline', () => {
  it('keeps every request of a whole expert’s and chair’s work on the app’s own origin', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const contest = readFileSync(join(demo, 'contest.jbcontest'));

    // The expert: opens the package, gives one mark by keyboard and the rest through the API, signs.
    const expert = await openInBrowser(t);
    await openPackageAs(expert.page, contest, { expertId: 'smirnov' });
    await expert.page.getByText('Вы оцениваете как эксперт: Смирнов Алексей Викторович (демо)').waitFor();
    await expert.page.getByRole('link', { name: 'Малая региональная сеть МФЦ', exact: true }).first().click();
    await expert.page.getByRole('link', { name: 'Сеть МФЦ «Горный край» (демо)', exact: true }).click();
    await expert.page.getByRole('heading', { level: 1, name: 'Сеть МФЦ «Горный край» (демо)' }).waitFor();
    await expert.page.keyboard.type('8');
    await expert.page.keyboard.press('Tab');
    await expert.page.locator('p.save[id^="save-"][data-save-state="saved"]').first().waitFor();
    await scoreTheRest(expert.page);
    await section(expert.page, 'Отправка');
    await expert.page.getByText('Всё оценено: можно отправлять.').waitFor();
    await chooseKeyFile(expert.page, 'Ваш ключ для подписи', join(demo, 'keys', 'expert-smirnov.key'), 'demo');
    const bundle = join(tempDir(t), 'smirnov-1.jbresult');
    await expert.page.getByLabel('Куда записать результаты').fill(bundle);
    await expert.page.getByRole('button', { name: 'Подписать и сохранить результаты № 1' }).click();
    await expert.page.getByRole('heading', { name: 'Результаты № 1 подписаны и сохранены' }).waitFor();
    assert.ok(existsSync(bundle));

    // The chair: opens the package, imports the demo's bundles, settles the tie, signs the results.
    const chair = await openInBrowser(t);
    await openPackageAs(chair.page, contest, 'chair');
    await chair.page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();
    const bundlesDir = join(demo, 'bundles');
    await chair.page.getByLabel('Выбрать файлы…').setInputFiles(readdirSync(bundlesDir).sort().map((name) => fileUpload(name, readFileSync(join(bundlesDir, name)))));
    await chair.page.getByText('Принято: 9. Заменено более поздними: 0. Повторы: 0. Отклонено: 0.').waitFor();
    await section(chair.page, 'Итоги');
    const tie = chair.page.getByRole('group', { name: /Место 1 делят:/ });
    await tie.waitFor();
    const order = await tie.locator('ol.tie-order li > span:first-child').allTextContents();
    assert.equal(order.length, 2);
    const second = order[1] ?? '';
    await chair.page.getByRole('button', { name: `Поднять: ${second}` }).click();
    await chair.page.getByLabel('Причина решения').fill('Проект охватывает больше заявителей');
    await chair.page.getByRole('button', { name: 'Записать решение' }).click();
    await chair.page.getByText('Все места определены — итоги можно подписать.').waitFor();
    await section(chair.page, 'Подписание');
    await chooseKeyFile(chair.page, 'Ключ председателя', join(demo, 'keys', 'chair.key'), 'demo');
    const results = join(tempDir(t), 'results.jbmerged');
    await chair.page.getByLabel('Куда записать итоги').fill(results);
    await chair.page.getByRole('button', { name: 'Подписать и записать итоги' }).click();
    await chair.page.getByRole('heading', { name: 'Итоги подписаны' }).waitFor();
    assert.ok(existsSync(results));

    for (const [who, { requests, serve }] of Object.entries({ expert, chair })) {
      // The log saw the page, its assets and its API calls, so an empty "foreign" list means something.
      assert.ok(requests.all.some((url) => url.startsWith(`${serve.origin}/assets/`)), `${who}: the UI's assets were recorded`);
      assert.ok(requests.all.some((url) => url.startsWith(`${serve.origin}/api/`)), `${who}: API calls were recorded`);
      assert.deepEqual(requests.foreign, [], `${who}: nothing left ${serve.origin}`);
      assert.ok(requests.all.every((url) => new URL(url).origin === serve.origin));
      t.diagnostic(`${who}: ${requests.all.length} requests, all to ${serve.origin}: ${kinds(requests).join(' ')}`);
    }
  });
});
