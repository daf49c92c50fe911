import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { encodeCp1251 } from '../helpers/cp1251.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { repoRoot, runCli } from '../helpers/cli.ts';
import { fileUpload, openInBrowser, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';

const NOMINATION = 'Лучший проект МФЦ';
const SECOND = 'Лучший специалист МФЦ';
const REGIONS = ['Тульская область', 'Калужская область', 'Орловская область', 'Рязанская область', 'Москва'];

/**
 * An XLSX like a contest office keeps: a header, 50 entries across two nominations (the first with
 * two categories), and one more row for a nomination that does not exist.
 */
async function entriesWorkbook(path: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Заявки');
  sheet.addRow(['№ заявки', 'Название', 'Организация', 'Регион', 'Номинация', 'Категория', 'Дата заявки']);
  for (let i = 1; i <= 50; i += 1) {
    const project = i <= 30;
    sheet.addRow([`З-${i}`, project ? `Проект ${i}` : `Специалист ${i}`, `МФЦ №${i}`, REGIONS[i % REGIONS.length], project ? NOMINATION : SECOND, project ? (i <= 15 ? 'Малые МФЦ' : 'Крупные МФЦ') : '', new Date(Date.UTC(2027, 2, 1 + (i % 28)))]);
  }
  sheet.addRow(['З-51', 'Проект 51', 'МФЦ №51', 'Тверская область', 'Несуществующая номинация', '', new Date(Date.UTC(2027, 2, 10))]);
  writeFileSync(path, Buffer.from(await book.xlsx.writeBuffer()));
}

/** Ten experts as a CSV saved by Excel in Windows-1251 with semicolons. */
function expertsCsv(path: string): void {
  const rows = ['ФИО;Организация;Регион;Роль', 'Иванова Анна Петровна;Минэкономразвития России;Москва;председатель'];
  for (let i = 2; i <= 10; i += 1) rows.push(`Эксперт Номер${i} Ёлкин;Ведомство №${i};${REGIONS[i % REGIONS.length]};эксперт`);
  writeFileSync(path, encodeCp1251(`${rows.join('\r\n')}\r\n`));
}

/** The bash block that follows a heading of docs/formats.md. */
function docBlock(heading: string): string {
  const doc = readFileSync(join(repoRoot, 'docs', 'formats.md'), 'utf8');
  return /```bash\n([\s\S]*?)```/.exec(doc.slice(doc.indexOf(heading)))?.[1] ?? '';
}

/** The same workbook without its last row: what the organiser saves after fixing the file. */
async function withoutLastRow(path: string, dir: string): Promise<string> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.worksheets[0];
  sheet?.spliceRows(sheet.rowCount, 1);
  const fixed = join(dir, 'заявки-исправлено.xlsx');
  await book.xlsx.writeFile(fixed);
  return fixed;
}

/** A file for a file input, by its path on disk. */
const upload = (path: string) => fileUpload(basename(path), readFileSync(path));


async function save(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
  await page.getByRole('status').getByText('Сохранено.').waitFor();
}

