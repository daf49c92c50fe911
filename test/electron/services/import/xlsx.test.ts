import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import ExcelJS from 'exceljs';
import { MAX_FILE_BYTES, readTable } from '../../../../electron/services/import/index.ts';
import type { ReadOptions, Table } from '../../../../electron/services/import/index.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { userErrorOf } from '../../../helpers/errors.ts';

async function readWritten(t: TestContext, name: string, bytes: Buffer, options?: ReadOptions): Promise<Table> {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path), options);
}

async function workbookBytes(fill: (workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A workbook with a cover sheet and the entries on a second sheet, in the shapes Excel stores. */
function contestBook(workbook: ExcelJS.Workbook): void {
  workbook.addWorksheet('Титул').addRow(['Реестр заявок']);
  const sheet = workbook.addWorksheet('Заявки');
  sheet.addRow(['Участник', 'Дата подачи', '№ заявки', 'Баллы', 'Сайт']);
  sheet.addRow([
    { richText: [{ text: 'МФЦ ' }, { font: { bold: true }, text: '«Югра»' }] },
    new Date(Date.UTC(2026, 1, 3)),
    1234,
    { formula: 'D3*2', result: 14 },
    { text: 'сайт', hyperlink: 'https://mfc.example.ru' },
  ]);
  sheet.addRow(['МФЦ Казани', '04.02.2026', 1235, 7, { text: 'https://kzn.example.ru', hyperlink: 'https://kzn.example.ru/' }]);
}

describe('reading XLSX', () => {
  it('reads the first sheet unless told otherwise and lists every sheet', async (t) => {
    const table = await readWritten(t, 'реестр.xlsx', await workbookBytes(contestBook));
    assert.equal(table.format, 'xlsx');
    assert.deepEqual(table.sheets, ['Титул', 'Заявки']);
    assert.equal(table.sheet, 'Титул');
    assert.deepEqual(table.columns.map((c) => c.header), ['Реестр заявок']);
    assert.deepEqual(table.rows, []);
  });

  it('reads a sheet by name: rich text as text, dates, formula results, numbers and links', async (t) => {
    const table = await readWritten(t, 'реестр.xlsx', await workbookBytes(contestBook), { sheet: 'Заявки' });
    assert.equal(table.sheet, 'Заявки');
    assert.equal(table.encoding, null);
    assert.deepEqual(table.columns.map((c) => `${c.letter}:${c.header}`), ['A:Участник', 'B:Дата подачи', 'C:№ заявки', 'D:Баллы', 'E:Сайт']);
    assert.deepEqual(table.rows, [
      { row: 2, cells: ['МФЦ «Югра»', { date: '2026-02-03' }, 1234, 14, 'сайт'] },
      { row: 3, cells: ['МФЦ Казани', '04.02.2026', 1235, 7, 'https://kzn.example.ru'] },
    ]);
  });

  it('keeps the spreadsheet row numbers and letters when rows and columns are empty', async (t) => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.getCell('B3').value = 'ФИО';
      sheet.getCell('C3').value = 'Роль';
      sheet.getCell('B5').value = 'Иванов И. И.';
      sheet.getCell('D6').value = 'за пределами заголовка';
    });
    const table = await readWritten(t, 'experts.xlsx', bytes);
    assert.deepEqual(table.columns.map((c) => `${c.letter}:${c.header}`), ['A:', 'B:ФИО', 'C:Роль', 'D:']);
    assert.deepEqual(table.rows, [
      { row: 5, cells: [null, 'Иванов И. И.', null, null] },
      { row: 6, cells: [null, null, null, 'за пределами заголовка'] },
    ]);
  });

  it('takes a merged value from the top-left cell only', async (t) => {
    const bytes = await workbookBytes((workbook) => {
      const sheet = workbook.addWorksheet('Лист1');
      sheet.addRow(['Номинация', 'Участник']);
      sheet.addRow(['Лучший МФЦ', 'А']);
      sheet.addRow([null, 'Б']);
      sheet.mergeCells('A2:A3');
    });
    const table = await readWritten(t, 'merged.xlsx', bytes);
    assert.deepEqual(table.rows.map((r) => r.cells), [['Лучший МФЦ', 'А'], [null, 'Б']]);
  });

  it('skips hidden sheets when choosing the default one', async (t) => {
    const bytes = await workbookBytes((workbook) => {
      workbook.addWorksheet('Списки', { state: 'hidden' }).addRow(['Номинация']);
      workbook.addWorksheet('Эксперты').addRow(['ФИО']);
    });
    assert.equal((await readWritten(t, 'hidden.xlsx', bytes)).sheet, 'Эксперты');
  });

  it('recognises a workbook by its content when the name says nothing', async (t) => {
    const table = await readWritten(t, 'выгрузка', await workbookBytes(contestBook));
    assert.equal(table.format, 'xlsx');
  });

  it('refuses an unknown sheet, naming the file and the sheets it has', async (t) => {
    assert.deepEqual(await userErrorOf(readWritten(t, 'реестр.xlsx', await workbookBytes(contestBook), { sheet: 'Эксперты' })), {
      code: 'import.unknownSheet',
      params: { file: 'реестр.xlsx', sheet: 'Эксперты', sheets: '«Титул», «Заявки»' },
    });
  });

  it('refuses a sheet without a header row', async (t) => {
    const bytes = await workbookBytes((workbook) => workbook.addWorksheet('Пустой'));
    assert.deepEqual(await userErrorOf(readWritten(t, 'empty.xlsx', bytes)), { code: 'import.noHeaderSheet', params: { file: 'empty.xlsx', sheet: 'Пустой' } });
  });
});

describe('refusing what is not a readable table', () => {
  const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);

  it('refuses an Excel 97–2003 workbook and a password-protected one with a way out', async (t) => {
    assert.deepEqual(await userErrorOf(readWritten(t, 'old.xls', ole)), { code: 'import.legacyXls', params: { file: 'old.xls' } });
    assert.deepEqual(await userErrorOf(readWritten(t, 'secret.xlsx', ole)), { code: 'import.encrypted', params: { file: 'secret.xlsx' } });
  });

  it('refuses a damaged workbook and a file of another format', async (t) => {
    assert.deepEqual(await userErrorOf(readWritten(t, 'broken.xlsx', Buffer.from('not a zip'))), { code: 'import.badXlsx', params: { file: 'broken.xlsx' } });
    const zipOfNothing = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    assert.equal((await userErrorOf(readWritten(t, 'cut.xlsx', zipOfNothing))).code, 'import.badXlsx');
    assert.deepEqual(await userErrorOf(readWritten(t, 'photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))), { code: 'import.unknownFormat', params: { file: 'photo.png' } });
  });

  it('refuses a file over 32 MiB before reading it', async (t) => {
    const huge = Buffer.alloc(MAX_FILE_BYTES + 1, 0x41);
    assert.deepEqual(await userErrorOf(readWritten(t, 'huge.csv', huge)), { code: 'import.tooLarge', params: { file: 'huge.csv', size: 32.1, limit: 32 } });
  });
});
