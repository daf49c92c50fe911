import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDate, parseRole, splitMaterials } from '../../../../electron/services/import/values.ts';

describe('cell values', () => {
  it('reads dates as DD.MM.YYYY, D.M.YYYY, YYYY-MM-DD and date cells', () => {
    assert.deepEqual(['03.02.2026', '3.2.2026', '2026-02-03', ' 29.02.2024 '].map(parseDate), Array(4).fill({ value: '2026-02-03' }).fill({ value: '2024-02-29' }, 3));
    assert.deepEqual(parseDate({ date: '2026-12-31' }), { value: '2026-12-31' });
    assert.deepEqual(parseDate(null), { value: null });
  });

  it('refuses dates that do not exist and text that is not a date', () => {
    assert.deepEqual(parseDate('31.02.2026'), { problem: 'import.noSuchDate', params: { value: '31.02.2026' } });
    assert.deepEqual(parseDate('2026-13-01'), { problem: 'import.noSuchDate', params: { value: '2026-13-01' } });
    assert.deepEqual(parseDate('02/03/2026'), { problem: 'import.badDate', params: { value: '02/03/2026' } });
    assert.deepEqual(parseDate(46056), { problem: 'import.badDate', params: { value: '46056' } });
  });

  it('reads roles in either language, an empty cell as an expert', () => {
    const roles = ['эксперт', 'Expert', '', null, 'Председатель', 'председатель жюри.', 'CHAIR'].map(parseRole);
    assert.deepEqual(roles.map((r) => ('value' in r ? r.value : r.problem)), ['expert', 'expert', 'expert', 'expert', 'chair', 'chair', 'chair']);
    assert.deepEqual(parseRole('секретарь'), { problem: 'import.badRole', params: { value: 'секретарь' } });
  });

  it('splits materials by line and by semicolon, telling links from files', () => {
    assert.deepEqual(splitMaterials('https://a.ru/x\r\n  отчёт.pdf ; HTTP://B.RU\n\nwww.c.ru;'), [
      { kind: 'link', ref: 'https://a.ru/x' },
      { kind: 'file', ref: 'отчёт.pdf' },
      { kind: 'link', ref: 'HTTP://B.RU' },
      { kind: 'link', ref: 'www.c.ru' },
    ]);
    assert.deepEqual(splitMaterials(null), []);
  });
});
