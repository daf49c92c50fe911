import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { readTable } from '../../../../electron/services/import/index.ts';
import { IMPORT_LIMITS } from '../../../../shared/domain/import.ts';
import { encodeCp1251 } from '../../../helpers/cp1251.ts';
import { userErrorOf } from '../../../helpers/errors.ts';
import { MEMORY_BOUND_MIB, expectBounded, expectRefusedWithin, readInChild } from '../../../helpers/read-in-child.ts';
import { tempDir } from '../../../helpers/temp.ts';
import { rowXml, workbook } from '../../../helpers/zip.ts';

const MiB = 1024 * 1024;

async function read(t: TestContext, name: string, bytes: Buffer) {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path));
}

/** About a mebibyte of sheet XML: one row of one long text, the piece a bomb repeats. */
const MEBIBYTE_ROW = `<row r="2"><c r="A2" t="inlineStr"><is><t>${'A'.repeat(MiB - 60)}</t></is></c></row>`;

/** Rows 2… of one number each, the way Excel stores them. */
function numberRows(from: number, to: number, cellsPerRow = 1): string {
  const rows: string[] = [];
  for (let r = from; r <= to; r++) {
    let cells = '';
    for (let c = 0; c < cellsPerRow; c++) cells += `<c r="${String.fromCharCode(65 + c)}${r}"><v>${r}</v></c>`;
    rows.push(`<row r="${r}">${cells}</row>`);
  }
  return rows.join('');
}

const unpackedLimit = { limit: IMPORT_LIMITS.expandedBytes / MiB };

describe('a workbook over the limits', () => {
  it('refuses a 300 KB workbook whose directory says it expands to 300 MB, before inflating it', (t) => {
    const bomb = workbook([rowXml(1, ['Название']), { piece: MEBIBYTE_ROW, times: 300 }]);
    assert.ok(bomb.length < 400 * 1024, `${bomb.length} bytes`);
    expectRefusedWithin(readInChild(t, 'бомба.xlsx', bomb), 'import.tooLargeUnpacked', { file: 'бомба.xlsx', ...unpackedLimit });
  });

  it('refuses a workbook whose directory claims 1 KB while its sheet inflates to 300 MB, while inflating', (t) => {
    const bomb = workbook([rowXml(1, ['Название']), { piece: MEBIBYTE_ROW, times: 300 }], { claimedSheetSize: 1024 });
    expectRefusedWithin(readInChild(t, 'лжец.xlsx', bomb), 'import.tooLargeUnpacked', { file: 'лжец.xlsx', ...unpackedLimit });
  });

  it('refuses a sheet of 1,048,576 rows (54 MB of XML, within the unpacked limit) before exceljs builds it', (t) => {
    const sheet = workbook([rowXml(1, ['Название']), numberRows(2, 1_048_576)]);
    expectRefusedWithin(readInChild(t, 'миллион.xlsx', sheet), 'import.tooManyRows', { file: 'миллион.xlsx', limit: IMPORT_LIMITS.rows });
  });

  it('refuses more stored cells than the limit, counted on every sheet the workbook holds', async (t) => {
    const cellsPerRow = 20;
    const rows = Math.ceil(IMPORT_LIMITS.cells / cellsPerRow / 2) + 1;
    const secondSheet = { name: 'xl/worksheets/sheet2.xml', content: [`<worksheet><sheetData>${numberRows(1, rows, cellsPerRow)}</sheetData></worksheet>`] };
    const book = workbook([numberRows(1, rows, cellsPerRow)], { extra: [secondSheet] });
    assert.deepEqual(await userErrorOf(read(t, 'ячейки.xlsx', book)), { code: 'import.tooManyCells', params: { file: 'ячейки.xlsx', limit: IMPORT_LIMITS.cells } });
  });

  it('refuses a table that one value far to the right would make too large, before filling its rows out', async (t) => {
    const far = '<row r="2"><c r="XFD2" t="inlineStr"><is><t>далеко</t></is></c></row>';
    const book = workbook([rowXml(1, ['Название']), far, numberRows(3, 100)]);
    assert.deepEqual(await userErrorOf(read(t, 'широкий.xlsx', book)), { code: 'import.tooManyCells', params: { file: 'широкий.xlsx', limit: IMPORT_LIMITS.cells } });
  });

  it('reads a workbook of exactly the rows allowed, and refuses one row more', async (t) => {
    const atLimit = await read(t, 'ровно.xlsx', workbook([rowXml(1, ['Название']), numberRows(2, IMPORT_LIMITS.rows)]));
    assert.equal(atLimit.rows.length, IMPORT_LIMITS.rows - 1);
    const over = workbook([rowXml(1, ['Название']), numberRows(2, IMPORT_LIMITS.rows + 1)]);
    assert.equal((await userErrorOf(read(t, 'больше.xlsx', over))).code, 'import.tooManyRows');
  });
});