describe('organiser in the browser host', () => {
  it('builds a contest of two nominations, imports 50 entries from XLSX and 10 experts from CSV, publishes, and the CLI and openssl verify it', async (t) => {
    const home = tempDir(t);
    const dir = tempDir(t);
    const xlsx = join(dir, 'заявки.xlsx');
    const csv = join(dir, 'эксперты.csv');
    await entriesWorkbook(xlsx);
    expertsCsv(csv);
    const { page } = await openInBrowser(t, { home });
    page.on('dialog', (dialog) => void dialog.accept());

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
    await save(page);
    await keepScreenshot(page, '10-nomination-editor');

    // A second nomination, without categories, with a half-step scale.
    await section(page, 'Конкурс');
    await page.getByRole('link', { name: 'Добавить номинацию' }).click();
    await page.getByLabel('Название номинации').fill(SECOND);
    await page.getByRole('button', { name: 'Добавить критерий' }).click();
    await page.getByLabel('Название критерия').fill('Профессионализм');
    await page.getByLabel('Минимум шкалы').fill('1');
    await page.getByLabel('Максимум шкалы').fill('5');
    await page.getByLabel('Шаг').fill('0,5');
    await save(page);
    await section(page, 'Конкурс');
    await page.getByText('Категорий: 0, критериев: 1').waitFor();

    // Entries from the XLSX: the bad row is shown with its row and column, left out, then the rest load.
    await section(page, 'Участники');
    await page.getByRole('link', { name: 'Загрузить участников из XLSX или CSV' }).click();
    await page.getByLabel('Файл XLSX или CSV').setInputFiles(upload(xlsx));
    await page.getByText('Файл заявки.xlsx: строк 51, столбцов 7.').waitFor();
    const problems = page.getByRole('table').filter({ hasText: 'Что не так' });
    await problems.getByRole('row', { name: /^52 E «Номинация» Номинации «Несуществующая номинация» в конкурсе нет/ }).waitFor();
    assert.equal(await page.getByRole('button', { name: /^Загрузить \(/ }).isDisabled(), true);
    // The preview shows the first 50 rows; the bad one is the 51st, so it is left out through the file.
    await page.getByText('Строк: 51, готовы к загрузке: 50, исключены: 0, ошибок: 1.').waitFor();
    await keepScreenshot(page, '11-import-entries');
    await page.getByLabel('Файл XLSX или CSV').setInputFiles(upload(await withoutLastRow(xlsx, dir)));
    await page.getByText('Строк: 50, готовы к загрузке: 50, исключены: 0, ошибок: 0.').waitFor();
    await page.getByRole('button', { name: 'Загрузить (50)' }).click();
    await page.getByRole('status').getByText('Загружено: 50.').waitFor();
    await page.getByText('50 участников').waitFor();

    // Experts from a Windows-1251 CSV with semicolons.
    await section(page, 'Эксперты');
    await page.getByRole('link', { name: 'Загрузить экспертов из XLSX или CSV' }).click();
    await page.getByLabel('Файл XLSX или CSV').setInputFiles(upload(csv));
    await page.getByLabel('Кодировка').getByText('Определить (windows-1251)').waitFor({ state: 'attached' });
    await page.getByRole('button', { name: 'Загрузить (10)' }).click();
    await page.getByRole('status').getByText('Загружено: 10.').waitFor();
    await page.getByRole('cell', { name: 'Председатель жюри' }).waitFor();
    await page.getByText('Экспертов: 10, с ключом: 0.').waitFor();

    // Three experts score the first nomination; conflicts by region show (the chair and entry 4 are from Moscow).
    await section(page, 'Назначения');
    for (const name of ['Иванова Анна Петровна', 'Эксперт Номер2 Ёлкин', 'Эксперт Номер3 Ёлкин']) {
      await page.getByLabel(`${name}: вся номинация «${NOMINATION}»`).check();
    }
    await page.getByRole('button', { name: 'Конфликт интересов: Иванова Анна Петровна и «Проект 4»' }).getByText('Конфликт').waitFor();
    await keepScreenshot(page, '12-assignments');

    // A key sealed by a passphrase, then the first revision.
    await section(page, 'Публикация');
    await page.getByLabel('Чей это ключ').fill('Оргкомитет, Иванова А. П.');
    await page.getByLabel('Пароль', { exact: true }).fill('четыре слова про конкурс');
    await page.getByLabel('Пароль ещё раз').fill('четыре слова про конкурс');
    await page.getByRole('button', { name: 'Создать ключ' }).click();
    await page.getByLabel('Ключ организатора').getByRole('option', { name: /^Оргкомитет, Иванова А\. П\. — \d{5}/ }).waitFor({ state: 'attached' });
    await page.getByLabel('Пароль ключа').fill('четыре слова про конкурс');
    const path = join(dir, 'konkurs-r1.jbcontest');
    await page.getByLabel('Куда записать пакет').fill(path);
    await page.getByRole('button', { name: 'Подписать и опубликовать редакцию 1' }).click();
    await page.getByRole('heading', { name: 'Редакция 1 опубликована' }).waitFor();
    await keepScreenshot(page, '13-published');

    const verified = runCli(['verify', path]);
    assert.equal(verified.status, 0, verified.stderr);
    assert.match(verified.stdout, /contest package “Лучший МФЦ области”, revision 1, keys on the roster: 0, signed by \d{5}/);

    // And as docs/formats.md shows, with openssl alone.
    copyFileSync(path, join(dir, 'contest.jbcontest'));
    const openssl = spawnSync('bash', ['-c', docBlock("### Verify the demo's package with openssl alone")], { cwd: dir, encoding: 'utf8' });
    assert.equal(openssl.status, 0, openssl.stderr);
    assert.match(openssl.stdout, /Signature Verified Successfully/);
    assert.ok(verified.stdout.includes(openssl.stdout.match(/^fingerprint: (.*)$/m)?.[1] ?? 'no fingerprint'));
  });
});
