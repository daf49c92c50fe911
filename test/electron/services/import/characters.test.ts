import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { convertRows, readTable, suggestMapping } from '../../../../electron/services/import/index.ts';
import type { ImportContext, ImportKind, RowError, Table } from '../../../../electron/services/import/index.ts';
import { encodeCp1251 } from '../../../helpers/cp1251.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { rowXml, workbook } from '../../../helpers/zip.ts';

const context = (): ImportContext => {
  let next = 0;
  return { nominations: [{ id: 'nom', title: 'Лучший МФЦ', categories: [] }], newId: () => `id-${++next}` };
};

async function readWritten(t: TestContext, name: string, bytes: Buffer): Promise<Table> {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path));
}

/** The rows imported and the problems found, when the file is imported as the screen would suggest. */
function convert(kind: ImportKind, table: Table): { rows: number[]; errors: Omit<RowError, 'field'>[] } {
  const result = kind === 'entries' ? convertRows('entries', table, suggestMapping(kind, table.columns), context()) : convertRows('experts', table, suggestMapping(kind, table.columns), context());
  return { rows: result.items.map((i) => i.row), errors: result.errors.map(({ field: _field, ...e }) => e) };
}

const csv = (...rows: string[]): Buffer => Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
const ENTRY_HEADER = 'Название;Организация;Номинация;Описание;Материалы';

describe('control characters in imported cells', () => {
  it('refuses C0 controls, DEL and C1 in CSV cells, naming row, column and the character', async (t) => {
    const table = await readWritten(t, 'заявки.csv', csv(ENTRY_HEADER, 'МФЦ\u0007 Югры;ГАУ;Лучший МФЦ;;', 'МФЦ Казани;ГАУ\u007f;Лучший МФЦ;;', 'МФЦ Тулы;ГАУ;Лучший МФЦ;Текст\u0085;', 'МФЦ Орла;ГАУ;Лучший МФЦ;;a\u0000.pdf', 'МФЦ Твери;ГАУ;Лучший МФЦ;;'));
    assert.deepEqual(convert('entries', table), {
      rows: [6],
      errors: [
        { row: 2, column: 'A «Название»', code: 'import.controlChar', params: { char: 'U+0007', position: 4 } },
        { row: 3, column: 'B «Организация»', code: 'import.controlChar', params: { char: 'U+007F', position: 4 } },
        { row: 4, column: 'D «Описание»', code: 'import.controlChar', params: { char: 'U+0085', position: 6 } },
        { row: 5, column: 'E «Материалы»', code: 'import.controlChar', params: { char: 'U+0000', position: 2 } },
      ],
    });
  });

  it('refuses a byte Windows-1251 leaves undefined (0x98 reads as C1 U+0098)', async (t) => {
    const bytes = Buffer.concat([encodeCp1251('ФИО;Организация\r\nИванова Анна;МФЦ'), Buffer.from([0x98]), encodeCp1251('\r\n')]);
    const table = await readWritten(t, 'эксперты.csv', bytes);
    assert.equal(table.encoding, 'windows-1251');
    assert.deepEqual(convert('experts', table).errors, [{ row: 2, column: 'B «Организация»', code: 'import.controlChar', params: { char: 'U+0098', position: 4 } }]);
  });

  it('allows line breaks only in a description and the materials, and tabs anywhere', async (t) => {
    const table = await readWritten(t, 'заявки.csv', csv(ENTRY_HEADER, '"МФЦ\tЮгры";"ГАУ\nфилиал";Лучший МФЦ;;', '"МФЦ Казани";ГАУ;Лучший МФЦ;"Первая строка\r\nвторая";"a.pdf\nb.pdf"'));
    assert.deepEqual(convert('entries', table), { rows: [3], errors: [{ row: 2, column: 'B «Организация»', code: 'import.lineBreak', params: { char: 'U+000A', position: 4 } }] });
  });

  it('refuses bidirectional overrides and isolates in any field, and reports the field once', async (t) => {
    const table = await readWritten(t, 'эксперты.csv', csv('ФИО;Организация;Роль', 'Иванова\u202eанна;МФЦ;эксперт', 'Петров Пётр;\u2066МФЦ\u2069;эксперт', '\u202d;МФЦ;эксперт'));
    assert.deepEqual(convert('experts', table).errors, [
      { row: 2, column: 'A «ФИО»', code: 'import.bidiChar', params: { char: 'U+202E', position: 8 } },
      { row: 3, column: 'B «Организация»', code: 'import.bidiChar', params: { char: 'U+2066', position: 1 } },
      { row: 4, column: 'A «ФИО»', code: 'import.bidiChar', params: { char: 'U+202D', position: 1 } },
    ]);
  });

  it('reads Excel\'s _xHHHH_ escapes as the characters they stand for, and checks them the same way in XLSX', async (t) => {
    const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const book = workbook([
      rowXml(1, ['ФИО', 'Организация']),
      `<row r="2">${cell('A2', 'Иванова_x0007_ Анна')}${cell('B2', 'МФЦ')}</row>`,
      `<row r="3">${cell('A3', 'Петров Пётр')}${cell('B3', 'МФЦ\u0085')}</row>`,
      `<row r="4">${cell('A4', 'Сидоров_x000A_Иван')}${cell('B4', 'МФЦ')}</row>`,
      `<row r="5">${cell('A5', 'Орлова _x005F_x0007_')}${cell('B5', 'МФЦ')}</row>`,
    ]);
    const table = await readWritten(t, 'эксперты.xlsx', book);
    assert.equal(table.rows[3]?.cells[0], 'Орлова _x0007_');
    assert.deepEqual(convert('experts', table), {
      rows: [5],
      errors: [
        { row: 2, column: 'A «ФИО»', code: 'import.controlChar', params: { char: 'U+0007', position: 8 } },
        { row: 3, column: 'B «Организация»', code: 'import.controlChar', params: { char: 'U+0085', position: 4 } },
        { row: 4, column: 'A «ФИО»', code: 'import.lineBreak', params: { char: 'U+000A', position: 8 } },
      ],
    });
  });
});
