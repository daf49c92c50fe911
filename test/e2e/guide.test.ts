/**
 * The user guide's walk-through (docs/user-guide.ru.md, docs/user-guide.en.md): each role's main
 * steps with real files, a screenshot of each step in docs/user-guide/, and at each step a check
 * that the screen shows the labels the guide quotes for it. The last test checks the guides
 * themselves: every screenshot embedded, every quoted label in the text around its picture.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, it, type TestContext } from 'node:test';
import type { Page } from 'playwright-core';
import { writeDemo, type DemoFiles } from '../../electron/services/demo/demo.ts';
import { messages } from '../../shared/i18n/index.ts';
import { tampered } from '../helpers/chair.ts';
import { runCli } from '../helpers/cli.ts';
import { chooseKeyFile, fileUpload, openInBrowser, scoreTheRest, section } from '../helpers/e2e.ts';
import { buildContest, CONTEST, ENTRY, fillContest, PASSPHRASE, publishRevision, SMALL, SMIRNOV } from '../helpers/guide-contest.ts';
import { embeddedShots, GUIDE, GUIDE_VIEWPORT, guideProblems, labelsNotInCatalog, shot, shows, taken } from '../helpers/guide.ts';
import { tempDir } from '../helpers/temp.ts';

/** A page of the browser host at the guide's size, with its own app data; dialogs are answered yes. */
async function guidePage(t: TestContext): Promise<Page> {
  const { page } = await openInBrowser(t);
  await page.setViewportSize(GUIDE_VIEWPORT);
  page.on('dialog', (dialog) => void dialog.accept());
  return page;
}

let demo: DemoFiles;
let demoDir: string;

