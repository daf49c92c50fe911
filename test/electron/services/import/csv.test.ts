import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { readTable } from '../../../../electron/services/import/index.ts';
import type { ReadOptions, Table } from '../../../../electron/services/import/index.ts';
import { encodeCp1251 } from '../../../helpers/cp1251.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { userErrorOf } from '../../../helpers/errors.ts';

/** Writes the bytes as a file in a fresh folder and reads it back the way the app does. */
async function readWritten(t: TestContext, name: string, bytes: Buffer, options?: ReadOptions): Promise<Table> {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path), options);
}

const cells = (table: Table): unknown[][] => table.rows.map((r) => [r.row, ...r.cells]);
const headers = (table: Table): string[] => table.columns.map((c) => `${c.letter}:${c.header}`);

describe('reading CSV', () => {
  it('reads UTF-8 with a BOM and semicolons, as Excel saves "CSV UTF-8"', async (t) => {
    const text = '\uFEFFНазвание;Регион;№ заявки\r\nМФЦ «Югра»;Ханты-Мансийский АО;0012\r\nМФЦ Казани;Татарстан;13\r\n';
    const table = await readWritten(t, 'участники.csv', Buffer.from(text, 'utf-8'));
    assert.equal(table.format, 'csv');
    assert.equal(table.encoding, 'utf-8');
    assert.equal(table.separator, ';');
    assert.deepEqual(headers(table), ['A:Название', 'B:Регион', 'C:№ заявки']);
    assert.deepEqual(cells(table), [
      [2, 'МФЦ «Югра»', 'Ханты-Мансийский АО', '0012'],
      [3, 'МФЦ Казани', 'Татарстан', '13'],
    ]);
  });

  it('reads UTF-8 without a BOM and with commas', async (t) => {
    const table = await readWritten(t, 'experts.csv', Buffer.from('Name,Organisation\nИванова Анна,МФЦ Москвы\n', 'utf-8'));
    assert.equal(table.encoding, 'utf-8');
    assert.equal(table.separator, ',');
    assert.deepEqual(cells(table), [[2, 'Иванова Анна', 'МФЦ Москвы']]);
  });

  it('reads Windows-1251 with semicolons, decoding Cyrillic, ё and №', async (t) => {
    const text = 'ФИО;Организация;Роль\r\nСемёнов Пётр;ГАУ «МФЦ»;Председатель жюри\r\nЁлкина Ольга;№ 5;эксперт\r\n';
    const table = await readWritten(t, 'эксперты.csv', encodeCp1251(text));
    assert.equal(table.encoding, 'windows-1251');
    assert.equal(table.separator, ';');
    assert.deepEqual(headers(table), ['A:ФИО', 'B:Организация', 'C:Роль']);
    assert.deepEqual(cells(table), [
      [2, 'Семёнов Пётр', 'ГАУ «МФЦ»', 'Председатель жюри'],
      [3, 'Ёлкина Ольга', '№ 5', 'эксперт'],
    ]);
  });

  it('uses the encoding and separator it is given instead of guessing', async (t) => {
    const table = await readWritten(t, 'a.txt', encodeCp1251('Имя,Роль\tРегион\nА,Б\tВ\n'), { encoding: 'windows-1251', separator: '\t' });
    assert.equal(table.separator, '\t');
    assert.deepEqual(headers(table), ['A:Имя,Роль', 'B:Регион']);
    assert.deepEqual(cells(table), [[2, 'А,Б', 'В']]);
  });

  it('keeps separators, doubled quotes and line breaks (as LF) inside quoted fields', async (t) => {
    const text = 'Название;Описание;Материалы\n"ООО ""Ромашка""; филиал";"Первая строка\r\nвторая; с точкой с запятой";"https://a.ru\nhttps://b.ru"\nПоследний;;\n';
    const table = await readWritten(t, 'quoted.csv', Buffer.from(text, 'utf-8'));
    assert.deepEqual(cells(table), [
      [2, 'ООО "Ромашка"; филиал', 'Первая строка\nвторая; с точкой с запятой', 'https://a.ru\nhttps://b.ru'],
      [3, 'Последний', null, null],
    ]);
  });

  it('counts a record that spans lines as one spreadsheet row', async (t) => {
    const table = await readWritten(t, 'rows.csv', Buffer.from('A;B\n"1\n2";x\n\ny;z\n', 'utf-8'));
    assert.deepEqual(cells(table), [
      [2, '1\n2', 'x'],
      [4, 'y', 'z'],
    ]);
  });

  it('detects the separator outside quotes only', async (t) => {
    const table = await readWritten(t, 'h.csv', Buffer.from('"a;b;c",d\n1,2\n', 'utf-8'));
    assert.equal(table.separator, ',');
    assert.deepEqual(headers(table), ['A:a;b;c', 'B:d']);
  });

  it('skips empty leading rows: the first non-empty one is the header', async (t) => {
    const table = await readWritten(t, 'lead.csv', Buffer.from(';;\n\nФИО;Регион\nА;Б\n', 'utf-8'));
    assert.deepEqual(headers(table), ['A:ФИО', 'B:Регион']);
    assert.deepEqual(cells(table), [[4, 'А', 'Б']]);
  });

  it('refuses an unterminated quote, naming the file and the row it opened in', async (t) => {
    const text = 'Название;Регион\nА;Б\n"Незакрытая;В\nГ;Д\n';
    assert.deepEqual(await userErrorOf(readWritten(t, 'broken.csv', Buffer.from(text, 'utf-8'))), {
      code: 'import.unterminatedQuote',
      params: { file: 'broken.csv', row: 3 },
    });
  });

  it('refuses an empty file, one of blank lines, and UTF-16 text', async (t) => {
    assert.deepEqual(await userErrorOf(readWritten(t, 'none.csv', Buffer.alloc(0))), { code: 'import.empty', params: { file: 'none.csv' } });
    assert.equal((await userErrorOf(readWritten(t, 'blank.csv', Buffer.from('\uFEFF\r\n \r\n', 'utf-8')))).code, 'import.empty');
    assert.equal((await userErrorOf(readWritten(t, 'only-separators.csv', Buffer.from(';;\n;\n', 'utf-8')))).code, 'import.noHeader');
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ФИО\tРоль\r\n', 'utf16le')]);
    assert.equal((await userErrorOf(readWritten(t, 'unicode.txt', utf16))).code, 'import.utf16');
  });
});

describe('the Windows-1251 test encoder', () => {
  it('writes what TextDecoder reads back', () => {
    const text = 'Съешь же ещё этих мягких французских булок, да выпей чаю! ЁЖ № «1» — 2';
    assert.equal(new TextDecoder('windows-1251').decode(encodeCp1251(text)), text);
  });
});
