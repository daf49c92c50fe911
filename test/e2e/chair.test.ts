import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { tieDecisionsJson } from '../../electron/services/chair/decisions-file.ts';
import { openMerged } from '../../electron/services/chair/merge.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { tampered } from '../helpers/chair.ts';
import { runCli } from '../helpers/cli.ts';
import { fileUpload, openInBrowser, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';


/** The first place of each group as `jurybox merge` prints it: "group: first place — title (score of 100)". */
const cliWinners = (stdout: string): string[] => [...stdout.matchAll(/^(.+): first place — (.+) \([\d.]+ of 100\)$/gm)].map((m) => `${m[1]}: ${m[2]}`).sort();

describe('chair in the browser host', () => {
  it('imports the demo bundles (one tampered), sees coverage and rankings, settles the tie, signs results that recompute identically', async (t) => {
    const demo = tempDir(t);
    assert.equal(runCli(['demo', '--out', demo]).status, 0);
    const packagePath = join(demo, 'contest.jbcontest');
    const bundlesDir = join(demo, 'bundles');
    const { page } = await openInBrowser(t);

    // Open the package as the chair, after the fingerprint is shown.
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', readFileSync(packagePath)));
    await page.getByLabel('Кто вы').selectOption({ label: 'Председатель жюри — принять результаты экспертов и подвести итоги' });
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть как председатель' }).click();
    await page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();

    // Every demo bundle, and a tampered copy of one under another name: 9 accepted, 1 refused with the reason.
    const files = readdirSync(bundlesDir).sort().map((name) => fileUpload(name, readFileSync(join(bundlesDir, name))));
    const kim = files.find((f) => f.name === 'kim.jbresult');
    assert.ok(kim);
    await page.getByLabel('Выбрать файлы…').setInputFiles([...files, fileUpload('kim-copy.jbresult', tampered(kim.buffer))]);
    await page.getByText('Принято: 9. Заменено более поздними: 0. Повторы: 0. Отклонено: 1.').waitFor();
    const refusedRow = page.getByRole('row', { name: /kim-copy\.jbresult/ });
    await refusedRow.getByText('Отклонён').waitFor();
    await refusedRow.getByText(/подпись не сходится/).waitFor();
    await page.getByRole('heading', { name: 'Что учтено: результаты 9 из 9 экспертов' }).waitFor();
    await keepScreenshot(page, '30-chair-intake');

    // The same files again, dropped onto the page: duplicates, nothing changes.
    await page.evaluate(
      (dropped) => {
        const transfer = new DataTransfer();
        for (const f of dropped) transfer.items.add(new File([Uint8Array.from(atob(f.content), (c) => c.charCodeAt(0))], f.name));
        document.querySelector('.drop-zone')?.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: transfer }));
      },
      files.map((f) => ({ name: f.name, content: f.buffer.toString('base64') })),
    );
    await page.getByText('Принято: 0. Заменено более поздними: 0. Повторы: 9. Отклонено: 0.').waitFor();

    // Coverage of the network nomination: every cell a state, conflicts shown.
    await section(page, 'Покрытие');
    await page.getByRole('table', { name: /Лучшая региональная сеть МФЦ: нужно не меньше 3 полных оценок/ }).waitFor();
    assert.ok((await page.locator('table.coverage td.cover-complete').count()) > 50);
    assert.ok((await page.locator('table.coverage td.cover-conflict').count()) > 0);
    await keepScreenshot(page, '31-chair-coverage');

    // Rankings: the project nomination's first place is tied; signing is blocked until it is settled.
    await section(page, 'Итоги');
    await page.getByText('Осталась 1 ничья — решите её, чтобы подписать итоги.').waitFor();
    const tie = page.getByRole('group', { name: /Место 1 делят:/ });
    await tie.waitFor();
    await keepScreenshot(page, '32-chair-results');
    await section(page, 'Подписание');
    await page.getByText('Подписать пока нельзя:').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Подписать и записать итоги' }).isDisabled(), true);

    // Settle the tie by keyboard: the second entry moved up, the reason typed, the decision recorded.
    await section(page, 'Итоги');
    await page.getByRole('group', { name: /Место 1 делят:/ }).waitFor();
    const order = await page.getByRole('group', { name: /Место 1 делят:/ }).locator('ol.tie-order li > span:first-child').allTextContents();
    assert.equal(order.length, 2);
    const chosen = order[1] ?? '';
    await page.getByRole('button', { name: `Поднять: ${chosen}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Причина решения').fill('Проект охватывает больше заявителей с ограниченными возможностями');
    await page.getByRole('button', { name: 'Записать решение' }).click();
    await page.getByText('Все места определены — итоги можно подписать.').waitFor();
    const project = page.getByRole('region', { name: 'Лучший проект МФЦ' });
    await project.getByRole('row', { name: new RegExp(`^1 ${chosen.replace(/[()«»]/g, '.')}`) }).getByText('решение председателя').waitFor();

    // Drill down to the winner's marks and comments.
    await project.getByRole('link', { name: chosen, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: chosen }).waitFor();
    await page.getByRole('table', { name: 'Оценки экспертов по критериям' }).waitFor();
    assert.equal(await page.locator('table.marks tbody tr').count(), 5);
    await keepScreenshot(page, '33-chair-marks');

    // The group's statistics: agreement, method sensitivity, a chart per expert and per criterion.
    await section(page, 'Итоги');
    await page.getByRole('region', { name: 'Лучший проект МФЦ' }).getByRole('link', { name: 'Статистика и графики' }).click();
    await page.getByRole('heading', { level: 1, name: 'Статистика: Лучший проект МФЦ' }).waitFor();
    await page.getByRole('region', { name: 'Согласованность экспертов' }).getByText('W Кендалла', { exact: true }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Эксперты: строгость и разброс' }).getByRole('img').count(), 1);
    assert.equal(await page.getByRole('region', { name: 'Критерии: распределение оценок' }).getByRole('img').count(), 4);
    await keepScreenshot(page, '35-chair-statistics');

    // Sign with the demo chair key from its file.
    await section(page, 'Подписание');
    await page.getByText('Все места определены.').waitFor();
    await page.getByLabel('Ключ председателя').selectOption('file');
    await page.getByLabel('Путь к файлу ключа (.key)').fill(join(demo, 'keys', 'chair.key'));
    await page.getByLabel('Пароль ключа').fill('demo');
    const results = join(demo, 'signed-in-ui.jbmerged');
    await page.getByLabel('Куда записать итоги').fill(results);
    await page.getByRole('button', { name: 'Подписать и записать итоги' }).click();
    await page.getByRole('heading', { name: 'Итоги подписаны' }).waitFor();
    await keepScreenshot(page, '34-chair-signed');
    assert.ok(existsSync(results));

    // The audit log holds every verdict, the tie decision and the signing.
    await section(page, 'Журнал');
    await page.getByRole('cell', { name: 'Итоги подписаны' }).waitFor();
    await page.getByRole('cell', { name: 'Ничья решена' }).waitFor();
    // The tie decision's entry says the order decided, by names (and ids), and the reason.
    const decided = await page.getByRole('row', { name: /Ничья решена/ }).getByRole('cell').last().textContent();
    assert.match(decided ?? '', new RegExp(`^Порядок: 1\\. ${chosen.replace(/[()«»]/g, '.')} \\(entry-[\\w-]+\\); 2\\. ${(order[0] ?? '').replace(/[()«»]/g, '.')} \\(entry-[\\w-]+\\)\\. Причина: Проект охватывает`));
    assert.equal(await page.getByRole('cell', { name: 'Результаты отклонены', exact: true }).count(), 1);

    // Anyone can recompute: identical from the same files. The CLI's merge refuses to sign while the
    // tie is open, and with the chair's decision in a file names the same winners.
    const recomputed = runCli(['recompute', results, '--contest', packagePath, bundlesDir]);
    assert.equal(recomputed.status, 0, recomputed.stderr);
    assert.match(recomputed.stdout, /IDENTICAL/);
    const mergeArgs = ['merge', '--contest', packagePath, '--key', join(demo, 'keys', 'chair.key'), '--out', join(demo, 'cli.jbmerged')];
    const open = runCli([...mergeArgs, bundlesDir], { JURYBOX_PASSPHRASE: 'demo' });
    assert.equal(open.status, 1);
    assert.match(open.stderr, /^ {2}Лучший проект МФЦ: place 1 shared by /m);
    const signedInUi = openMerged(results).payload;
    const decisions = join(demo, 'decisions-from-ui.json');
    writeFileSync(decisions, tieDecisionsJson(signedInUi.contestId, signedInUi.ties));
    const merged = runCli([...mergeArgs, '--decisions', decisions, bundlesDir], { JURYBOX_PASSPHRASE: 'demo' });
    assert.equal(merged.status, 0, merged.stderr);
    assert.deepEqual(openMerged(join(demo, 'cli.jbmerged')).payload.results, signedInUi.results);
    const verified = runCli(['verify', results]);
    assert.match(verified.stdout, /contest results: .*, experts’ results: 9/);
    const uiWinners = await page.evaluate(async () => {
      const token = sessionStorage.getItem('jurybox.token') ?? '';
      const reply = (await (await fetch('/api/chair:results', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: '{}' })).json()) as {
        value: { groups: { title: string; ranked: { entryId: string; place: number | null }[] }[]; entries: Record<string, { title: string }> };
      };
      return reply.value.groups.map((g) => `${g.title}: ${g.ranked.filter((r) => r.place === 1).map((r) => reply.value.entries[r.entryId]?.title).join('; ')}`);
    });
    // Recomputing and merging with the same decision name the UI's winners everywhere, the chair's decision included.
    assert.equal(uiWinners.length, 5);
    assert.deepEqual(cliWinners(recomputed.stdout), [...uiWinners].sort());
    assert.deepEqual(cliWinners(merged.stdout), [...uiWinners].sort());
  });
});
