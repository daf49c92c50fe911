import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { convertRows, readTable, suggestMapping } from '../../../../electron/services/import/index.ts';
import type { ImportContext, ImportKind, RowError, Table } from '../../../../electron/services/import/index.ts';
import { encodeCp1251 } from '../../../helpers/cp1251.ts';
import { userErrorOf } from '../../../helpers/errors.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { MAIN, rowXml, workbook, XML, type ZipPart } from '../../../helpers/zip.ts';

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

/** An inline-string cell as the XML holds it, Excel's escapes and all. */
const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const csv = (...rows: string[]): Buffer => Buffer.from(`${rows.join('\r\n')}\r\n`, 'utf8');
const ENTRY_HEADER = 'Название;Организация;Номинация;Описание;Материалы';

describe('control characters in imported cells', () => {
  // A zero byte makes a CSV no text at all (encoding.test.ts); in XLSX it is a cell's character like these.
  it('refuses C0 controls, DEL and C1 in CSV cells, naming row, column and the character', async (t) => {
    const table = await readWritten(t, 'заявки.csv', csv(ENTRY_HEADER, 'МФЦ\u0007 Югры;ГАУ;Лучший МФЦ;;', 'МФЦ Казани;ГАУ\u007f;Лучший МФЦ;;', 'МФЦ Тулы;ГАУ;Лучший МФЦ;Текст\u0085;', 'МФЦ Орла;ГАУ;Лучший МФЦ;;a\u0001.pdf', 'МФЦ Твери;ГАУ;Лучший МФЦ;;'));
    assert.deepEqual(convert('entries', table), {
      rows: [6],
      errors: [
        { row: 2, column: 'A «Название»', code: 'import.controlChar', params: { char: 'U+0007', position: 4 } },
        { row: 3, column: 'B «Организация»', code: 'import.controlChar', params: { char: 'U+007F', position: 4 } },
        { row: 4, column: 'D «Описание»', code: 'import.controlChar', params: { char: 'U+0085', position: 6 } },
        { row: 5, column: 'E «Материалы»', code: 'import.controlChar', params: { char: 'U+0001', position: 2 } },
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

  it('reads Excel\'s escapes once, in shared strings (which exceljs decodes too) as in inline strings', async (t) => {
    const strings = ['<si><t>Орлова _x005F_x0041_</t></si>', '<si><t>МФЦ_x0007_</t></si>', '<si><r><t>Петров </t></r><r><t>_x005F_x0007_</t></r></si>'];
    const sst: ZipPart = { name: 'xl/sharedStrings.xml', content: [`${XML}<sst xmlns="${MAIN}">${strings.join('')}</sst>`] };
    const shared = (ref: string, index: number) => `<c r="${ref}" t="s"><v>${index}</v></c>`;
    const book = workbook([rowXml(1, ['ФИО', 'Организация']), `<row r="2">${shared('A2', 0)}${shared('B2', 1)}</row>`, `<row r="3">${shared('A3', 2)}</row>`], { extra: [sst] });
    const table = await readWritten(t, 'эксперты.xlsx', book);
    assert.deepEqual(table.rows.map((r) => r.cells), [['Орлова _x0041_', 'МФЦ\u0007'], ['Петров _x0007_', null]]);
  });

  it('refuses half of a character (a lone surrogate, which Excel\'s _xD800_ can write) that storing would turn into U+FFFD', async (t) => {
    const book = workbook([
      rowXml(1, ['ФИО', 'Организация']),
      `<row r="2">${cell('A2', 'Ива_xD800_нова')}${cell('B2', 'МФЦ')}</row>`,
      `<row r="3">${cell('A3', 'Петров')}${cell('B3', 'МФЦ _xDE00_')}</row>`,
      `<row r="4">${cell('A4', 'Орлова _xD83D__xDE00_')}${cell('B4', 'МФЦ')}</row>`,
    ]);
    assert.deepEqual(convert('experts', await readWritten(t, 'эксперты.xlsx', book)), {
      rows: [4],
      errors: [
        { row: 2, column: 'A «ФИО»', code: 'import.halfChar', params: { char: 'U+D800', position: 4 } },
        { row: 3, column: 'B «Организация»', code: 'import.halfChar', params: { char: 'U+DE00', position: 5 } },
      ],
    });
  });
});

describe('control characters in the header row', () => {
  it('refuses a header with a control or direction character in CSV and XLSX, naming its row and column, before the preview shows it', async (t) => {
    const bytes = csv('Название\u001b[2K;Регион', 'МФЦ Югры;Югра');
    assert.deepEqual(await userErrorOf(readWritten(t, 'заявки.csv', bytes)), { code: 'import.headerChar', params: { file: 'заявки.csv', row: 1, column: 'A', char: 'U+001B' } });
    const book = workbook([rowXml(3, ['ФИО', 'Организация_x202E_']), rowXml(4, ['Иванова Анна', 'МФЦ'])]);
    assert.deepEqual(await userErrorOf(readWritten(t, 'эксперты.xlsx', book)), { code: 'import.headerChar', params: { file: 'эксперты.xlsx', row: 3, column: 'B', char: 'U+202E' } });
  });

  it('reads a header broken over lines, as Excel writes one typed with Alt+Enter', async (t) => {
    const table = await readWritten(t, 'заявки.csv', csv('"Название\nпроекта";"Дата\r\nподачи"', 'МФЦ Югры;01.02.2026'));
    assert.deepEqual(table.columns.map((c) => c.header), ['Название\nпроекта', 'Дата\nподачи']);
  });
});
