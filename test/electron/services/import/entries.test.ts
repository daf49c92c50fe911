import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import ExcelJS from 'exceljs';
import { convertRows, readTable, suggestMapping } from '../../../../electron/services/import/index.ts';
import type { ImportContext, Table } from '../../../../electron/services/import/index.ts';
import { tempDir } from '../../../helpers/temp.ts';

const nominations: ImportContext['nominations'] = [
  {
    id: 'nom-network',
    title: 'Лучший МФЦ сети',
    categories: [
      { id: 'cat-big', title: 'Крупные офисы' },
      { id: 'cat-small', title: 'Малые офисы' },
    ],
  },
  { id: 'nom-spec', title: 'Лучший специалист', categories: [] },
];

function context(defaults?: ImportContext['defaults']): ImportContext {
  let next = 0;
  return { nominations, defaults, newId: () => `entry-${++next}` };
}

async function readWritten(t: TestContext, name: string, bytes: Buffer): Promise<Table> {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path));
}

const HEADER = ['№ п/п', 'Участник', 'Организация', 'Регион', 'Номинация', 'Категория', '№ заявки', 'Дата заявки', 'Материалы'];

/** Fifty applications the way an office keeps them: half in each nomination, numbers and dates as Excel stores them. */
async function cleanRegister(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Заявки');
  sheet.addRow(HEADER);
  for (let n = 1; n <= 50; n++) {
    const network = n % 2 === 1;
    sheet.addRow([
      n,
      network ? `МФЦ № ${n}` : `Специалист ${n}`,
      network ? `ГАУ «МФЦ-${n}»` : 'МФЦ Казани',
      n % 3 === 0 ? 'Республика Татарстан' : 'Ханты-Мансийский автономный округ — Югра',
      network ? (n % 5 === 0 ? 'nom-network' : 'лучший  мфц сети') : 'Лучший специалист',
      network ? (n % 4 === 1 ? 'Крупные офисы' : 'cat-small') : null,
      1000 + n,
      n % 2 === 0 ? new Date(Date.UTC(2026, 0, n % 28 || 1)) : `${String(n % 28 || 1).padStart(2, '0')}.01.2026`,
      `https://mfc.example.ru/${n}\nпрезентация-${n}.pdf`,
    ]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('converting entries', () => {
  it('converts a clean register of fifty entries across two nominations', async (t) => {
    const table = await readWritten(t, 'реестр.xlsx', await cleanRegister());
    const result = convertRows('entries', table, suggestMapping('entries', table.columns), context());
    assert.deepEqual(result.errors, []);
    assert.equal(result.items.length, 50);
    assert.equal(result.skipped, 0);
    assert.deepEqual(result.items[0], {
      row: 2,
      item: {
        id: 'entry-1',
        nominationId: 'nom-network',
        categoryId: 'cat-big',
        title: 'МФЦ № 1',
        organisation: 'ГАУ «МФЦ-1»',
        region: 'Ханты-Мансийский автономный округ — Югра',
        description: '',
        applicationNo: '1001',
        appliedOn: '2026-01-01',
        materials: [
          { kind: 'link', title: '', ref: 'https://mfc.example.ru/1' },
          { kind: 'file', title: '', ref: 'презентация-1.pdf' },
        ],
      },
    });
    assert.deepEqual(result.items[1]?.item.appliedOn, '2026-01-02');
    const placed = (nominationId: string, categoryId: string | null) => result.items.filter((i) => i.item.nominationId === nominationId && i.item.categoryId === categoryId).length;
    assert.deepEqual([placed('nom-network', 'cat-big'), placed('nom-network', 'cat-small'), placed('nom-spec', null)], [13, 12, 25]);
    assert.deepEqual(new Set(result.items.map((i) => i.item.id)).size, 50);
  });

  it('reports each bad row exactly: row, column and reason, and imports none of them', async (t) => {
    const rows = [
      'Участник;Номинация;Категория;№ заявки;Дата заявки;Материалы',
      'МФЦ Урая;Лучший МФЦ сети;Малые офисы;А-1;3.2.2026;https://uray.example.ru',
      'МФЦ Сургута;Лучший сайт;;А-2;;',
      'МФЦ Нягани;Лучший МФЦ сети;Малые офисы;А-3;31.02.2026;',
      'Смирнова Анна;Лучший специалист;;А-4;вчера;',
      ';Лучший специалист;;А-5;;',
      'МФЦ Когалыма;Лучший МФЦ сети;Крупные офисы;А-6;;"https://kogalym .example.ru; www.kogalym.ru"',
      'МФЦ Урая (дубль);Лучший МФЦ сети;Малые офисы; а-1 ;;',
      'Петров Пётр;Лучший специалист;Крупные офисы;А-7;;',
      'МФЦ Лангепаса;Лучший МФЦ сети;;А-8;;',
      'МФЦ Мегиона;Лучший МФЦ сети;Сельские офисы;А-9;;',
      'МФЦ Пыть-Яха;Лучший сайт;;А-10;32.01.2026;',
    ];
    const table = await readWritten(t, 'заявки.csv', Buffer.from(rows.join('\r\n'), 'utf-8'));
    const result = convertRows('entries', table, suggestMapping('entries', table.columns), context());
    assert.deepEqual(
      result.errors.map((e) => [e.row, e.column, e.code, e.params]),
      [
        [3, 'B «Номинация»', 'import.unknownNomination', { value: 'Лучший сайт' }],
        [4, 'E «Дата заявки»', 'import.noSuchDate', { value: '31.02.2026' }],
        [5, 'E «Дата заявки»', 'import.badDate', { value: 'вчера' }],
        [6, 'A «Участник»', 'import.required', {}],
        [7, 'F «Материалы»', 'import.badLink', { value: 'https://kogalym .example.ru' }],
        [7, 'F «Материалы»', 'import.badLink', { value: 'www.kogalym.ru' }],
        [8, 'D «№ заявки»', 'import.duplicateApplication', { value: 'а-1', firstRow: 2 }],
        [9, 'C «Категория»', 'import.categoryOfOtherNomination', { value: 'Крупные офисы', nomination: 'Лучший специалист', other: 'Лучший МФЦ сети' }],
        [10, 'C «Категория»', 'import.categoryMissing', { nomination: 'Лучший МФЦ сети' }],
        [11, 'C «Категория»', 'import.unknownCategory', { value: 'Сельские офисы', nomination: 'Лучший МФЦ сети' }],
        [12, 'B «Номинация»', 'import.unknownNomination', { value: 'Лучший сайт' }],
        [12, 'E «Дата заявки»', 'import.noSuchDate', { value: '32.01.2026' }],
      ],
    );
    assert.deepEqual(result.items.map((i) => [i.row, i.item.id, i.item.appliedOn]), [[2, 'entry-1', '2026-02-03']]);
  });

  it('fills nomination and category from the defaults when there is no column or the cell is empty', async (t) => {
    const table = await readWritten(t, 'd.csv', Buffer.from('Название;Категория\nА;\nБ;Крупные офисы\n', 'utf-8'));
    const result = convertRows('entries', table, suggestMapping('entries', table.columns), context({ nominationId: 'nom-network', categoryId: 'cat-small' }));
    assert.deepEqual(result.errors, []);
    assert.deepEqual(result.items.map((i) => [i.item.nominationId, i.item.categoryId]), [['nom-network', 'cat-small'], ['nom-network', 'cat-big']]);
  });

  it('reports a required field without a column once, not on every row', async (t) => {
    const table = await readWritten(t, 'n.csv', Buffer.from('Организация;Регион\nА;Б\nВ;Г\n', 'utf-8'));
    const result = convertRows('entries', table, suggestMapping('entries', table.columns), context());
    assert.deepEqual(result.errors, [
      { row: 0, column: null, field: 'title', code: 'import.notMapped.title', params: {} },
      { row: 0, column: null, field: 'nomination', code: 'import.notMapped.nomination', params: {} },
    ]);
    assert.deepEqual(result.items, []);
  });

  it('turns numbers in text fields into their text and leaves out the rows the user skips', async (t) => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Лист1');
    sheet.addRow(['Название', 'Номинация', 'Номер заявки', 'Регион']);
    sheet.addRow([2026, 'nom-spec', 1234, 86]);
    sheet.addRow(['Лишняя строка', 'нет такой', 0.5, null]);
    const table = await readWritten(t, 'numbers.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()));
    const result = convertRows('entries', table, suggestMapping('entries', table.columns), context(), [3]);
    assert.deepEqual(result.errors, []);
    assert.equal(result.skipped, 1);
    assert.deepEqual(result.items.map((i) => [i.item.title, i.item.applicationNo, i.item.region]), [['2026', '1234', '86']]);
  });
});