describe('the user guide, step by step', () => {
  before(() => {
    demoDir = mkdtempSync(join(tmpdir(), 'jurybox-guide-'));
    demo = writeDemo(demoDir, { seed: 1, now: '2026-09-28T09:00:00.000Z' });
  });
  after(() => rmSync(demoDir, { recursive: true, force: true }));

  it('organiser: creates the contest, loads entries and experts, assigns, publishes; an expert enrols a key that the next revision carries', async (t) => {
    const dir = tempDir(t);
    const org = await guidePage(t);
    await buildContest(org, dir);
    await fillContest(org);
    const r1 = join(dir, 'konkurs-r1.jbcontest');
    await publishRevision(org, 1, r1);
    await shot(org, 'org-07-publish', ['Редакция 1 опубликована', 'Ключ организатора', 'Пароль ключа', 'Куда записать пакет', 'Опубликованные редакции']);

    // The expert opens revision 1, makes a key and writes the enrolment for the organiser.
    const expert = await guidePage(t);
    await expert.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('konkurs-r1.jbcontest', readFileSync(r1)));
    await expert.getByLabel('Кто вы').selectOption({ label: `${SMIRNOV} — Аппарат Правительства Российской Федерации` });
    await expert.getByRole('button', { name: 'Отпечаток совпал — открыть для оценки' }).click();
    await expert.getByText(`Вы оцениваете как эксперт: ${SMIRNOV}`).waitFor();
    await section(expert, 'Мой ключ');
    await shows(expert, 'Вашего ключа ещё нет в реестре конкурса. Создайте ключ и отправьте организатору заявку.');
    await expert.getByLabel('Чей это ключ').fill('Смирнов А. В.');
    await expert.getByLabel('Пароль', { exact: true }).fill(PASSPHRASE);
    await expert.getByLabel('Пароль ещё раз').fill(PASSPHRASE);
    await expert.getByRole('button', { name: 'Создать ключ' }).click();
    await expert.getByLabel('Ваш ключ для подписи').getByRole('option', { name: /^Смирнов А\. В\. — \d{5}/ }).waitFor({ state: 'attached' });
    await expert.getByLabel('Пароль ключа').fill(PASSPHRASE);
    const enrolment = join(dir, 'smirnov.jbenrol');
    await expert.getByLabel('Куда записать заявку').fill(enrolment);
    await expert.getByRole('button', { name: 'Записать заявку' }).click();
    await expert.getByText(`Заявка записана: ${enrolment}`).waitFor();
    const fingerprint = (await expert.locator('.notice.success .fingerprint-big').textContent()) ?? '';
    assert.match(fingerprint, /^\d{5}( \d{5}){5}$/);
    await shot(expert, 'expert-02-key', ['Мой ключ', 'Заявка на регистрацию ключа', 'Ваш ключ для подписи', 'Куда записать заявку', 'Записать заявку', 'Продиктуйте организатору отпечаток вашего ключа:', 'Новая редакция пакета']);

    // The organiser compares the fingerprint, accepts the key, and publishes revision 2 with it.
    await section(org, 'Эксперты');
    await org.getByRole('link', { name: 'Принять ключи экспертов' }).click();
    await org.getByLabel('Файлы .jbenrol').setInputFiles([fileUpload('smirnov.jbenrol', readFileSync(enrolment))]);
    await org.getByText('Новый ключ эксперта.').waitFor();
    assert.equal(await org.locator('.enrolment .fingerprint-big').textContent(), fingerprint);
    await shot(org, 'org-08-enrolment', ['Принять ключи экспертов', 'Позвоните эксперту и сверьте отпечаток', 'Новый ключ эксперта.', 'Отпечаток совпал по телефону — принять ключ']);
    await org.getByRole('button', { name: 'Отпечаток совпал по телефону — принять ключ' }).click();
    await org.getByText('Ключ принят и войдёт в следующую редакцию пакета.').waitFor();
    await section(org, 'Публикация');
    await shows(org, 'Ключи получены от 1 из 4 экспертов');
    const r2 = join(dir, 'konkurs-r2.jbcontest');
    await publishRevision(org, 2, r2);
    assert.match(runCli(['verify', r2]).stdout, /revision 2, keys on the roster: 1, signed by /);

    // The expert opens revision 2: the key is now on the roster.
    await expert.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('konkurs-r2.jbcontest', readFileSync(r2)));
    await expert.getByText('Открыта редакция 2 пакета конкурса.').waitFor();
    await shows(expert, `Ваш ключ в реестре конкурса: ${fingerprint}.`);
  });

  it('expert: opens the package, scores by keyboard with a comment, declares a conflict, finds entries, sends a draft and the results, and makes a backup', async (t) => {
    const dir = tempDir(t);
    const page = await guidePage(t);
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', readFileSync(demo.package)));
    await page.getByLabel('Кто вы').selectOption('smirnov');
    await shot(page, 'expert-01-open-package', ['Открыть пакет конкурса', 'Позвоните организатору и сверьте отпечаток его ключа:', 'Кто вы', 'Отпечаток совпал — открыть для оценки'], {
      top: page.getByRole('heading', { name: 'Открыть пакет конкурса' }),
    });
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть для оценки' }).click();
    await shows(page, `Вы оцениваете как эксперт: ${SMIRNOV}`);
    await shot(page, 'expert-03-contest', ['Вы оцениваете как эксперт:', 'Номинации', 'Все мои участники: поиск и отбор', 'Оценено 0 из']);

    await page.getByRole('link', { name: SMALL, exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    await shot(page, 'expert-04-entries', ['Участник', 'Регион', 'Состояние', 'Не начато']);

    // Marks by keyboard: the first field has focus; a 2 is below 3, where this criterion wants a comment.
    await page.getByRole('link', { name: ENTRY, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: ENTRY }).waitFor();
    for (const mark of ['8', '7']) {
      await page.keyboard.type(mark);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('2');
    await page.keyboard.press('Tab');
    await shot(page, 'expert-06-comment', ['Нужен комментарий: оценка ниже 3.', 'Комментарий к оценке'], { top: page.getByRole('group', { name: '3. Удобство графика работы и доступность' }) });
    await page.keyboard.type('Офисы закрыты по субботам, запись только по телефону');
    await page.keyboard.press('Tab');
    for (const mark of ['9', '6']) {
      await page.keyboard.type(mark);
      await page.keyboard.press('Enter');
    }
    await page.keyboard.type('10');
    await page.keyboard.press('Tab');
    await page.locator('p.save[id^="save-"][data-save-state="saved"]').nth(5).waitFor();
    await page.locator('.autosave [data-save-state="saved"]').first().waitFor();
    await shot(page, 'expert-05-entry', ['Критерии оценки', 'Цифры — оценка', 'Как оценивать', 'Оценка', 'Сохранено в', 'Комментарий к оценке', 'Итог:'], { top: page.getByRole('heading', { name: 'Критерии оценки' }) });

    // The same screen in English, once, for the English guide.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await shot(page, 'en-expert-05-entry', ['Criteria', 'How to score', 'Mark', 'Saved at'], { top: page.getByRole('heading', { name: 'Criteria' }) });
    await page.getByRole('button', { name: 'RU', exact: true }).click();
    await page.getByRole('heading', { name: 'Критерии оценки' }).waitFor();

    // A conflict of interest declared on the next entry, with the reason.
    await page.getByRole('link', { name: 'Следующий участник →' }).click();
    await page.getByRole('heading', { level: 1, name: 'Филиал МФЦ Югры в г. Лангепасе' }).waitFor();
    await shows(page, 'Воздержаться от оценки…');
    await page.getByRole('button', { name: 'Заявить конфликт интересов…' }).click();
    await page.getByLabel('В чём конфликт интересов').fill('До 2025 года работал в МФЦ Югры');
    await shot(page, 'expert-07-conflict', ['Конфликт интересов или отказ от оценки', 'Ваши оценки этого участника будут сняты', 'В чём конфликт интересов', 'Заявить конфликт'], {
      top: page.getByRole('heading', { name: 'Конфликт интересов или отказ от оценки' }),
    });
    await page.getByRole('button', { name: 'Заявить конфликт', exact: true }).click();
    await shows(page, 'Конфликт интересов: этого участника оценить нельзя. Заявлен экспертом: До 2025 года работал в МФЦ Югры');

    await section(page, 'Мои участники');
    await page.getByLabel('Поиск по названию, организации, региону').fill('Югр');
    await shot(page, 'expert-08-mine', ['Мои участники', 'Поиск по названию, организации, региону', 'Состояние', 'Найдено: 3', 'Конфликт интересов']);

    // A signed draft while one entry is still missing, then everything scored and the results, number 2.
    const keyFile = join(demo.keys, 'expert-smirnov.key');
    await scoreTheRest(page, 1);
    await section(page, 'Отправка');
    await chooseKeyFile(page, 'Ваш ключ для подписи', keyFile, 'demo');
    await page.getByLabel('Куда записать результаты').fill(join(dir, 'smirnov-1.jbresult'));
    await shot(page, 'expert-09-submit', ['Проверка', 'Не хватает оценок или обязательных комментариев у', 'нет оценок:', 'Ваш ключ для подписи', 'Куда записать результаты', 'Подписать и сохранить результаты № 1', 'Сохранить черновик']);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('heading', { name: 'Черновик № 1 подписан и сохранён' }).waitFor();
    await scoreTheRest(page);
    await page.reload();
    await shows(page, 'Всё оценено: можно отправлять.');
    await chooseKeyFile(page, 'Ваш ключ для подписи', keyFile, 'demo');
    const final = join(dir, 'smirnov-2.jbresult');
    await page.getByLabel('Куда записать результаты').fill(final);
    await page.getByRole('button', { name: 'Подписать и сохранить результаты № 2' }).click();
    await page.getByRole('heading', { name: 'Результаты № 2 подписаны и сохранены' }).waitFor();
    await shot(page, 'expert-10-submitted', ['Результаты № 2 подписаны и сохранены', 'Передайте этот файл председателю жюри.', 'Отправленные результаты', 'черновик']);
    const verified = runCli(['verify', '--contest', demo.package, join(dir, 'smirnov-1.jbresult'), final]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /DRAFT results of expert smirnov, number 1, .* — SUPERSEDED by a later one/);
    assert.match(verified.stdout, /results of expert smirnov, number 2, .* — OK/);

    // A backup on request; restoring asks first, and Esc backs out.
    await section(page, 'Резервные копии');
    await page.getByRole('button', { name: 'Создать копию сейчас' }).click();
    await page.getByText(/^Копия создана и проверена: /).waitFor();
    await shot(page, 'backup-01-list', ['Резервные копии', 'Создать копию сейчас', 'Копия создана и проверена:', 'Копии, новые сверху', 'вручную', 'Восстановить']);
    await page.getByRole('row').filter({ hasText: 'вручную' }).getByRole('button', { name: /^Восстановить копию от / }).click();
    await shot(page, 'backup-02-restore', ['Сначала её нынешнее состояние будет сохранено отдельной копией', 'Да, восстановить', 'Отмена']);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Да, восстановить' }).waitFor({ state: 'detached' });
  });

  it('jury chair: opens the package as chair, imports the results, settles the tie, reads the statistics, signs results that recompute identically', async (t) => {
    const dir = tempDir(t);
    const page = await guidePage(t);
    await page.getByLabel('Файл пакета (.jbcontest)').setInputFiles(fileUpload('contest.jbcontest', readFileSync(demo.package)));
    await page.getByLabel('Кто вы').selectOption({ label: 'Председатель жюри — принять результаты экспертов и подвести итоги' });
    await shot(page, 'chair-01-open', ['Кто вы', 'Председатель жюри — принять результаты экспертов и подвести итоги', 'Отпечаток совпал — открыть как председатель'], {
      top: page.getByRole('heading', { name: 'Открыть пакет конкурса' }),
    });
    await page.getByRole('button', { name: 'Отпечаток совпал — открыть как председатель' }).click();
    await page.getByRole('heading', { level: 1, name: 'Приём результатов' }).waitFor();

    // The nine experts' files, a copy of one altered after signing, and a file that is not JuryBox's.
    const files = demo.bundles.map((path) => fileUpload(basename(path), readFileSync(path)));
    const kim = readFileSync(join(demoDir, 'bundles', 'kim.jbresult'));
    await page.getByLabel('Выбрать файлы…').setInputFiles([fileUpload('kim-copy.jbresult', tampered(kim)), fileUpload('notes.jbresult', Buffer.from('Оценки пришлю позже.\n')), ...files]);
    await page.getByText('Принято: 9. Заменено более поздними: 0. Повторы: 0. Отклонено: 2.').waitFor();
    await shows(page, 'Что учтено: результаты 9 из 9 экспертов');
    await shot(page, 'chair-02-intake', ['Результаты экспертов', 'Выбрать файлы…', 'Выбрать папку…', 'Проверка файлов', 'Принят', 'Отклонён', 'подпись не сходится', 'не файл JuryBox', 'Что учтено: результаты'], {
      top: page.getByRole('heading', { name: 'Проверка файлов' }),
    });

    await section(page, 'Покрытие');
    await page.getByRole('table', { name: /Лучшая региональная сеть МФЦ: нужно не меньше 3 полных оценок/ }).waitFor();
    await shot(page, 'chair-03-coverage', ['Кто из экспертов что оценил', 'оценено полностью', 'конфликт интересов', 'не назначен', 'нужно не меньше 3 полных оценок на участника']);

    await section(page, 'Итоги');
    await shot(page, 'chair-04-results', ['Итоги по действующим отправкам', 'Осталась 1 ничья — решите её, чтобы подписать итоги.', 'Место', 'Балл', 'Из 100', 'Оценок', 'Как определено место', 'Статистика и графики']);
    const tie = page.getByRole('group', { name: /Место 1 делят:/ });
    const order = await tie.locator('ol.tie-order li > span:first-child').allTextContents();
    assert.equal(order.length, 2);
    const chosen = order[1] ?? '';
    await page.getByRole('button', { name: `Поднять: ${chosen}` }).click();
    await page.getByLabel('Причина решения').fill('Проект охватывает больше заявителей с ограниченными возможностями');
    await shot(page, 'chair-05-tie', ['Место 1 делят:', 'Правила равенства их не различили.', 'Причина решения', 'Записать решение'], { top: tie });
    await page.getByRole('button', { name: 'Записать решение' }).click();
    await page.getByText('Все места определены — итоги можно подписать.').waitFor();

    const project = page.getByRole('region', { name: 'Лучший проект МФЦ' });
    await project.getByRole('link', { name: chosen, exact: true }).click();
    await page.getByRole('table', { name: 'Оценки экспертов по критериям' }).waitFor();
    await shot(page, 'chair-06-marks', ['Оценки экспертов по критериям', 'Итог эксперта', 'Полных оценок']);

    await section(page, 'Итоги');
    await page.getByRole('region', { name: 'Лучший проект МФЦ' }).getByRole('link', { name: 'Статистика и графики' }).click();
    await page.getByRole('heading', { level: 1, name: 'Статистика: Лучший проект МФЦ' }).waitFor();
    await shot(page, 'chair-07-statistics', ['Согласованность экспертов', 'W Кендалла', 'Зависит ли победитель от способа подсчёта']);
    await shot(page, 'chair-08-experts', ['Эксперты: строгость и разброс', 'Строгость', 'Разброс', 'Критерии: распределение оценок', 'Участники: расхождение экспертов', 'Выбивающиеся оценки'], {
      top: page.getByRole('region', { name: 'Эксперты: строгость и разброс' }),
    });

    await section(page, 'Подписание');
    await shows(page, 'Все места определены.');
    await chooseKeyFile(page, 'Ключ председателя', join(demo.keys, 'chair.key'), 'demo');
    const results = join(dir, 'itogi.jbmerged');
    await page.getByLabel('Куда записать итоги').fill(results);
    await shot(page, 'chair-09-sign', ['Проверка перед подписанием', 'Все места определены.', 'Ключ председателя', 'Путь к файлу ключа (.key)', 'Пароль ключа', 'Председатель (как указать в итогах)', 'Куда записать итоги', 'Подписать и записать итоги'], {
      top: page.getByRole('heading', { name: 'Проверка перед подписанием' }),
    });
    await page.getByRole('button', { name: 'Подписать и записать итоги' }).click();
    await page.getByRole('heading', { name: 'Итоги подписаны' }).waitFor();
    await shows(page, 'Проверить: jurybox recompute ФАЙЛ.jbmerged --contest ПАКЕТ.jbcontest ПАПКА_С_РЕЗУЛЬТАТАМИ');

    await section(page, 'Журнал');
    await shot(page, 'chair-10-audit', ['Журнал', 'Событие', 'Результаты приняты', 'Результаты отклонены', 'Ничья решена', 'Итоги подписаны']);

    // Anyone holding the package and the experts' files gets the same results.
    const recomputed = runCli(['recompute', results, '--contest', demo.package, join(demoDir, 'bundles')]);
    assert.equal(recomputed.status, 0, recomputed.stderr);
    assert.match(recomputed.stdout, /IDENTICAL/);
  });

  it('at the venue: opens the signed results, writes the protocol, and runs the ceremony by keyboard', async (t) => {
    const out = tempDir(t);
    const page = await guidePage(t);
    await page.getByLabel('Файл итогов (.jbmerged)').setInputFiles(fileUpload('results.jbmerged', readFileSync(demo.results)));
    await page.waitForURL(/#\/venue$/);
    const folder = page.getByLabel('Папка для файлов');
    await folder.fill(out);
    await page.getByRole('button', { name: 'Протокол (PDF)' }).click();
    await page.getByText(`Записано: ${join(out, 'protocol.pdf')}`).waitFor();
    await shot(page, 'venue-01-venue', ['Протокол и награждение', 'Подписал', 'Отпечаток ключа', 'Церемония награждения', 'Начать церемонию', 'Протокол и выгрузки', 'Присутствуют на заседании', 'Язык документов', 'Папка для файлов', 'Протокол (PDF)', 'Итоги (XLSX)', 'Итоги (CSV)', 'Награды'], {
      top: page.getByRole('heading', { name: 'Протокол и выгрузки' }),
    });

    await page.getByRole('button', { name: 'Начать церемонию' }).click();
    await page.waitForURL(/#\/ceremony$/);
    await page.getByRole('heading', { level: 1, name: CONTEST }).waitFor();
    // → until the first group's winner is revealed: the screen reader's line then names first place.
    const said = page.locator('[aria-live="polite"]');
    for (let i = 0; i < 12 && !((await said.textContent()) ?? '').startsWith('1 место:'); i += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('s');
    await shot(page, 'venue-02-ceremony', ['Победитель', '2 место', '3 место', 'из 100']);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.fullscreenElement === null);
    await page.keyboard.press('Escape');
    await page.waitForURL(/#\/venue$/);
  });

  it('the guides embed every screenshot, quote the labels each screen showed, and name in bold only what the app says', () => {
    const files = readdirSync(GUIDE.shots).filter((f) => f.endsWith('.png')).map((f) => f.slice(0, -4)).sort();
    // The English screenshots are for the English guide; the Russian one shows the Russian screens only.
    const embedded = (guide: string) => [...new Set(embeddedShots(readFileSync(guide, 'utf8')))].sort();
    assert.deepEqual(embedded(GUIDE.ru), files.filter((f) => !f.startsWith('en-')), 'user-guide.ru.md embeds every Russian screenshot in docs/user-guide/, and no other');
    assert.deepEqual(embedded(GUIDE.en), files, 'user-guide.en.md embeds every screenshot in docs/user-guide/, and no other');
    assert.deepEqual(guideProblems(GUIDE.ru, taken.filter((s) => !s.name.startsWith('en-')), true), []);
    assert.deepEqual(guideProblems(GUIDE.en, taken, false), []);
    assert.deepEqual(guideProblems(GUIDE.en, taken.filter((s) => s.name.startsWith('en-')), true), []);
    assert.deepEqual(labelsNotInCatalog(readFileSync(GUIDE.ru, 'utf8'), messages.ru), []);
    assert.deepEqual(labelsNotInCatalog(readFileSync(GUIDE.en, 'utf8'), messages.en), []);
  });
});
