import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { IMPORT_LIMITS } from '../../shared/domain/import.ts';
import { keepScreenshot } from '../helpers/browser.ts';
import { encodeCp1251 } from '../helpers/cp1251.ts';
import { fileUpload, openInBrowser, section } from '../helpers/e2e.ts';
import { tempDir } from '../helpers/temp.ts';
import { rowXml, workbook } from '../helpers/zip.ts';

/** A 322 KB workbook whose one sheet expands to 300 MB. */
function zipBomb(): Buffer {
  const mebibyteRow = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'A'.repeat(1024 * 1024 - 60)}</t></is></c></row>`;
  return workbook([rowXml(1, ['ФИО']), { piece: mebibyteRow, times: 300 }]);
}

/** A Windows-1251 CSV of experts whose third row was pasted in from a UTF-8 file. */
function mixedCsv(): Buffer {
  const cp1251 = (text: string) => encodeCp1251(`${text}\r\n`);
  return Buffer.concat([cp1251('ФИО;Организация;Роль'), cp1251('Иванова Анна;МФЦ Тулы;эксперт'), encodeCp1251('Петров Пётр;'), Buffer.from('МФЦ Орла', 'utf8'), cp1251(';эксперт')]);
}

/** Experts with a bell in one name and a right-to-left override in another. */
const invisibleCsv = (): Buffer => Buffer.from('ФИО;Организация;Роль\r\nИванова\u0007 Анна;МФЦ Тулы;эксперт\r\nПетров Пётр;\u202eМФЦ Орла;эксперт\r\nСидоров Иван;МФЦ Твери;эксперт\r\n', 'utf8');

async function openExpertImport(page: Page, dir: string): Promise<void> {
  await page.getByLabel('Название конкурса').fill('Лучший МФЦ области');
  await page.getByLabel('Файл новой рабочей области').fill(join(dir, 'konkurs.sqlite'));
  await page.getByRole('button', { name: 'Создать конкурс' }).click();
  await page.getByRole('heading', { level: 1, name: 'Конкурс' }).waitFor();
  await section(page, 'Эксперты');
  await page.getByRole('link', { name: 'Загрузить экспертов из XLSX или CSV' }).click();
}

describe('refused spreadsheets on the import screen', () => {
  it('says why each is refused: too large to read, unpacking too far, mixed encodings, invisible characters by row and column', async (t) => {
    const { page, requests } = await openInBrowser(t);
    await openExpertImport(page, tempDir(t));
    const nav = page.getByRole('navigation', { name: 'Разделы рабочей области' });
    assert.equal(await nav.getByRole('link', { name: 'Эксперты', exact: true }).getAttribute('aria-current'), 'page');
    const file = page.getByLabel('Файл XLSX или CSV');
    const alert = page.getByRole('alert');

    // Over 32 MiB: refused by the screen, which never reads the file nor sends it.
    const previews = () => requests.all.filter((url) => url.endsWith('/api/import:preview')).length;
    await file.setInputFiles(fileUpload('огромный.csv', Buffer.alloc(IMPORT_LIMITS.fileBytes + 1, 0x41)));
    await alert.getByText('Файл огромный.csv слишком большой: 32,1 МБ при пределе 32 МБ.').waitFor();
    assert.equal(previews(), 0);

    await file.setInputFiles(fileUpload('бомба.xlsx', zipBomb()));
    await alert.getByText('Файл бомба.xlsx в распакованном виде больше 64 МБ').waitFor();
    await keepScreenshot(page, 'import-refused-unpacked');

    await file.setInputFiles(fileUpload('эксперты.csv', mixedCsv()));
    await alert.getByText('В файле эксперты.csv текст в строке 3, столбце B записан в UTF-8, а файл читается как Windows-1251').waitFor();

    await file.setInputFiles(fileUpload('эксперты.csv', invisibleCsv()));
    const problems = page.getByRole('table').filter({ hasText: 'Что не так' });
    await problems.getByRole('row', { name: /^2 A «ФИО» В ячейке невидимый управляющий символ U\+0007 \(символ № 8\)/ }).waitFor();
    await problems.getByRole('row', { name: /^3 B «Организация» В ячейке невидимый символ направления текста U\+202E \(символ № 1\)/ }).waitFor();
    await page.getByText('Строк: 3, готовы к загрузке: 1, исключены: 0, ошибок: 2.').waitFor();
    // The refusal of the file before is not about this one.
    await alert.getByText('Windows-1251').waitFor({ state: 'detached' });
    assert.equal(await page.getByRole('button', { name: /^Загрузить \(/ }).isDisabled(), true);
    await keepScreenshot(page, 'import-refused-characters');

    // Another file refused: the check of the one before goes with it.
    await file.setInputFiles(fileUpload('бомба.xlsx', zipBomb()));
    await alert.getByText('Файл бомба.xlsx в распакованном виде больше 64 МБ').waitFor();
    await page.getByRole('heading', { name: '4. Проверка' }).waitFor({ state: 'detached' });
  });
});
