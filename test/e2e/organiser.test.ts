import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { encodeCp1251 } from '../helpers/cp1251.ts';
import { keepScreenshot, launchBrowser } from '../helpers/browser.ts';
import { runCli, startServe } from '../helpers/cli.ts';
import { tempDir } from '../helpers/temp.ts';

const NOMINATION = 'Лучший проект МФЦ';

/** An XLSX like a contest office keeps: a header, nine good rows, and one for a nomination that does not exist. */
async function entriesWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Заявки');
  sheet.addRow(['№ заявки', 'Название', 'Организация', 'Регион', 'Номинация', 'Категория', 'Дата заявки']);
  for (let i = 1; i <= 9; i += 1) {
    sheet.addRow([`П-${i}`, `Проект ${i}`, `МФЦ №${i}`, i % 2 ? 'Тульская область' : 'Калужская область', NOMINATION, i <= 4 ? 'Малые МФЦ' : 'Крупные МФЦ', new Date(Date.UTC(2027, 2, i))]);
  }
  sheet.addRow(['П-10', 'Проект 10', 'МФЦ №10', 'Орловская область', 'Несуществующая номинация', '', new Date(Date.UTC(2027, 2, 10))]);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
}

/** Experts as a CSV saved by Excel in Windows-1251 with semicolons. */
function expertsCsv(path: string): void {
  const rows = ['ФИО;Организация;Регион;Роль', 'Иванова Анна Петровна;Минэкономразвития России;Москва;председатель', 'Петров Пётр Ильич;Минцифры России;Москва;эксперт', 'Сидорова Елена Олеговна;Правительство Тульской области;Тульская область;эксперт'];
  writeFileSync(path, encodeCp1251(`${rows.join('\r\n')}\r\n`));
}

async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await page.getByRole('status').getByText('Сохранено.').waitFor();
}

describe('organiser in the browser host', () => {
  it('builds a contest, imports entries from XLSX and experts from CSV, publishes, and jurybox verify accepts the package', async (t) => {
    const home = tempDir(t);
    const dir = tempDir(t);
    const xlsx = join(dir, 'заявки.xlsx');
    const csv = join(dir, 'эксперты.csv');
    await entriesWorkbook(xlsx);
    expertsCsv(csv);
    const serve = await startServe([], { JURYBOX_HOME: home });
    t.after(() => serve.stop());
    const browser = await launchBrowser(t);
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('dialog', (dialog) => void dialog.accept());
    await page.goto(serve.url);

    // A new contest, from the start screen.
    await page.getByLabel('Название конкурса').fill('Лучший МФЦ области');
    await page.getByLabel('Файл новой рабочей области').fill(join(dir, 'konkurs.sqlite'));
    await page.getByRole('button', { name: 'Создать конкурс' }).click();
    await page.getByRole('heading', { level: 1, name: 'Конкурс' }).waitFor();

    // A nomination with two categories and two criteria; a step that does not fit is refused first.
    await page.getByRole('link', { name: 'Добавить номинацию' }).click();
    await page.getByLabel('Название номинации').fill(NOMINATION);
    for (const [i, title] of ['Малые МФЦ', 'Крупные МФЦ'].entries()) {
      await page.getByRole('button', { name: 'Добавить категорию' }).click();
      await page.getByLabel(`Категория ${i + 1}`, { exact: true }).fill(title);
    }
    for (const title of ['Польза для заявителей', 'Уровень цифровизации']) {
      await page.getByRole('button', { name: 'Добавить критерий' }).click();
      await page.getByLabel('Название критерия').last().fill(title);
    }
    await page.getByLabel('Шаг').first().fill('3');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await page.getByText('Шаг должен укладываться в диапазон шкалы целое число раз').waitFor();
    await page.getByLabel('Шаг').first().fill('1');
    await page.getByLabel('Как выглядит такая работа').count().then((n) => assert.equal(n, 0));
    await save(page);
    await keepScreenshot(page, '10-nomination-editor');

    // Entries from the XLSX: the bad row is shown with its row and column, left out, then the rest load.
    await page.getByRole('link', { name: 'Участники', exact: true }).click();
    await page.getByRole('link', { name: 'Загрузить участников из XLSX или CSV' }).click();
    await page.getByLabel('Файл XLSX или CSV').setInputFiles(xlsx);
    await page.getByText('Файл заявки.xlsx: строк 10, столбцов 7.').waitFor();
    const problems = page.getByRole('table').filter({ hasText: 'Что не так' });
    await problems.getByRole('row', { name: /^11 E «Номинация» Номинации «Несуществующая номинация» в конкурсе нет/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Загрузить \(/ }).isDisabled(), true);
    await page.getByLabel('Загружать строку 11').uncheck();
    await page.getByText('Строк: 10, готовы к загрузке: 9, исключены: 1, ошибок: 0.').waitFor();
    await keepScreenshot(page, '11-import-entries');
    await page.getByRole('button', { name: 'Загрузить (9)' }).click();
    await page.getByRole('status').getByText('Загружено: 9.').waitFor();
    await page.getByText('9 участников').waitFor();

    // Experts from a Windows-1251 CSV with semicolons.
    await page.getByRole('link', { name: 'Эксперты', exact: true }).click();
    await page.getByRole('link', { name: 'Загрузить экспертов из XLSX или CSV' }).click();
    await page.getByLabel('Файл XLSX или CSV').setInputFiles(csv);
    await page.getByLabel('Кодировка').getByText('Определить (windows-1251)').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Загрузить (3)' }).click();
    await page.getByRole('status').getByText('Загружено: 3.').waitFor();
    await page.getByRole('cell', { name: 'Председатель жюри' }).waitFor();

    // Everyone scores the whole nomination; Sidorova's conflicts with the Tula entries show.
    await page.getByRole('link', { name: 'Назначения', exact: true }).click();
    for (const name of ['Иванова Анна Петровна', 'Петров Пётр Ильич', 'Сидорова Елена Олеговна']) {
      await page.getByLabel(`${name}: вся номинация «${NOMINATION}»`).check();
    }
    await page.getByRole('button', { name: 'Конфликт интересов: Сидорова Елена Олеговна и «Проект 1»' }).getByText('Конфликт').waitFor();
    await keepScreenshot(page, '12-assignments');

    // A key sealed by a passphrase, then the first revision.
    await page.getByRole('link', { name: 'Публикация', exact: true }).click();
    await page.getByLabel('Чей это ключ').fill('Оргкомитет, Иванова А. П.');
    await page.getByLabel('Пароль', { exact: true }).fill('четыре слова про конкурс');
    await page.getByLabel('Пароль ещё раз').fill('четыре слова про конкурс');
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    await page.getByLabel('Пароль ключа').fill('четыре слова про конкурс');
    const path = join(dir, 'konkurs-r1.jbcontest');
    await page.getByLabel('Куда записать пакет').fill(path);
    await page.getByRole('button', { name: 'Подписать и опубликовать редакцию 1' }).click();
    await page.getByRole('heading', { name: 'Редакция 1 опубликована' }).waitFor();
    await keepScreenshot(page, '13-published');

    const verified = runCli(['verify', path]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /contest package “Лучший МФЦ области”, revision 1, keys on the roster: 0, signed by \d{5}/);
  });
});