describe('a ZIP that is not what its directory says', () => {
  const sheet = [rowXml(1, ['Название']), rowXml(2, ['МФЦ «Югра»'])];

  it('refuses a part longer than its directory claims', async (t) => {
    assert.deepEqual(await userErrorOf(read(t, 'короче.xlsx', workbook(sheet, { claimedSheetSize: 10 }))), { code: 'import.badXlsx', params: { file: 'короче.xlsx' } });
  });

  it('refuses a part whose checksum does not match', async (t) => {
    const bytes = workbook(sheet);
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    // The name's second occurrence is in the central directory, 46 bytes after its entry's start; the CRC is at 16.
    const entry = bytes.indexOf(name, bytes.indexOf(name) + 1) - 46;
    bytes.writeUInt32LE((bytes.readUInt32LE(entry + 16) ^ 1) >>> 0, entry + 16);
    assert.equal((await userErrorOf(read(t, 'crc.xlsx', bytes))).code, 'import.badXlsx');
  });

  it('refuses two parts of the same name, which two readers could take differently', async (t) => {
    const twice = workbook(sheet, { extra: [{ name: 'xl/worksheets/sheet1.xml', content: ['<worksheet><sheetData/></worksheet>'] }] });
    assert.equal((await userErrorOf(read(t, 'дважды.xlsx', twice))).code, 'import.badXlsx');
  });
});

describe('a CSV at and over the limits', () => {
  it('refuses 1,048,576 rows as soon as it reads past the limit', (t) => {
    const lines = ['Title;Region'];
    for (let r = 2; r <= 1_048_576; r++) lines.push(`Entry ${r};Region`);
    const csv = Buffer.from(lines.join('\r\n'));
    expectRefusedWithin(readInChild(t, 'миллион.csv', csv), 'import.tooManyRows', { file: 'миллион.csv', limit: IMPORT_LIMITS.rows });
  });

  it('reads a Windows-1251 CSV at the limits, 100,000 rows × 5 columns (26 MB), in bounded memory', (t) => {
    const rows = ['Название;Организация;Регион;Описание;Номинация'];
    for (let r = 2; r <= IMPORT_LIMITS.rows; r++) rows.push(`Участник ${r};ГАУ «МФЦ» № ${r};Ханты-Мансийский автономный округ — Югра;${'Описание проекта '.repeat(8)};Лучший МФЦ`);
    const outcome = readInChild(t, 'реестр.csv', encodeCp1251(rows.join('\r\n')));
    assert.equal(outcome.rows, IMPORT_LIMITS.rows - 1);
    assert.ok(outcome.peakMiB < MEMORY_BOUND_MIB, `peak RSS ${outcome.peakMiB} MiB`);
  });

  it('reads exactly the rows allowed, and refuses one row more', async (t) => {
    const lines = (count: number) => Buffer.from(Array.from({ length: count }, (_, i) => `r${i}`).join('\n'));
    assert.equal((await read(t, 'ровно.csv', lines(IMPORT_LIMITS.rows))).rows.length, IMPORT_LIMITS.rows - 1);
    assert.deepEqual(await userErrorOf(read(t, 'больше.csv', lines(IMPORT_LIMITS.rows + 1))), { code: 'import.tooManyRows', params: { file: 'больше.csv', limit: IMPORT_LIMITS.rows } });
  });

  it('reads one quoted field of 30 MB of doubled quotes, or of 10 million line breaks, in bounded memory', (t) => {
    const quoted = (inside: Buffer) => Buffer.concat([Buffer.from('Название;Регион\r\n"'), inside, Buffer.from('";Югра\r\n')]);
    for (const [name, inside] of [
      ['кавычки.csv', Buffer.alloc(30 * MiB, '"')],
      ['переносы.csv', Buffer.from('а\r\n'.repeat(10 * MiB / 2))],
    ] as const) {
      const outcome = readInChild(t, name, quoted(inside));
      assert.equal(outcome.rows, 1);
      expectBounded(outcome);
    }
  });

  it('refuses a record wider than Excel, naming its row', async (t) => {
    const csv = Buffer.from(`Название;Регион\nА;Б\n${';'.repeat(IMPORT_LIMITS.columns)}x\n`);
    assert.deepEqual(await userErrorOf(read(t, 'широкий.csv', csv)), { code: 'import.tooWide', params: { file: 'широкий.csv', row: 3, limit: IMPORT_LIMITS.columns } });
  });

  it('refuses more rows × columns than the cell limit', async (t) => {
    const row = `${'x;'.repeat(99)}x`;
    const csv = Buffer.from(Array.from({ length: IMPORT_LIMITS.cells / 100 + 1 }, () => row).join('\n'));
    assert.deepEqual(await userErrorOf(read(t, 'ячейки.csv', csv)), { code: 'import.tooManyCells', params: { file: 'ячейки.csv', limit: IMPORT_LIMITS.cells } });
  });
});
