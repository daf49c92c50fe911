import assert from 'node:assert/strict';
import { isUtf8 } from 'node:buffer';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { readTable } from '../../../../electron/services/import/index.ts';
import type { ReadOptions, Table } from '../../../../electron/services/import/index.ts';
import { encodeCp1251 } from '../../../helpers/cp1251.ts';
import { userErrorOf } from '../../../helpers/errors.ts';
import { tempDir } from '../../../helpers/temp.ts';

async function readWritten(t: TestContext, name: string, bytes: Buffer, options?: ReadOptions): Promise<Table> {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path), options);
}

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
const lines = (...rows: Buffer[]): Buffer => Buffer.concat(rows.flatMap((row) => [row, Buffer.from('\r\n')]));

const HEADER = 'ФИО;Организация;Регион';
const ROWS = ['Семёнов Пётр;ГАУ «МФЦ»;Тульская область', 'Ёлкина Ольга;МФЦ № 5;Москва', 'Рёрих Николай;«ЦЕНТР»;Калужская область', 'Сёмина Анна;ООО «РЕСУРС»;Орловская область'];

describe('a CSV of mixed encodings', () => {
  it('refuses a UTF-8 row inside a Windows-1251 file, naming its row and column, rather than import mojibake', async (t) => {
    const bytes = lines(encodeCp1251(HEADER), encodeCp1251(ROWS[0] ?? ''), Buffer.concat([encodeCp1251('Ёлкина Ольга;'), utf8('МФЦ № 5'), encodeCp1251(';Москва')]), encodeCp1251(ROWS[2] ?? ''));
    assert.deepEqual(await userErrorOf(readWritten(t, 'эксперты.csv', bytes)), { code: 'import.utf8In1251', params: { file: 'эксперты.csv', row: 3, column: 'B' } });
  });

  it('refuses a Windows-1251 row inside a UTF-8 file, naming its row and column', async (t) => {
    const bytes = lines(utf8(HEADER), utf8(ROWS[0] ?? ''), utf8(ROWS[1] ?? ''), utf8(ROWS[2] ?? ''), Buffer.concat([utf8('Сёмина Анна;ООО;'), encodeCp1251('Орловская область')]));
    assert.deepEqual(await userErrorOf(readWritten(t, 'эксперты.csv', bytes)), { code: 'import.notUtf8', params: { file: 'эксперты.csv', row: 5, column: 'C' } });
  });

  it('takes a BOM at its word: Windows-1251 rows in "CSV UTF-8" are refused however many there are', async (t) => {
    const bytes = lines(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(HEADER)]), ...ROWS.map(encodeCp1251));
    assert.deepEqual(await userErrorOf(readWritten(t, 'bom.csv', bytes)), { code: 'import.notUtf8', params: { file: 'bom.csv', row: 2, column: 'A' } });
  });

  it('refuses a single UTF-8 letter, or a UTF-8 "№", inside Windows-1251 text', async (t) => {
    for (const [i, odd] of ['в', '№', 'Ё'].entries()) {
      const bytes = lines(encodeCp1251(HEADER), Buffer.concat([encodeCp1251('Семёнов Пётр;'), utf8(odd), encodeCp1251(';Тула')]));
      assert.deepEqual(await userErrorOf(readWritten(t, `${i}.csv`, bytes)), { code: 'import.utf8In1251', params: { file: `${i}.csv`, row: 2, column: 'B' } });
    }
  });

  it('refuses the encoding the user chose when the bytes are not in it', async (t) => {
    const cp1251 = lines(encodeCp1251(HEADER), ...ROWS.map(encodeCp1251));
    assert.deepEqual(await userErrorOf(readWritten(t, 'a.csv', cp1251, { encoding: 'utf-8' })), { code: 'import.notUtf8', params: { file: 'a.csv', row: 1, column: 'A' } });
    const unicode = lines(utf8(HEADER), ...ROWS.map(utf8));
    assert.deepEqual(await userErrorOf(readWritten(t, 'b.csv', unicode, { encoding: 'windows-1251' })), { code: 'import.utf8In1251', params: { file: 'b.csv', row: 1, column: 'A' } });
  });

  it('reads Windows-1251 text whose letters stand next to «», №, ё and dashes, which are never valid UTF-8 in it', async (t) => {
    const tricky = ['«ЦЕНТР»', 'РЕСУРС»', 'Рёрих', 'Сёмина', 'Р–С', 'ТРЁХ', '№ 5', 'Ёж', 'я'];
    for (const text of tricky) assert.equal(isUtf8(encodeCp1251(text)) && /\P{ASCII}/u.test(text), false, text);
    const table = await readWritten(t, 'c.csv', lines(encodeCp1251('Название'), ...tricky.map(encodeCp1251)));
    assert.equal(table.encoding, 'windows-1251');
    assert.deepEqual(table.rows.map((r) => r.cells[0]), tricky);
  });

  it('still reads a file of one encoding, whichever it is, and ASCII as UTF-8', async (t) => {
    assert.equal((await readWritten(t, 'u.csv', lines(utf8(HEADER), ...ROWS.map(utf8)))).encoding, 'utf-8');
    assert.equal((await readWritten(t, 'w.csv', lines(encodeCp1251(HEADER), ...ROWS.map(encodeCp1251)))).encoding, 'windows-1251');
    assert.equal((await readWritten(t, 'a.csv', lines(utf8('Name;Region'), utf8('Ivanova;Moscow')))).encoding, 'utf-8');
  });
});

describe('a CSV that is not text', () => {
  const where = (file: string, row: number, column: string) => ({ code: 'import.notText', params: { file, row, column } });

  it('refuses UTF-16 without a byte-order mark, which no reading of its bytes makes text', async (t) => {
    const text = `${HEADER}\r\n${ROWS[0]}\r\n`;
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    // Cyrillic letters have no zero byte in UTF-16; the ";" has, after it (LE: column B) or before it (BE: column A).
    assert.deepEqual(await userErrorOf(readWritten(t, 'le.csv', Buffer.from(text, 'utf16le'))), where('le.csv', 1, 'B'));
    assert.deepEqual(await userErrorOf(readWritten(t, 'be.csv', bigEndian)), where('be.csv', 1, 'A'));
  });

  it('refuses a picture or a program saved under a .csv name, naming the first zero byte’s row and column', async (t) => {
    const png = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.from([0, 0, 0, 13]), Buffer.from('IHDR;')]);
    assert.deepEqual(await userErrorOf(readWritten(t, 'фото.csv', png)), where('фото.csv', 3, 'A'));
    const zero = lines(utf8(HEADER), utf8(ROWS[0] ?? ''), Buffer.concat([utf8('Ёлкина Ольга;МФЦ'), Buffer.from([0]), utf8(';Москва')]));
    assert.deepEqual(await userErrorOf(readWritten(t, 'эксперты.csv', zero)), where('эксперты.csv', 3, 'B'));
  });
});
