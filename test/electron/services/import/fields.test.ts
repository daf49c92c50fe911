import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FIELDS, columnLetter, normaliseHeader, suggestMapping } from '../../../../electron/services/import/index.ts';
import type { Column } from '../../../../electron/services/import/index.ts';
import { isMessageKey } from '../../../../shared/i18n/index.ts';

const columns = (...headers: string[]): Column[] => headers.map((header, index) => ({ index, letter: columnLetter(index), header }));

describe('suggesting a mapping', () => {
  it('maps the headers of a Russian entries register', () => {
    const mapping = suggestMapping(
      'entries',
      columns('№ п/п', 'Наименование участника', 'Субъект РФ', 'Учреждение', 'Номинация', 'Категория', 'Аннотация', 'Заявка №', 'Дата подачи', 'Ссылки', 'Примечание'),
    );
    assert.deepEqual(mapping, {
      title: 1,
      region: 2,
      organisation: 3,
      nomination: 4,
      category: 5,
      description: 6,
      applicationNo: 7,
      appliedOn: 8,
      materials: 9,
    });
  });

  it('ignores case, ё, punctuation, spacing and a remark in brackets', () => {
    const mapping = suggestMapping('entries', columns('  ФИО  участника: ', 'НОМЕР-ЗАЯВКИ', 'Регион (субъект РФ)', 'Материалы*'));
    assert.equal(mapping.title, 0);
    assert.equal(mapping.applicationNo, 1);
    assert.equal(mapping.region, 2);
    assert.equal(mapping.materials, 3);
    assert.equal(normaliseHeader('Ёмкость, «шт.»'), 'емкостьшт');
  });

  it('maps English headers of an experts list and leaves unknown fields unmapped', () => {
    const mapping = suggestMapping('experts', columns('Full name', 'Organization', 'Region', 'Job title', 'Role', 'E-mail'));
    assert.deepEqual(mapping, { name: 0, organisation: 1, region: 2, position: 3, role: 4 });
    assert.deepEqual(suggestMapping('experts', columns('E-mail')), { name: null, organisation: null, region: null, position: null, role: null });
  });

  it('maps a column to one field only, the first that claims it, and a field to its first column', () => {
    const mapping = suggestMapping('experts', columns('Эксперт', 'ФИО', 'Должность'));
    assert.deepEqual(mapping, { name: 0, organisation: null, region: null, position: 2, role: null });
  });

  it('has a message for every field label', () => {
    const keys = Object.values(FIELDS).flatMap((specs) => specs.flatMap((s) => [s.label, ...(s.notMapped ? [s.notMapped] : [])]));
    assert.deepEqual(keys.filter((key) => !isMessageKey(key)), []);
  });
});

describe('column letters', () => {
  it('counts like a spreadsheet', () => {
    assert.deepEqual([0, 25, 26, 51, 52, 701, 702].map(columnLetter), ['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});
