import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { TestContext } from 'node:test';
import { convertRows, readTable, suggestMapping } from '../../../../electron/services/import/index.ts';
import type { ImportContext, Table } from '../../../../electron/services/import/index.ts';
import { encodeCp1251 } from '../../../helpers/cp1251.ts';
import { tempDir } from '../../../helpers/temp.ts';

function context(): ImportContext {
  let next = 0;
  return { nominations: [], newId: () => `expert-${++next}` };
}

async function readWritten(t: TestContext, name: string, bytes: Buffer): Promise<Table> {
  const path = join(tempDir(t), name);
  writeFileSync(path, bytes);
  return readTable(name, readFileSync(path));
}

/** The jury list as a Russian Excel saves plain CSV: Windows-1251, semicolons. */
const JURY = [
  'ФИО;Место работы;Субъект РФ;Должность;Роль в жюри',
  'Семёнов Пётр Ильич;МФЦ Москвы;Москва;Директор;Председатель  жюри',
  'Иванова Анна;МФЦ Казани;Татарстан;Начальник отдела;эксперт',
  'Smith John;Service Design Lab;;Consultant;chair',
  'Ёлкина Ольга;МФЦ Югры;Югра;;',
  'Кузнецов Олег;МФЦ Урая;Югра;;секретарь',
  'СЕМЕНОВ ПЕТР ИЛЬИЧ;мфц москвы;Москва;;эксперт',
  'Семёнов Пётр Ильич;Минэкономразвития;Москва;Советник;Эксперт',
  ';МФЦ Тюмени;Тюмень;;эксперт',
].join('\r\n');

describe('converting experts', () => {
  it('reads roles, reports an unknown one, a repeated expert and a missing name', async (t) => {
    const table = await readWritten(t, 'жюри.csv', encodeCp1251(JURY));
    const result = convertRows('experts', table, suggestMapping('experts', table.columns), context());
    assert.deepEqual(
      result.items.map((i) => [i.row, i.item.id, i.item.name, i.item.organisation, i.item.role]),
      [
        [2, 'expert-1', 'Семёнов Пётр Ильич', 'МФЦ Москвы', 'chair'],
        [3, 'expert-2', 'Иванова Анна', 'МФЦ Казани', 'expert'],
        [4, 'expert-3', 'Smith John', 'Service Design Lab', 'chair'],
        [5, 'expert-4', 'Ёлкина Ольга', 'МФЦ Югры', 'expert'],
        [8, 'expert-5', 'Семёнов Пётр Ильич', 'Минэкономразвития', 'expert'],
      ],
    );
    assert.deepEqual(result.items[0]?.item, {
      id: 'expert-1',
      name: 'Семёнов Пётр Ильич',
      organisation: 'МФЦ Москвы',
      region: 'Москва',
      position: 'Директор',
      role: 'chair',
    });
    assert.deepEqual(result.errors, [
      { row: 6, column: 'E «Роль в жюри»', field: 'role', code: 'import.badRole', params: { value: 'секретарь' } },
      { row: 7, column: 'A «ФИО»', field: 'name', code: 'import.duplicateExpert', params: { name: 'СЕМЕНОВ ПЕТР ИЛЬИЧ', firstRow: 2 } },
      { row: 9, column: 'A «ФИО»', field: 'name', code: 'import.required', params: {} },
    ]);
  });

  it('leaves out the rows the user chose to skip, counting them', async (t) => {
    const table = await readWritten(t, 'жюри.csv', encodeCp1251(JURY));
    const result = convertRows('experts', table, suggestMapping('experts', table.columns), context(), [6, 7, 9, 42]);
    assert.deepEqual(result.errors, []);
    assert.equal(result.skipped, 3);
    assert.deepEqual(result.items.map((i) => i.row), [2, 3, 4, 5, 8]);
  });

  it('reports a name without a column once', async (t) => {
    const table = await readWritten(t, 'orgs.csv', Buffer.from('Организация\nМФЦ\n', 'utf-8'));
    const result = convertRows('experts', table, suggestMapping('experts', table.columns), context());
    assert.deepEqual(result.errors, [{ row: 0, column: null, field: 'name', code: 'import.notMapped.name', params: {} }]);
  });

  it('names a field its schema rejects by the column it came from', async (t) => {
    const table = await readWritten(t, 'long.csv', Buffer.from(`ФИО;Регион\nИванов;${'Ю'.repeat(201)}\n`, 'utf-8'));
    const result = convertRows('experts', table, suggestMapping('experts', table.columns), context());
    assert.deepEqual(result.errors, [{ row: 2, column: 'B «Регион»', field: 'region', code: 'import.tooLong', params: { max: 200 } }]);
  });
});
